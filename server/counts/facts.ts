// The counted recommendations held in memory, one small fact per live quote, so that counts
// can be re-added in milliseconds after a change instead of re-joining 300k rows in SQLite.
//
// Loaded in full once (and again whenever the database was changed by another connection);
// after that, a change to one worker reloads just that worker's facts (an indexed query).
// Facts are keyed by quote, so a quote moved from one worker to another is never counted
// twice even if only its new worker is reported as changed.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { STILL_INVOLVED, nominations, quotes, workers } from '../../db/schema.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { QUALITIES } from '../qualities.ts';
import { countedQuote } from '../workers/visibility.ts';
import { dayStart, recentWeekStarts, thisWeekStart } from './week.ts';
import { AREA_TREND_WEEKS, TREND_WEEKS, bucketOf, countAreas, type AreaFigures, type CountsSnapshot, type Insights } from './snapshot.ts';

/** answers to "Is this social worker still working with your family?", in the facts' order */
const STILL: readonly string[] = STILL_INVOLVED;

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

function facts(db: Db) {
  return db
    .select({
      quoteId: quotes.id,
      workerId: quotes.workerId,
      areaId: workers.areaId,
      fromArea: nominations.areaId,
      submittedAt: nominations.submittedAt,
      qualities: nominations.qualities,
      stillInvolved: nominations.stillInvolved,
    })
    .from(quotes)
    .innerJoin(workers, eq(workers.id, quotes.workerId))
    .innerJoin(nominations, eq(nominations.id, quotes.nominationId));
}

/** One counted recommendation, as read. */
type Fact = ReturnType<ReturnType<typeof facts>['all']>[number];
/** The same, as a row array in the order of the selection above (the full load streams those). */
type FactRow = [
  Fact['quoteId'],
  Fact['workerId'],
  Fact['areaId'],
  Fact['fromArea'],
  Fact['submittedAt'],
  Fact['qualities'],
  Fact['stillInvolved'],
];

/**
 * Every counted recommendation, ordered by worker, streamed as row arrays: the query is drizzle's,
 * built from the schema, but run by better-sqlite3's iterator, because drizzle's driver has none and
 * its .all() holds all 300k row objects at once (measured: +260 MB RSS, 1.3-2x slower to load).
 */
function streamAll(db: Db): () => IterableIterator<FactRow> {
  const { sql: text, params } = facts(db).where(countedQuote).orderBy(quotes.workerId).toSQL();
  const stmt = db.$client.prepare<unknown[], FactRow>(text).raw();
  return () => stmt.iterate(...params);
}

/** A growable typed array. */
function grow<T extends Int32Array | Float64Array | Int8Array | Uint16Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 1024));
  b.set(a);
  return b;
}

/**
 * The facts in columns: one slot per live quote, each worker's slots side by side. At 300k
 * quotes this is ~6 MB; one object per fact was ~50 MB of heap (a third of the server's).
 * A worker whose facts change gets fresh slots at the end; the old ones are left dead and
 * squeezed out once they outnumber the live ones.
 */
export class LiveFacts {
  /** Dead slots are squeezed out once there are this many slots and most are dead (tests lower it). */
  static compactFrom = 65_536;
  // per slot
  private quote = new Int32Array(0);
  private at = new Float64Array(0);
  private qualities = new Uint16Array(0);
  private still = new Int8Array(0);
  /** the area the recommendation was sent from (the worker's own, or another before a merge) */
  private from = new Uint32Array(0);
  private slots = 0;
  private live = 0;
  // per worker id: where its slots start, how many, its area (count 0 = not counted)
  private first = new Int32Array(0);
  private count = new Int32Array(0);
  private area = new Int32Array(0);
  /** per quote id: the worker whose slots hold it (0 = none) */
  private owner = new Int32Array(0);
  private readonly all;
  private readonly ofWorker;
  private readonly quotesOfWorker;

  constructor(db: Db) {
    this.all = streamAll(db);
    const workerId = sql.placeholder('workerId');
    this.ofWorker = facts(db)
      .where(and(countedQuote, eq(quotes.workerId, workerId)))
      .prepare();
    this.quotesOfWorker = db.select({ id: quotes.id }).from(quotes).where(eq(quotes.workerId, workerId)).prepare();
  }

  loadAll(): void {
    this.first.fill(0);
    this.count.fill(0);
    this.owner.fill(0);
    this.slots = 0;
    this.live = 0;
    for (const [quoteId, workerId, areaId, fromArea, submittedAt, qualities, stillInvolved] of this.all()) {
      this.ensureWorker(workerId);
      if (this.count[workerId] === 0) {
        this.first[workerId] = this.slots;
        this.area[workerId] = areaId;
      }
      this.append(quoteId, workerId, fromArea, submittedAt, qualities, stillInvolved);
      this.count[workerId]!++;
    }
  }

  /** How many live quotes a worker has counted (0 when not public). */
  liveCount(workerId: number): number {
    return workerId > 0 && workerId < this.count.length ? this.count[workerId]! : 0;
  }

  refreshWorker(workerId: number): void {
    this.ensureWorker(workerId);
    this.dropWorker(workerId);
    // Every quote now attached to this worker, live or not, leaves whichever worker held it.
    for (const { id: quoteId } of this.quotesOfWorker.all({ workerId })) {
      const previous = quoteId < this.owner.length ? this.owner[quoteId]! : 0;
      if (previous) this.dropQuote(previous, quoteId);
    }
    const fresh = this.ofWorker.all({ workerId });
    if (!fresh.length) return;
    this.first[workerId] = this.slots;
    this.area[workerId] = fresh[0]!.areaId;
    for (const r of fresh) this.append(r.quoteId, workerId, r.fromArea, r.submittedAt, r.qualities, r.stillInvolved);
    this.count[workerId] = fresh.length;
    if (this.slots > LiveFacts.compactFrom && this.slots > 2 * this.live) this.compact();
  }

  /** Visit every counted worker: its area and its slots (read with slotAt & co.). */
  forEachWorker(visit: (areaId: number, first: number, n: number) => void): void {
    for (let w = 1; w < this.count.length; w++) {
      const n = this.count[w]!;
      if (n) visit(this.area[w]!, this.first[w]!, n);
    }
  }

  /** How many of a worker's live recommendations ticked each quality (QUALITIES order). */
  qualityTally(workerId: number): number[] {
    const tally = new Array<number>(QUALITIES.length).fill(0);
    const n = this.liveCount(workerId);
    for (let i = n ? this.first[workerId]! : 0, end = i + n; i < end; i++) {
      for (let m = this.qualities[i]!; m; m &= m - 1) tally[31 - Math.clz32(m & -m)]!++;
    }
    return tally;
  }

  /** The areas a worker's live recommendations were sent from, each once, by area id. */
  fromAreas(workerId: number): number[] {
    const out: number[] = [];
    const n = this.liveCount(workerId);
    for (let i = n ? this.first[workerId]! : 0, end = i + n; i < end; i++) if (!out.includes(this.from[i]!)) out.push(this.from[i]!);
    return out.sort((a, b) => a - b);
  }

  slotAt(i: number): number {
    return this.at[i]!;
  }

  slotQualities(i: number): number {
    return this.qualities[i]!;
  }

  slotStill(i: number): number {
    return this.still[i]!;
  }

  private ensureWorker(workerId: number): void {
    if (workerId < this.count.length) return;
    const n = Math.max(workerId + 1, this.count.length * 2, 1024);
    this.first = grow(this.first, n);
    this.count = grow(this.count, n);
    this.area = grow(this.area, n);
  }

  private append(quoteId: number, workerId: number, fromArea: number, submittedAt: number, qualities: string, stillInvolved: string): void {
    const i = this.slots++;
    if (i >= this.quote.length) {
      this.quote = grow(this.quote, i + 1);
      this.at = grow(this.at, i + 1);
      this.qualities = grow(this.qualities, i + 1);
      this.still = grow(this.still, i + 1);
      this.from = grow(this.from, i + 1);
    }
    this.quote[i] = quoteId;
    this.from[i] = fromArea;
    this.at[i] = submittedAt;
    this.qualities[i] = qualityMask(qualities);
    this.still[i] = STILL.indexOf(stillInvolved);
    if (quoteId >= this.owner.length) this.owner = grow(this.owner, quoteId + 1);
    this.owner[quoteId] = workerId;
    this.live++;
  }

  private dropWorker(workerId: number): void {
    const n = this.count[workerId]!;
    for (let i = this.first[workerId]!, end = i + n; i < end; i++) this.owner[this.quote[i]!] = 0;
    this.count[workerId] = 0;
    this.live -= n;
  }

  /** Take one quote out of a worker's slots (the last slot moves into its place). */
  private dropQuote(workerId: number, quoteId: number): void {
    const start = this.first[workerId]!;
    const last = start + this.count[workerId]! - 1;
    for (let i = start; i <= last; i++) {
      if (this.quote[i] !== quoteId) continue;
      this.quote[i] = this.quote[last]!;
      this.at[i] = this.at[last]!;
      this.qualities[i] = this.qualities[last]!;
      this.still[i] = this.still[last]!;
      this.from[i] = this.from[last]!;
      this.count[workerId]!--;
      this.owner[quoteId] = 0;
      this.live--;
      return;
    }
  }

  /** Squeeze out dead slots, keeping each worker's side by side. */
  private compact(): void {
    const quote = new Int32Array(Math.max(this.live, 1024));
    const at = new Float64Array(quote.length);
    const qualities = new Uint16Array(quote.length);
    const still = new Int8Array(quote.length);
    const from = new Uint32Array(quote.length);
    let k = 0;
    for (let w = 1; w < this.count.length; w++) {
      const n = this.count[w]!;
      if (!n) continue;
      const start = this.first[w]!;
      quote.set(this.quote.subarray(start, start + n), k);
      at.set(this.at.subarray(start, start + n), k);
      qualities.set(this.qualities.subarray(start, start + n), k);
      still.set(this.still.subarray(start, start + n), k);
      from.set(this.from.subarray(start, start + n), k);
      this.first[w] = k;
      k += n;
    }
    Object.assign(this, { quote, at, qualities, still, from, slots: k });
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

  facts.forEachWorker((areaId, first, n) => {
    let acc = perArea.get(areaId);
    if (!acc) perArea.set(areaId, (acc = { workers: 0, nominations: 0, thisWeek: 0, thisWeekWorkers: 0 }));
    acc.workers++;
    let recent = false;
    for (let i = first, end = first + n; i < end; i++) {
      const at = facts.slotAt(i);
      acc.nominations++;
      recommendations++;
      if (at >= since) {
        acc.thisWeek++;
        recent = true;
      }
      const b = at >= firstWeek ? bucketOf(weeks, at) : -1;
      if (b >= 0) {
        trend[b]!.nominations++;
        if (b >= firstAreaWeek) {
          let series = areaTrends.get(areaId);
          if (!series) areaTrends.set(areaId, (series = new Array<number>(AREA_TREND_WEEKS).fill(0)));
          series[b - firstAreaWeek]!++;
        }
      }
      for (let m = facts.slotQualities(i); m; m &= m - 1) qualityCounts[31 - Math.clz32(m & -m)]!++;
      const s = facts.slotStill(i);
      if (s >= 0) still[s]!++;
    }
    if (recent) acc.thisWeekWorkers++;
  });

  const { counts, totals } = countAreas(areas, (id) => perArea.get(id));
  const validFrom = dayStart(now);
  const qualities = QUALITIES.map((q, i) => ({ key: q.key, label: q.label, count: qualityCounts[i]! })).sort((a, b) => b.count - a.count);
  return {
    snapshot: {
      validFrom,
      validUntil: dayStart(validFrom + 30 * 3600_000),
      thisWeekSince: since,
      areas: counts,
      totals,
      trend,
      areaTrends,
    },
    insights: { recommendations, qualities, stillWorking: still[0]!, movedOn: still[1]!, caseClosed: still[2]!, notSure: still[3]! },
  };
}
