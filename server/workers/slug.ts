// Profile slugs: "jane-smith-hastings", made unique with a number when needed.
import type { Db } from '../db.ts';
import { slugify } from '../text.ts';

export function uniqueWorkerSlug(db: Db, name: string, areaSlug: string, exceptWorkerId?: number): string {
  const base = `${slugify(name)}-${areaSlug}`.slice(0, 120);
  const taken = db.$client.prepare(
    `SELECT 1 FROM workers WHERE slug = ? AND id IS NOT ? UNION ALL SELECT 1 FROM worker_slug_redirects WHERE old_slug = ?`,
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.get(candidate, exceptWorkerId ?? null, candidate)) return candidate;
  }
}
