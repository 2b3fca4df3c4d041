// Statements kept per connection: preparing costs more than running most of ours.
import type Database from 'better-sqlite3';
import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.ts';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

/**
 * The raw statement for `sql` on this connection, prepared on first use: only for SQL drizzle's
 * builder cannot say (INDEXED BY, temp triggers). `Row` is what the SQL's own column list returns.
 */
export function prepared<Row = unknown>(sqlite: Database.Database, sql: string): Database.Statement<unknown[], Row> {
  let m = cache.get(sqlite);
  if (!m) cache.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare<unknown[], unknown>(sql)));
  return s as Database.Statement<unknown[], Row>; // typed by the caller's SQL, as better-sqlite3's own prepare<Row>() is
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

/**
 * A bound value the query planner does not look at (`+?`: the same comparison). SQLite re-prepares,
 * on every run, a statement whose plan may depend on a bound value, and better-sqlite3 binds anew
 * on every run: a LIMIT always (SQLite 3.53 plans with its value), and once ANALYZE has stored
 * STAT4 samples, an equality on an indexed column too. For a worker's quotes that was 13-14 µs a
 * run against 8-9 µs (a loop over 100k workers), and ~5% of an uncached profile page in the server.
 * Only where the plan is the same whatever the value.
 */
export function unplanned(name: string): SQL {
  return sql`+${sql.placeholder(name)}`;
}

/**
 * `unplanned` for a prepared query's `.limit()`. Drizzle types a limit as a number or a
 * placeholder but writes any SQL it is given (buildLimit), hence the one cast.
 */
export function unplannedLimit(name: string): Placeholder {
  return unplanned(name) as unknown as Placeholder;
}
