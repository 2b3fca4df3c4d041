// What "published" means, in one place, as SQL fragments every public query uses.
//
// A recommendation is live when its quote is published and not unpublished (quotes exist only
// for approved nominations; a withdrawal deletes the nomination and its quote).
// A profile is counted when the worker is not hidden: its live recommendations count in the area's
// and the site's totals. It is listed (shown by name: profile, search, feed, area lists, JSON)
// when it is counted and the worker has not chosen "thanks in private only". A worker's
// "first name only" needs nothing here: the name column then holds only the first name.

/** condition on a quotes row aliased `q` */
export const LIVE_QUOTE = 'q.unpublished_at IS NULL';

/** condition on a workers row aliased `w`: counted in the totals (a private profile counts, without a name) */
export const COUNTED_WORKER = `w.status = 'published'`;

/** condition on a workers row aliased `w`: may be shown by name on a public page */
export const LISTED_WORKER = `${COUNTED_WORKER} AND w.display <> 'private'`;

/** condition on a workers row aliased `w` */
export const PUBLIC_WORKER = `${LISTED_WORKER} AND EXISTS (SELECT 1 FROM quotes q WHERE q.worker_id = w.id AND ${LIVE_QUOTE})`;
