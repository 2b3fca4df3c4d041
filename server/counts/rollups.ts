// Area counts added up per children's services authority (Hastings and the other East Sussex
// districts -> East Sussex), per region and per nation. A worker belongs to one area, so
// summing distinct workers across areas never counts anyone twice.
import { NATIONS } from '../areas/directory.ts';
import type { AreaCount } from './snapshot.ts';

export type GroupCount = {
  /** the authority, region or nation */
  name: string;
  nation: string;
  /** the region (for a nation: empty) */
  region: string;
  /** names of the areas in the group, in name order */
  areaNames: string[];
  workers: number;
  nominations: number;
  thisWeek: number;
  thisWeekWorkers: number;
};

export type GroupBy = 'authority' | 'region' | 'nation';

/** Groups in nation order, then region, then name. */
export function rollUp(counts: AreaCount[], by: GroupBy): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const a of counts) {
    const name = a[by];
    const key = `${a.nation}\u0000${by === 'nation' ? '' : a.region}\u0000${name}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        name,
        nation: a.nation,
        region: by === 'nation' ? '' : a.region,
        areaNames: [],
        workers: 0,
        nominations: 0,
        thisWeek: 0,
        thisWeekWorkers: 0,
      };
      groups.set(key, g);
    }
    g.areaNames.push(a.name);
    g.workers += a.workers;
    g.nominations += a.nominations;
    g.thisWeek += a.thisWeek;
    g.thisWeekWorkers += a.thisWeekWorkers;
  }
  const nationOrder = (n: string) => {
    const i = (NATIONS as readonly string[]).indexOf(n);
    return i < 0 ? NATIONS.length : i;
  };
  return [...groups.values()].sort(
    (a, b) =>
      nationOrder(a.nation) - nationOrder(b.nation) || a.region.localeCompare(b.region, 'en-GB') || a.name.localeCompare(b.name, 'en-GB'),
  );
}
