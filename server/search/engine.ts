// One ranked page of results from the main index and the delta together.
import type { MainIndex } from './main-index.ts';
import type { Delta, Hit } from './delta.ts';
import type { Token } from './match.ts';

/** coverage: how many of the query's name words the returned profiles matched */
export type RankedPage = { total: number; workerIds: number[]; coverage: number };

/** Better first: match quality, then more recommendations, then name, then the older profile. */
export function compareHits(a: Hit, b: Hit): number {
  return (
    b.score - a.score ||
    b.nominations - a.nominations ||
    (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) ||
    a.workerId - b.workerId
  );
}

/**
 * Name words given: profiles matching the most of them (all, when anyone matches all), best
 * match first. No name words but an area: that area's profiles, most recommended first.
 */
export function rankPage(
  main: MainIndex | undefined,
  delta: Delta,
  tokens: Token[],
  areaId: number | undefined,
  offset: number,
  size: number,
): RankedPage {
  if (!tokens.length && areaId === undefined) return { total: 0, workerIds: [], coverage: 0 };
  const limit = offset + size;
  const fromMain = main
    ? tokens.length
      ? main.search(tokens, areaId, limit)
      : main.inArea(areaId!, limit)
    : { coverage: 0, count: 0, docs: [], scores: [] };
  const fromDelta = delta.search(tokens, areaId);
  const coverage = Math.max(fromMain.coverage, fromDelta.coverage);
  if (tokens.length && coverage === 0) return { total: 0, workerIds: [], coverage: 0 };

  const hits: Hit[] = fromDelta.coverage === coverage ? [...fromDelta.hits] : [];
  let total = hits.length;
  if (main && fromMain.coverage === coverage) {
    total += fromMain.count;
    fromMain.docs.forEach((d, i) => {
      hits.push({ workerId: main.worker(d), score: fromMain.scores[i]!, nominations: main.nominations(d), sortName: main.sortName(d) });
    });
  }
  hits.sort(compareHits);
  return { total, workerIds: hits.slice(offset, limit).map((h) => h.workerId), coverage };
}
