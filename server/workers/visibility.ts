// What "published" means, in one place, as drizzle conditions typed from db/schema.ts: every query
// that counts or shows recommendations uses these, so the rule cannot drift and renaming a column
// breaks every use at compile time.
//
// A recommendation is live when its quote is published and not unpublished (quotes exist only
// for approved nominations; a withdrawal deletes the nomination and its quote).
// A profile is counted when the worker is not hidden: its live recommendations count in the area's
// and the site's totals. It is listed (shown by name: profile, search, feed, area lists, JSON)
// when it is counted and the worker has not chosen "thanks in private only"; it is public when it
// is listed and has at least one live recommendation. A worker's "first name only" needs nothing
// here: the name column then holds only the first name (server/worker-accounts/display.ts).
//
// Each rule takes the table, or an alias of it, it is a condition on (the default: the table
// itself). 'published' and 'private' are written into the SQL rather than bound: with a parameter
// SQLite cannot plan for the value, and the counts' full load leaves the workers_status index.
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { quotes, WORKER_STATUSES, workers } from '../../db/schema.ts';

if (WORKER_STATUSES[0] !== 'published') throw new Error('visibility: WORKER_STATUSES changed');

type QuoteColumns = { workerId: AnySQLiteColumn; unpublishedAt: AnySQLiteColumn };
type WorkerColumns = { id: AnySQLiteColumn; status: AnySQLiteColumn; display: AnySQLiteColumn };

/** A quote that is published and not unpublished. */
export const liveQuoteOf = (q: QuoteColumns): SQL => isNull(q.unpublishedAt);

/** A worker who is not hidden: counted in the totals (a private profile counts, without a name). */
export const countedWorkerOf = (w: WorkerColumns): SQL => sql`${w.status} = 'published'`;

/** A worker who may be shown by name on a public page: counted, and not "thanks in private only". */
export const listedWorkerOf = (w: WorkerColumns): SQL => and(countedWorkerOf(w), sql`${w.display} <> 'private'`)!;

/** The live quotes of worker `w` (a condition on `q`, for a correlated subquery). */
export const liveQuotesOfWorker = (w: WorkerColumns, q: QuoteColumns): SQL => and(eq(q.workerId, w.id), liveQuoteOf(q))!;

/** A worker shown to the public: listed, with at least one live recommendation. */
export const publicWorkerOf = (w: WorkerColumns): SQL =>
  and(listedWorkerOf(w), sql`EXISTS (SELECT 1 FROM ${quotes} WHERE ${liveQuotesOfWorker(w, quotes)})`)!;

// The rules over the tables themselves, as most queries use them.

export const liveQuote = liveQuoteOf(quotes);
export const countedWorker = countedWorkerOf(workers);
/** A live quote of a worker who is not hidden (in a query joining `quotes` to `workers`): one recommendation in every count. */
export const countedQuote: SQL = and(liveQuote, countedWorker)!;
/** The live quotes of the `workers` row of the enclosing query, for a correlated subquery over `quotes`. */
export const ofThisWorker = liveQuotesOfWorker(workers, quotes);
export const listedWorker = listedWorkerOf(workers);
export const publicWorker = publicWorkerOf(workers);

/** A worker's live recommendations, as a column of a query over `workers`. */
export const liveQuoteCount = sql<number>`(SELECT COUNT(*) FROM ${quotes} WHERE ${ofThisWorker})`.mapWith(Number);

/** 1 when the worker is public, 0 when not, as a column or an ordering of a query over `workers`. */
export const isPublicWorker = sql<number>`(${publicWorker})`;
