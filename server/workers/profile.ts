// Profile queries for the public read side: a worker by slug (with old-slug redirects), their
// live recommendations and ticked qualities, the latest quotes for the home page, an area's workers.
// Only published data leaves here: quote text, relationship and publication time; never stories,
// emails or references.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { nominations, quotes, workerSlugRedirects, workers } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { QUALITIES, QUALITY_LABELS } from '../qualities.ts';
import { preparedQuery, unplanned, unplannedLimit } from '../statements.ts';
import { publicSide, publicSideColumns, type PublicSide } from '../worker-accounts/profiles.ts';
import { listedWorkerOf, liveQuoteOf, liveQuotesOfWorker, publicWorkerOf } from './visibility.ts';

const q = alias(quotes, 'q');
const w = alias(workers, 'w');
const live = liveQuoteOf(q);
const isPublic = sql<number>`(${publicWorkerOf(w)})`;
const ph = (name: string) => sql.placeholder(name);
/** Shown by name on public pages (not hidden, not "thanks in private only"). */
const listed = sql<number>`(${listedWorkerOf(w)})`;
/** The quality keys ticked on a nomination (`n`), as the rows of json_each (a broken list as none). */
const n = alias(nominations, 'n');
const ticked = sql`json_each(CASE WHEN json_valid(${n.qualities}) THEN ${n.qualities} ELSE '[]' END) j`;
const tickedKey = sql<string>`j.value`;

// Prepared once per database handle: these run on every public page view.
const bySlug = (db: Db) =>
  db
    .select({
      id: w.id,
      slug: w.slug,
      name: w.name,
      areaId: w.areaId,
      team: w.team,
      status: w.status,
      listed,
      live: sql<number>`EXISTS (SELECT 1 FROM ${quotes} WHERE ${liveQuotesOfWorker(w, quotes)})`,
      ...publicSideColumns(w),
    })
    .from(w)
    .where(eq(w.slug, ph('slug')))
    .prepare();
const redirectOf = (db: Db) =>
  db
    .select({ slug: w.slug, public: isPublic, private: sql<number>`(${w.status} = 'published' AND NOT ${listed})` })
    .from(workerSlugRedirects)
    .innerJoin(w, eq(w.id, workerSlugRedirects.workerId))
    .where(eq(workerSlugRedirects.oldSlug, ph('slug')))
    .prepare();
const liveCount = (db: Db) =>
  db
    .select({ n: count() })
    .from(q)
    .where(and(eq(q.workerId, unplanned('workerId')), live))
    .prepare();
const qualityRows = (db: Db) =>
  db
    .select({ key: tickedKey, count: count() })
    .from(q)
    .innerJoin(n, eq(n.id, q.nominationId))
    .innerJoin(ticked, sql`1`)
    .where(and(eq(q.workerId, unplanned('workerId')), live))
    .groupBy(tickedKey)
    .prepare();
const fromAreaRows = (db: Db) =>
  db
    .selectDistinct({ areaId: n.areaId })
    .from(q)
    .innerJoin(n, eq(n.id, q.nominationId))
    .where(and(eq(q.workerId, unplanned('workerId')), live))
    .orderBy(n.areaId)
    .prepare();
const liveQuoteRows = (db: Db) =>
  db
    .select({ id: q.id, text: q.text, relationship: q.relationship, publishedAt: q.publishedAt })
    .from(q)
    .where(and(eq(q.workerId, unplanned('workerId')), live))
    .orderBy(desc(q.publishedAt), desc(q.id))
    .limit(unplannedLimit('limit'))
    .offset(ph('offset'))
    .prepare();
const latestWindow = (db: Db) => {
  const newest = db.select().from(q).where(live).orderBy(desc(q.publishedAt), desc(q.id)).limit(unplannedLimit('window')).as('q');
  return db
    .select({
      id: newest.id,
      text: newest.text,
      relationship: newest.relationship,
      publishedAt: newest.publishedAt,
      slug: w.slug,
      name: w.name,
      areaId: w.areaId,
    })
    .from(newest)
    .innerJoin(w, eq(w.id, newest.workerId))
    .where(listed)
    .orderBy(desc(newest.publishedAt), desc(newest.id))
    .limit(unplannedLimit('limit'))
    .prepare();
};
const allLiveCount = (db: Db) => db.select({ n: count() }).from(q).where(live).prepare();
const publicInArea = (db: Db) =>
  db
    .select({ n: count() })
    .from(w)
    .where(and(eq(w.areaId, ph('areaId')), isPublic))
    .prepare();
const areaWorkerRows = (db: Db) => {
  const nominationCount = count().as('nominations');
  return db
    .select({ id: w.id, slug: w.slug, name: w.name, team: w.team, nominations: nominationCount })
    .from(w)
    .innerJoin(q, and(eq(q.workerId, w.id), live))
    .where(and(eq(w.areaId, ph('areaId')), listed))
    .groupBy(w.id)
    .orderBy(desc(nominationCount), sql`${w.name} COLLATE NOCASE`, asc(w.id))
    .limit(unplannedLimit('limit'))
    .offset(ph('offset'))
    .prepare();
};
const topQualityRows = (db: Db) =>
  db
    .select({ workerId: q.workerId, key: tickedKey, count: count() })
    .from(q)
    .innerJoin(n, eq(n.id, q.nominationId))
    .innerJoin(ticked, sql`1`)
    .where(and(sql`${q.workerId} IN (SELECT value FROM json_each(${ph('ids')}))`, live))
    .groupBy(q.workerId, tickedKey)
    .prepare();

export type WorkerRow = { id: number; slug: string; name: string; areaId: number; team: string | null; status: 'published' | 'hidden' };

export type SlugLookup =
  /** with what the worker added (confirmed mark, reply, registration), read in the same query */
  | { kind: 'public'; worker: WorkerRow; side: PublicSide }
  /** the slug was renamed: answer 301 to the current one */
  | { kind: 'moved'; slug: string }
  /** hidden, or no live recommendation left: answer 410 */
  | { kind: 'gone' }
  | { kind: 'unknown' };

/** Find a profile by its slug, following old slugs of corrected profiles. */
export function lookupWorker(db: Db, slug: string): SlugLookup {
  const found = preparedQuery(db, bySlug).get({ slug });
  if (found) {
    // "thanks in private only": answered like a slug that never existed
    if (found.status === 'published' && !found.listed) return { kind: 'unknown' };
    if (found.status !== 'published' || !found.live) return { kind: 'gone' };
    const { live: _live, listed: _listed, confirmed, reply, regulator, registrationNumber, ...worker } = found;
    return { kind: 'public', worker, side: publicSide({ confirmed, reply, regulator, registrationNumber }) };
  }
  const moved = preparedQuery(db, redirectOf).get({ slug });
  if (!moved || moved.private) return { kind: 'unknown' };
  // A hidden profile's new slug would still name the worker: answer "gone" at the old address.
  return moved.public ? { kind: 'moved', slug: moved.slug } : { kind: 'gone' };
}

/** Live recommendations of one worker. */
export function recommendationCount(db: Db, workerId: number): number {
  return preparedQuery(db, liveCount).get({ workerId })?.n ?? 0;
}

export type QualityCount = { key: string; label: string; count: number };

/**
 * How many families ticked each quality, counting only nominations whose quote is live.
 * Every quality, in the spec's order; callers drop the zeros for display.
 */
export function qualityCounts(db: Db, workerId: number): QualityCount[] {
  const rows = preparedQuery(db, qualityRows).all({ workerId });
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  return QUALITIES.map((q) => ({ key: q.key, label: q.label, count: byKey.get(q.key) ?? 0 }));
}

/**
 * The areas a worker's live recommendations were sent from (more than one after a merge), by
 * area id, read from SQL; pages take the same from the served counts in memory (Counts.worker).
 */
export function recommendationAreaIds(db: Db, workerId: number): number[] {
  return preparedQuery(db, fromAreaRows)
    .all({ workerId })
    .map((r) => r.areaId);
}

export type PublicQuote = { id: number; text: string; relationship: string; publishedAt: number };

/** A worker's live quotes, newest first. */
export function liveQuotes(db: Db, workerId: number, limit = -1, offset = 0): PublicQuote[] {
  return preparedQuery(db, liveQuoteRows).all({ workerId, limit, offset });
}

export type QuoteWithWorker = PublicQuote & { worker: { slug: string; name: string; areaId: number } };

/** The newest live quotes across the directory, for the home page. */
export function latestQuotes(db: Db, limit = 6): QuoteWithWorker[] {
  // Take the newest live quotes first (walking quotes_published_idx), then join their workers:
  // joining first made SQLite build a Bloom filter over every worker on each request (6 ms at
  // 100k profiles, against 0.03 ms). If hidden workers own most of that window, widen it.
  for (let window = Math.max(50, limit * 8); ; window *= 8) {
    const rows = preparedQuery(db, latestWindow).all({ window, limit });
    if (rows.length >= limit || window >= (preparedQuery(db, allLiveCount).get()?.n ?? 0)) {
      return rows.map(({ slug, name, areaId, ...q }) => ({ ...q, worker: { slug, name, areaId } }));
    }
  }
}

export type WorkerSummary = { id: number; slug: string; name: string; team: string | null; nominations: number; qualities: string[] };

/** Public workers in an area, most recommended first (then by name), with their top qualities. */
export function workersInArea(db: Db, areaId: number, limit: number, offset: number): { total: number; workers: WorkerSummary[] } {
  const total = preparedQuery(db, publicInArea).get({ areaId })?.n ?? 0;
  const rows = preparedQuery(db, areaWorkerRows).all({ areaId, limit, offset });
  const top = topQualities(
    db,
    rows.map((r) => r.id),
  );
  return { total, workers: rows.map((r) => ({ ...r, qualities: top.get(r.id) ?? [] })) };
}

/**
 * The qualities most ticked for each of the given workers (labels), from live recommendations,
 * read from SQL. Search takes the same from the served counts in memory (Counts.topQualities);
 * area pages use this one and are kept in the page cache.
 */
export function topQualities(db: Db, workerIds: number[], perWorker = 3): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!workerIds.length) return out;
  const rows = preparedQuery(db, topQualityRows).all({ ids: JSON.stringify(workerIds) });
  const order = new Map<string, number>(QUALITIES.map((q, i) => [q.key, i]));
  const all = new Map<number, { key: string; count: number }[]>();
  for (const r of rows) {
    if (!order.has(r.key)) continue;
    const list = all.get(r.workerId) ?? [];
    list.push(r);
    all.set(r.workerId, list);
  }
  for (const [id, list] of all) {
    list.sort((a, b) => b.count - a.count || order.get(a.key)! - order.get(b.key)!);
    out.set(
      id,
      list.slice(0, perWorker).map((r) => QUALITY_LABELS[r.key]!),
    );
  }
  return out;
}
