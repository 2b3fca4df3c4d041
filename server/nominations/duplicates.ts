// Near-duplicate stories. The same story sent again for the same worker in the same area (a second
// click days later, a copy sent by a partner, a lightly edited retry) is kept as its own row but
// flagged `duplicate` with `duplicate_of` pointing at the first, so the moderator approves it once
// and nothing a family sent is silently dropped. (An identical re-post of one confirmation, with
// the same submission key, is not a duplicate: it is the same nomination and returns its reference.)
import { createHmac } from 'node:crypto';
import { eq, isNull, sql } from 'drizzle-orm';
import { nominations } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { normalizePhrase } from '../text.ts';
import { prepared, preparedQuery } from '../statements.ts';

/** Word-level shingles overlap (Jaccard) at or above which two stories count as "very similar". */
export const SIMILARITY_THRESHOLD = 0.7;

/** Keyed hash of the story's words, kept after the story itself is deleted; keyed so it cannot be checked against a guess. */
export function storyHash(story: string, key: string): string {
  return createHmac('sha256', key)
    .update(`story:${normalizePhrase(story)}`)
    .digest('hex');
}

function shingles(story: string): Set<string> {
  const w = normalizePhrase(story).split(' ').filter(Boolean);
  if (w.length < 3) return new Set([w.join(' ')]);
  const out = new Set<string>();
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  const union = x.size + y.size - common;
  return union === 0 ? 1 : common / union;
}

type SameNameRow = { id: number; workerName: string; nameKey: string | null };
type SameStoryRow = SameNameRow & { duplicateOf: number | null };

const storyOf = (db: Db) =>
  db
    .select({ story: nominations.story, duplicateOf: nominations.duplicateOf })
    .from(nominations)
    .where(eq(nominations.id, sql.placeholder('id')))
    .prepare();

/** How many of the worker's most recent nominations a new story is compared with word by word. */
const SIMILAR_WINDOW = 50;

/**
 * The first earlier nomination this one duplicates: same area, same worker name once folded
 * ("Siân O'Neill" = "sian oneill"), and the same story (by hash, any age) or a very similar one
 * (among that worker's latest nominations). Undefined when none.
 */
export function findDuplicateOf(db: Db, n: { areaId: number; workerName: string; story: string; storyHash: string }): number | undefined {
  const name = normalizePhrase(n.workerName);
  // The first telling of the same story for the same worker: by index, stopping at the first
  // (a story posted a thousand times must not make the next post read a thousand rows).
  // Parameters are written `+@x` (the same comparison): once ANALYZE has stored STAT4 samples,
  // SQLite otherwise re-prepares, each time it runs, a statement whose plan could depend on a
  // bound value; for these two UNION ALLs that was ~20 µs each, 5/6 of the whole check. Without
  // the values the planner cannot tell the story-hash index from the name one, hence INDEXED BY.
  // Raw SQL: drizzle's builder has no INDEXED BY.
  const sameStory = prepared<SameStoryRow>(
    db.$client,
    `SELECT id, worker_name AS workerName, worker_name_key AS nameKey, duplicate_of AS duplicateOf FROM nominations INDEXED BY nominations_story_hash_idx
      WHERE story_hash = +@hash AND area_id = +@area AND worker_name_key = +@key
     UNION ALL
     SELECT id, worker_name AS workerName, worker_name_key AS nameKey, duplicate_of AS duplicateOf FROM nominations INDEXED BY nominations_story_hash_idx
      WHERE story_hash = +@hash AND area_id = +@area AND worker_name_key IS NULL
     ORDER BY id`,
  ).iterate({ hash: n.storyHash, area: n.areaId, key: name });
  for (const c of sameStory) {
    if ((c.nameKey ?? normalizePhrase(c.workerName)) === name) return c.duplicateOf ?? c.id; // (leaving the loop ends the query)
  }

  // The same worker's latest few, found by the folded name's index (rows not yet back-filled are
  // folded here); then stories, one by one.
  const sameName: { id: number }[] = [];
  const candidates = prepared<SameNameRow>(
    db.$client,
    // Raw SQL for INDEXED BY, as above; two index ranges merged (an OR here made SQLite walk every nomination in the area)
    `SELECT id, worker_name AS workerName, worker_name_key AS nameKey FROM nominations INDEXED BY nominations_area_name_key_idx WHERE area_id = +@area AND worker_name_key = +@key
     UNION ALL
     SELECT id, worker_name AS workerName, worker_name_key AS nameKey FROM nominations INDEXED BY nominations_area_name_key_idx WHERE area_id = +@area AND worker_name_key IS NULL
     ORDER BY id DESC`,
  ).iterate({ area: n.areaId, key: name });
  for (const c of candidates) {
    if ((c.nameKey ?? normalizePhrase(c.workerName)) !== name) continue;
    sameName.push(c);
    if (sameName.length === SIMILAR_WINDOW) break;
  }
  const story = preparedQuery(db, storyOf);
  // Oldest first: a duplicate points at the first telling of the story.
  for (const { id } of sameName.reverse()) {
    const c = story.get({ id });
    if (c && c.story !== null && similarity(c.story, n.story) >= SIMILARITY_THRESHOLD) return c.duplicateOf ?? id;
  }
  return undefined;
}

/** The folded name stored with a nomination, so duplicates are found by index. */
export const nameKey = normalizePhrase;

/**
 * Fold the names of nominations stored without a key (before the key existed, or by a script),
 * a slice at a time. Run at start-up; findDuplicateOf copes with any left.
 */
export function backfillNameKeys(db: Db, slice = 5000): number {
  const n = nominations;
  const set = db
    .update(n)
    .set({ workerNameKey: sql`${sql.placeholder('key')}` })
    .where(eq(n.id, sql.placeholder('id')))
    .prepare();
  let done = 0;
  for (;;) {
    const rows = db.select({ id: n.id, workerName: n.workerName }).from(n).where(isNull(n.workerNameKey)).limit(slice).all();
    if (!rows.length) return done;
    db.transaction(() => {
      for (const r of rows) set.run({ key: nameKey(r.workerName), id: r.id });
    });
    done += rows.length;
  }
}
