// Faults under the real server (a child process): the disk fills up, or the database file becomes
// read-only, while people are sending nominations and a moderator is approving. Expected: a clear
// 503 page ("Sorry, the service is unavailable"), reading still works, nothing is half-written
// (every acknowledged nomination is there, nothing else is, no orphan profile or quote), the
// database passes PRAGMA integrity_check, and writing works again as soon as the fault clears.
//
// How the faults are made (we run as root, so chmod would not stop the server):
// - disk full: the database lives on a small tmpfs mounted for the test, then filled with a file;
// - read-only: `chattr +i` on the database and its WAL (ext4 refuses writes even through
//   descriptors already open). Both need root with CAP_SYS_ADMIN / CAP_LINUX_IMMUTABLE, as in CI here;
//   without them the test fails with a message saying so rather than passing silently.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from './e2e/helpers/server.ts';
import { seedDatabase } from './e2e/helpers/seed-db.ts';
import { HttpClient, nominate, VALID_NOMINATION, formFields } from './e2e/helpers/http.ts';
import { MODERATOR } from './e2e/helpers/flows.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) {
    try {
      await c();
    } catch (err) {
      console.error('cleanup failed:', err);
    }
  }
});

function run(cmd: string, args: string[], why: string) {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (err) {
    const msg = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
    throw new Error(
      `${why}: \`${cmd} ${args.join(' ')}\` failed (${msg}). This test needs root with the capability to do that (CI runs as root here).`,
    );
  }
}

/** Write a file until the filesystem is full; returns its path. */
function fillDisk(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 12, 1 << 9]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

/** The whole nomination journey; a failure at any step is reported with its status. */
async function tryNominate(client: HttpClient, story: string): Promise<{ ref?: string; status: number }> {
  try {
    return { ref: await nominate(client, { story }), status: 303 };
  } catch (err) {
    const m = /answered (\d+)/.exec((err as Error).message);
    if (!m) throw err;
    return { status: Number(m[1]) };
  }
}

/** Post the confirm form directly, to see the page a failed store answers with. */
async function confirmOnce(client: HttpClient, story: string) {
  const form = await client.get('/nominate');
  const check = await client.submit('/nominate', '/nominate', { ...VALID_NOMINATION, story }, form.body);
  expect(check.status).toBe(200);
  return client.post('/nominate/confirm', formFields(check.body, '/nominate/confirm'));
}

async function signedInModerator(base: string): Promise<HttpClient> {
  const mod = new HttpClient(base);
  const res = await mod.submit('/moderate/login', '/moderate/login', { email: MODERATOR.email, password: MODERATOR.password });
  expect(res.status).toBe(303);
  return mod;
}

async function approve(mod: HttpClient, nominationId: number) {
  const path = `/moderate/nominations/${nominationId}`;
  const review = await mod.get(path);
  if (review.status !== 200) return review;
  return mod.submit(
    path,
    path,
    { action: 'approve', quote: 'They listened to us and helped us stay together.', worker: 'new' },
    review.body,
  );
}

function inspect(dbPath: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.prepare('PRAGMA integrity_check').pluck().get() as string,
      refs: db.prepare('SELECT ref FROM nominations ORDER BY id').pluck().all() as string[],
      pending: db.prepare("SELECT id FROM nominations WHERE status = 'pending' ORDER BY id").pluck().all() as number[],
      workers: db.prepare('SELECT COUNT(*) FROM workers').pluck().get() as number,
      quotes: db.prepare('SELECT COUNT(*) FROM quotes').pluck().get() as number,
      approvedWithoutQuote: db
        .prepare(
          "SELECT COUNT(*) FROM nominations n WHERE n.status = 'approved' AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.nomination_id = n.id)",
        )
        .pluck()
        .get() as number,
    };
  } finally {
    db.close();
  }
}

/**
 * The shared scenario: healthy writes, then `fault()`; writes fail with the 503 page while reads
 * work; then `clear()`; writes work again and the data is exactly what was acknowledged.
 */
async function scenario(server: RunningServer, fault: () => void, clear: () => void) {
  const family = new HttpClient(server.url);
  const acknowledged: string[] = [];
  for (let i = 0; i < 3; i++) acknowledged.push(await nominate(family, { story: `${VALID_NOMINATION.story} Before the fault ${i}.` }));
  const mod = await signedInModerator(server.url);
  const before = inspect(server.dbPath);
  expect(before.pending.length).toBe(3);

  fault();
  // Keep sending until the fault bites (SQLite may still have room in its WAL for a few pages).
  let failed: Awaited<ReturnType<typeof confirmOnce>> | undefined;
  for (let i = 0; i < 200 && !failed; i++) {
    const res = await confirmOnce(family, `${VALID_NOMINATION.story} During the fault ${i}.`);
    if (res.status === 303) acknowledged.push(decodeURIComponent(res.location!.split('/').pop()!));
    else failed = res;
  }
  expect(failed, 'no write ever failed during the fault').toBeDefined();
  expect(failed!.status).toBe(503);
  expect(failed!.body).toContain('Sorry, the service is unavailable');
  expect(failed!.body).not.toMatch(/SQLITE|at .*\.ts:\d+/);

  // An approval during the fault fails whole: no profile, no quote, still pending.
  const decision = await approve(mod, before.pending[0]!);
  expect(decision.status).toBe(503);
  expect(decision.body).toContain('Sorry, the service is unavailable');

  // Reading still works.
  expect((await family.get('/')).status).toBe(200);
  expect((await family.get('/nominate')).status).toBe(200);

  clear();
  const after = await tryNominate(family, `${VALID_NOMINATION.story} After the fault.`);
  expect(after.status, 'writing works again once the fault clears').toBe(303);
  acknowledged.push(after.ref!);
  const approved = await approve(mod, before.pending[0]!);
  expect(approved.status).toBe(303);

  const state = inspect(server.dbPath);
  expect(state.integrity).toBe('ok');
  // References are shown grouped for reading aloud (K7MD-PQ4X-…) and stored without the dashes.
  expect(state.refs, 'exactly the acknowledged nominations are stored').toEqual(acknowledged.map((r) => r.replaceAll('-', '')));
  expect(state.workers).toBe(1);
  expect(state.quotes).toBe(1);
  expect(state.approvedWithoutQuote).toBe(0);
  return { acknowledged: acknowledged.length };
}

describe('faults', () => {
  it('disk full: a clear 503, nothing half-written, recovers when space is freed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsw-fault-full-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    run('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', dir], 'mounting a small tmpfs to fill');
    cleanups.push(() => run('umount', [dir], 'unmounting the test tmpfs'));
    const dbPath = join(dir, 'directory.db');
    await seedDatabase(dbPath, (s) => s.moderator(MODERATOR));
    const server = await startServer({ dir: join(dir), dbPath });
    cleanups.push(() => server.stop());

    let filler = '';
    const result = await scenario(
      server,
      () => (filler = fillDisk(dir)),
      () => rmSync(filler),
    );
    expect(result.acknowledged).toBeGreaterThanOrEqual(4);
  });

  it('read-only database file: a clear 503, nothing half-written, recovers when writable again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsw-fault-ro-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const probe = join(dir, 'probe');
    mkdirSync(probe);
    run('chattr', ['+i', probe], 'making a file immutable (the filesystem must support chattr, e.g. ext4)');
    run('chattr', ['-i', probe], 'clearing the immutable flag');
    const dbPath = join(dir, 'directory.db');
    await seedDatabase(dbPath, (s) => s.moderator(MODERATOR));
    const server = await startServer({ dir, dbPath });
    cleanups.push(() => server.stop());

    const files = () => [dbPath, `${dbPath}-wal`].filter((f) => existsSync(f));
    let locked: string[] = [];
    cleanups.push(() => {
      for (const f of locked) run('chattr', ['-i', f], 'clearing the immutable flag');
      locked = [];
    });
    await scenario(
      server,
      () => {
        locked = files();
        for (const f of locked) run('chattr', ['+i', f], 'making the database read-only');
      },
      () => {
        for (const f of locked) run('chattr', ['-i', f], 'making the database writable again');
        locked = [];
      },
    );
  });
});
