// The search index's life: loaded from its snapshot at start-up (or built), kept current by a
// small delta of changed profiles, rebuilt off the request path in a worker thread and swapped in
// whole. Every page of results is checked against the database before it is shown, so a hidden
// profile never appears, even while an old index still holds it.
import { Worker } from 'node:worker_threads';
import type { Db } from '../db.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { and, count, inArray, sql } from 'drizzle-orm';
import { quotes, workers } from '../../db/schema.ts';
import { ofThisWorker, publicWorker } from '../workers/visibility.ts';
import { buildFromDatabase, fingerprint, readPublicProfile, readSnapshot, writeSnapshot, type IndexParts } from './build.ts';
import { MainIndex } from './main-index.ts';
import { Delta, deltaProfile } from './delta.ts';
import { rankPage } from './engine.ts';
import { planQuery } from './match.ts';
import { WorkerChanges, lastChange } from '../workers/changes.ts';

/** The index-building thread's entry: from TypeScript sources it registers tsx first (build-thread.mjs); compiled by `npm start`, it is plain JavaScript. */
const THREAD_ENTRY = import.meta.url.endsWith('.ts') ? './build-thread.mjs' : './build-thread.js';

export type SearchLog = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

export type SearchOptions = {
  db: Db;
  areas: AreaDirectory;
  /** the database file, read by the build thread; ':memory:' builds in-process */
  dbPath: string;
  /** where the snapshot lives; null keeps none */
  snapshotPath: string | null;
  now: () => number;
  log: SearchLog;
  /** up to this many profiles the index is built in-process (milliseconds); beyond, in a thread */
  inlineMax?: number;
  /** rebuild once this many profiles have changed… */
  rebuildAfterChanges?: number;
  /** …or once the oldest change is this old (ms) */
  rebuildAfterMs?: number;
  /**
   * Each worker's live recommendations, 0 when not public, undefined when unknown (the served
   * counts, kept in memory); without it each page of results is checked with SQL alone.
   */
  liveQuotes?: (workerIds: number[]) => number[] | undefined;
};

export type SearchResult = { id: number; slug: string; name: string; area: Area; nominations: number };

export type SearchAnswer = {
  total: number;
  results: SearchResult[];
  /** the area results were limited to, if any */
  area?: Area;
  /** true when that area was read from the words of the query */
  areaFromQuery: boolean;
  /** the name words searched for, folded ("jane smith"); empty for an area's list */
  nameWords: string[];
};

/** buildMs: reading and indexing; snapshotMs: writing the snapshot; totalMs: until swapped in. */
export type BuildTimings = { buildMs: number; snapshotMs: number; totalMs: number; offThread: boolean };

/**
 * The shown details of a page of results, by worker id (`ids` is a JSON array: one statement
 * for any page size, through SQLite's json_each, which drizzle's builder has no word for).
 */
function resultReads(db: Db) {
  const onPage = inArray(workers.id, sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`);
  const fields = { id: workers.id, slug: workers.slug, name: workers.name, areaId: workers.areaId };
  return {
    /** when the served counts said which are public and how many recommendations each has */
    named: db.select(fields).from(workers).where(onPage).prepare(),
    /** otherwise (inside a transaction, or without served counts): public-ness and counts from SQL */
    counted: db
      .select({ ...fields, nominations: db.$count(quotes, ofThisWorker) })
      .from(workers)
      .where(and(onPage, publicWorker))
      .prepare(),
  };
}
type ResultRow = ReturnType<ReturnType<typeof resultReads>['counted']['all']>[number];

/**
 * Recent answers kept, least recently used dropped first, all dropped at any change: a popular
 * name asked again as JSON (/api/search, which the page cache does not hold) is not ranked again.
 */
const RECENT_ANSWERS = 1000;

export class SearchService {
  private main: MainIndex | undefined;
  private readonly answers = new Map<string, SearchAnswer>();
  readonly delta = new Delta();
  private initial: Promise<void> = Promise.resolve();
  private building: Promise<void> | undefined;
  private again = false;
  private thread: Worker | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** the workers every committed write touched, from the change log (any process) */
  private readonly changes: WorkerChanges;
  /** timings of the last completed build, for the benchmark and logs */
  lastBuild: BuildTimings | undefined;
  private readonly inlineMax: number;
  private readonly rebuildAfterChanges: number;
  private readonly rebuildAfterMs: number;

  constructor(private readonly opts: SearchOptions) {
    this.inlineMax = opts.inlineMax ?? 5000;
    this.rebuildAfterChanges = opts.rebuildAfterChanges ?? 500;
    this.rebuildAfterMs = opts.rebuildAfterMs ?? 10 * 60_000;
    this.changes = new WorkerChanges(opts.db, 'search', () => this.catchUp());
    this.reads = resultReads(opts.db);
  }

  private readonly reads: ReturnType<typeof resultReads>;

  private get sqlite() {
    return this.opts.db.$client;
  }

  /** How long start() took (loading the snapshot, when there was one). */
  startMs = 0;

  /**
   * Load the snapshot if there is one and bring it up to date from the change log (what changed
   * since it was written comes in as the delta at the next look); rebuild in the background only
   * if the log no longer holds everything since then and the data moved on. No snapshot: build.
   */
  start(): void {
    const started = performance.now();
    const snap = this.opts.snapshotPath ? readSnapshot(this.opts.snapshotPath) : undefined;
    if (snap) {
      this.adopt(MainIndex.load(snap));
      // A snapshot ahead of the log is of another database (a backup restored under it); one
      // older than the log's oldest row cannot be replayed: either is checked whole instead.
      const fromLog = snap.logSeq <= lastChange(this.opts.db);
      if (fromLog) this.changes.rewindTo(snap.logSeq);
      if (!fromLog || !this.changes.canReplay()) {
        this.changes.skipToEnd();
        if (snap.fingerprint !== fingerprint(this.opts.db)) {
          this.opts.log.info({ profiles: this.main!.size }, 'search snapshot is out of date; rebuilding in the background');
          void this.rebuild();
        }
      }
    } else {
      this.initial = this.rebuild();
    }
    this.timer = setInterval(() => this.tick(), 30_000);
    this.timer.unref();
    this.startMs = performance.now() - started;
  }

  /** Resolves once there is an index to search (immediately when a snapshot was loaded). */
  ready(): Promise<void> {
    return this.initial;
  }

  /** Resolves when no rebuild is running or queued. */
  async idle(): Promise<void> {
    while (this.building !== undefined) await this.building;
  }

  /** Forget remembered word expansions (for measuring cold lookups). */
  clearCaches(): void {
    this.main?.clearCache();
  }

  get profiles(): number {
    return this.main?.size ?? 0;
  }

  get builtAt(): number | undefined {
    return this.main?.builtAt;
  }

  /**
   * Take in every change committed since the last look, by any process, from the change log;
   * rebuild only when the log no longer holds them all.
   */
  private catchUp(): void {
    if (this.closed || this.sqlite.inTransaction) return;
    const changed = this.changes.take();
    if (changed.lost || changed.workers.length) this.answers.clear();
    if (changed.lost)
      void this.rebuild(); // it reads them all
    else for (const id of changed.workers) this.workerChanged(id);
  }

  /** A profile was approved, hidden, corrected, withdrawn from…: search sees its current state now. */
  private workerChanged(workerId: number): void {
    if (this.closed) return;
    const p = readPublicProfile(this.opts.db, workerId);
    this.delta.set(workerId, p ? deltaProfile(p) : null, Date.now());
    this.main?.setOverridden(workerId, true);
    if (this.delta.size >= this.rebuildAfterChanges) void this.rebuild();
  }

  /** Build a fresh index (in a worker thread at scale) and swap it in. One build at a time. */
  rebuild(opts: { offThread?: boolean } = {}): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.building !== undefined) {
      this.again = true;
      return this.building;
    }
    const run = async () => {
      try {
        await this.buildOnce(opts.offThread);
      } catch (err) {
        this.opts.log.error({ err: { message: (err as Error).message } }, 'search index build failed; keeping the current index');
      }
    };
    this.building = (async () => {
      await run();
      while (this.again && !this.closed) {
        this.again = false;
        await run();
      }
      this.building = undefined;
    })();
    return this.building;
  }

  private async buildOnce(offThread?: boolean): Promise<void> {
    const started = performance.now();
    const inMemory = this.opts.dbPath === ':memory:';
    const useThread = !inMemory && (offThread ?? (this.opts.db.select({ n: count() }).from(workers).get()?.n ?? 0) > this.inlineMax);
    if (useThread) {
      try {
        const { parts, timings } = await this.buildInThread();
        if (this.closed) return;
        await this.install(parts);
        this.lastBuild = { ...timings, totalMs: performance.now() - started, offThread: true };
        this.opts.log.info({ profiles: parts.docWorker.length, ...this.lastBuild }, 'search index rebuilt');
        return;
      } catch (err) {
        if (this.closed) return;
        this.opts.log.error({ err: { message: (err as Error).message } }, 'search index thread failed; building in-process');
      }
    }
    const parts = buildFromDatabase(this.opts.db, this.opts.now());
    const built = performance.now();
    if (this.opts.snapshotPath && !inMemory) writeSnapshot(this.opts.snapshotPath, parts);
    const saved = performance.now();
    await this.install(parts);
    this.lastBuild = { buildMs: built - started, snapshotMs: saved - built, totalMs: performance.now() - started, offThread: false };
  }

  private buildInThread(): Promise<{ parts: IndexParts; timings: Omit<BuildTimings, 'totalMs' | 'offThread'> }> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL(THREAD_ENTRY, import.meta.url), {
        workerData: { dbPath: this.opts.dbPath, snapshotPath: this.opts.snapshotPath, builtAt: this.opts.now() },
        execArgv: [],
        // A small young generation makes the thread collect its garbage early: its peak memory
        // counts towards the server's. (Measured at 100k: ~190 MB -> ~130 MB peak; no slower.)
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      });
      this.thread = worker;
      let settled = false;
      worker.once('message', (msg: { ok: true; parts: IndexParts; timings: BuildTimings } | { ok: false; error: string }) => {
        settled = true;
        if (msg.ok) resolve({ parts: msg.parts, timings: msg.timings });
        else reject(new Error(msg.error));
      });
      worker.once('error', (err) => {
        settled = true;
        reject(err);
      });
      worker.once('exit', (code) => {
        if (this.thread === worker) this.thread = undefined;
        if (!settled) reject(new Error(`search index thread stopped (exit code ${code})`));
      });
    });
  }

  /** Load a freshly built index beside the current one, then swap it in. */
  private async install(parts: IndexParts): Promise<void> {
    const next = await MainIndex.loadBeside(parts, this.main);
    if (!this.closed) this.adopt(next);
  }

  /**
   * Make `next` the main index, in one synchronous step. Delta entries it already reflects are
   * dropped; the others (changes made while it was being built) stay, re-read from the database
   * so nothing half-done (say, a rolled-back write) lingers.
   */
  private adopt(next: MainIndex): void {
    const now = Date.now();
    this.answers.clear();
    for (const workerId of [...this.delta.entries.keys()]) {
      const fresh = readPublicProfile(this.opts.db, workerId);
      const d = next.docOf(workerId);
      const current = fresh ? deltaProfile(fresh) : null;
      if (current === null ? d < 0 : d >= 0 && next.hash(d) === current.hash) {
        this.delta.delete(workerId);
      } else {
        this.delta.delete(workerId);
        this.delta.set(workerId, current, now);
        next.setOverridden(workerId, true);
      }
    }
    this.main = next;
  }

  /** Every 30 s: rebuild when the delta is old; take in changes even when nobody is searching. */
  private tick(): void {
    if (this.closed || this.building !== undefined) return;
    const now = Date.now();
    if (this.delta.oldestAt !== undefined && now - this.delta.oldestAt >= this.rebuildAfterMs) {
      void this.rebuild();
      return;
    }
    this.catchUp();
  }

  /** One page of results for what someone typed, optionally within a chosen area. */
  async find(q: string, chosenArea: Area | undefined, page: number, perPage: number): Promise<SearchAnswer> {
    await this.ready();
    this.catchUp();
    // inside a transaction the answer may see writes that roll back: neither kept nor reused
    if (this.sqlite.inTransaction) return this.answer(q, chosenArea, page, perPage);
    const key = `${q}\u0000${chosenArea?.id ?? ''}\u0000${page}\u0000${perPage}`;
    const kept = this.answers.get(key);
    if (kept) {
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept;
    }
    const answer = this.answer(q, chosenArea, page, perPage);
    this.answers.set(key, answer);
    if (this.answers.size > RECENT_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  private answer(q: string, chosenArea: Area | undefined, page: number, perPage: number): SearchAnswer {
    const plan = planQuery(q, this.opts.areas, chosenArea);
    const offset = (page - 1) * perPage;
    let area = chosenArea ?? plan.area;
    let tokens = plan.tokens;
    let ranked = rankPage(this.main, this.delta, tokens, area?.id, offset, perPage);
    if (plan.area && !chosenArea && plan.allTokens.length > plan.tokens.length && (plan.tokens.length > 0 || ranked.total === 0)) {
      // The area's words may be part of a name: "Jane Hart" (Hart is a district), "Jane Preston".
      // Someone whose name has every word wins; failing that, nobody matching in the area does.
      // (A query that is only an area lists the area, unless nobody is recommended there.)
      const couldBeName = plan.areaTokens.every((t) => this.main?.knows(t) || this.delta.knows(t));
      const asNames =
        couldBeName || ranked.total === 0 ? rankPage(this.main, this.delta, plan.allTokens, undefined, offset, perPage) : undefined;
      const wholeName =
        couldBeName && plan.tokens.length > 0 && !!asNames && asNames.total > 0 && asNames.coverage === plan.allTokens.length;
      if (asNames && (wholeName || (ranked.total === 0 && asNames.total > 0))) {
        area = undefined;
        tokens = plan.allTokens;
        ranked = asNames;
      }
    }
    return {
      total: ranked.total,
      results: this.stillPublic(ranked.workerIds),
      area,
      areaFromQuery: !!area && !chosenArea,
      nameWords: tokens.map((t) => t.word),
    };
  }

  /**
   * The given workers that are public right now, in the given order, with their current details.
   * Public-ness and counts come from the served counts when they can answer (a page of ten
   * results then costs ten primary-key reads); otherwise from SQL.
   */
  private stillPublic(ids: number[]): SearchResult[] {
    if (!ids.length) return [];
    const counted = this.opts.liveQuotes?.(ids);
    let rows: ResultRow[];
    if (counted) {
      const nominations = new Map(ids.map((id, i) => [id, counted[i]!]));
      const shown = ids.filter((id) => nominations.get(id)! > 0);
      rows = shown.length
        ? this.reads.named.all({ ids: JSON.stringify(shown) }).map((r) => ({ ...r, nominations: nominations.get(r.id)! }))
        : [];
    } else {
      rows = this.reads.counted.all({ ids: JSON.stringify(ids) });
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: SearchResult[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      const area = r && this.opts.areas.get(r.areaId);
      if (r && area) out.push({ id: r.id, slug: r.slug, name: r.name, area, nominations: r.nominations });
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.changes.close();
    const t = this.thread;
    if (t) await t.terminate();
    await this.building?.catch(() => undefined);
  }
}
