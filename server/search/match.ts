// How one query word matches one indexed name word, and how a query is read: which words are
// an area, which are a name. The main index and the small delta both use these, so a profile
// matches the same way wherever it currently lives.
import type { Area } from '../areas/directory.ts';
import { MAX_WORD, editDistance, maxEdits, soundOf, words } from './words.ts';
import { variantsOf } from './variants.ts';

/** How well a query word matched a name word. Higher is better; 0 is no match. */
export const Q = {
  exact: 8,
  variant: 7,
  prefix: 6,
  typo1: 5,
  sound: 4,
  typo2: 3,
} as const;

/** At most this many name words are searched; the rest of a long query is ignored. */
export const MAX_TOKENS = 6;
/** Only this much of what was typed is read at all. */
export const MAX_QUERY_CHARS = 300;

export type Token = {
  word: string /** prefix match allowed: the last word (still typing) or an initial */;
  prefix: boolean;
  sound: string;
};

export function makeTokens(ws: string[]): Token[] {
  return ws.slice(0, MAX_TOKENS).map((w, i, all) => {
    const word = w.slice(0, MAX_WORD);
    return { word, prefix: i === all.length - 1 || word.length === 1, sound: soundOf(word) };
  });
}

/** The quality of the best reading of `term` (an indexed word) as `token`; 0 if none. */
export function classify(token: Token, term: string, termSound?: string): number {
  const w = token.word;
  if (term === w) return Q.exact;
  if (variantsOf(w).has(term)) return Q.variant;
  if (token.prefix && term.startsWith(w)) return Q.prefix;
  const max = maxEdits(w.length);
  let best = 0;
  if (max > 0) {
    const d = editDistance(w, term, max);
    if (d === 1) return Q.typo1;
    if (d === 2 && max >= 2) best = Q.typo2;
  }
  if (token.sound && token.sound === (termSound ?? soundOf(term))) best = Math.max(best, Q.sound);
  return best;
}

/** Adjacent query words written as one in the index ("o neill" -> oneill, "van der berg" -> vanderberg). */
export function joins(tokens: Token[]): { term: string; from: number; to: number }[] {
  const out: { term: string; from: number; to: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = tokens[i]!.word;
    for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
      joined += tokens[j]!.word;
      if (joined.length <= MAX_WORD) out.push({ term: joined, from: i, to: j });
    }
  }
  return out;
}

/** Words that say what is wanted but are nobody's name ("social worker in Hastings"). */
const STOP = new Set([
  'social',
  'worker',
  'workers',
  'socialworker',
  'sw',
  'in',
  'at',
  'near',
  'from',
  'the',
  'of',
  'for',
  'council',
  'team',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
]);

export type QueryPlan = {
  /** the name words to search for */
  tokens: Token[];
  /** an area named in the query (used as a filter) */
  area?: Area;
  /** every word of the query as a name, for when reading some of it as an area finds nobody */
  allTokens: Token[];
  /** the area's words among allTokens */
  areaTokens: Token[];
};

type AreaLookup = { variants: Map<string, Area>; maxWords: number };
const lookups = new WeakMap<object, AreaLookup>();

function areaLookup(directory: { variantEntries(): [string, Area][] }): AreaLookup {
  let l = lookups.get(directory);
  if (!l) {
    const variants = new Map(directory.variantEntries());
    let maxWords = 1;
    for (const v of variants.keys()) maxWords = Math.max(maxWords, v.split(' ').length);
    lookups.set(directory, (l = { variants, maxWords }));
  }
  return l;
}

/**
 * Read a query. The longest run of words that names an area (rightmost on a tie: people add the
 * place last, "jane smith hastings") becomes a filter, unless an explicit area was chosen, in
 * which case words naming that same area are dropped and anything else stays a name.
 */
export function planQuery(raw: string, directory: { variantEntries(): [string, Area][] }, chosenArea?: Area): QueryPlan {
  const ws = words(raw.slice(0, MAX_QUERY_CHARS));
  const allTokens = makeTokens(ws.filter((w) => !STOP.has(w)));
  const { variants, maxWords } = areaLookup(directory);
  for (let n = Math.min(maxWords, ws.length); n >= 1; n--) {
    for (let start = ws.length - n; start >= 0; start--) {
      const area = variants.get(ws.slice(start, start + n).join(' '));
      if (!area) continue;
      if (chosenArea && area.id !== chosenArea.id) continue;
      const rest = ws
        .slice(0, start)
        .concat(ws.slice(start + n))
        .filter((w) => !STOP.has(w));
      const span = new Set(ws.slice(start, start + n));
      return { tokens: makeTokens(rest), area, allTokens, areaTokens: allTokens.filter((t) => span.has(t.word)) };
    }
  }
  return { tokens: allTokens, allTokens, areaTokens: [] };
}
