// "Hastings and Sefton lead this week: three social workers recommended in each" — the home
// page's headline, phrased from the counts so it always reads as a person would write it.
import { words } from '../format.ts';
import type { AreaCount } from './index.ts';

export type LeadingSummary = {
  /** the areas sharing first place (at most three; more than that reads as a list, see `spread`) */
  leaders: AreaCount[];
  /** "leads" or "lead" */
  verb: string;
  /** what follows the names: "three social workers recommended in each" */
  tail: string;
  /** the whole sentence as plain text */
  text: string;
};

function joinAnd(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The headline for areas ranked by leadingThisWeek(). Null when nothing was recommended this
 * week, or when more than three areas share first place (then a plain list says it better).
 */
export function leadingSummary(ranked: AreaCount[]): LeadingSummary | null {
  const first = ranked[0];
  if (!first) return null;
  const top = first.thisWeekWorkers;
  const leaders = ranked.filter((a) => a.thisWeekWorkers === top);
  if (leaders.length > 3) return null;
  const people = `${words(top)} social worker${top === 1 ? '' : 's'} recommended`;
  const verb = leaders.length === 1 ? 'leads' : 'lead';
  const tail = leaders.length === 1 ? people : `${people} in each`;
  return { leaders, verb, tail, text: `${joinAnd(leaders.map((a) => a.name))} ${verb} this week: ${tail}` };
}
