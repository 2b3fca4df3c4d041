// Opens the SQLite database, applies committed migrations and refuses a database newer than the code.
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as schema from '../db/schema.ts';
import { fromRoot } from './paths.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = fromRoot('db', 'migrations');

export class DatabaseTooNewError extends Error {}

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged nomination survives a power cut, not only a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as Db;
  // Several processes write to this file (WEB_CONCURRENCY). A deferred transaction that reads
  // before it writes fails at once with SQLITE_BUSY, busy_timeout or not, when another process
  // committed in between (its snapshot cannot become a write): a moderator's decision answered
  // 503 in the two-process crash test. So every transaction takes the write lock at BEGIN (and
  // waits its turn) unless it asks otherwise: one rule here rather than an option at each call.
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn, config) => deferred(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
  checkNotNewer(sqlite);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** True if the database answers a query (the health check). */
export function databaseAnswers(db: Db): boolean {
  try {
    db.get(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

/** A database migrated by a newer version of the code must not be touched by this one. */
function checkNotNewer(sqlite: Database.Database): void {
  // Raw: sqlite_master and drizzle's own __drizzle_migrations are not tables of db/schema.ts.
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return;
  const latest: unknown = sqlite.prepare('SELECT MAX(created_at) FROM __drizzle_migrations').pluck().get();
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const known = Math.max(0, ...journal.entries.map((e) => e.when));
  if (latest != null && Number(latest) > known) {
    throw new DatabaseTooNewError(
      `The database was migrated by a newer version of this code (migration of ${new Date(Number(latest)).toISOString()}, ` +
        `this code knows up to ${new Date(known).toISOString()}). Upgrade the code or restore a backup; refusing to start.`,
    );
  }
}
