// Profile slugs: "jane-smith-hastings", ASCII only (a client that does not percent-encode must
// still reach every profile), made unique with a number when needed.
import { and, eq, sql } from 'drizzle-orm';
import { transliterate } from 'transliteration';
import { areas, workerSlugRedirects, workers } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { preparedQuery } from '../statements.ts';
import { slugify } from '../text.ts';

const NOT_ASCII = /[^\x20-\x7E]/;

/** The name part of a slug. Names that fold to ASCII keep the slug they always had ("Siân" -> "sian"); others are transliterated ("Kılıç" -> "kilic", "王小明" -> "wang-xiao-ming"). */
export function nameSlug(name: string): string {
  const folded = slugify(name);
  if (!NOT_ASCII.test(folded)) return folded;
  return (
    slugify(transliterate(name))
      .replace(/[^a-z0-9-]+/g, '')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '') || 'worker'
  );
}

/** A worker's slug before any number is added to make it unique. */
export function workerSlugBase(name: string, areaSlug: string): string {
  return `${nameSlug(name)}-${areaSlug}`.slice(0, 120);
}

const slugTaken = (db: Db) =>
  db
    .select({ one: sql<number>`1` })
    .from(workers)
    .where(and(eq(workers.slug, sql.placeholder('slug')), sql`${workers.id} IS NOT ${sql.placeholder('except')}`))
    .unionAll(
      db
        .select({ one: sql<number>`1` })
        .from(workerSlugRedirects)
        .where(eq(workerSlugRedirects.oldSlug, sql.placeholder('slug'))),
    )
    .prepare();

export function uniqueWorkerSlug(db: Db, name: string, areaSlug: string, exceptWorkerId?: number): string {
  const base = workerSlugBase(name, areaSlug);
  const taken = preparedQuery(db, slugTaken);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.get({ slug: candidate, except: exceptWorkerId ?? null })) return candidate;
  }
}

// The same expression as the partial index workers_non_ascii_slug_idx, so the start-up check reads
// that (empty) index rather than every worker.
const NON_ASCII_SLUG = sql`${workers.slug} GLOB '*[^ -~]*'`;

/**
 * Give every profile whose slug has non-ASCII letters its ASCII slug, keeping the old one as a
 * redirect (301). Idempotent; when there is nothing to do it reads one empty index. Returns how many moved.
 */
export function backfillAsciiSlugs(db: Db): number {
  const rows = db
    .select({ id: workers.id, slug: workers.slug, name: workers.name, areaSlug: areas.slug })
    .from(workers)
    .innerJoin(areas, eq(areas.id, workers.areaId))
    .where(NON_ASCII_SLUG)
    .all();
  if (!rows.length) return 0;
  db.transaction((tx) => {
    for (const w of rows) {
      const slug = uniqueWorkerSlug(db, w.name, w.areaSlug, w.id);
      tx.insert(workerSlugRedirects)
        .values({ oldSlug: w.slug, workerId: w.id })
        .onConflictDoUpdate({ target: workerSlugRedirects.oldSlug, set: { workerId: w.id } })
        .run();
      tx.update(workers).set({ slug }).where(eq(workers.id, w.id)).run();
    }
  });
  return rows.length;
}
