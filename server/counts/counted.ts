// What "counted" and "public" mean, as drizzle conditions over db/schema.ts: the same rule as the
// SQL fragments in server/workers/visibility.ts (LIVE_QUOTE, LISTED_WORKER, PUBLIC_WORKER), for the queries of
// the counts and the search index, so that renaming a column breaks them at compile time.
import { and, eq, exists, isNull, sql, type SQL } from 'drizzle-orm';
import { WORKER_STATUSES, quotes, workers } from '../../db/schema.ts';

/**
 * 'published' written into the SQL rather than bound: with a parameter SQLite cannot plan for the
 * value, and the full load of the counts leaves the workers_status index for a slower plan.
 */
const PUBLISHED = sql<(typeof WORKER_STATUSES)[0]>`'published'`;
if (WORKER_STATUSES[0] !== 'published') throw new Error('counted: WORKER_STATUSES changed');

/** A quote that is published and not unpublished (quotes exist only for approved nominations). */
export const liveQuote: SQL = isNull(quotes.unpublishedAt);

/** A worker who is not hidden (public once they have a live quote). */
export const publishedWorker: SQL = eq(workers.status, PUBLISHED);

/** A live quote of a worker who is not hidden: one recommendation in every count. */
export const countedQuote: SQL = and(liveQuote, publishedWorker)!;

/** The live quotes of the `workers` row of the enclosing query, for a correlated subquery. */
export const ofThisWorker: SQL = and(eq(quotes.workerId, workers.id), liveQuote)!;

/** A worker who may be shown by name: not hidden, and not "thanks in private only" (still counted). */
export const listedWorker: SQL = and(publishedWorker, sql`${workers.display} <> 'private'`)!;

/** A worker shown to the public: listed, with at least one live recommendation. */
export const publicWorker: SQL = and(listedWorker, exists(sql`(SELECT 1 FROM ${quotes} WHERE ${ofThisWorker})`))!;
