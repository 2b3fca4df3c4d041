// What changed since a consumer last looked: the change log, shared by every connection of every
// process on the database.
//
// Permanent triggers (migration `change_log`) add a row (sequence, worker id, time) to
// `change_log` for every worker a write may have changed: quotes added, removed, moved or
// unpublished (deleting a nomination deletes its quote by cascade, which fires the quote
// trigger); workers renamed, re-teamed, hidden, moved to another area or deleted; nominations'
// dates or answers edited (noted against their quote's worker). The rows are written inside the
// writing transaction, so a rollback takes them back with the write: nothing half-done is ever
// reported, and nothing committed is missed, whoever wrote it (this process, another server
// process, a script).
//
// Each consumer kept in memory beside the database (the served counts, the search index, the
// page cache) reads the log from its own last sequence. Its position is registered in
// `change_readers` with a heartbeat (keepReadersAlive), and rows are pruned once every live
// reader has passed them (pruneChangeLog). A reader that finds rows it had not taken already
// pruned (it was thought dead) has lost track, and reloads everything.
import { asc, eq, gt, lt, max, min, sql } from 'drizzle-orm';
import { hostname } from 'node:os';
import type { Db } from '../db.ts';
import { changeLog, changeReaders } from '../../db/schema.ts';

/** A reader not heard of for this long is taken for dead, and no longer holds pruning back. */
export const READER_TIMEOUT_MS = 60_000;

function statements(db: Db) {
  return {
    last: db
      .select({ seq: max(changeLog.seq) })
      .from(changeLog)
      .prepare(),
    first: db
      .select({ seq: min(changeLog.seq) })
      .from(changeLog)
      .prepare(),
    after: db
      .select({ seq: changeLog.seq, workerId: changeLog.workerId })
      .from(changeLog)
      .where(gt(changeLog.seq, sql.placeholder('seq')))
      .orderBy(asc(changeLog.seq))
      .prepare(),
  };
}

const lastStatements = new WeakMap<Db, ReturnType<typeof statements>>();

/** The change log's last sequence (0 when nothing was ever logged). */
export function lastChange(db: Db): number {
  let q = lastStatements.get(db);
  if (!q) lastStatements.set(db, (q = statements(db)));
  return q.last.get()?.seq ?? 0;
}

type Taken = { readonly lost: boolean; readonly workers: readonly number[] };
const NOTHING: Taken = Object.freeze({ lost: false, workers: Object.freeze([]) });

/** Every open reader, by connection: what the heartbeat registers. */
const open = new Map<Db, Set<WorkerChanges>>();
let made = 0;

export class WorkerChanges {
  readonly id: string;
  /** the last sequence taken */
  position: number;
  private readonly q: ReturnType<typeof statements>;
  private lost = false;

  /**
   * `consumer` names the reader in change_readers: "counts", "search", "pages". `poll` brings
   * the consumer up to date (it takes from this reader); pollReaders calls it, so a process that
   * is not being asked anything still moves on and lets the log be pruned.
   */
  constructor(
    private readonly db: Db,
    consumer: string,
    readonly poll?: () => void,
    /** start from here (a snapshot's sequence) instead of the log's end */
    from?: number,
  ) {
    // Liveness is wall-clock time on this machine, not the app's clock (tests set that anywhere).
    const now = Date.now();
    this.id = `${hostname()}:${process.pid}:${consumer}:${++made}`;
    this.q = statements(db);
    this.position = from ?? this.q.last.get()?.seq ?? 0;
    let readers = open.get(db);
    if (!readers) open.set(db, (readers = new Set()));
    readers.add(this);
    db.insert(changeReaders)
      .values({ id: this.id, seq: this.position, seenAt: now })
      .onConflictDoUpdate({ target: changeReaders.id, set: { seq: this.position, seenAt: now } })
      .run();
    if (from !== undefined) this.rewindTo(from);
  }

  /** True when every change after `seq` is still in the log (whose last sequence is `last`). */
  private canReplayFrom(seq: number, last: number): boolean {
    if (last < seq) return false; // the log went back: another database was put in place (a restore)
    const first = this.q.first.get()?.seq;
    return first === undefined || first === null ? last <= seq : first <= seq + 1;
  }

  private last(): number {
    return this.q.last.get()?.seq ?? 0;
  }

  /**
   * Read on from `seq` (where a snapshot was taken) instead: the changes after it come with the
   * next take, or, if they are no longer all in the log, the next take says it lost track.
   */
  rewindTo(seq: number): void {
    this.position = seq;
    if (!this.canReplayFrom(seq, this.last())) this.lost = true;
  }

  /** True when the next take can bring the consumer up to date change by change. */
  canReplay(): boolean {
    return !this.lost && this.canReplayFrom(this.position, this.last());
  }

  /** Move to the log's end without taking anything (what the caller holds was read after it). */
  skipToEnd(): void {
    this.position = this.last();
    this.lost = false;
  }

  /**
   * What changed since the last take, and move past it: the workers, or `lost` when rows this
   * reader had not taken were pruned (thought dead) or the log is not the one it read: what the
   * consumer holds can then only be reloaded. One indexed look when nothing changed. Inside an
   * open transaction the rows may yet roll back: callers take only once it is committed.
   */
  take(): Taken {
    const last = this.last();
    if (last === this.position && !this.lost) return NOTHING;
    const lost = this.lost || !this.canReplayFrom(this.position, last);
    const rows = lost ? [] : this.q.after.all({ seq: this.position });
    this.position = last;
    this.lost = false;
    return { lost, workers: [...new Set(rows.map((r) => r.workerId))] };
  }

  /** Unregister (a no-op once the connection is closed). */
  close(): void {
    open.get(this.db)?.delete(this);
    if (!this.db.$client.open) return;
    this.db.delete(changeReaders).where(eq(changeReaders.id, this.id)).run();
  }
}

/** Let every open reader on `db` take what is new (a no-op for one with nothing to take). */
export function pollReaders(db: Db): void {
  if (db.$client.inTransaction) return;
  for (const r of [...(open.get(db) ?? [])]) r.poll?.();
}

/** Poll every open reader, then write their positions on `db` with the time, in one transaction. */
export function keepReadersAlive(db: Db, now = Date.now()): void {
  pollReaders(db);
  const readers = [...(open.get(db) ?? [])];
  if (!readers.length) return;
  db.transaction((tx) => {
    for (const r of readers) {
      tx.insert(changeReaders)
        .values({ id: r.id, seq: r.position, seenAt: now })
        .onConflictDoUpdate({ target: changeReaders.id, set: { seq: r.position, seenAt: now } })
        .run();
    }
  });
}

/**
 * Forget readers not heard of for READER_TIMEOUT_MS and drop the log rows every live reader has
 * taken, keeping the newest of them (so a reader just at it sees the log is whole). Safe to run
 * in several processes at once. Returns the rows deleted.
 */
export function pruneChangeLog(db: Db, now = Date.now()): number {
  return db.transaction((tx) => {
    tx.delete(changeReaders)
      .where(lt(changeReaders.seenAt, now - READER_TIMEOUT_MS))
      .run();
    const floor = tx
      .select({ seq: min(changeReaders.seq) })
      .from(changeReaders)
      .get()?.seq;
    if (floor === undefined || floor === null) return 0;
    return tx.delete(changeLog).where(lt(changeLog.seq, floor)).run().changes;
  });
}
