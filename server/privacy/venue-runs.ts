// What the hospital and workplace rules share: a candidate span, and walks over capitalised name runs.
import type { Candidate } from './spans.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import { neverAName } from './words.ts';

export const HOSPITAL_PARTICLES = new Set(['of', 'and', 'the', 'for', '&']);
/** Words that say what kind of hospital or ward, not which one. */
export const HOSPITAL_TYPE_WORDS = new Set(
  `the a an our my his her their local general district community university teaching county city nhs childrens children
  womens women maternity psychiatric mental health new old main big private special care baby intensive assessment acute
  day delivery labour postnatal antenatal neonatal paediatric surgical medical kids eating disorder secure mother and
  sexual gender identity dental eye fertility family planning walk-in walk in urgent minor injuries gp doctors vets vet
  good best same this that at in to`.split(/\s+/),
);

export function cand(kind: 'hospital' | 'workplace', tokens: Token[], a: number, b: number, tier?: 'check'): Candidate {
  const c: Candidate = { kind, start: tokens[a]!.start, end: tokens[b]!.end };
  if (tier) c.tier = tier;
  return c;
}

/** A capitalised name run ending at i-1 (walking back over "of", "and", "St", possessives): its first index. */
export function nameRunBefore(tokens: Token[], i: number, max: number): number {
  let s = i;
  while (s > 0 && i - s < max && joinedBySpace(tokens[s]!.gap) && !tokens[s]!.sentenceStart) {
    const p = tokens[s - 1]!;
    if (p.cap || (HOSPITAL_PARTICLES.has(p.key) && tokens[s - 2]?.cap && !tokens[s - 2]!.sentenceStart)) s--;
    else break;
    if (p.sentenceStart) break;
  }
  while (s < i && (HOSPITAL_PARTICLES.has(tokens[s]!.key) || (neverAName(tokens[s]!.key) && !['st', 'saint'].includes(tokens[s]!.key))))
    s++;
  return s;
}

/** The last of the capitalised words joined on after `j`, at most `max` past `from`, never over a sentence start. */
export function capitalisedOn(tokens: Token[], j: number, from: number, max: number): number {
  while (
    j + 1 < tokens.length &&
    j - from < max &&
    tokens[j + 1]!.cap &&
    joinedBySpace(tokens[j + 1]!.gap) &&
    !tokens[j + 1]!.sentenceStart
  )
    j++;
  return j;
}

export const distinctive = (words: Token[]) => words.some((w) => !HOSPITAL_TYPE_WORDS.has(w.key) && !neverAName(w.key));
