// What "published" means, in one place, as SQL fragments every public query uses.
//
// A recommendation is live when its quote is published and not unpublished (quotes exist only
// for approved nominations; a withdrawal deletes the nomination and its quote).
// A profile is counted when the worker is not hidden: its live recommendations count in the area's
// and the site's totals. It is listed (shown by name: profile, search, feed, area lists, JSON)
// when it is counted and the worker has not chosen "thanks in private only"; it is public when it
// is listed and has at least one live recommendation. A worker's "first name only" needs nothing
// here: the name column then holds only the first name (server/worker-accounts/display.ts).
import { sql } from 'drizzle-orm';
import { quotes, workers } from '../../db/schema.ts';

/** condition on a quotes row aliased `q` */
export const LIVE_QUOTE = 'q.unpublished_at IS NULL';

/** condition on a workers row aliased `w`: counted in the totals (a private profile counts, without a name) */
export const COUNTED_WORKER = `w.status = 'published'`;

/** condition on a workers row aliased `w`: may be shown by name on a public page */
export const LISTED_WORKER = `${COUNTED_WORKER} AND w.display <> 'private'`;

/** condition on a workers row aliased `w` */
export const PUBLIC_WORKER = `${LISTED_WORKER} AND EXISTS (SELECT 1 FROM quotes q WHERE q.worker_id = w.id AND ${LIVE_QUOTE})`;

// The same rules for drizzle queries over the `workers` table (unaliased).

/** A worker's live recommendations, as a column of a query over `workers`. */
export const liveQuoteCount =
  sql<number>`(SELECT COUNT(*) FROM ${quotes} q WHERE q.worker_id = ${workers.id} AND ${sql.raw(LIVE_QUOTE)})`.mapWith(Number);

/** The worker may be shown by name (as LISTED_WORKER), as a condition or a 0/1 column of a query over `workers`. */
export const isListedWorker = sql<number>`(${workers.status} = 'published' AND ${workers.display} <> 'private')`;

/** The worker is public (as PUBLIC_WORKER), as a condition or a 0/1 column of a query over `workers`. */
export const isPublicWorker = sql<number>`(${workers.status} = 'published' AND ${workers.display} <> 'private' AND EXISTS (SELECT 1 FROM ${quotes} q WHERE q.worker_id = ${workers.id} AND ${sql.raw(LIVE_QUOTE)}))`;
