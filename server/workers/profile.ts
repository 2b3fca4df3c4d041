// Profile queries for the public read side: a worker by slug (with old-slug redirects), their
// live recommendations and ticked qualities, the latest quotes for the home page, an area's workers.
// Only published data leaves here: quote text, relationship and publication time; never stories,
// emails or references.
import type Database from 'better-sqlite3';
import type { Db } from '../db.ts';
import { QUALITIES, QUALITY_LABELS } from '../qualities.ts';
import { LISTED_WORKER, LIVE_QUOTE, PUBLIC_WORKER } from './visibility.ts';
import { prepared } from '../statements.ts';

// Prepared once per database handle: these run on every public page view.
const stmt = (db: Db, sql: string): Database.Statement => prepared(db.$client, sql);

export type WorkerRow = { id: number; slug: string; name: string; areaId: number; team: string | null; status: 'published' | 'hidden' };

export type SlugLookup =
  | { kind: 'public'; worker: WorkerRow }
  /** the slug was renamed: answer 301 to the current one */
  | { kind: 'moved'; slug: string }
  /** hidden, or no live recommendation left: answer 410 */
  | { kind: 'gone' }
  | { kind: 'unknown' };

/** Find a profile by its slug, following old slugs of corrected profiles. */
export function lookupWorker(db: Db, slug: string): SlugLookup {
  const w = stmt(
    db,
    `SELECT w.id, w.slug, w.name, w.area_id AS areaId, w.team, w.status, (${LISTED_WORKER}) AS listed,
            EXISTS (SELECT 1 FROM quotes q WHERE q.worker_id = w.id AND ${LIVE_QUOTE}) AS live
       FROM workers w WHERE w.slug = ?`,
  ).get(slug) as (WorkerRow & { live: number; listed: number }) | undefined;
  if (w) {
    // "thanks in private only": answered like a slug that never existed
    if (w.status === 'published' && !w.listed) return { kind: 'unknown' };
    if (w.status !== 'published' || !w.live) return { kind: 'gone' };
    const { live: _live, listed: _listed, ...worker } = w;
    return { kind: 'public', worker };
  }
  const moved = stmt(
    db,
    `SELECT w.slug, (${PUBLIC_WORKER}) AS public, w.status = 'published' AND NOT (${LISTED_WORKER}) AS private
       FROM worker_slug_redirects r JOIN workers w ON w.id = r.worker_id WHERE r.old_slug = ?`,
  ).get(slug) as { slug: string; public: number; private: number } | undefined;
  if (!moved || moved.private) return { kind: 'unknown' };
  // A hidden profile's new slug would still name the worker: answer "gone" at the old address.
  return moved.public ? { kind: 'moved', slug: moved.slug } : { kind: 'gone' };
}

/** Live recommendations of one worker. */
export function recommendationCount(db: Db, workerId: number): number {
  return stmt(db, `SELECT COUNT(*) FROM quotes q WHERE q.worker_id = ? AND ${LIVE_QUOTE}`).pluck().get(workerId) as number;
}

export type QualityCount = { key: string; label: string; count: number };

/**
 * How many families ticked each quality, counting only nominations whose quote is live.
 * Every quality, in the spec's order; callers drop the zeros for display.
 */
export function qualityCounts(db: Db, workerId: number): QualityCount[] {
  const rows = stmt(
    db,
    `SELECT j.value AS key, COUNT(*) AS count
       FROM quotes q
       JOIN nominations n ON n.id = q.nomination_id
       JOIN json_each(CASE WHEN json_valid(n.qualities) THEN n.qualities ELSE '[]' END) j
      WHERE q.worker_id = ? AND ${LIVE_QUOTE}
      GROUP BY j.value`,
  ).all(workerId) as { key: string; count: number }[];
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  return QUALITIES.map((q) => ({ key: q.key, label: q.label, count: byKey.get(q.key) ?? 0 }));
}

export type PublicQuote = { id: number; text: string; relationship: string; publishedAt: number };

/** A worker's live quotes, newest first. */
export function liveQuotes(db: Db, workerId: number, limit = -1, offset = 0): PublicQuote[] {
  return stmt(
    db,
    `SELECT q.id, q.text, q.relationship, q.published_at AS publishedAt
       FROM quotes q
      WHERE q.worker_id = ? AND ${LIVE_QUOTE}
      ORDER BY q.published_at DESC, q.id DESC
      LIMIT ? OFFSET ?`,
  ).all(workerId, limit, offset) as PublicQuote[];
}

export type QuoteWithWorker = PublicQuote & { worker: { slug: string; name: string; areaId: number } };

/** The newest live quotes across the directory, for the home page. */
export function latestQuotes(db: Db, limit = 6): QuoteWithWorker[] {
  // Take the newest live quotes first (walking quotes_published_idx), then join their workers:
  // joining first made SQLite build a Bloom filter over every worker on each request (6 ms at
  // 100k profiles, against 0.03 ms). If hidden workers own most of that window, widen it.
  for (let window = Math.max(50, limit * 8); ; window *= 8) {
    const rows = stmt(
      db,
      `SELECT q.id, q.text, q.relationship, q.published_at AS publishedAt, w.slug, w.name, w.area_id AS areaId
         FROM (SELECT * FROM quotes q WHERE ${LIVE_QUOTE} ORDER BY q.published_at DESC, q.id DESC LIMIT ?) q
         JOIN workers w ON w.id = q.worker_id
        WHERE ${LISTED_WORKER}
        ORDER BY q.published_at DESC, q.id DESC
        LIMIT ?`,
    ).all(window, limit) as (PublicQuote & { slug: string; name: string; areaId: number })[];
    if (rows.length >= limit || window >= (stmt(db, `SELECT COUNT(*) FROM quotes q WHERE ${LIVE_QUOTE}`).pluck().get() as number)) {
      return rows.map(({ slug, name, areaId, ...q }) => ({ ...q, worker: { slug, name, areaId } }));
    }
  }
}

export type WorkerSummary = { id: number; slug: string; name: string; team: string | null; nominations: number; qualities: string[] };

/** Public workers in an area, most recommended first (then by name), with their top qualities. */
export function workersInArea(db: Db, areaId: number, limit: number, offset: number): { total: number; workers: WorkerSummary[] } {
  const total = stmt(db, `SELECT COUNT(*) FROM workers w WHERE w.area_id = ? AND ${PUBLIC_WORKER}`).pluck().get(areaId) as number;
  const rows = stmt(
    db,
    `SELECT w.id, w.slug, w.name, w.team, COUNT(*) AS nominations
       FROM workers w
       JOIN quotes q ON q.worker_id = w.id AND ${LIVE_QUOTE}
      WHERE w.area_id = ? AND ${LISTED_WORKER}
      GROUP BY w.id
      ORDER BY nominations DESC, w.name COLLATE NOCASE, w.id
      LIMIT ? OFFSET ?`,
  ).all(areaId, limit, offset) as Omit<WorkerSummary, 'qualities'>[];
  const top = topQualities(db, rows.map((r) => r.id));
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
  const rows = stmt(
    db,
    `SELECT q.worker_id AS workerId, j.value AS key, COUNT(*) AS count
       FROM quotes q
       JOIN nominations n ON n.id = q.nomination_id
       JOIN json_each(CASE WHEN json_valid(n.qualities) THEN n.qualities ELSE '[]' END) j
      WHERE q.worker_id IN (SELECT value FROM json_each(?)) AND ${LIVE_QUOTE}
      GROUP BY q.worker_id, j.value`,
  ).all(JSON.stringify(workerIds)) as { workerId: number; key: string; count: number }[];
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
    out.set(id, list.slice(0, perWorker).map((r) => QUALITY_LABELS[r.key]!));
  }
  return out;
}
