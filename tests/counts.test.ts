// Counts with known data: per area, rollups, this-week boundaries in London time, leading
// order, and exact consistency of the cached counts after every kind of change.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import Database from 'better-sqlite3';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { computeInsights, computeSnapshot, leadingThisWeek, rollUp } from '../server/counts/index.ts';
import { recentWeekStarts, thisWeekStart, weekStart } from '../server/counts/week.ts';
import { mulberry32 } from '../server/demo/names.ts';
import { QUALITY_KEYS } from '../server/qualities.ts';
import { LiveFacts } from '../server/counts/facts.ts';
import { qualityCounts, recommendationAreaIds, recommendationCount, topQualities } from '../server/workers/profile.ts';
import { and, count, eq } from 'drizzle-orm';
import { quotes as quotesTable, workers as workersTable } from '../db/schema.ts';
import { liveQuote, publicWorker } from '../server/workers/visibility.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function area(app: TestApp, name: string) {
  const a = app.areas.resolve(name);
  if (!a) throw new Error(name);
  return app.counts.area(a.id)!;
}

/** The cached counts must equal a fresh count of the database at every moment. */
function expectCacheExact(app: TestApp) {
  expect(app.counts.snapshot()).toEqual(computeSnapshot(app.db, app.areas, app.now()));
  expect(app.counts.insights()).toEqual(computeInsights(app.db));
  // each public profile's own figures too (the profile page and its JSON read them from memory)
  for (const { id } of app.db.select({ id: workersTable.id }).from(workersTable).where(publicWorker).all()) {
    expect(app.counts.worker(id)).toEqual({
      recommendations: recommendationCount(app.db, id),
      qualities: qualityCounts(app.db, id),
      fromAreas: recommendationAreaIds(app.db, id),
    });
  }
}

describe('counts per area', () => {
  it('counts published workers and live recommendations only', () => {
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings', submittedAt: app.clock.now - 40 * DAY });
    seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings' });
    seedNomination(app, { workerName: 'Cat Dunn', area: 'Hastings', status: 'pending' });
    seedNomination(app, { workerName: 'Dan Eve', area: 'Hastings', status: 'rejected' });
    seedNomination(app, { workerName: 'Eve Ford', area: 'Sefton' });

    expect(area(app, 'Hastings')).toMatchObject({ workers: 2, nominations: 3, thisWeek: 2, thisWeekWorkers: 2 });
    expect(area(app, 'Sefton')).toMatchObject({ workers: 1, nominations: 1, thisWeek: 1, thisWeekWorkers: 1 });
    expect(area(app, 'Cardiff')).toMatchObject({ workers: 0, nominations: 0, thisWeek: 0, thisWeekWorkers: 0 });
    expect(app.counts.areas()).toHaveLength(361);
    expect(app.counts.stats()).toMatchObject({ workers: 3, nominations: 4, areasWithWorkers: 2, thisWeek: { nominations: 3, workers: 3 } });
  });

  it('rolls districts up to their children’s services authority, region and nation', () => {
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    seedNomination(app, { workerName: 'Bob Cole', area: 'Lewes', submittedAt: app.clock.now - 30 * DAY });
    seedNomination(app, { workerName: 'Cat Dunn', area: 'Eastbourne' });
    seedNomination(app, { workerName: 'Dan Eve', area: 'Adur' }); // West Sussex, also South East
    seedNomination(app, { workerName: 'Eve Ford', area: 'Cardiff' });

    const byAuthority = app.counts.rollUp('authority');
    const eastSussex = byAuthority.find((g) => g.name === 'East Sussex')!;
    expect(eastSussex).toMatchObject({
      nation: 'England',
      region: 'South East',
      workers: 3,
      nominations: 4,
      thisWeek: 3,
      thisWeekWorkers: 2,
    });
    expect(eastSussex.areaNames).toEqual(['Eastbourne', 'Hastings', 'Lewes', 'Rother', 'Wealden']);
    expect(byAuthority.find((g) => g.name === 'West Sussex')).toMatchObject({ workers: 1, nominations: 1 });

    const southEast = app.counts.rollUp('region').find((g) => g.name === 'South East')!;
    expect(southEast).toMatchObject({ workers: 4, nominations: 5 });
    const nations = app.counts.rollUp('nation');
    expect(nations.map((n) => n.name)).toEqual(['England', 'Scotland', 'Wales', 'Northern Ireland']);
    expect(nations[0]).toMatchObject({ workers: 4, nominations: 5, region: '' });
    expect(nations[2]).toMatchObject({ name: 'Wales', workers: 1, nominations: 1 });
    // Every rollup adds up to the national totals.
    for (const by of ['authority', 'region', 'nation'] as const) {
      const groups = rollUp(app.counts.areas(), by);
      expect(groups.reduce((s, g) => s + g.nominations, 0)).toBe(6);
      expect(groups.reduce((s, g) => s + g.workers, 0)).toBe(5);
    }
  });
});

describe('this week', () => {
  it('starts at 00:00 London time six calendar days before today', () => {
    // Wednesday 18 March 2026, 12:00 GMT -> Thursday 12 March, 00:00 GMT
    expect(thisWeekStart(Date.UTC(2026, 2, 18, 12))).toBe(Date.UTC(2026, 2, 12));
    // Across the March clock change (29 March): 1 April 12:00 BST -> 26 March 00:00 GMT
    expect(thisWeekStart(Date.UTC(2026, 3, 1, 11))).toBe(Date.UTC(2026, 2, 26));
    // 23:30 UTC on 29 March is already 00:30 BST on Monday 30 March in London
    expect(thisWeekStart(Date.UTC(2026, 2, 29, 23, 30))).toBe(Date.UTC(2026, 2, 24));
    expect(thisWeekStart(Date.UTC(2026, 2, 29, 0, 30))).toBe(Date.UTC(2026, 2, 23));
    // Across the October clock change (25 October): 28 Oct 12:00 GMT -> 22 Oct 00:00 BST = 21 Oct 23:00 UTC
    expect(thisWeekStart(Date.UTC(2026, 9, 28, 12))).toBe(Date.UTC(2026, 9, 21, 23));
  });

  it('counts a recommendation submitted exactly at the boundary, not one a millisecond before', () => {
    const since = thisWeekStart(app.clock.now);
    seedNomination(app, { workerName: 'At Boundary', area: 'Hastings', submittedAt: since });
    seedNomination(app, { workerName: 'Just Before', area: 'Hastings', submittedAt: since - 1 });
    expect(area(app, 'Hastings')).toMatchObject({ workers: 2, nominations: 2, thisWeek: 1, thisWeekWorkers: 1 });
  });

  it('keeps to London calendar days across the spring clock change', async () => {
    await app.close();
    app = await makeApp({}, Date.UTC(2026, 3, 1, 11)); // Wed 1 April 2026, 12:00 BST
    seedNomination(app, { workerName: 'In', area: 'Sefton', submittedAt: Date.UTC(2026, 2, 26) }); // Thu 26 Mar 00:00 GMT
    seedNomination(app, { workerName: 'Out', area: 'Sefton', submittedAt: Date.UTC(2026, 2, 26) - 1 });
    expect(area(app, 'Sefton')).toMatchObject({ nominations: 2, thisWeek: 1, thisWeekWorkers: 1 });
  });

  it('keeps to London calendar days across the autumn clock change', async () => {
    await app.close();
    app = await makeApp({}, Date.UTC(2026, 9, 28, 12)); // Wed 28 Oct 2026, 12:00 GMT
    const since = Date.UTC(2026, 9, 21, 23); // Thu 22 Oct 00:00 BST
    seedNomination(app, { workerName: 'In', area: 'Sefton', submittedAt: since });
    seedNomination(app, { workerName: 'Late Evening', area: 'Sefton', submittedAt: since - 1 });
    seedNomination(app, { workerName: 'Past Midnight', area: 'Sefton', submittedAt: since + 30 * 60_000 });
    expect(area(app, 'Sefton')).toMatchObject({ nominations: 3, thisWeek: 2, thisWeekWorkers: 2 });
  });

  it('moves on at London midnight without any change to the data', () => {
    const since = thisWeekStart(app.clock.now);
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings', submittedAt: since });
    expect(area(app, 'Hastings').thisWeek).toBe(1);
    app.clock.now = since + 7 * DAY - 1; // last millisecond of the sixth day after
    expect(area(app, 'Hastings').thisWeek).toBe(1);
    app.clock.now = since + 7 * DAY;
    expect(area(app, 'Hastings').thisWeek).toBe(0);
    expect(area(app, 'Hastings').nominations).toBe(1);
  });
});

describe('leading this week', () => {
  it('ranks by distinct workers, then recommendations, then name', () => {
    const seed = (areaName: string, workers: number, nominations: number) => {
      for (let i = 0; i < nominations; i++) seedNomination(app, { workerName: `Worker ${areaName} ${i % workers}`, area: areaName });
    };
    seed('Sefton', 2, 2);
    seed('Hastings', 3, 3);
    seed('Wirral', 2, 3);
    seed('Cardiff', 1, 4);
    seed('Belfast', 2, 2); // ties with Sefton: name order
    seedNomination(app, { workerName: 'Old One', area: 'Highland', submittedAt: app.clock.now - 20 * DAY });

    const leading = app.counts.leadingThisWeek(10);
    expect(leading.map((a) => a.name)).toEqual(['Hastings', 'Wirral', 'Belfast', 'Sefton', 'Cardiff']);
    expect(app.counts.leadingThisWeek(2).map((a) => a.name)).toEqual(['Hastings', 'Wirral']);
    expect(app.counts.leadingAllTime(10).map((a) => a.name)).toEqual(['Hastings', 'Wirral', 'Belfast', 'Sefton', 'Cardiff', 'Highland']);
    expect(leadingThisWeek([], 5)).toEqual([]);
  });
});

describe('counts stay exact after every change', () => {
  it('after hide, withdraw, unpublish and correction', () => {
    const sqlite = app.db.$client;
    const a = seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings', qualities: ['listened', 'hope'], stillInvolved: 'moved_on' });
    const a2 = seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings', qualities: ['listened'] });
    const b = seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings', qualities: ['honest'], stillInvolved: 'case_closed' });
    const c = seedNomination(app, { workerName: 'Cat Dunn', area: 'Sefton' });
    expect(area(app, 'Hastings')).toMatchObject({ workers: 2, nominations: 3, thisWeek: 3, thisWeekWorkers: 2 });
    expect(app.counts.insights()).toMatchObject({ recommendations: 4, movedOn: 1, caseClosed: 1 });
    expectCacheExact(app);

    // hide Bob
    sqlite.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(b.workerId);
    expect(area(app, 'Hastings')).toMatchObject({ workers: 1, nominations: 2, thisWeek: 2, thisWeekWorkers: 1 });
    expect(app.counts.insights()).toMatchObject({ recommendations: 3, caseClosed: 0 });
    expectCacheExact(app);

    // withdraw one of Ann's (the quote goes with the nomination)
    sqlite.prepare('DELETE FROM nominations WHERE id = ?').run(a.nominationId);
    expect(area(app, 'Hastings')).toMatchObject({ workers: 1, nominations: 1, thisWeek: 1 });
    expect(app.counts.insights()).toMatchObject({ recommendations: 2, movedOn: 0 });
    expect(app.counts.insights().qualities.find((q) => q.key === 'hope')!.count).toBe(0);
    expectCacheExact(app);

    // correction: Cat moved from Sefton to Wirral
    sqlite.prepare('UPDATE workers SET area_id = ? WHERE id = ?').run(app.areas.resolve('Wirral')!.id, c.workerId);
    expect(area(app, 'Sefton')).toMatchObject({ workers: 0, nominations: 0, thisWeek: 0 });
    expect(area(app, 'Wirral')).toMatchObject({ workers: 1, nominations: 1, thisWeek: 1 });
    expect(app.counts.rollUp('region').find((g) => g.name === 'North West')).toMatchObject({ workers: 1, nominations: 1 });
    expectCacheExact(app);

    // unpublish Ann's last quote: her profile is no longer public
    sqlite.prepare('UPDATE quotes SET unpublished_at = ? WHERE nomination_id = ?').run(app.clock.now, a2.nominationId);
    expect(area(app, 'Hastings')).toMatchObject({ workers: 0, nominations: 0, thisWeek: 0, thisWeekWorkers: 0 });
    expect(app.counts.stats()).toMatchObject({ workers: 1, nominations: 1, areasWithWorkers: 1 });
    expectCacheExact(app);
  });

  it('after 300 random approvals, hides, withdrawals, unpublishings, corrections, moves and days passing', () => {
    // squeeze the in-memory facts' dead slots out often, so that path is exercised too
    const compactFrom = LiveFacts.compactFrom;
    LiveFacts.compactFrom = 4;
    onTestFinished(() => {
      LiveFacts.compactFrom = compactFrom;
    });
    const rng = mulberry32(20260318);
    const sqlite = app.db.$client;
    const int = (n: number) => Math.floor(rng() * n);
    const areas = ['Hastings', 'Lewes', 'Sefton', 'Wirral', 'Cardiff', 'Highland', 'Belfast'];
    const names = ['Ann Hill', 'Bob Cole', 'Cat Dunn', 'Dan Eve', 'Eve Ford', 'Fay Gill', 'Guy Hart', 'Hal Ives'];
    const ids = (sql: string) => sqlite.prepare(sql).pluck().all() as number[];
    const any = (xs: number[]) => xs[int(xs.length)];
    const tally: Record<string, number> = {};
    for (let step = 0; step < 300; step++) {
      const op = int(10);
      tally[op] = (tally[op] ?? 0) + 1;
      if (op <= 2) {
        seedNomination(app, {
          workerName: names[int(names.length)]!,
          area: areas[int(areas.length)]!,
          submittedAt: app.clock.now - int(200) * DAY - int(DAY),
          qualities: QUALITY_KEYS.filter(() => rng() < 0.3),
          stillInvolved: ['yes', 'moved_on', 'case_closed', 'not_sure'][int(4)]!,
          status: rng() < 0.15 ? 'pending' : 'approved',
        });
      } else if (op === 3) {
        const w = any(ids('SELECT id FROM workers'));
        if (w) {
          sqlite.prepare("UPDATE workers SET status = CASE status WHEN 'hidden' THEN 'published' ELSE 'hidden' END WHERE id = ?").run(w);
        }
      } else if (op === 4) {
        const n = any(ids("SELECT id FROM nominations WHERE status = 'approved'"));
        if (n) {
          const _w = sqlite.prepare('SELECT worker_id FROM nominations WHERE id = ?').pluck().get(n) as number;
          sqlite.prepare('DELETE FROM nominations WHERE id = ?').run(n);
        }
      } else if (op === 5) {
        const q = any(ids('SELECT id FROM quotes'));
        if (q) {
          sqlite
            .prepare('UPDATE quotes SET unpublished_at = CASE WHEN unpublished_at IS NULL THEN ? END WHERE id = ?')
            .run(app.clock.now, q);
        }
      } else if (op === 6) {
        const w = any(ids('SELECT id FROM workers'));
        if (w) {
          sqlite.prepare('UPDATE workers SET area_id = ? WHERE id = ?').run(app.areas.resolve(areas[int(areas.length)]!)!.id, w);
        }
      } else if (op === 7) {
        // a quote moved to another worker (a moderator merging duplicates): only the new worker is reported
        const q = any(ids('SELECT id FROM quotes'));
        const w = any(ids('SELECT id FROM workers'));
        if (q && w) {
          sqlite.prepare('UPDATE quotes SET worker_id = ? WHERE id = ?').run(w, q);
          sqlite.prepare('UPDATE nominations SET worker_id = ? WHERE id = (SELECT nomination_id FROM quotes WHERE id = ?)').run(w, q);
        }
      } else if (op === 8) {
        app.clock.now += int(60) * 3600_000;
      }
      // op 9: a step where nothing is written
      if (step % 3 === 0 || op === 8) expectCacheExact(app);
    }
    expectCacheExact(app);
    // each worker's served count of live recommendations (what search shows) is the SQL one
    const workers = ids('SELECT id FROM workers');
    const reference = workers.map(
      (id) =>
        app.db
          .select({ n: count() })
          .from(quotesTable)
          .innerJoin(workersTable, eq(workersTable.id, quotesTable.workerId))
          .where(and(eq(workersTable.id, id), liveQuote, publicWorker))
          .get()!.n,
    );
    expect(app.counts.liveQuotes(workers)).toEqual(reference);
    // and each public worker's qualities, most ticked first, as the SQL read has them
    const shown = workers.filter((_, i) => reference[i]! > 0);
    for (const per of [3, QUALITY_KEYS.length]) expect(app.counts.topQualities(shown, per)).toEqual(topQualities(app.db, shown, per));
    // inside a transaction (which could roll back) they come from SQL, and are the same
    sqlite.transaction(() => expect(app.counts.topQualities(shown)).toEqual(topQualities(app.db, shown)))();
    expect(reference.filter((n) => n > 0).length).toBeGreaterThan(3);
    expect(Object.keys(tally)).toHaveLength(10);
    expect(app.counts.stats().nominations).toBeGreaterThan(10);
  });

  it('even when a write does not announce itself (no event)', () => {
    const sqlite = app.db.$client;
    const a = seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    const b = seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings' });
    seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings', submittedAt: app.clock.now - 30 * DAY });
    expect(area(app, 'Hastings')).toMatchObject({ workers: 2, nominations: 3, thisWeek: 2 });
    sqlite.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(a.workerId);
    expect(area(app, 'Hastings')).toMatchObject({ workers: 1, nominations: 2, thisWeek: 1 });
    sqlite.prepare('DELETE FROM nominations WHERE id = ?').run(b.nominationId); // the quote goes by cascade
    expect(area(app, 'Hastings')).toMatchObject({ workers: 1, nominations: 1, thisWeek: 0 });
    sqlite.prepare('UPDATE nominations SET submitted_at = ? WHERE worker_id = ?').run(app.clock.now, b.workerId);
    expect(area(app, 'Hastings')).toMatchObject({ workers: 1, nominations: 1, thisWeek: 1 });
    sqlite.prepare("UPDATE workers SET status = 'published' WHERE id = ?").run(a.workerId);
    expect(area(app, 'Hastings')).toMatchObject({ workers: 2, nominations: 2, thisWeek: 2 });
    expectCacheExact(app);
  });

  it('answers from the cache until something changes', () => {
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    const first = app.counts.snapshot();
    expect(app.counts.snapshot()).toBe(first);
    seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings' });
    expect(app.counts.snapshot()).not.toBe(first);
    expect(area(app, 'Hastings').workers).toBe(2);
  });

  it('notices writes made by another connection (scripts) without an event', () => {
    const { workerId } = seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    expect(area(app, 'Hastings').workers).toBe(1);
    const other = new Database(app.config.DATABASE_PATH);
    other.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(workerId);
    other.close();
    expect(area(app, 'Hastings').workers).toBe(0);
    expectCacheExact(app);
  });

  it('does not keep counts computed inside a transaction that is rolled back', () => {
    const sqlite = app.db.$client;
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    expect(() =>
      sqlite.transaction(() => {
        seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings' });
        expect(area(app, 'Hastings').workers).toBe(2);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(area(app, 'Hastings').workers).toBe(1);
  });
});

describe('weekly trend', () => {
  it('has 26 Monday-to-Sunday London weeks, the current one last', () => {
    const now = Date.UTC(2026, 3, 8, 12); // Wednesday 8 April 2026 (BST)
    const weeks = recentWeekStarts(now, 26);
    expect(weeks).toHaveLength(26);
    expect(weeks[25]).toBe(Date.UTC(2026, 3, 5, 23)); // Monday 6 April 00:00 BST
    expect(weeks[24]).toBe(Date.UTC(2026, 2, 29, 23)); // Monday 30 March 00:00 BST
    expect(weeks[23]).toBe(Date.UTC(2026, 2, 23)); // Monday 23 March 00:00 GMT (a 167-hour week follows)
    expect(weeks[0]).toBe(Date.UTC(2025, 9, 12, 23)); // Monday 13 October 2025 00:00 BST
    for (const w of weeks) expect(new Date(w + 12 * HOUR).getUTCDay()).toBe(1);
    expect(weekStart(Date.UTC(2026, 2, 29, 22, 59, 59, 999))).toBe(Date.UTC(2026, 2, 23));
    expect(weekStart(Date.UTC(2026, 2, 29, 23))).toBe(Date.UTC(2026, 2, 29, 23));
  });

  it('buckets live recommendations by the week they were submitted in', async () => {
    await app.close();
    app = await makeApp({}, Date.UTC(2026, 3, 8, 12));
    const at = (ms: number) => seedNomination(app, { workerName: `W ${ms}`, area: 'Hastings', submittedAt: ms });
    at(Date.UTC(2026, 2, 29, 22, 59)); // Sunday 29 March 23:59 BST -> week of 23 March
    at(Date.UTC(2026, 2, 29, 23, 30)); // Monday 30 March 00:30 BST -> week of 30 March
    at(Date.UTC(2026, 3, 6, 9));
    at(Date.UTC(2026, 3, 7, 9));
    at(Date.UTC(2025, 9, 12, 23)); // first instant of the oldest week
    at(Date.UTC(2025, 9, 12, 22, 59)); // before the window
    const hidden = at(Date.UTC(2026, 3, 7, 10));
    app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(hidden.workerId);

    const trend = app.counts.trend();
    expect(trend).toHaveLength(26);
    expect(trend.map((w) => w.nominations)).toEqual([1, ...new Array(22).fill(0), 1, 1, 2]);
    expect(trend.reduce((s, w) => s + w.nominations, 0)).toBe(5);
    const hastings = app.counts.areaTrend(app.areas.resolve('Hastings')!.id);
    expect(hastings).toHaveLength(12);
    expect(hastings.map((w) => w.nominations)).toEqual([...new Array(9).fill(0), 1, 1, 2]);
    expect(app.counts.areaTrend(app.areas.resolve('Sefton')!.id).every((w) => w.nominations === 0)).toBe(true);
  });
});

describe('insights', () => {
  it('counts the qualities ticked and the share who had moved on or whose case had closed', () => {
    seedNomination(app, { workerName: 'A', area: 'Hastings', qualities: ['listened', 'hope'], stillInvolved: 'moved_on' });
    seedNomination(app, { workerName: 'B', area: 'Hastings', qualities: ['listened', 'after_care'], stillInvolved: 'case_closed' });
    seedNomination(app, { workerName: 'C', area: 'Sefton', qualities: ['listened'], stillInvolved: 'yes' });
    seedNomination(app, { workerName: 'D', area: 'Sefton', qualities: ['hope'], stillInvolved: 'not_sure', status: 'pending' });
    const ins = app.counts.insights();
    expect(ins).toMatchObject({ recommendations: 3, movedOn: 1, caseClosed: 1 });
    // most ticked first; ties keep the order of the form
    expect(ins.qualities.slice(0, 3).map((q) => [q.key, q.count])).toEqual([
      ['listened', 3],
      ['hope', 1],
      ['after_care', 1],
    ]);
    expect(ins.qualities).toHaveLength(12);
  });
});

describe('the in-memory facts', () => {
  it('take a quote away from the worker that held it when only its new worker is refreshed', () => {
    const a = seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    const b = seedNomination(app, { workerName: 'Bob Cole', area: 'Sefton' });
    const facts = new LiveFacts(app.db);
    facts.loadAll();
    expect([facts.liveCount(a.workerId!), facts.liveCount(b.workerId!)]).toEqual([2, 1]);
    app.db.$client.prepare('UPDATE quotes SET worker_id = ? WHERE nomination_id = ?').run(b.workerId, a.nominationId);
    facts.refreshWorker(b.workerId!);
    expect([facts.liveCount(a.workerId!), facts.liveCount(b.workerId!)]).toEqual([1, 2]);
    expect(facts.liveCount(999_999)).toBe(0);
    expect(facts.liveCount(-1)).toBe(0);
  });
});
