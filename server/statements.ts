// Statements kept per connection: preparing costs more than running most of ours.
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The raw statement for `sql` on this connection, prepared on first use (for SQL drizzle cannot say). */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let m = cache.get(sqlite);
  if (!m) cache.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

const queries = new WeakMap<Db, Map<(db: Db) => unknown, unknown>>();

/**
 * The drizzle query `build` makes (ending in `.prepare()`, with `sql.placeholder`s), built and
 * prepared once per database handle. `build` is a module-level function: it is the cache key.
 */
export function preparedQuery<T>(db: Db, build: (db: Db) => T): T {
  let m = queries.get(db);
  if (!m) queries.set(db, (m = new Map()));
  if (!m.has(build)) m.set(build, build(db));
  return m.get(build) as T; // the value was made by this very `build`
}
