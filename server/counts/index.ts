// Per-area counts, totals, rollups, trends and "leading this week": one module used by every
// page and API.
//
// One definition, two ways of adding it up. snapshot.ts counts straight from SQL: the
// reference. Pages and APIs read app.counts (server/plugins/counts.ts), which adds the same numbers up from one small
// in-memory fact per live quote (facts.ts), because at 100k profiles / 300k nominations the
// SQL recount takes seconds while re-adding the facts takes milliseconds. It is exact by
// construction (server/workers/changes.ts says how and why):
//  - the next read after a committed write, by this process or any other, reloads just the
//    facts of the workers the change log names (an indexed query) and re-adds. Facts are keyed
//    by quote, so a quote moved between workers is never counted twice;
//  - only a reader that lost track of the log (thought dead, its rows pruned) reloads everything;
//  - inside an open transaction nothing is kept (it could roll back): the SQL reference answers;
//  - "this week" and the weekly trend move only at London midnight, so a sum holds for the
//    London day it was made in.
// Tests hold the served counts equal to the SQL reference after every kind of change.
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import {
  AREA_TREND_WEEKS,
  computeInsights,
  computeSnapshot,
  type AreaCount,
  type CountsSnapshot,
  type Insights,
  type QualityCount,
  type WeekCount,
} from './snapshot.ts';
import { rollUp, type GroupBy, type GroupCount } from './rollups.ts';
import { LiveFacts, aggregate } from './facts.ts';
import { QUALITIES } from '../qualities.ts';
import { WorkerChanges } from '../workers/changes.ts';
import { qualityCounts, recommendationAreaIds, recommendationCount, topQualities as sqlTopQualities } from '../workers/profile.ts';

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

/** Totals and this week's leading areas. Uncached: pages use app.counts.stats(). */
export function stats(db: Db, areas: AreaDirectory, now: number): Stats {
  return statsOf(computeSnapshot(db, areas, now));
}

/** The served counts for one app (one database): kept in memory, exact after every change. */
export class Counts {
  private facts: LiveFacts;
  private loaded = false;
  private totals: { validFrom: number; validUntil: number; snapshot: CountsSnapshot; insights: Insights } | undefined;
  private readonly changes: WorkerChanges;

  constructor(
    private readonly db: Db,
    private readonly areaDirectory: AreaDirectory,
    private readonly clock: () => number,
  ) {
    this.facts = new LiveFacts(db);
    this.changes = new WorkerChanges(db, 'counts', () => void this.sync());
  }

  /** Drop everything: the next read reloads all facts from the database. */
  invalidate(): void {
    this.loaded = false;
    this.totals = undefined;
  }

  /**
   * Bring the facts up to date. False inside an open transaction: what it can see may yet be
   * rolled back, so nothing is kept and the caller counts straight from SQL instead.
   */
  private sync(): boolean {
    if (this.db.$client.inTransaction) return false;
    const changed = this.changes.take();
    if (changed.lost) this.invalidate();
    if (!this.loaded) {
      this.facts.loadAll(); // everything taken above is in it
      this.loaded = true;
      this.totals = undefined;
    } else if (changed.workers.length) {
      for (const id of changed.workers) this.facts.refreshWorker(id);
      this.totals = undefined;
    }
    return true;
  }

  private current() {
    if (!this.sync()) return undefined;
    const now = this.clock();
    const t = this.totals;
    if (t && now >= t.validFrom && now < t.validUntil) return t;
    const { snapshot, insights } = aggregate(this.facts, this.areaDirectory, now);
    this.totals = { validFrom: snapshot.validFrom, validUntil: snapshot.validUntil, snapshot, insights };
    return this.totals;
  }

  /** Load the facts now (at start-up) rather than on the first request. */
  warm(): void {
    this.current();
  }

  /** Drop this consumer's change notes (the connection stays open for the others). */
  close(): void {
    this.changes.close();
  }

  /**
   * Each worker's live recommendations, 0 when the profile is not public (hidden, or no live
   * quote): exactly publicWorker and the liveQuote count (workers/visibility.ts), from memory. Undefined inside a
   * transaction.
   */
  liveQuotes(workerIds: number[]): number[] | undefined {
    if (!this.sync()) return undefined;
    return workerIds.map((id) => this.facts.liveCount(id));
  }

  /**
   * The most ticked qualities (labels, ties in QUALITIES order) of each given public worker, from
   * memory; inside a transaction, from SQL (workers/profile.ts topQualities), like every count here.
   */
  topQualities(workerIds: number[], perWorker = 3): Map<number, string[]> {
    if (!this.sync()) return sqlTopQualities(this.db, workerIds, perWorker);
    const out = new Map<number, string[]>();
    for (const id of workerIds) {
      const top = this.facts
        .qualityTally(id)
        .map((count, i) => ({ count, i }))
        .filter((q) => q.count > 0)
        .sort((a, b) => b.count - a.count || a.i - b.i)
        .slice(0, perWorker)
        .map((q) => QUALITIES[q.i]!.label);
      if (top.length) out.set(id, top);
    }
    return out;
  }

  /**
   * One public worker's live recommendations, how many of them ticked each quality (every
   * quality, in QUALITIES order) and the areas they were sent from, from memory: what the profile
   * page and its JSON show. Inside a transaction, from SQL (workers/profile.ts), like every count here.
   */
  worker(workerId: number): { recommendations: number; qualities: QualityCount[]; fromAreas: number[] } {
    if (!this.sync())
      return {
        recommendations: recommendationCount(this.db, workerId),
        qualities: qualityCounts(this.db, workerId),
        fromAreas: recommendationAreaIds(this.db, workerId),
      };
    const tally = this.facts.qualityTally(workerId);
    return {
      recommendations: this.facts.liveCount(workerId),
      qualities: QUALITIES.map((q, i) => ({ key: q.key, label: q.label, count: tally[i]! })),
      fromAreas: this.facts.fromAreas(workerId),
    };
  }

  snapshot(): CountsSnapshot {
    return this.current()?.snapshot ?? computeSnapshot(this.db, this.areaDirectory, this.clock());
  }

  insights(): Insights {
    return this.current()?.insights ?? computeInsights(this.db);
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
