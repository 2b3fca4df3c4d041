// The shapes of the open data (SPEC "Public contract"): /api/areas, /api/areas.csv, /api/stats.
// Aggregate counts only: nothing here can identify a family or a nominator.
import { csvField } from '../text.ts';
import type { AreaCount, Stats } from '../counts/index.ts';

export type AreaRow = {
  slug: string;
  name: string;
  ons_code: string;
  nation: string;
  region: string;
  authority: string;
  workers: number;
  nominations: number;
  this_week: number;
};

export const AREA_COLUMNS = ['slug', 'name', 'ons_code', 'nation', 'region', 'authority', 'workers', 'nominations', 'this_week'] as const;

/** Every area (zeros included) in name order. */
export function areaRows(counts: AreaCount[]): AreaRow[] {
  return counts.map((c) => ({
    slug: c.slug,
    name: c.name,
    ons_code: c.onsCode,
    nation: c.nation,
    region: c.region,
    authority: c.authority,
    workers: c.workers,
    nominations: c.nominations,
    this_week: c.thisWeek,
  }));
}

/** RFC 4180: a header row, CRLF line ends, fields quoted when needed. */
export function areasCsv(rows: AreaRow[]): string {
  const lines = [AREA_COLUMNS.join(',')];
  for (const r of rows) lines.push(AREA_COLUMNS.map((k) => csvField(r[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export type StatsBody = {
  workers: number;
  nominations: number;
  areas_with_workers: number;
  this_week: {
    nominations: number;
    workers: number;
    /** this week's distinct workers and recommendations in each leading area */
    leading_areas: { slug: string; name: string; workers: number; nominations: number }[];
  };
};

export function statsBody(s: Stats): StatsBody {
  return {
    workers: s.workers,
    nominations: s.nominations,
    areas_with_workers: s.areasWithWorkers,
    this_week: {
      nominations: s.thisWeek.nominations,
      workers: s.thisWeek.workers,
      leading_areas: s.thisWeek.leadingAreas.map((a) => ({
        slug: a.slug,
        name: a.name,
        workers: a.thisWeekWorkers,
        nominations: a.thisWeek,
      })),
    },
  };
}
