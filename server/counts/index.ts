// Per-area counts, totals, rollups, trends and "leading this week": one module used by every
// page and API.
//
// Source of truth: the queries in snapshot.ts, over the live data. Pages and APIs read them
// through a cache (countsOf(app)), because at 100k profiles / 300k nominations a full count
// takes a few hundred milliseconds. The cache is exact, not "fresh enough":
//  - every change that affects counts calls app.events.workerChanged(), which emits
//    'counts-changed' synchronously after the write; that drops the cache and the next read
//    recounts. A value computed inside an open transaction is never kept (it could roll back);
//  - writes by another connection (scripts, another process) bump SQLite's data_version,
//    checked on every read;
//  - "this week" and the weekly trend move only at London midnight, so a snapshot holds for
//    the London day it was computed in and is recounted on the first read after it.
// Tests check the cached answers against a fresh count after every kind of change.
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import type { DirectoryEventBus } from '../events.ts';
import { AREA_TREND_WEEKS, computeInsights, computeSnapshot, type AreaCount, type CountsSnapshot, type Insights, type WeekCount } from './snapshot.ts';
import { rollUp, type GroupBy, type GroupCount } from './rollups.ts';

export { TREND_WEEKS, AREA_TREND_WEEKS, computeSnapshot, computeInsights } from './snapshot.ts';
export type { AreaCount, CountsSnapshot, Insights, QualityCount, Totals, WeekCount } from './snapshot.ts';
export { rollUp } from './rollups.ts';
export type { GroupBy, GroupCount } from './rollups.ts';

export type Stats = {
  workers: number;
  nominations: number;
  areasWithWorkers: number;
  thisWeek: { nominations: number; workers: number; leadingAreas: AreaCount[] };
};

const byName = (a: AreaCount, b: AreaCount) => a.name.localeCompare(b.name, 'en-GB');

/** Areas ranked by distinct workers recommended this week, then by recommendations, then name. */
export function leadingThisWeek(counts: AreaCount[], limit = 5): AreaCount[] {
  return counts
    .filter((c) => c.thisWeek > 0)
    .sort((a, b) => b.thisWeekWorkers - a.thisWeekWorkers || b.thisWeek - a.thisWeek || byName(a, b))
    .slice(0, limit);
}

/** Areas ranked by recommended workers, then by recommendations, then name. */
export function leadingAllTime(counts: AreaCount[], limit = 5): AreaCount[] {
  return counts
    .filter((c) => c.workers > 0)
    .sort((a, b) => b.workers - a.workers || b.nominations - a.nominations || byName(a, b))
    .slice(0, limit);
}

export function statsOf(snapshot: CountsSnapshot, leading = 5): Stats {
  const t = snapshot.totals;
  return {
    workers: t.workers,
    nominations: t.nominations,
    areasWithWorkers: t.areasWithWorkers,
    thisWeek: { nominations: t.thisWeek, workers: t.thisWeekWorkers, leadingAreas: leadingThisWeek(snapshot.areas, leading) },
  };
}

/** Counts for every area (all 361, zeros included), in name order. Uncached. */
export function areaCounts(db: Db, areas: AreaDirectory, now: number): AreaCount[] {
  return computeSnapshot(db, areas, now).areas;
}

/** Totals and this week's leading areas. Uncached: pages use countsOf(app).stats(). */
export function stats(db: Db, areas: AreaDirectory, now: number): Stats {
  return statsOf(computeSnapshot(db, areas, now));
}

/** The cached view of the counts for one app (one database). */
export class Counts {
  private snap: CountsSnapshot | undefined;
  private ins: Insights | undefined;
  private dataVersion: number;
  private readonly readDataVersion: () => number;

  constructor(
    private readonly db: Db,
    private readonly areaDirectory: AreaDirectory,
    private readonly clock: () => number,
    events?: DirectoryEventBus,
  ) {
    const stmt = db.$client.prepare('PRAGMA data_version').pluck();
    this.readDataVersion = () => stmt.get() as number;
    this.dataVersion = this.readDataVersion();
    events?.on('counts-changed', () => this.invalidate());
  }

  invalidate(): void {
    this.snap = undefined;
    this.ins = undefined;
  }

  private checkOtherWriters(): void {
    const v = this.readDataVersion();
    if (v !== this.dataVersion) {
      this.dataVersion = v;
      this.invalidate();
    }
  }

  private keep(): boolean {
    return !this.db.$client.inTransaction;
  }

  snapshot(): CountsSnapshot {
    this.checkOtherWriters();
    const now = this.clock();
    const s = this.snap;
    if (s && now >= s.validFrom && now < s.validUntil) return s;
    const fresh = computeSnapshot(this.db, this.areaDirectory, now);
    if (this.keep()) this.snap = fresh;
    return fresh;
  }

  insights(): Insights {
    this.checkOtherWriters();
    if (this.ins) return this.ins;
    const fresh = computeInsights(this.db);
    if (this.keep()) this.ins = fresh;
    return fresh;
  }

  /** every area, zeros included, in name order */
  areas(): AreaCount[] {
    return this.snapshot().areas;
  }

  area(areaId: number): AreaCount | undefined {
    return this.snapshot().areas.find((a) => a.id === areaId);
  }

  stats(leading = 5): Stats {
    return statsOf(this.snapshot(), leading);
  }

  leadingThisWeek(limit = 5): AreaCount[] {
    return leadingThisWeek(this.snapshot().areas, limit);
  }

  leadingAllTime(limit = 5): AreaCount[] {
    return leadingAllTime(this.snapshot().areas, limit);
  }

  rollUp(by: GroupBy): GroupCount[] {
    return rollUp(this.snapshot().areas, by);
  }

  /** national recommendations per week, oldest first, the current week last */
  trend(weeks?: number): WeekCount[] {
    const t = this.snapshot().trend;
    return weeks ? t.slice(-weeks) : t;
  }

  /** one area's recommendations per week for the last AREA_TREND_WEEKS weeks */
  areaTrend(areaId: number): WeekCount[] {
    const s = this.snapshot();
    const starts = s.trend.slice(-AREA_TREND_WEEKS);
    const series = s.areaTrends.get(areaId);
    return starts.map((w, i) => ({ start: w.start, nominations: series?.[i] ?? 0 }));
  }
}

const perDb = new WeakMap<Db, Counts>();

/** The app's cached counts (created on first use, invalidated by the app's events). */
export function countsOf(app: { db: Db; areas: AreaDirectory; now: () => number; events: DirectoryEventBus }): Counts {
  let c = perDb.get(app.db);
  if (!c) perDb.set(app.db, (c = new Counts(app.db, app.areas, () => app.now(), app.events)));
  return c;
}
