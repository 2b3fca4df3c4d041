// Demo content: loaded only into an empty database, believable in shape, deterministic and fast.
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { loadDemoIfEmpty } from '../server/demo/load.ts';
import { leadingThisWeek } from '../server/counts/index.ts';
import { thisWeekStart } from '../server/counts/week.ts';
import { QUALITY_KEYS } from '../server/qualities.ts';
import { findFlags } from '../server/privacy/index.ts';

let apps: TestApp[] = [];
async function fresh(env: Record<string, string> = {}) {
  const app = await makeApp(env);
  apps.push(app);
  return app;
}
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});

const all = (app: TestApp, sql: string) => app.db.$client.prepare(sql).all() as Record<string, unknown>[];
const one = (app: TestApp, sql: string) => app.db.$client.prepare(sql).pluck().get() as number;

describe('demo content', () => {
  it('fills an empty database quickly with ~300 profiles, Hastings and Sefton leading this week with three each', async () => {
    const app = await fresh();
    const t0 = performance.now();
    const result = loadDemoIfEmpty(app.db, app.areas, app.clock.now);
    const ms = performance.now() - t0;
    expect(result.loaded).toBe(true);
    expect(ms).toBeLessThan(1000);

    expect(one(app, 'SELECT COUNT(*) FROM workers')).toBe(300);
    expect(one(app, "SELECT COUNT(*) FROM workers WHERE status = 'published'")).toBe(300);
    expect(one(app, 'SELECT COUNT(DISTINCT area_id) FROM workers')).toBeGreaterThanOrEqual(100);
    expect(one(app, 'SELECT COUNT(*) FROM workers WHERE team IS NOT NULL')).toBeGreaterThan(10);
    expect(one(app, "SELECT COUNT(*) FROM nominations WHERE status = 'pending'")).toBe(15);
    expect(one(app, "SELECT COUNT(*) FROM change_requests WHERE status = 'pending'")).toBe(2);

    // mirrors approval: every approved nomination has a worker, a decision, no email, and one live quote
    expect(
      one(
        app,
        "SELECT COUNT(*) FROM nominations WHERE status = 'approved' AND (worker_id IS NULL OR decided_at IS NULL OR contact_email IS NOT NULL)",
      ),
    ).toBe(0);
    expect(
      one(
        app,
        "SELECT COUNT(*) FROM nominations n LEFT JOIN quotes q ON q.nomination_id = n.id WHERE n.status = 'approved' AND q.id IS NULL",
      ),
    ).toBe(0);
    expect(
      one(
        app,
        'SELECT COUNT(*) FROM quotes q JOIN nominations n ON n.id = q.nomination_id WHERE q.published_at < n.submitted_at OR q.published_at > ?'.replace(
          '?',
          String(app.clock.now),
        ),
      ),
    ).toBe(0);
    expect(one(app, `SELECT COUNT(*) FROM workers WHERE created_at > updated_at OR updated_at > ${app.clock.now}`)).toBe(0);

    // spread over the last 26 weeks, with recent weeks alive
    const span = all(app, "SELECT MIN(submitted_at) AS lo, MAX(submitted_at) AS hi FROM nominations WHERE status = 'approved'")[0]!;
    expect(app.clock.now - Number(span.lo)).toBeGreaterThan(20 * 7 * 86_400_000);
    expect(app.clock.now - Number(span.lo)).toBeLessThanOrEqual(26 * 7 * 86_400_000);
    const weeks = new Set(
      all(app, "SELECT submitted_at AS t FROM nominations WHERE status = 'approved'").map((r) =>
        Math.floor((app.clock.now - Number(r.t)) / (7 * 86_400_000)),
      ),
    );
    expect(weeks.size).toBeGreaterThanOrEqual(25);

    const leading = leadingThisWeek(app.counts.areas(), 5);
    expect(leading.slice(0, 2).map((a) => [a.slug, a.thisWeekWorkers])).toEqual([
      ['hastings', 3],
      ['sefton', 3],
    ]);
    expect(leading[2]!.thisWeekWorkers).toBeLessThan(3);
    const busiest = app.counts.areas().sort((a, b) => b.workers - a.workers)[0]!;
    expect(busiest.slug).toBe('hastings');

    // qualities ticked realistically: every key used, most nominations tick a few
    const ticked = all(app, "SELECT qualities FROM nominations WHERE status = 'approved'").map(
      (r) => JSON.parse(String(r.qualities)) as string[],
    );
    const used = new Set(ticked.flat());
    for (const k of QUALITY_KEYS) expect(used.has(k), k).toBe(true);
    const avg = ticked.reduce((s, q) => s + q.length, 0) / ticked.length;
    expect(avg).toBeGreaterThan(1.5);
    expect(avg).toBeLessThan(5);
    expect(ticked.some((q) => q.length === 0)).toBe(true);

    // quotes: varied, and every relationship appears
    expect(one(app, 'SELECT COUNT(DISTINCT text) FROM quotes')).toBeGreaterThanOrEqual(35);
    expect(all(app, 'SELECT DISTINCT relationship FROM quotes').length).toBe(6);
  });

  it('gives the moderators pending stories with personal details to flag, and concerns to notice', async () => {
    const app = await fresh();
    loadDemoIfEmpty(app.db, app.areas, app.clock.now);
    const pending = all(app, "SELECT story, worker_name AS name, flags FROM nominations WHERE status = 'pending'");
    const kinds = new Set(pending.flatMap((p) => findFlags(String(p.story), String(p.name)).map((f) => f.kind)));
    expect(kinds.has('email')).toBe(true);
    // most carry numbers (phones, dates, postcodes, case numbers) or an email
    expect(pending.filter((p) => /\d|@/.test(String(p.story))).length).toBeGreaterThanOrEqual(12);
    const flags = pending.flatMap((p) => JSON.parse(String(p.flags)) as string[]);
    expect(flags).toContain('safeguarding');
    expect(flags).toContain('complaint');
    // some of the queue concerns people who already have a profile
    expect(
      one(
        app,
        "SELECT COUNT(*) FROM nominations n WHERE n.status = 'pending' AND EXISTS (SELECT 1 FROM workers w WHERE w.name = n.worker_name AND w.area_id = n.area_id)",
      ),
    ).toBeGreaterThan(0);
    // nothing pending is in this week's public counts
    expect(one(app, "SELECT COUNT(*) FROM quotes q JOIN nominations n ON n.id = q.nomination_id WHERE n.status <> 'approved'")).toBe(0);
  });

  it('is deterministic for the same clock', async () => {
    const a = await fresh();
    const b = await fresh();
    loadDemoIfEmpty(a.db, a.areas, a.clock.now);
    loadDemoIfEmpty(b.db, b.areas, b.clock.now);
    const dump = (app: TestApp) =>
      JSON.stringify([
        all(app, 'SELECT slug, name, area_id, team, created_at FROM workers ORDER BY id'),
        all(app, 'SELECT ref, status, worker_name, qualities, story, submitted_at, decided_at FROM nominations ORDER BY id'),
        all(app, 'SELECT text, relationship, published_at FROM quotes ORDER BY id'),
      ]);
    expect(dump(a)).toBe(dump(b));
  });

  it('leaves a database that already has data alone', async () => {
    const app = await fresh();
    seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings', status: 'pending' });
    expect(loadDemoIfEmpty(app.db, app.areas, app.clock.now).loaded).toBe(false);
    expect(one(app, 'SELECT COUNT(*) FROM workers')).toBe(0);
    expect(one(app, 'SELECT COUNT(*) FROM nominations')).toBe(1);
  });

  it('DEMO=1 shows a living site: Hastings and Sefton on the home page, profiles and areas filled', async () => {
    const app = await fresh({ DEMO: '1' });
    expect(one(app, 'SELECT COUNT(*) FROM workers')).toBe(300);
    const home = await app.inject('/');
    expect(home.body).toContain(
      '<a href="/areas/hastings">Hastings</a> and <a href="/areas/sefton">Sefton</a> lead this week: three social workers recommended in each.',
    );
    expect(home.body.match(/<figure class="quote">/g)!.length).toBe(6);
    const slug = one(
      app,
      "SELECT slug FROM workers w WHERE area_id = (SELECT id FROM areas WHERE slug = 'hastings') LIMIT 1",
    ) as unknown as string;
    expect((await app.inject(`/workers/${slug}`)).statusCode).toBe(200);
    const area = await app.inject('/areas/hastings');
    expect(area.body.match(/<li class="result">/g)!.length).toBe(9);
    expect(one(app, "SELECT COUNT(*) FROM audit_log WHERE action = 'demo.loaded'")).toBe(1);
    // a second start over the same file does not load it again
    expect(loadDemoIfEmpty(app.db, app.areas, app.clock.now).loaded).toBe(false);
    expect(thisWeekStart(app.clock.now)).toBeLessThan(app.clock.now);
  });
});
