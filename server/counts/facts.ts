// The counted recommendations held in memory, one small fact per live quote, so that counts
// can be re-added in milliseconds after a change instead of re-joining 300k rows in SQLite.
//
// Loaded in full once (and again whenever the database was changed by another connection);
// after that, a change to one worker reloads just that worker's facts (an indexed query).
// Facts are keyed by quote, so a quote moved from one worker to another is never counted
// twice even if only its new worker is reported as changed.
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { QUALITIES } from '../qualities.ts';
import { LIVE_QUOTE } from '../workers/visibility.ts';
import { dayStart, recentWeekStarts, thisWeekStart } from './week.ts';
import { AREA_TREND_WEEKS, TREND_WEEKS, bucketOf, countAreas, type AreaFigures, type CountsSnapshot, type Insights } from './snapshot.ts';

export type Fact = {
  quoteId: number;
  workerId: number;
  areaId: number;
  /** when the nomination was submitted */
  at: number;
  /** bit i set = QUALITIES[i] ticked */
  qualities: number;
  /** index in STILL (-1 for an unknown answer) */
  still: number;
};

/** answers to "Is this social worker still working with your family?", in the facts' order */
const STILL = ['yes', 'moved_on', 'case_closed', 'not_sure'];

const QUALITY_BIT = new Map<string, number>(QUALITIES.map((q, i) => [q.key, 1 << i]));

function qualityMask(json: string): number {
  let mask = 0;
  try {
    const keys: unknown = JSON.parse(json);
    if (Array.isArray(keys)) for (const k of keys) mask |= QUALITY_BIT.get(String(k)) ?? 0;
  } catch {
    // a malformed list counts as no qualities ticked
  }
  return mask;
}

const SELECT = `SELECT q.id, q.worker_id, w.area_id, n.submitted_at, n.qualities, n.still_involved
                  FROM quotes q
                  JOIN workers w ON w.id = q.worker_id
                  JOIN nominations n ON n.id = q.nomination_id
                 WHERE ${LIVE_QUOTE} AND w.status = 'published'`;

type RawFact = [number, number, number, number, string, string];
const toFact = (r: RawFact): Fact => ({ quoteId: r[0], workerId: r[1], areaId: r[2], at: r[3], qualities: qualityMask(r[4]), still: STILL.indexOf(r[5]) });

export class LiveFacts {
  /** worker id -> its live facts (published workers with at least one live quote only) */
  readonly byWorker = new Map<number, Fact[]>();
  private readonly owner = new Map<number, number>();
  private readonly all;
  private readonly ofWorker;
  private readonly quotesOfWorker;

  constructor(db: Db) {
    this.all = db.$client.prepare(SELECT).raw();
    this.ofWorker = db.$client.prepare(`${SELECT} AND q.worker_id = ?`).raw();
    this.quotesOfWorker = db.$client.prepare('SELECT id FROM quotes WHERE worker_id = ?').pluck();
  }

  loadAll(): void {
    this.byWorker.clear();
    this.owner.clear();
    for (const r of this.all.iterate() as IterableIterator<RawFact>) {
      const f = toFact(r);
      let list = this.byWorker.get(f.workerId);
      if (!list) this.byWorker.set(f.workerId, (list = []));
      list.push(f);
      this.owner.set(f.quoteId, f.workerId);
    }
  }

  refreshWorker(workerId: number): void {
    for (const f of this.byWorker.get(workerId) ?? []) this.owner.delete(f.quoteId);
    this.byWorker.delete(workerId);
    // Every quote now attached to this worker, live or not, leaves whichever worker held it.
    for (const quoteId of this.quotesOfWorker.all(workerId) as number[]) {
      const previous = this.owner.get(quoteId);
      if (previous === undefined) continue;
      const left = this.byWorker.get(previous)!.filter((g) => g.quoteId !== quoteId);
      if (left.length) this.byWorker.set(previous, left);
      else this.byWorker.delete(previous);
      this.owner.delete(quoteId);
    }
    const fresh = (this.ofWorker.all(workerId) as RawFact[]).map(toFact);
    for (const f of fresh) this.owner.set(f.quoteId, workerId);
    if (fresh.length) this.byWorker.set(workerId, fresh);
  }
}

/** The same snapshot and insights as the SQL in snapshot.ts, added up from the facts. */
export function aggregate(facts: LiveFacts, areas: AreaDirectory, now: number): { snapshot: CountsSnapshot; insights: Insights } {
  const since = thisWeekStart(now);
  const weeks = recentWeekStarts(now, TREND_WEEKS);
  const firstAreaWeek = TREND_WEEKS - AREA_TREND_WEEKS;
  const trend = weeks.map((start) => ({ start, nominations: 0 }));
  const areaTrends = new Map<number, number[]>();
  const perArea = new Map<number, AreaFigures>();
  const qualityCounts = new Array<number>(QUALITIES.length).fill(0);
  const still = [0, 0, 0, 0];
  const firstWeek = weeks[0]!;
  let recommendations = 0;

  for (const [, list] of facts.byWorker) {
    const areaId = list[0]!.areaId;
    let acc = perArea.get(areaId);
    if (!acc) perArea.set(areaId, (acc = { workers: 0, nominations: 0, thisWeek: 0, thisWeekWorkers: 0 }));
    acc.workers++;
    let recent = false;
    for (const f of list) {
      acc.nominations++;
      recommendations++;
      if (f.at >= since) {
        acc.thisWeek++;
        recent = true;
      }
      const b = f.at >= firstWeek ? bucketOf(weeks, f.at) : -1;
      if (b >= 0) {
        trend[b]!.nominations++;
        if (b >= firstAreaWeek) {
          let series = areaTrends.get(areaId);
          if (!series) areaTrends.set(areaId, (series = new Array<number>(AREA_TREND_WEEKS).fill(0)));
          series[b - firstAreaWeek]!++;
        }
      }
      for (let m = f.qualities; m; m &= m - 1) qualityCounts[31 - Math.clz32(m & -m)]!++;
      if (f.still >= 0) still[f.still]!++;
    }
    if (recent) acc.thisWeekWorkers++;
  }

  const { counts, totals } = countAreas(areas, (id) => perArea.get(id));
  const validFrom = dayStart(now);
  const qualities = QUALITIES.map((q, i) => ({ key: q.key, label: q.label, count: qualityCounts[i]! })).sort((a, b) => b.count - a.count);
  return {
    snapshot: { validFrom, validUntil: dayStart(validFrom + 30 * 3600_000), thisWeekSince: since, areas: counts, totals, trend, areaTrends },
    insights: { recommendations, qualities, stillWorking: still[0]!, movedOn: still[1]!, caseClosed: still[2]!, notSure: still[3]! },
  };
}
