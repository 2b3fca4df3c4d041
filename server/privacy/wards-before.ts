// A ward named bare before its hospital: "she was on Piam Brown at Southampton General", "in Park House at the
// Royal". One is on a ward: after "on" it is sure; after "in" possible (a house or a town may come before "at").
import { tokenAt } from './named-again.ts';
import type { Candidate } from './spans.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import { neverAName, placeWord } from './words.ts';

const WARD_LEADS = new Set(['on', 'onto', 'in', 'into']);
/** One is on a ward: after these the ward is sure. */
const SURE_LEADS = new Set(['on', 'onto']);

/** Capitalised words (up to three) between "on" or "in" and "at" straight before a hospital found. */
export function wardsBefore(tokens: Token[], kept: Uint8Array, found: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    if (c.kind !== 'hospital') continue;
    const h = tokenAt(tokens, c.start);
    if (tokens[h]?.start !== c.start) continue;
    const at = tokens[h - 1]?.key === 'the' ? h - 2 : h - 1;
    if (tokens[at]?.key !== 'at' || at < 2) continue;
    let s = at;
    while (s > 0 && at - s < 3) {
      const w = tokens[s - 1]!;
      if (!w.cap || w.sentenceStart || kept[s - 1] || neverAName(w.key) || !joinedBySpace(tokens[s]!.gap)) break;
      s--;
    }
    if (s === at || !WARD_LEADS.has(tokens[s - 1]?.key ?? '') || !joinedBySpace(tokens[s]!.gap)) continue;
    const words = tokens.slice(s, at);
    if (words.some((w) => w.possessive) || words.every((w) => placeWord(w.key))) continue;
    const sure = SURE_LEADS.has(tokens[s - 1]!.key);
    out.push({ kind: 'hospital', start: tokens[s]!.start, end: tokens[at - 1]!.end, ...(sure ? {} : { tier: 'check' as const }) });
  }
  return out;
}
