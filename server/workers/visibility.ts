// What "published" means, in one place, as SQL fragments every public query uses.
//
// A recommendation is live when its quote is published and not unpublished (quotes exist only
// for approved nominations; a withdrawal deletes the nomination and its quote).
// A profile is public when the worker is not hidden and has at least one live recommendation.
import { sql } from 'drizzle-orm';
import { quotes, workers } from '../../db/schema.ts';

/** condition on a quotes row aliased `q` */
export const LIVE_QUOTE = 'q.unpublished_at IS NULL';

/** condition on a workers row aliased `w` */
export const PUBLIC_WORKER = `w.status = 'published' AND EXISTS (SELECT 1 FROM quotes q WHERE q.worker_id = w.id AND ${LIVE_QUOTE})`;

// The same two rules for drizzle queries over the `workers` table (unaliased).

/** A worker's live recommendations, as a column of a query over `workers`. */
export const liveQuoteCount = sql<number>`(SELECT COUNT(*) FROM ${quotes} q WHERE q.worker_id = ${workers.id} AND ${sql.raw(LIVE_QUOTE)})`.mapWith(Number);

/** The worker is public (as PUBLIC_WORKER), as a condition or a 0/1 column of a query over `workers`. */
export const isPublicWorker = sql<number>`(${workers.status} = 'published' AND EXISTS (SELECT 1 FROM ${quotes} q WHERE q.worker_id = ${workers.id} AND ${sql.raw(LIVE_QUOTE)}))`;
