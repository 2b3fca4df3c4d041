// The counts straight from SQL: the reference definition of every number on the site. The
// app serves the same numbers added up in memory (facts.ts); tests hold the two equal after
// every kind of change, and this is also what is used inside an open transaction.
//
// A counted recommendation is a live quote of a published worker (workers/visibility.ts): exactly what the
// public pages show. "Workers" are published workers with at least one such quote. Hiding a
// worker, withdrawing (deleting) a nomination, unpublishing a quote and moving a worker to
// another area all change these queries' answers with no other bookkeeping.
import { and, count, countDistinct, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { NOMINATION_STATUSES, type STILL_INVOLVED, nominations, quotes, workers } from '../../db/schema.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { countedQuote } from '../workers/visibility.ts';
import { QUALITIES } from '../qualities.ts';
import { dayStart, recentWeekStarts, thisWeekStart } from './week.ts';

export const TREND_WEEKS = 26;
export const AREA_TREND_WEEKS = 12;

export type AreaCount = Area & {
  /** public profiles in the area */
  workers: number;
  /** live (approved, published) recommendations */
  nominations: number;
  /** live recommendations submitted this week */
  thisWeek: number;
  /** distinct workers with a live recommendation submitted this week */
  thisWeekWorkers: number;
};

export type Totals = {
  workers: number;
  nominations: number;
  areasWithWorkers: number;
  thisWeek: number;
  thisWeekWorkers: number;
};

/** Recommendations submitted in the week starting `start` (Monday 00:00 London). */
export type WeekCount = { start: number; nominations: number };

export type CountsSnapshot = {
  /** the London day it holds for: [validFrom, validUntil) */
  validFrom: number;
  validUntil: number;
  thisWeekSince: number;
  areas: AreaCount[];
  totals: Totals;
  /** the last TREND_WEEKS weeks nationally, oldest first; the last is the current week */
  trend: WeekCount[];
  /** per area id, the last AREA_TREND_WEEKS weekly counts (areas with none are absent) */
  areaTrends: Map<number, number[]>;
};

export type QualityCount = { key: string; label: string; count: number };

/** All-time figures from the nominations behind live recommendations (not time-dependent). */
export type Insights = {
  recommendations: number;
  qualities: QualityCount[];
  /** answers to "Is this social worker still working with your family?" */
  stillWorking: number;
  movedOn: number;
  caseClosed: number;
  notSure: number;
};

type Statements = ReturnType<typeof prepare>;
const statements = new WeakMap<Db, Statements>();

/** answers to "Is this social worker still working with your family?" summed in one pass */
const answered = (answer: (typeof STILL_INVOLVED)[number]) => sql<number>`COALESCE(SUM(${nominations.stillInvolved} = ${answer}), 0)`;
/** how many ticked QUALITIES[i] ("qualities" holds a JSON array of keys) */
const ticked = (i: number) => sql<number>`COALESCE(SUM(instr(${nominations.qualities}, ${JSON.stringify(QUALITIES[i]!.key)}) > 0), 0)`;

const tickedColumns: Record<`k${number}`, SQL<number>> = Object.fromEntries(QUALITIES.map((_, i) => [`k${i}`, ticked(i)]));

function prepare(db: Db) {
  return {
    perArea: db
      .select({ areaId: workers.areaId, workers: countDistinct(workers.id), nominations: count() })
      .from(quotes)
      .innerJoin(workers, eq(workers.id, quotes.workerId))
      .where(countedQuote)
      .groupBy(workers.areaId)
      .prepare(),
    // Driven by the (status, submitted_at) index; every status is listed so the index can be
    // used without assuming which status a quoted nomination has. CROSS JOIN keeps that order.
    recent: db
      .select({ workerId: workers.id, areaId: workers.areaId, at: nominations.submittedAt })
      .from(nominations)
      .crossJoin(quotes)
      .crossJoin(workers)
      .where(
        and(
          eq(quotes.nominationId, nominations.id),
          eq(workers.id, quotes.workerId),
          inArray(nominations.status, [...NOMINATION_STATUSES]),
          gte(nominations.submittedAt, sql.placeholder('since')),
          countedQuote,
        ),
      )
      .prepare(),
    insights: db
      .select({
        recommendations: count(),
        stillWorking: answered('yes'),
        movedOn: answered('moved_on'),
        caseClosed: answered('case_closed'),
        notSure: answered('not_sure'),
        ...tickedColumns,
      })
      .from(quotes)
      .innerJoin(workers, eq(workers.id, quotes.workerId))
      .innerJoin(nominations, eq(nominations.id, quotes.nominationId))
      .where(countedQuote)
      .prepare(),
  };
}

function stmts(db: Db): Statements {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

/** Index of the last boundary <= t (boundaries ascending), or -1. */
export function bucketOf(boundaries: number[], t: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (boundaries[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** One area's figures, without the area. */
export type AreaFigures = Omit<AreaCount, keyof Area>;

/** Every area (zeros included) with its figures, and the national totals they add up to. */
export function countAreas(
  areas: AreaDirectory,
  figuresOf: (areaId: number) => AreaFigures | undefined,
): { counts: AreaCount[]; totals: Totals } {
  const totals: Totals = { workers: 0, nominations: 0, areasWithWorkers: 0, thisWeek: 0, thisWeekWorkers: 0 };
  const counts = areas.all.map((a): AreaCount => {
    const f = figuresOf(a.id);
    const c = {
      ...a,
      workers: f?.workers ?? 0,
      nominations: f?.nominations ?? 0,
      thisWeek: f?.thisWeek ?? 0,
      thisWeekWorkers: f?.thisWeekWorkers ?? 0,
    };
    totals.workers += c.workers;
    totals.nominations += c.nominations;
    totals.thisWeek += c.thisWeek;
    totals.thisWeekWorkers += c.thisWeekWorkers;
    if (c.workers > 0) totals.areasWithWorkers++;
    return c;
  });
  return { counts, totals };
}

/** Everything time-dependent, computed from the database for the London day containing `now`. */
export function computeSnapshot(db: Db, areas: AreaDirectory, now: number): CountsSnapshot {
  const s = stmts(db);
  const since = thisWeekStart(now);
  const weeks = recentWeekStarts(now, TREND_WEEKS);
  const from = Math.min(weeks[0]!, since);
  const areaWeeks = weeks.slice(-AREA_TREND_WEEKS);

  const allTime = new Map(s.perArea.all().map((r) => [r.areaId, r]));
  const weekCount = new Map<number, number>();
  const weekWorkers = new Map<number, Set<number>>();
  const trend = weeks.map((start) => ({ start, nominations: 0 }));
  const areaTrends = new Map<number, number[]>();
  const end = dayStart(dayStart(now) + 30 * 3600_000);

  for (const { workerId, areaId, at } of s.recent.all({ since: from })) {
    if (at >= since) {
      weekCount.set(areaId, (weekCount.get(areaId) ?? 0) + 1);
      let set = weekWorkers.get(areaId);
      if (!set) weekWorkers.set(areaId, (set = new Set()));
      set.add(workerId);
    }
    const b = bucketOf(weeks, at);
    if (b >= 0) trend[b]!.nominations++;
    const ab = bucketOf(areaWeeks, at);
    if (ab >= 0) {
      let series = areaTrends.get(areaId);
      if (!series) areaTrends.set(areaId, (series = new Array<number>(AREA_TREND_WEEKS).fill(0)));
      series[ab]!++;
    }
  }

  const { counts, totals } = countAreas(areas, (id) => ({
    workers: allTime.get(id)?.workers ?? 0,
    nominations: allTime.get(id)?.nominations ?? 0,
    thisWeek: weekCount.get(id) ?? 0,
    thisWeekWorkers: weekWorkers.get(id)?.size ?? 0,
  }));
  return { validFrom: dayStart(now), validUntil: end, thisWeekSince: since, areas: counts, totals, trend, areaTrends };
}

export function computeInsights(db: Db): Insights {
  const row = stmts(db).insights.get();
  // the k0, k1… columns are in the row, though drizzle's row type cannot name them
  const columns = new Map<string, number>(row ? Object.entries(row) : []);
  const qualities = QUALITIES.map((q, i) => ({ key: q.key, label: q.label, count: columns.get(`k${i}`) ?? 0 })).sort(
    (a, b) => b.count - a.count,
  );
  return {
    recommendations: row?.recommendations ?? 0,
    qualities,
    stillWorking: row?.stillWorking ?? 0,
    movedOn: row?.movedOn ?? 0,
    caseClosed: row?.caseClosed ?? 0,
    notSure: row?.notSure ?? 0,
  };
}
