// A school or a hospital no rule found, named bare: a capitalised name just after a place word ("at", "to",
// "into", "from", "in"), in a sentence whose topic is school or care and not both. Possible only (a check):
// the topic says what kind of place it would be, not that the name is one.
import { tokenAt } from './named-again.ts';
import { HOSPITAL_TYPE_WORDS } from './venue-runs.ts';
import { SCHOOL_CUES } from './school-words.ts';
import type { Candidate } from './spans.ts';
import { joinedBySpace, sentencesWith, type Token } from './tokens.ts';
import { commonWord, knownName, neverAName, onlyAName, placeWord } from './words.ts';

const PLACE_LEADS = new Set(['at', 'to', 'into', 'from', 'in']);
/** Before "in", words that make what follows a town: "we live in", "born in", "a unit in", "my nan's in". */
const TOWN_BEFORE_IN = new Set(
  `live lives lived living stay stays stayed staying born moved move moving raised grew based took take taken school nursery
  unit hospital ward home house flat nan nana nani gran granny grandma grandad auntie aunty aunt uncle cousin sister brother
  mum mam dad family friend friends`.split(/\s+/),
);
/** In the name or after it, words that make it a street, an estate or a home, not an institution. */
const NOT_INSTITUTION = new Set(
  'road rd street st lane avenue ave close court drive way crescent grove gardens terrace place row estate house flats flat towers tower square'.split(
    ' ',
  ),
);
/** Where someone is that is no school or hospital: "died in Custody". */
const NOT_PLACES = new Set('custody prison jail court police care'.split(' '));
/** Grown-ups before "at" are at work: "Ellis is at Tregarth and Dad at Heathrow". */
const GROWN_UPS = new Set('dad mum mam da ma husband wife partner fella boyfriend girlfriend stepdad grandad uncle'.split(' '));
const TITLES = new Set('mr mrs ms miss mx dr judge prof sir dame lady lord nurse sister auntie aunty uncle nan nana'.split(' '));

/** For each token, whether its sentence holds a found span of `kind`. */
function sentencesHolding(tokens: Token[], found: Candidate[], kind: Candidate['kind']): Uint8Array {
  const at = new Uint8Array(tokens.length);
  for (const c of found) if (c.kind === kind) at[tokenAt(tokens, c.start)] = 1;
  return sentencesWith(tokens, (_t, j) => at[j] === 1);
}

/** The tokens a span covers, marked in `taken`. */
function markTaken(tokens: Token[], c: Candidate, taken: Uint8Array): void {
  let j = tokenAt(tokens, c.start);
  if (tokens[j]!.end <= c.start) j++;
  for (; j < tokens.length && tokens[j]!.start < c.end; j++) taken[j] = 1;
}

/** A name the name rules are sure of whose first word is a known first name: a person. */
function surePerson(tokens: Token[], n: Candidate): boolean {
  const first = tokens[tokenAt(tokens, n.start)]!;
  return n.tier !== 'check' && first.start === n.start && knownName(first.key);
}

/**
 * Capitalised names after a place word, in a sentence about school or about care, that overlap nothing in
 * `found` and no person in `names` (what the name rules find before this rule runs): a known first name they
 * are sure of is a person ("to Amira"); a word they took for a name that no list knows may be the place ("at Morpeth").
 */
export function barePlaces(tokens: Token[], kept: Uint8Array, care: Uint8Array, found: Candidate[], names: Candidate[]): Candidate[] {
  const school = sentencesWith(tokens, (t) => SCHOOL_CUES.has(t.key));
  const schools = sentencesHolding(tokens, found, 'school');
  const hospitals = sentencesHolding(tokens, found, 'hospital');
  const taken = new Uint8Array(tokens.length);
  for (const c of found) markTaken(tokens, c, taken);
  for (const n of names) if (surePerson(tokens, n)) markTaken(tokens, n, taken);
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const aboutSchool = school[i] === 1 || schools[i] === 1;
    const aboutCare = care[i] === 1 || hospitals[i] === 1;
    // "visited me at the Harbour": in a sentence about care, a capitalised name after "the" is a place's, even an English word
    const theName =
      aboutCare && !aboutSchool && tokens[i - 1]!.key === 'the' && !tokens[i - 1]!.cap && PLACE_LEADS.has(tokens[i - 2]?.key ?? '');
    if (aboutSchool === aboutCare || !t.cap || t.sentenceStart || kept[i] || taken[i] || !(theName || PLACE_LEADS.has(tokens[i - 1]!.key)))
      continue;
    if (!joinedBySpace(t.gap) || t.text === 'I' || neverAName(t.key) || t.acronym || TITLES.has(t.key) || NOT_PLACES.has(t.key)) continue;
    if (tokens[i - 1]!.key === 'at' && GROWN_UPS.has(tokens[i - 2]?.key ?? '')) continue;
    // "at Busy Bees in Hillsborough": the town of a place just found
    const p = tokens[i - 2];
    // "with my cousin Marta in Torry": a person, then their town
    const person = p?.cap === true && (onlyAName(p.key) || knownName(p.key));
    // "grew up in", "brought up in" (not "ended up in")
    const grewUp = p?.key === 'up' && ['grew', 'grow', 'growing', 'brought', 'bringing'].includes(tokens[i - 3]?.key ?? '');
    if (tokens[i - 1]!.key === 'in' && (!p || taken[i - 2] || TOWN_BEFORE_IN.has(p.key) || p.possessive || person || grewUp)) continue;
    let e = i;
    while (
      e + 1 < tokens.length &&
      e - i < 2 &&
      !tokens[e]!.possessive &&
      tokens[e + 1]!.cap &&
      joinedBySpace(tokens[e + 1]!.gap) &&
      !kept[e + 1] &&
      !taken[e + 1] &&
      tokens[e + 1]!.text !== 'I'
    )
      e++;
    // after "the", one word only: "the Harbour", not "the Royal Albert Hall"
    if (theName && e > i) continue;
    const words = tokens.slice(i, e + 1);
    const after = tokens[e + 1];
    if (after && joinedBySpace(after.gap) && NOT_INSTITUTION.has(after.key)) continue;
    if (words.some((w) => NOT_INSTITUTION.has(w.key) || neverAName(w.key))) continue;
    // a person: "at Sarah's", "to Jade Cooper"
    if (words.length === 1 ? onlyAName(t.key) || t.possessive : knownName(t.key)) continue;
    if (words.some((w) => HOSPITAL_TYPE_WORDS.has(w.key))) continue;
    if (words.every((w) => (commonWord(w.key) && !theName) || placeWord(w.key))) continue;
    out.push({ kind: aboutSchool ? 'school' : 'hospital', start: t.start, end: tokens[e]!.baseEnd, tier: 'check' });
    i = e;
  }
  return out;
}
