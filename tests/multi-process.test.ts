// Two real server processes on one SQLite file (as `npm start` runs one per core): a nomination
// approved through process A is in process B's profile page, JSON, search and counts within
// 2 seconds, without B being told anything but what the database says; and the group
// committers of both never store one submission twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import * as schema from '../db/schema.ts';
import { RunningServer, freePort } from './e2e/helpers/server.ts';
import { seedDatabase } from './e2e/helpers/seed-db.ts';
import { HttpClient, VALID_NOMINATION, formFields, nominate } from './e2e/helpers/http.ts';
import { MODERATOR } from './e2e/helpers/flows.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** What B must show within this long of A acknowledging the approval. */
const WITHIN_MS = 2000;

let dir: string;
let dbPath: string;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gsw-two-processes-'));
  dbPath = join(dir, 'directory.db');
  await seedDatabase(dbPath, (s) => s.moderator(MODERATOR));
  a = new RunningServer(await freePort(), dir, dbPath, { WEB_CONCURRENCY: '1' }, false);
  b = new RunningServer(await freePort(), dir, dbPath, { WEB_CONCURRENCY: '1' }, false);
  await Promise.all([a.start(), b.start()]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

async function json(server: RunningServer, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(server.url + path);
  return { status: res.status, body: res.status === 200 ? await res.json() : undefined };
}

type Stats = { workers: number; nominations: number };
const isStats = (v: unknown): v is Stats => typeof v === 'object' && v !== null && 'workers' in v && 'nominations' in v;
type SearchBody = { total: number; results: { slug: string }[] };
const isSearch = (v: unknown): v is SearchBody => typeof v === 'object' && v !== null && 'total' in v && 'results' in v;

/** Approve the oldest pending nomination through `server`, as a moderator does, for a new profile. */
async function approveThrough(server: RunningServer): Promise<void> {
  const sqlite = new Database(dbPath, { readonly: true });
  const pending = drizzle(sqlite, { schema })
    .select({ id: schema.nominations.id })
    .from(schema.nominations)
    .where(eq(schema.nominations.status, 'pending'))
    .orderBy(desc(schema.nominations.id))
    .get();
  sqlite.close();
  expect(pending).toBeDefined();
  const mod = new HttpClient(server.url);
  const login = await mod.submit('/moderate/login', '/moderate/login', { email: MODERATOR.email, password: MODERATOR.password });
  expect(login.status).toBe(303);
  const path = `/moderate/nominations/${pending!.id}`;
  const review = await mod.get(path);
  const values = { action: 'approve', quote: 'She listened to us when nobody else did.', worker: 'new' };
  const fields = formFields(review.body, path).filter(([k]) => !(k in values) && k !== 'reason');
  const res = await mod.post(path, [...fields, ...Object.entries(values)]);
  expect(res.status, res.body.slice(0, 300)).toBe(303);
}

/** Poll until `check` holds (or 10 s are up); how long after `started` it held. */
async function until(started: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > 10_000) return Infinity;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('two server processes on one database', () => {
  it('a nomination approved through A is on B’s profile, JSON, search and counts within 2 seconds', async () => {
    const before = await json(b, '/api/stats');
    expect(before.status).toBe(200);
    if (!isStats(before.body)) throw new Error('unexpected /api/stats body');
    const { workers, nominations } = before.body;
    // B has answered this search (and kept nothing for it) before the write.
    const q = '/api/search?q=Ottoline+Quarrington';
    const searchBefore = await json(b, q);
    expect(isSearch(searchBefore.body) && searchBefore.body.total).toBe(0);
    // …and its page, twice, so B's page cache keeps the empty answer.
    const page = `${b.url}/search?q=Ottoline+Quarrington`;
    for (let i = 0; i < 2; i++) expect(await (await fetch(page)).text()).not.toContain('/workers/ottoline');

    await nominate(new HttpClient(a.url), { worker_name: 'Ottoline Quarrington', area: 'hastings' });
    await approveThrough(a);
    const approved = Date.now();

    let slug = '';
    const searchMs = await until(approved, async () => {
      const r = await json(b, q);
      if (!isSearch(r.body) || r.body.total !== 1) return false;
      slug = r.body.results[0]!.slug;
      return true;
    });
    const pageMs = await until(approved, async () => (await (await fetch(page)).text()).includes(`/workers/${slug}`));
    const countsMs = await until(approved, async () => {
      const r = await json(b, '/api/stats');
      return isStats(r.body) && r.body.workers === workers + 1 && r.body.nominations === nominations + 1;
    });
    expect(searchMs, 'B’s search').toBeLessThanOrEqual(WITHIN_MS);
    expect(pageMs, 'B’s cached search page').toBeLessThanOrEqual(WITHIN_MS);
    expect(countsMs, 'B’s counts').toBeLessThanOrEqual(WITHIN_MS);
    // The profile, page and JSON, on B.
    expect((await fetch(`${b.url}/workers/${slug}`)).status).toBe(200);
    expect((await json(b, `/api/workers/${slug}`)).status).toBe(200);
  });

  it('stores a confirm sent to both processes at once (double click, two tabs) once', async () => {
    // The same form, with its cookie, sent to A and to B together: one submission key.
    const client = new HttpClient(a.url);
    const form = await client.get('/nominate');
    const check = await client.submit('/nominate', '/nominate', { ...VALID_NOMINATION, worker_name: 'Peregrine Ashdown' }, form.body);
    expect(check.status).toBe(200);
    const fields = formFields(check.body, '/nominate/confirm');
    const onB = new HttpClient(b.url);
    onB.cookies = new Map(client.cookies);
    const answers = await Promise.all([
      client.post('/nominate/confirm', fields),
      onB.post('/nominate/confirm', fields),
      client.post('/nominate/confirm', fields),
      onB.post('/nominate/confirm', fields),
    ]);
    for (const r of answers) expect(r.status).toBe(303);
    expect(new Set(answers.map((r) => r.location)).size).toBe(1);
    const sqlite = new Database(dbPath, { readonly: true });
    const stored = drizzle(sqlite, { schema })
      .select({ id: schema.nominations.id })
      .from(schema.nominations)
      .where(eq(schema.nominations.workerName, 'Peregrine Ashdown'))
      .all();
    sqlite.close();
    expect(stored).toHaveLength(1);
  });
});
