// Near-duplicate stories. The same story sent again for the same worker in the same area (a second
// click days later, a copy sent by a partner, a lightly edited retry) is kept as its own row but
// flagged `duplicate` with `duplicate_of` pointing at the first, so the moderator approves it once
// and nothing a family sent is silently dropped. (An identical re-post of one confirmation, with
// the same submission key, is not a duplicate: it is the same nomination and returns its reference.)
import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { normalizePhrase } from '../text.ts';

/** Word-level shingles overlap (Jaccard) at or above which two stories count as "very similar". */
export const SIMILARITY_THRESHOLD = 0.7;

/** Keyed hash of the story's words, kept after the story itself is deleted; keyed so it cannot be checked against a guess. */
export function storyHash(story: string, key: string): string {
  return createHmac('sha256', key).update('story:' + normalizePhrase(story)).digest('hex');
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

/** How many of the worker's most recent nominations a new story is compared with word by word. */
const SIMILAR_WINDOW = 50;

/**
 * The first earlier nomination this one duplicates: same area, same worker name once folded
 * ("Siân O'Neill" = "sian oneill"), and the same story (by hash, any age) or a very similar one
 * (among that worker's latest nominations). Undefined when none.
 */
export function findDuplicateOf(
  sqlite: Database,
  n: { areaId: number; workerName: string; story: string; storyHash: string },
): number | undefined {
  const name = normalizePhrase(n.workerName);
  const sameStory = sqlite
    .prepare('SELECT id, worker_name AS workerName, duplicate_of AS duplicateOf FROM nominations WHERE story_hash = ? AND area_id = ? ORDER BY id')
    .all(n.storyHash, n.areaId) as { id: number; workerName: string; duplicateOf: number | null }[];
  const exact = sameStory.find((c) => normalizePhrase(c.workerName) === name);
  if (exact) return exact.duplicateOf ?? exact.id;

  // Names first (small rows), stories only for the same worker's latest few.
  const sameName = (sqlite.prepare('SELECT id, worker_name AS workerName FROM nominations WHERE area_id = ? ORDER BY id DESC LIMIT 5000').all(n.areaId) as {
    id: number;
    workerName: string;
  }[])
    .filter((c) => normalizePhrase(c.workerName) === name)
    .slice(0, SIMILAR_WINDOW);
  const story = sqlite.prepare('SELECT story, duplicate_of AS duplicateOf FROM nominations WHERE id = ?');
  // Oldest first: a duplicate points at the first telling of the story.
  for (const { id } of sameName.reverse()) {
    const c = story.get(id) as { story: string | null; duplicateOf: number | null };
    if (c.story !== null && similarity(c.story, n.story) >= SIMILARITY_THRESHOLD) return c.duplicateOf ?? id;
  }
  return undefined;
}
