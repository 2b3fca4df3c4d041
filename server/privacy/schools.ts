// Named schools, nurseries and colleges: "St Mary's Primary", "Oakfield Academy", "Little Acorns Nursery",
// "Hastings High School", "Riverside Pre-school", "Ysgol y Graig", "University of Sussex".
import type { Candidate } from './spans.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import { neverAName, placeWord } from './words.ts';

const HEADS = new Set(['school', 'academy', 'college', 'nursery', 'pre-school', 'preschool', 'playgroup', 'university', 'kindergarten', 'montessori']);
/** Heads only when capitalised: "Westfield Primary", but not "her primary". */
const CAP_HEADS = new Set(['primary', 'infants', 'juniors', 'form']);
/** Welsh, Gaelic and Irish words that come first: "Ysgol Gyfun Gŵyr", "Coleg Gwent", "Gaelscoil Eoghain". */
const LEADING_HEADS = new Set(['ysgol', 'coleg', 'sgoil', 'bunsgoil', 'scoil', 'gaelscoil', 'bunscoil', 'ardscoil', 'meanscoil', 'colaiste']);
const PARTICLES = new Set(['y', 'yr', "'r", 'a', 'an', 'na', 'nan', 'de', 'of', 'the', 'and', '&', 'upon', 'on', 'le', 'la']);
/** Words that say what kind of school it is, not which one. */
const TYPE_WORDS = new Set([
  ...HEADS,
  ...CAP_HEADS,
  ...'secondary junior infant high grammar middle community church free catholic c e ce cofe rc special sixth day independent preparatory prep the of and st saint upper lower first girls boys city county technical voluntary aided controlled federation little my our his her their a an at to in from'.split(' '),
]);

function joined(tokens: Token[], j: number): boolean {
  const gap = tokens[j]!.gap;
  return joinedBySpace(gap) || (tokens[j - 1]?.key === 'st' && /^\.[ \t]+$/u.test(gap));
}

export function findSchools(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (LEADING_HEADS.has(t.key) && t.cap) {
      let j = i;
      let named = false;
      while (j + 1 < tokens.length && j - i < 5 && joined(tokens, j + 1)) {
        const n = tokens[j + 1]!;
        if (n.cap) named = true;
        else if (!PARTICLES.has(n.key)) break;
        j++;
        if (n.possessive) break;
      }
      while (j > i && !tokens[j]!.cap) j--;
      if (named) out.push({ kind: 'school', start: t.start, end: tokens[j]!.end });
      continue;
    }
    const head = HEADS.has(t.key) || (t.cap && CAP_HEADS.has(t.key));
    if (!head || t.possessive) continue;
    // walk back over capitalised words and particles: "St John's C of E Primary"
    let s = i;
    while (s > 0 && joined(tokens, s) && s - i > -7) {
      const p = tokens[s - 1]!;
      if (p.cap || (PARTICLES.has(p.key) && tokens[s - 2]?.cap)) s--;
      else break;
      if (p.sentenceStart) break;
    }
    // drop what begins a sentence but is not part of a name: "Thanks", "At", "The"
    while (s < i && (PARTICLES.has(tokens[s]!.key) || (tokens[s]!.sentenceStart && neverAName(tokens[s]!.key)))) s++;
    const words = tokens.slice(s, i);
    const distinctive = words.filter((w) => !TYPE_WORDS.has(w.key) && !neverAName(w.key));
    if (distinctive.length === 0) continue;
    // "Little Stars nursery" yes; "Rhys's school", "a Hastings school", "her Welsh school" no
    if (!t.cap && (words[words.length - 1]!.possessive || distinctive.every((w) => placeWord(w.key)))) continue;
    // and forward over further heads: "Primary School", "Academy Sixth Form", "College of ..."
    let e = i;
    while (e + 1 < tokens.length && joined(tokens, e + 1) && (HEADS.has(tokens[e + 1]!.key) || CAP_HEADS.has(tokens[e + 1]!.key) || tokens[e + 1]!.key === 'sixth')) e++;
    out.push({ kind: 'school', start: tokens[s]!.start, end: tokens[e]!.baseEnd === tokens[e]!.end ? tokens[e]!.end : tokens[e]!.baseEnd });
  }
  // "University of Sussex", "College of West Anglia"
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if (!(t.cap && (t.key === 'university' || t.key === 'college') && tokens[i + 1]!.key === 'of' && joined(tokens, i + 1))) continue;
    let j = i + 1;
    while (j + 1 < tokens.length && joined(tokens, j + 1) && (tokens[j + 1]!.cap || (PARTICLES.has(tokens[j + 1]!.key) && tokens[j + 2]?.cap)) && j - i < 6) j++;
    if (j > i + 1) out.push({ kind: 'school', start: t.start, end: tokens[j]!.end });
  }
  return out;
}
