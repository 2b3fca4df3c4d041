// Which workers did writes on this connection touch, and did another connection write?
//
// Used by everything kept in memory beside the database (the served counts, the search index)
// so that it is exact by construction, without relying on every writer remembering to emit
// 'worker-changed': a writer that forgets is still caught.
//  - Temporary (per-connection) triggers note every worker a write through this connection may
//    have changed: quotes added, removed, moved or unpublished (deleting a nomination deletes its
//    quote by cascade, which fires the quote trigger); workers renamed, re-teamed, hidden, moved to another
//    area or deleted; nominations' dates or answers edited (noted against their quote's worker).
//    The notes are written inside the writing transaction, so a rollback takes them back with
//    the write: nothing half-done is ever reported.
//  - Writes by another connection (scripts, another process) fire no trigger here, but bump
//    SQLite's `PRAGMA data_version`, which the consumer checks and answers by reloading everything.
// Each consumer has its own notes table, so one consumer taking its notes never hides a change
// from another.
import type { Database, Statement } from 'better-sqlite3';

const TRIGGERS = ['quote_insert', 'quote_update', 'quote_delete', 'worker_update', 'worker_delete', 'nomination_update'];

function createNotes(t: string): string {
  return `
  CREATE TEMP TABLE IF NOT EXISTS ${t} (worker_id INTEGER PRIMARY KEY);
  CREATE TEMP TRIGGER IF NOT EXISTS ${t}_quote_insert AFTER INSERT ON main.quotes
    BEGIN INSERT OR IGNORE INTO ${t} VALUES (NEW.worker_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS ${t}_quote_update AFTER UPDATE OF worker_id, unpublished_at, nomination_id ON main.quotes
    BEGIN INSERT OR IGNORE INTO ${t} VALUES (OLD.worker_id), (NEW.worker_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS ${t}_quote_delete AFTER DELETE ON main.quotes
    BEGIN INSERT OR IGNORE INTO ${t} VALUES (OLD.worker_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS ${t}_worker_update AFTER UPDATE OF name, slug, team, status, area_id, display, updated_at ON main.workers
    BEGIN INSERT OR IGNORE INTO ${t} VALUES (NEW.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS ${t}_worker_delete AFTER DELETE ON main.workers
    BEGIN INSERT OR IGNORE INTO ${t} VALUES (OLD.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS ${t}_nomination_update AFTER UPDATE OF submitted_at, qualities, still_involved ON main.nominations
    BEGIN INSERT OR IGNORE INTO ${t} SELECT worker_id FROM main.quotes WHERE nomination_id = NEW.id; END;`;
}

/** Numbers every consumer's table, so two of the same kind on one connection stay apart (tests run a second search service). */
let made = 0;

export class WorkerChanges {
  private readonly table: string;
  private readonly list: Statement<[], number>;
  private readonly clear: Statement<[]>;
  private readonly version: Statement<[], number>;
  private seenVersion: number;

  /** `consumer` names the notes (letters, digits, underscores): "counts", "search". */
  constructor(
    private readonly sqlite: Database,
    consumer: string,
  ) {
    if (!/^\w+$/.test(consumer)) throw new Error(`bad consumer name: ${consumer}`);
    this.table = `changed_workers_${consumer}_${++made}`;
    sqlite.exec(createNotes(this.table));
    // Raw SQL: temp tables and triggers are per connection and not in db/schema.ts; PRAGMA data_version is a pragma.
    this.list = sqlite.prepare<[], number>(`SELECT worker_id FROM temp.${this.table}`).pluck();
    this.clear = sqlite.prepare<[]>(`DELETE FROM temp.${this.table}`);
    this.version = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.seenVersion = this.version.get() ?? 0;
  }

  /**
   * The workers noted since the last take, and forget them. Inside an open transaction the notes
   * may yet roll back: callers take them only once it is committed.
   */
  takeDirty(): number[] {
    const ids = this.list.all();
    if (ids.length) this.clear.run();
    return ids;
  }

  /** True (once) if another connection has committed a write since the last time this was asked. */
  otherConnectionWrote(): boolean {
    const v = this.version.get() ?? 0;
    if (v === this.seenVersion) return false;
    this.seenVersion = v;
    return true;
  }

  /** Drop this consumer's triggers and notes (a no-op once the connection is closed). */
  close(): void {
    if (!this.sqlite.open) return;
    const t = this.table;
    this.sqlite.exec(TRIGGERS.map((x) => `DROP TRIGGER IF EXISTS temp.${t}_${x};`).join('') + `DROP TABLE IF EXISTS temp.${t};`);
  }
}
