// Per-area counts, totals and "leading this week": one module used by every page and API.
import type { Db } from '../db.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { LIVE_QUOTE } from '../workers/visibility.ts';
import { thisWeekStart } from './week.ts';

export type AreaCount = Area & {
  /** public profiles in the area */
  workers: number;
  /** live (approved, published) recommendations */
  nominations: number;
  /** live recommendations submitted this week */
  thisWeek: number;
  /** distinct workers with a live recommendation submitted this week */
  thisWeekWorkers: number;
};

export type Stats = {
  workers: number;
  nominations: number;
  areasWithWorkers: number;
  thisWeek: { nominations: number; leadingAreas: AreaCount[] };
};

/** Counts for every area (all 361, zeros included), in the directory's name order. */
export function areaCounts(db: Db, areas: AreaDirectory, now: number): AreaCount[] {
  const rows = db.$client
    .prepare(
      `SELECT w.area_id AS areaId,
              COUNT(DISTINCT w.id) AS workers,
              COUNT(*) AS nominations,
              SUM(n.submitted_at >= @since) AS thisWeek,
              COUNT(DISTINCT CASE WHEN n.submitted_at >= @since THEN w.id END) AS thisWeekWorkers
         FROM quotes q
         JOIN workers w ON w.id = q.worker_id AND w.status = 'published'
         JOIN nominations n ON n.id = q.nomination_id
        WHERE ${LIVE_QUOTE}
        GROUP BY w.area_id`,
    )
    .all({ since: thisWeekStart(now) }) as { areaId: number; workers: number; nominations: number; thisWeek: number; thisWeekWorkers: number }[];
  const byArea = new Map(rows.map((r) => [r.areaId, r]));
  return areas.all.map((a) => {
    const r = byArea.get(a.id);
    return { ...a, workers: r?.workers ?? 0, nominations: r?.nominations ?? 0, thisWeek: r?.thisWeek ?? 0, thisWeekWorkers: r?.thisWeekWorkers ?? 0 };
  });
}

/** Areas ranked by distinct workers recommended this week, then by recommendations, then name. */
export function leadingThisWeek(counts: AreaCount[], limit = 5): AreaCount[] {
  return counts
    .filter((c) => c.thisWeek > 0)
    .sort((a, b) => b.thisWeekWorkers - a.thisWeekWorkers || b.thisWeek - a.thisWeek || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export function stats(db: Db, areas: AreaDirectory, now: number): Stats {
  const counts = areaCounts(db, areas, now);
  let workers = 0;
  let nominations = 0;
  let thisWeek = 0;
  let areasWithWorkers = 0;
  for (const c of counts) {
    workers += c.workers;
    nominations += c.nominations;
    thisWeek += c.thisWeek;
    if (c.workers > 0) areasWithWorkers++;
  }
  return { workers, nominations, areasWithWorkers, thisWeek: { nominations: thisWeek, leadingAreas: leadingThisWeek(counts) } };
}
