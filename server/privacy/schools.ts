// Named schools, nurseries and colleges: "St Mary's Primary", "Oakfield Academy", "Little Acorns Nursery",
// "Hastings High School", "Riverside Pre-school", "Ysgol y Graig", "University of Sussex".
// The rules; the words they read are in school-words.ts.
import type { Candidate } from './spans.ts';
import { namedAgain, tokenAt } from './named-again.ts';
import { headedRun } from './phrases.ts';
import { joinedBySpace, sentenceAround, sentencesWith, type Token } from './tokens.ts';
import { OBJECT_PRONOUNS, commonWord, foreignWord, knownName, neverAName, onlyAName, placeWord, unknownWord, welshWord } from './words.ts';
import {
  HEADS,
  CAP_HEADS,
  SCHOOL_CUES,
  ORDINAL_YEARS,
  NAME_PREPS,
  BARE_HEADS,
  LEADING_HEADS,
  LOWER_LEADING_HEADS,
  LEADING_PARTICLES,
  PARTICLES,
  TYPE_WORDS,
  LOWER_HEADS,
  PLACE_ENDING,
  SCHOOL_KINDS,
  LOWER_LEADS,
  NURSERY_LEADS,
  NOT_A_SCHOOL_START,
  LATE_HEADS,
  STREET_AFTER_HIGH,
  RUN_LEADS,
  DIALECT,
  LIST_END,
  DENOMINATIONS,
  LOWER_DENOMINATIONS,
  DEVOTIONAL,
  LOWER_DEVOTIONAL,
  SPONSORS,
  NURSERIES,
  LOWER_NURSERIES,
  SURE_LEADS,
  YEAR_GROUP,
  ILL_CUES,
  PLACE_VERBS,
  COPULAS,
  PAST_COPULAS,
  NOT_SCHOOL_AT,
  NOT_SCHOOL_WORDS,
  CONTEXT_LAST,
  AGE_FILLERS,
  AGE_WORDS,
  HOME_HEADS,
  AT_TIMES,
  AGE_VERBS,
  OUSTED,
  STUDY_WORDS,
  CHILD_WORDS,
  PASSIVE,
  ENTRY_LEADS,
  START_VERBS,
  MONTHS,
  EXAMS,
  STREET_WORDS,
  NAME_ENDS,
  SENTENCE_OPENERS,
  GENERIC_SCHOOL_WORDS,
  KNOWN_SCHOOLS,
  CUED_SCHOOLS,
  CHURCH_WORDS,
  OWNERS,
  APPOSED_HEADS,
  NONE,
  SCHOOL_EVENTS,
  VERDICTS,
  TITLES,
  STAFF,
  SIBLINGS,
  STAY_WORDS,
  CAREERS,
} from './school-words.ts';

/** Said before a school someone talked to: "spoke to Oakfield", "she speak with Kirkton", "rang Greenhill". */
const SPOKE = new Set(['spoke', 'speak', 'speaks', 'speaking', 'talked', 'talk', 'talks', 'phoned', 'rang', 'emailed', 'contacted']);
/** A school's staff named after it: "the Wavell teachers", "the Kirkton senco". */
const STAFF_AFTER = new Set(['teachers', 'teacher', 'headteacher', 'senco', 'pupils']);
const schoolSentences = (tokens: Token[]) =>
  sentencesWith(
    tokens,
    (t, k) =>
      SCHOOL_CUES.has(t.key) ||
      (['year', 'yr'].includes(t.key) && /^\d{1,2}$/.test(tokens[k + 1]?.key ?? '')) ||
      // "flung oot in 3rd year", "in first year"
      (t.key === 'year' && ORDINAL_YEARS.test(tokens[k - 1]?.key ?? '') && tokens[k - 2]?.key === 'in') ||
      (t.key.length <= 3 && /^(?:y\d{1,2}|p[1-7]|s[1-6])$/.test(t.key)),
  );
/** In small letters after "ysgol", "cylch": a Welsh or unknown word, or a name ("ysgol morgan llwyd", "cylch meithrin gellideg"). */
const lowerLeadingWord = (key: string) =>
  foreignWord(key) || (knownName(key) && !commonWord(key) && !neverAName(key)) || key === 'meithrin';

/**
 * A school named in small letters: one to three words before the head that are not all English words
 * ("westfield", "hillcrest", "leeds city"), after at, to, from, of or into. Sure after one of those, with a strong head.
 */
function lowerSchool(tokens: Token[], i: number): Candidate | undefined {
  let s = i;
  while (s > 0 && i - s < 3 && joinedBySpace(tokens[s]!.gap) && !tokens[s - 1]!.cap && !LOWER_LEADS.has(tokens[s - 1]!.key)) {
    const w = tokens[s - 1]!;
    if (
      neverAName(w.key) ||
      ['the', 'a', 'his', 'her', 'my', 'our', 'their', 'new', 'old', 'local', 'same', 'big', 'special', 'secondary', 'high'].includes(w.key)
    )
      break;
    s--;
  }
  if (s === i || !LOWER_LEADS.has(tokens[s - 1]?.key ?? '') || !joinedBySpace(tokens[s]!.gap)) return undefined;
  const words = tokens.slice(s, i);
  if (words.some((w) => HEADS.has(w.key) || SCHOOL_KINDS.has(w.key))) return undefined;
  // "at little oaks nursery", "tiny feet nursery": a nursery's name as nurseries are named (possible)
  const nurseryName =
    tokens[i]!.key === 'nursery' && words.length >= 2 && NURSERY_LEADS.has(words[0]!.key) && !NURSERY_LEADS.has(words[1]!.key);
  const named = words.some((w) => placeWord(w.key) || PLACE_ENDING.test(w.key) || (unknownWord(w.key) && w.key.length >= 5));
  // "at marion richardson primary", "goes to stephen hawking school": a person's full name before the head (possible)
  // (one name only before a head that is not "school" or "nursery": "at carmel college", not "took ellie to school")
  const personName =
    (words.length >= 2 || !['school', 'nursery'].includes(tokens[i]!.key)) &&
    knownName(words[0]!.key) &&
    !commonWord(words[0]!.key) &&
    words.every((w) => !neverAName(w.key) && !GENERIC_SCHOOL_WORDS.has(w.key) && !w.possessive);
  if (nurseryName || (personName && !named)) return { kind: 'school', start: tokens[s]!.start, end: tokens[i]!.end, tier: 'check' };
  if (!named) return undefined;
  let e = i;
  if (tokens[e + 1] && joinedBySpace(tokens[e + 1]!.gap) && ['school', 'academy', 'college'].includes(tokens[e + 1]!.key)) e++;
  return { kind: 'school', start: tokens[s]!.start, end: tokens[e]!.end };
}
/**
 * Whether one to three capitalised words before token i follow a lead: "at Winterbourne Junior Boys", "put out of Holy
 * Cross Boys", "sent home from Kings Norton Boys near enough every week" ("of" only after "out").
 */
function runAfterLead(tokens: Token[], i: number): boolean {
  let s = i - 1;
  while (s > i - 4 && tokens[s - 1]?.cap && !tokens[s]!.sentenceStart && joinedBySpace(tokens[s]!.gap)) s--;
  const lead = tokens[s - 1];
  if (!lead || tokens[s]!.sentenceStart || !joinedBySpace(tokens[s]!.gap) || !RUN_LEADS.has(lead.key)) return false;
  return lead.key !== 'of' || tokens[s - 2]?.key === 'out';
}

function joined(tokens: Token[], j: number): boolean {
  const gap = tokens[j]!.gap;
  return joinedBySpace(gap) || (tokens[j - 1]?.key === 'st' && /^\.[ \t]+$/u.test(gap));
}

export function findSchools(raw: Token[], kept: Uint8Array): Candidate[] {
  // read dialect forms as the words they stand for (a copy of those tokens only; the other detectors keep theirs)
  const tokens = raw.some((t) => DIALECT.has(t.key)) ? raw.map((t) => (DIALECT.has(t.key) ? { ...t, key: DIALECT.get(t.key)! } : t)) : raw;
  const cue = schoolSentences(tokens);
  // near a word about illness (five words either side, in the same sentence): "was at St Cadoc's after my breakdown"
  // ("she wants to be a nurse", "she want be doctor": a child's hopes, not an illness)
  const illCue = (t: Token, k: number) =>
    ILL_CUES.has(t.key) &&
    !(
      CAREERS.has(t.key) &&
      (tokens[k - 1]?.key === 'be' || (['a', 'an'].includes(tokens[k - 1]?.key ?? '') && tokens[k - 2]?.key === 'be'))
    );
  const ill = sentencesWith(tokens, illCue);
  const near = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) if (ill[k] && illCue(tokens[k]!, k)) near.fill(1, Math.max(0, k - 5), k + 6);
  for (let k = 0; k < tokens.length; k++) ill[k]! &= near[k]!;
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (LEADING_HEADS.has(t.key) && (t.cap || LOWER_LEADING_HEADS.has(t.key))) {
      const j = headedRun(tokens, i, LEADING_PARTICLES, 5, () => false, t.cap ? foreignWord : lowerLeadingWord);
      if (j > i) out.push({ kind: 'school', start: t.start, end: tokens[j]!.end });
      continue;
    }
    // "Govan High", "Herschel Grammar" (not "High Street", "the High Court", "High Wycombe")
    const after = tokens[i + 1] && joinedBySpace(tokens[i + 1]!.gap) ? tokens[i + 1] : undefined;
    const highHead =
      t.cap &&
      LATE_HEADS.has(t.key) &&
      !t.sentenceStart &&
      !(after && (after.cap || STREET_AFTER_HIGH.has(after.key))) &&
      tokens[i - 1]?.cap === true &&
      // "thanks Sarah PS ring me" is a postscript
      !(t.key === 'ps' && onlyAName(tokens[i - 1]!.key)) &&
      // "Belfast Met", "Cardiff Met", "Scarborough TEC" (a college), not "the Met"
      !(['met', 'tech', 'tec'].includes(t.key) && !(t.key === 'tec' && t.acronym) && !placeWord(tokens[i - 1]!.key) && !kept[i - 1]) &&
      joinedBySpace(t.gap);
    // "Belle Vue Girls'", "King's Boys'"; "the Nicolson Institute" in a sentence about school
    // (without the apostrophe only at the end of a name after to, at, into or from: "they moved her to Challney Girls.")
    const pluralHead =
      t.cap &&
      (t.key === 'girls' || t.key === 'boys') &&
      tokens[i - 1]?.cap === true &&
      !tokens[i - 1]!.sentenceStart &&
      (/s['’]$/u.test(t.text) || (runAfterLead(tokens, i) && !(tokens[i + 1]?.cap && joinedBySpace(tokens[i + 1]!.gap))));
    // (a possible one elsewhere: "arranged for him to join the Nicolson Institute"; not "the Institute of ...")
    const instituteHead = t.cap && t.key === 'institute' && tokens[i + 1]?.key !== 'of' && tokens[i - 1]?.cap === true;
    // "at Easton primary": a capitalised name, a small-letter head, after at, to, into or from
    const lowerCapHead = !t.cap && CAP_HEADS.has(t.key) && t.key !== 'form' && tokens[i - 1]?.cap === true && joinedBySpace(t.gap);
    // "Haringey Sixth Form" ("Sixth Form" alone is a keep-list term)
    if (
      t.cap &&
      t.key === 'form' &&
      tokens[i - 1]?.key === 'sixth' &&
      tokens[i - 1]!.cap &&
      tokens[i - 2]?.cap &&
      !tokens[i - 1]!.sentenceStart &&
      joinedBySpace(t.gap) &&
      joinedBySpace(tokens[i - 1]!.gap)
    ) {
      // one to three capitalised words after at, to, into or from: "at Longley Park Sixth Form"
      let s6 = i - 2;
      while (s6 > i - 4 && !tokens[s6]!.sentenceStart && tokens[s6 - 1]?.cap && joinedBySpace(tokens[s6]!.gap)) s6--;
      if (!tokens[s6]!.sentenceStart && NAME_PREPS.has(tokens[s6 - 1]?.key ?? '') && !neverAName(tokens[s6]!.key)) {
        out.push({ kind: 'school', start: tokens[s6]!.start, end: t.end });
        continue;
      }
    }
    const head = HEADS.has(t.key) || (t.cap && CAP_HEADS.has(t.key)) || highHead || pluralHead || instituteHead || lowerCapHead;
    // "Free School Meals", "Virtual School": a keep-list term, not a school
    // typed in small letters: "goes to westfield primary", "kicked out of oakbank high", "at hillcrest academy"
    if (!t.cap && !kept[i] && (LOWER_HEADS.has(t.key) || (t.key === 'high' && !tokens[i + 1]?.cap))) {
      const found = lowerSchool(tokens, i);
      if (found) {
        out.push(found);
        continue;
      }
    }
    if (
      !head ||
      (t.possessive && !pluralHead) ||
      (kept[i] && !(highHead && t.key === 'pru' && !GENERIC_SCHOOL_WORDS.has(tokens[i - 1]!.key) && !neverAName(tokens[i - 1]!.key)))
    )
      continue;
    // "Little Stars nursery" is a name; "When the school" is not
    if (!t.cap && PARTICLES.has(tokens[i - 1]?.key ?? '')) continue;
    // walk back over capitalised words and particles: "St John's C of E Primary"
    let s = i;
    while (s > 0 && joined(tokens, s) && s - i > -7) {
      const p = tokens[s - 1]!;
      if (p.cap || (PARTICLES.has(p.key) && tokens[s - 2]?.cap)) s--;
      else break;
      if (p.sentenceStart) break;
    }
    // drop what begins a sentence but is not part of a name: "Thanks", "At", "The"
    while (
      s < i &&
      (PARTICLES.has(tokens[s]!.key) || (tokens[s]!.sentenceStart && (neverAName(tokens[s]!.key) || SENTENCE_OPENERS.has(tokens[s]!.key))))
    )
      s++;
    const words = tokens.slice(s, i);
    // "New City College", "New College Durham": "New" inside a name, not at a sentence's start
    // "South and City College", "North West College": a compass word inside a longer capitalised name
    const distinctive = words.filter(
      (w) =>
        (!TYPE_WORDS.has(w.key) && !neverAName(w.key)) ||
        (w.key === 'new' && w.cap && !w.sentenceStart && t.cap) ||
        (COMPASS.has(w.key) &&
          w.cap &&
          !w.sentenceStart &&
          t.cap &&
          words.length >= 2 &&
          // not "the North East School Sport Partnership", "the South West Academy Trust"
          !['trust', 'sport', 'sports', 'partnership', 'network', 'games'].includes(tokens[i + 1]?.key ?? '')),
    );
    if (distinctive.length === 0) {
      // "City College Plymouth", "Sixth Form College Farnborough": a school's kind, then its town
      const n = tokens[i + 1];
      if (t.cap && HEADS.has(t.key) && words.length && n && joinedBySpace(n.gap) && n.cap && !n.sentenceStart && placeWord(n.key))
        out.push({ kind: 'school', start: tokens[s]!.start, end: n.end });
      continue;
    }
    if (lowerCapHead && !NAME_PREPS.has(tokens[s - 1]?.key ?? '')) continue;
    // "Little Stars nursery" yes; "Rhys's school", "a Hastings school", "her Welsh school" no
    if (!t.cap && !lowerCapHead && (words[words.length - 1]!.possessive || distinctive.every((w) => placeWord(w.key)))) continue;
    // and forward over further heads: "Primary School", "Academy Sixth Form", "College of ..."
    let e = i;
    while (
      e + 1 < tokens.length &&
      joined(tokens, e + 1) &&
      (HEADS.has(tokens[e + 1]!.key) || CAP_HEADS.has(tokens[e + 1]!.key) || tokens[e + 1]!.key === 'sixth')
    )
      e++;
    // and a town after a college's name: "Methodist College Belfast" (not another name: "Oakfield College Sarah")
    const town = tokens[e + 1];
    if (
      t.cap &&
      (t.key === 'college' || t.key === 'academy') &&
      e === i &&
      town &&
      joinedBySpace(town.gap) &&
      town.cap &&
      !town.sentenceStart &&
      placeWord(town.key) &&
      !onlyAName(town.key) &&
      !(tokens[e + 2]?.cap && joinedBySpace(tokens[e + 2]!.gap))
    )
      e++;
    const found: Candidate = {
      kind: 'school',
      start: tokens[s]!.start,
      end: tokens[e]!.baseEnd === tokens[e]!.end ? tokens[e]!.end : tokens[e]!.baseEnd,
    };
    // "tickets to Pet Shop Boys": a longer name after "to", outside a sentence about school, is a possible one
    const bandLike = pluralHead && !/s['’]$/u.test(t.text) && i - s > 1 && tokens[s - 1]?.key === 'to' && !cue[i];
    if ((instituteHead || bandLike) && !cue[i]) found.tier = 'check';
    out.push(found);
  }
  // a list of schools: "Summer goes to Ysgol Morgan Llwyd and Poppy is at Acton Park" (a sentence that names a school
  // by its school word is about school, for the rules that read a name without one)
  const headed = new Uint8Array(tokens.length);
  for (const c of out) if (c.tier !== 'check') headed[tokenAt(tokens, c.start)] = 1;
  const listed = sentencesWith(tokens, (t, k) => cue[k] === 1 || headed[k] === 1);
  out.unshift(...schoolsWithoutSchoolWord(tokens, kept, listed, ill, childNames(tokens)));
  // "University of Sussex", "College of West Anglia"
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if (!(t.cap && (t.key === 'university' || t.key === 'college') && tokens[i + 1]!.key === 'of' && joined(tokens, i + 1))) continue;
    let j = i + 1;
    while (
      j + 1 < tokens.length &&
      joined(tokens, j + 1) &&
      (tokens[j + 1]!.cap || (PARTICLES.has(tokens[j + 1]!.key) && tokens[j + 2]?.cap)) &&
      j - i < 6
    )
      j++;
    if (j > i + 1) out.push({ kind: 'school', start: t.start, end: tokens[j]!.end });
  }
  // "the academy of st francis of assisi", "college of the holy cross": a school named for a saint, in small letters
  for (let i = 0; i + 3 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap || !['academy', 'college', 'school'].includes(t.key) || tokens[i + 1]!.key !== 'of' || !joined(tokens, i + 1)) continue;
    const saint = tokens[i + 2]!;
    if (!['st', 'saint', 'our', 'the', 'christ'].includes(saint.key) || saint.cap || !joined(tokens, i + 2)) continue;
    let j = i + 2;
    while (
      j + 1 < tokens.length &&
      j - i < 8 &&
      joined(tokens, j + 1) &&
      !tokens[j + 1]!.cap &&
      (['of', 'the', 'lady', 'holy'].includes(tokens[j + 1]!.key) || knownName(tokens[j + 1]!.key) || unknownWord(tokens[j + 1]!.key)) &&
      !LIST_END.has(tokens[j + 1]!.key)
    )
      j++;
    while (j > i + 2 && ['of', 'the'].includes(tokens[j]!.key)) j--;
    if (
      j > i + 2 &&
      (saint.key === 'st' || saint.key === 'saint' || tokens.slice(i + 3, j + 1).some((w) => ['lady', 'holy'].includes(w.key)))
    )
      out.push({ kind: 'school', start: t.start, end: tokens[j]!.end });
  }
  // "the Tech in Newry", "the Grammar in Ballymena": a school known by its kind and its town
  const none = new Uint8Array(tokens.length);
  for (let i = 1; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if (!(t.cap && BARE_HEADS.has(t.key) && tokens[i - 1]!.key === 'the' && !t.sentenceStart && joinedBySpace(t.gap))) continue;
    const p = tokens[i + 1]!;
    const place = tokens[i + 2]!;
    if (p.key !== 'in' || !joinedBySpace(p.gap) || !joinedBySpace(place.gap) || !place.cap || place.sentenceStart) continue;
    const j = capitalisedRun(tokens, i + 2, 3, none);
    if (tokens.slice(i + 2, j + 1).every((w) => neverAName(w.key))) continue;
    out.push({ kind: 'school', start: t.start, end: tokens[j]!.baseEnd });
  }
  out.push(...schoolsThatExcluded(tokens, kept));
  const found = [...out, ...schoolsAfterSchools(tokens, out, kept)];
  return [...found, ...namedAgain(tokens, found, 'school', joined)];
}

/** North, south, east, west: a part of a college's name only beside other capitalised words. */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'mid', 'central']);

const EXCLUDING = new Set(['excluded', 'expelled', 'suspended']);
/** "excluded from", "an exclusion from": said just before a school's name */
const EXCLUSION_WORDS = new Set([...EXCLUDING, 'exclusion', 'exclusions']);

/**
 * The name just before "excluded him", "expelled her": a school ("when Bishop Vaughan excluded him"); in small
 * letters two name-like words after "when" or "after" ("when bishop vaughan excluded him"), possible.
 */
function schoolsThatExcluded(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 2; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (!EXCLUDING.has(t.key) || !OBJECT_PRONOUNS.has(tokens[i + 1]!.key) || !joinedBySpace(t.gap)) continue;
    const e = i - 1;
    let s = e;
    // "when Mr Jones suspended him": a teacher, not a school
    if (TITLES.has(tokens[e - 1]?.key ?? '') || TITLES.has(tokens[e - 2]?.key ?? '')) continue;
    if (tokens[e]!.cap) {
      while (s > e - 2 && tokens[s - 1]?.cap && joinedBySpace(tokens[s]!.gap) && !tokens[s]!.sentenceStart) s--;
      const words = tokens.slice(s, e + 1);
      if (tokens[s]!.sentenceStart || words.some((w, k) => kept[s + k]) || words.every((w) => neverAName(w.key) || placeWord(w.key)))
        continue;
      out.push({
        kind: 'school',
        start: tokens[s]!.start,
        end: tokens[e]!.baseEnd,
        ...(words.length > 1 ? {} : { tier: 'check' as const }),
      });
    } else {
      s = e - 1;
      const words = [tokens[s]!, tokens[e]!];
      if (!['when', 'after', 'till', 'until'].includes(tokens[s - 1]?.key ?? '') || !joinedBySpace(tokens[e]!.gap)) continue;
      if (!words.every((w) => /^\p{L}+$/u.test(w.text) && !neverAName(w.key)) || !words.some((w) => onlyAName(w.key) || unknownWord(w.key)))
        continue;
      out.push({ kind: 'school', start: tokens[s]!.start, end: tokens[e]!.baseEnd, tier: 'check' });
    }
  }
  return out;
}

/**
 * The second of two schools: "moved from Patcham High to Varndean" (sure), "are at St Cuthbert's and Brougham"
 * (possible). Not a person: "Kemar into Riddlesdown Collegiate and Shanice into St Mark's".
 */
function schoolsAfterSchools(tokens: Token[], found: Candidate[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const s = tokenAt(tokens, c.start);
    let e = s;
    while (e + 1 < tokens.length && tokens[e + 1]!.start < c.end) e++;
    if (tokens[s]?.start !== c.start) continue;
    // "moved him from Challney to Cardinal Newman": the first of two, where the second is a school
    const first = movedFromBefore(tokens, s, kept);
    if (first) out.push(c.tier === 'check' ? { ...first, tier: 'check' } : first);
    // (possible, as a child of the story "and Nia at X" is)
    const second = secondChildsSchool(tokens, s, e, kept);
    if (second) out.push({ ...second, tier: 'check' });
    const link = tokens[e + 1];
    const n = tokens[e + 2];
    if (!link || !n || !joinedBySpace(link.gap) || !joinedBySpace(n.gap) || !n.cap || n.sentenceStart || kept[e + 2]) continue;
    const from = link.key === 'to' && tokens[s - 1]?.key === 'from';
    if (!from && link.key !== 'and') continue;
    // ("at King Edward VII and St Edmund's": a saint's name as the second)
    const saint = (n.key === 'st' || n.key === 'saint') && tokens[e + 3]?.cap === true && joinedBySpace(tokens[e + 3]!.gap);
    if ((neverAName(n.key) && !saint) || NOT_A_SCHOOL_START.has(n.key) || YEAR_GROUP.test(n.key)) continue;
    const j = capitalisedRun(tokens, e + 2, 3, kept);
    // "Hazlehead Academy and Millie's in P3": a child, not a school
    if (tokens[j]!.possessive && j === e + 2 && (onlyAName(n.key) || knownName(n.key))) continue;
    const words = tokens.slice(e + 2, j + 1);
    if (words.every((w) => placeWord(w.key) && !onlyAName(w.key))) continue;
    const after = tokens[j + 1];
    if (after && joinedBySpace(after.gap) && !LIST_END.has(after.key)) continue;
    const d: Candidate = { kind: 'school', start: n.start, end: tokens[j]!.baseEnd };
    if (!from || c.tier === 'check') d.tier = 'check';
    out.push(d);
  }
  return out;
}

/**
 * "Jack is at Isca now and Poppy at Ladysmith": after a school found after "at", "and", a child's name, "at" and a
 * second name, in the same list.
 */
function secondChildsSchool(tokens: Token[], s: number, e: number, kept: Uint8Array): Candidate | undefined {
  if (tokens[s - 1]?.key !== 'at') return undefined;
  let k = e + 1;
  if (tokens[k]?.key === 'now' && joinedBySpace(tokens[k]!.gap)) k++;
  const [and, kid, at, m] = [tokens[k], tokens[k + 1], tokens[k + 2], tokens[k + 3]];
  if (!and || !kid || !at || !m || !['and', '&'].includes(and.key) || at.key !== 'at' || !m.cap || m.sentenceStart) return undefined;
  if (![and, kid, at, m].every((w) => joinedBySpace(w.gap)) || !kid.cap || kid.sentenceStart || kid.possessive || kept[k + 1])
    return undefined;
  if (!(onlyAName(kid.key) || knownName(kid.key)) || neverAName(kid.key) || TITLES.has(kid.key) || STAFF.has(kid.key)) return undefined;
  if (kept[k + 3] || neverAName(m.key) || NOT_A_SCHOOL_START.has(m.key) || AT_TIMES.has(m.key)) return undefined;
  const j = capitalisedRun(tokens, k + 3, 3, kept);
  const words = tokens.slice(k + 3, j + 1);
  if (words.some((w) => NOT_SCHOOL_WORDS.has(w.key) || HOME_HEADS.has(w.key))) return undefined;
  // (not a place's name alone: "and Dad at Heathrow")
  if (words.every((w) => placeWord(w.key) && !onlyAName(w.key))) return undefined;
  return { kind: 'school', start: m.start, end: tokens[j]!.baseEnd };
}

/** "moved him from Challney to" before a school found at token s: the name after "from" (not a town: "from Leeds to"). */
function movedFromBefore(tokens: Token[], s: number, kept: Uint8Array): Candidate | undefined {
  if (tokens[s - 1]?.key !== 'to' || !joinedBySpace(tokens[s - 1]!.gap) || !joinedBySpace(tokens[s]!.gap)) return undefined;
  let k = s - 2;
  while (k > s - 5 && k >= 0 && tokens[k]!.cap && !tokens[k]!.sentenceStart && !kept[k] && joinedBySpace(tokens[k]!.gap)) k--;
  if (k === s - 2 || tokens[k]?.key !== 'from' || tokens[k + 1]!.sentenceStart) return undefined;
  if (!movedBy(tokens, k, MOVED_ONES)) return undefined;
  const words = tokens.slice(k + 1, s - 1);
  if (words.some((w) => neverAName(w.key) || NOT_SCHOOL_WORDS.has(w.key) || HOME_HEADS.has(w.key) || w.possessive)) return undefined;
  if (words.every((w) => placeWord(w.key) && !onlyAName(w.key))) return undefined;
  return { kind: 'school', start: tokens[k + 1]!.start, end: tokens[s - 2]!.baseEnd };
}

function capitalisedRun(tokens: Token[], s: number, max: number, kept: Uint8Array): number {
  let j = s;
  while (j < tokens.length && j - s < max && tokens[j]!.cap && !kept[j] && (j === s || (joined(tokens, j) && !tokens[j]!.sentenceStart))) {
    if (j > s && tokens[j - 1]!.possessive) break;
    j++;
  }
  return j - 1;
}

/** "my son is 10 and at Gonville", "Saba is 6 at Owler Brook": a child of school age at a named place is at school. */
export function ageBeforeAt(tokens: Token[], i: number): boolean {
  if (tokens[i - 1]?.key !== 'at' || !joinedBySpace(tokens[i - 1]!.gap)) return false;
  const t = tokens[i]!;
  if (t.key.length < 2 || AT_TIMES.has(t.key) || NOT_SCHOOL_AT.has(t.key) || NOT_SCHOOL_WORDS.has(t.key)) return false;
  // "is 15 and at Oakwood House": a home or a unit, not a school
  for (let k = i + 1; k < i + 4 && tokens[k]?.cap && joinedBySpace(tokens[k]!.gap); k++) if (HOME_HEADS.has(tokens[k]!.key)) return false;
  let k = i - 2;
  while (k > i - 5 && k >= 0 && AGE_FILLERS.has(tokens[k]!.key) && !tokens[k]!.sentenceStart && joinedBySpace(tokens[k + 1]!.gap)) k--;
  const age = tokens[k];
  if (!age || !joinedBySpace(tokens[k + 1]!.gap) || !(/^(?:[2-9]|1[0-8])$/u.test(age.key) || AGE_WORDS.has(age.key))) return false;
  const verb = tokens[k - 1];
  return verb !== undefined && joinedBySpace(age.gap) && (AGE_VERBS.has(verb.key) || /['’]s$/u.test(verb.text));
}

/**
 * "got him moved from Challney to Cardinal Newman": a saint's or a bishop's name a child was moved to from a name
 * (where the one moved is him or her: "we moved from Luton to Bishop Auckland" is a family's move to a town).
 */
function movedFromTo(tokens: Token[], i: number): 'sure' | 'maybe' | undefined {
  if (tokens[i - 1]?.key !== 'to' || !joinedBySpace(tokens[i - 1]!.gap)) return undefined;
  let k = i - 2;
  while (k > i - 6 && k >= 0 && tokens[k]!.cap && !tokens[k]!.sentenceStart) k--;
  if (k === i - 2 || tokens[k]?.key !== 'from') return undefined;
  return movedBy(tokens, k, MOVED_CHILD) ? 'sure' : undefined;
}
const MOVE_VERBS = new Set(['moved', 'transferred', 'move', 'moving']);
const MOVED_ONES = new Set(['him', 'her', 'them']);
const MOVED_CHILD = new Set(['him', 'her']);
/** Whether "from" at token k follows a move of one of `who`, before "moved" or after it: "got him moved from", "moved her from". */
function movedBy(tokens: Token[], k: number, who: Set<string>): boolean {
  const after = who.has(tokens[k - 1]?.key ?? '');
  const verb = after ? tokens[k - 2] : tokens[k - 1];
  return MOVE_VERBS.has(verb?.key ?? '') && (after || who.has(tokens[k - 2]?.key ?? ''));
}
/** Whether the sentence of token i, before it, says a child's age: "Aarav is 12 now and studying at ...". */
function ageInSentence(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k > 0 && k > i - 16; k--) {
    const t = tokens[k]!;
    if (/^(?:[2-9]|1[0-8])$/u.test(t.key) && (AGE_VERBS.has(tokens[k - 1]!.key) || /['’]s$/u.test(tokens[k - 1]!.text))) return true;
    if (t.sentenceStart) return false;
  }
  return false;
}
/**
 * Every mention of a name the story says is a child's: after "my daughter", "the boys", "his sister" ("the boys Harvey
 * and Archie"), or before an age ("Lana was 12", "Oisín, who is 15", "Priya (9)").
 */
function childNames(tokens: Token[]): Uint8Array {
  const names = new Set<string>();
  const nameLike = (t: Token | undefined) =>
    t !== undefined && /^\p{L}[\p{L}'’-]*$/u.test(t.text) && !neverAName(t.key) && !commonWord(t.key) && !GENERIC_SCHOOL_WORDS.has(t.key);
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if ((CHILD_WORDS.has(t.key) || SIBLINGS.has(t.key)) && !t.cap) {
      let m = k + 1;
      while (m < tokens.length && m < k + 6 && nameLike(tokens[m]) && /^[ \t,]+$/u.test(tokens[m]!.gap) && !tokens[m]!.sentenceStart) {
        names.add(tokens[m]!.key);
        // "Harvey and Archie", "Jack, Poppy and Mia"
        if (['and', '&'].includes(tokens[m + 1]?.key ?? '')) m += 2;
        else if (/^[ \t]*,[ \t]*$/u.test(tokens[m + 1]?.gap ?? '') && nameLike(tokens[m + 1]) && tokens[m + 1]!.cap === tokens[m]!.cap) m++;
        else break;
      }
    }
    // "Lana was 12", "Oisín, who is 15", "Priya (9)"
    const n = tokens[k + 1]!;
    const age = (x: Token | undefined) => x !== undefined && /^(?:[1-9]|1[0-7])$/u.test(x.key);
    if (
      t.cap &&
      nameLike(t) &&
      (onlyAName(t.key) || knownName(t.key) || unknownWord(t.key)) &&
      ((['is', 'was', 'turned'].includes(n.key) && age(tokens[k + 2])) ||
        (n.key === 'who' && ['is', 'was'].includes(tokens[k + 2]?.key ?? '') && age(tokens[k + 3])) ||
        (age(n) && /^\s*\($/u.test(n.gap)))
    )
      names.add(t.key);
  }
  const at = new Uint8Array(tokens.length);
  if (names.size) for (let k = 0; k < tokens.length; k++) if (names.has(tokens[k]!.key)) at[k] = 1;
  return at;
}
/** Whether one of the story's children is the one named just before token k (the word before a lead), in its sentence. */
function childNamedBefore(tokens: Token[], k: number, kid: Uint8Array | undefined): boolean {
  if (!kid) return false;
  for (let m = k; m >= 0 && m > k - 4; m--) {
    if (kid[m]) return true;
    if (tokens[m]!.sentenceStart || !joinedBySpace(tokens[m]!.gap)) return false;
  }
  return false;
}
/** Whether no sentence starts between tokens a and b. */
function sameSentence(tokens: Token[], a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k <= Math.max(a, b); k++) if (tokens[k]!.sentenceStart) return false;
  return true;
}
/** Whether a child is named just before token k, in its sentence: "his sister Priya is", "my son Oisín goes", "our eldest is". */
function childBefore(tokens: Token[], k: number): boolean {
  for (let m = k; m >= 0 && m > k - 4; m--) {
    // (a brother or sister only with a name after: "my brother is at Park View" may be a grown man at work)
    if (CHILD_WORDS.has(tokens[m]!.key) || (SIBLINGS.has(tokens[m]!.key) && m < k && tokens[m + 1]!.cap)) return true;
    if (tokens[m]!.sentenceStart || !joinedBySpace(tokens[m]!.gap)) return false;
  }
  return false;
}
/** "my eldest aleena goes to X now", "the twins go to X now": one word, then "now", after a child and "goes to". */
function childGoesNow(tokens: Token[], i: number): boolean {
  const [to, verb, after] = [tokens[i - 1], tokens[i - 2], tokens[i + 1]];
  if (to?.key !== 'to' || !['goes', 'go'].includes(verb?.key ?? '') || after?.key !== 'now' || !joinedBySpace(after.gap)) return false;
  if (!joinedBySpace(tokens[i]!.gap) || !joinedBySpace(to.gap)) return false;
  for (let k = i - 3; k >= 0 && k > i - 6; k--) {
    if (CHILD_WORDS.has(tokens[k]!.key)) return true;
    if (tokens[k]!.sentenceStart || !joinedBySpace(tokens[k + 1]!.gap)) return false;
  }
  return false;
}

function schoolContext(tokens: Token[], i: number, cue?: Uint8Array, ill?: Uint8Array, kid?: Uint8Array): 'sure' | 'maybe' | undefined {
  // i is the first word of the name; look at the words before it
  const a = tokens[i - 1]?.key ?? '';
  const b = tokens[i - 2]?.key ?? '';
  const c = tokens[i - 3]?.key ?? '';
  // every lead ends with one of these words; a single letter is not a school: "we go to L&D hospital"
  if (!(CONTEXT_LAST.has(a) || a === 'with' || SPOKE.has(a)) || !joinedBySpace(tokens[i]!.gap) || tokens[i]!.key.length < 2)
    return undefined;
  // "getting bullied at Bro Myrddin", "the teachers at Greystones", "enrolled him at Foxhollow"
  if (a === 'at' && ['bullied', 'bullying', 'teachers', 'pupils', 'classmates', 'enrolled', 'enrol'].includes(b)) return 'sure';
  if (a === 'at' && ['him', 'her', 'them'].includes(b) && ['enrolled', 'enrol'].includes(c)) return 'sure';
  if (cue && ill) {
    const school = cue[i] === 1;
    // "she got Kemar into", "helped us get him into", "got my son Logan into"
    if (a === 'into' && !tokens[i - 1]!.sentenceStart && !YEAR_GROUP.test(tokens[i]!.key) && !ill[i]) {
      // "got Kemar into Riddlesdown Collegiate and Shanice into St Mark's"
      for (let k = i - 2; k >= Math.max(0, i - 10); k--) {
        // (sure too for a child of the story: "she got Kemar into Riddlesdown" where Kemar is her son)
        if (PLACE_VERBS.has(tokens[k]!.key)) return school || childNamedBefore(tokens, i - 2, kid) ? 'sure' : 'maybe';
        if (tokens[k]!.sentenceStart || !joinedBySpace(tokens[k]!.gap)) break;
      }
    }
    // "she is 14 and at Prendergast", "is 7 at Shirley Junior": not "is 3 and at Alder Hey" in a sentence about illness
    if (ageBeforeAt(tokens, i) && !ill[i]) {
      const t = tokens[i]!;
      if (!(t.possessive && (onlyAName(t.key) || knownName(t.key)) && !tokens[i + 1]?.cap) && !NOT_SCHOOL_AT.has(t.key)) return 'sure';
    }
    // "she is 15 and she go Notre Dame", "my son Oisín goes St Columb's": "go" with no "to", after a child's age or a child
    if ((a === 'go' || a === 'goes') && tokens[i]!.cap && !tokens[i]!.sentenceStart && !ill[i] && !AT_TIMES.has(tokens[i]!.key)) {
      if (ageInSentence(tokens, i)) return 'sure';
      if (childBefore(tokens, i - 2)) return 'maybe';
    }
    // "Jack is at Isca and Poppy at Ladysmith", "my sis rukhsana at Morpeth": a child of the story, then "at" (possible)
    if (a === 'at' && kid?.[i - 2] && !ill[i] && !AT_TIMES.has(tokens[i]!.key) && !NOT_SCHOOL_AT.has(tokens[i]!.key)) {
      const before = tokens[i - 3];
      // (after "and" or a comma only as the second of two: "Jack is at Isca and Poppy at ...", not "we saw Dev and Nia at ...")
      let listed = false;
      for (let k = i - 4; k >= 0 && k > i - 14 && !listed; k--) {
        listed = tokens[k]!.key === 'at' && kid[k + 1] !== 1;
        if (tokens[k]!.sentenceStart) break;
      }
      if (
        before &&
        (SIBLINGS.has(before.key) ||
          CHILD_WORDS.has(before.key) ||
          (listed && (['and', '&'].includes(before.key) || /,\s*$/u.test(tokens[i - 2]!.gap))))
      )
        return 'maybe';
    }
    // "my daughter Ugnė is in Salmestone now": a child of the story "is in" a name that is no place, year or service (possible)
    if (
      a === 'in' &&
      ['is', 'was', "'s", '’s'].includes(b) &&
      (childBefore(tokens, i - 3) || childNamedBefore(tokens, i - 3, kid)) &&
      !ill[i] &&
      !YEAR_GROUP.test(tokens[i]!.key) &&
      !placeWord(tokens[i]!.key) &&
      !commonWord(tokens[i]!.key) &&
      !GENERIC_SCHOOL_WORDS.has(tokens[i]!.key) &&
      !NOT_SCHOOL_WORDS.has(tokens[i]!.key) &&
      !AT_TIMES.has(tokens[i]!.key) &&
      // "was in Skye House", "is in Oak Unit": a home or a unit, not a school
      ![1, 2].some((d) => HOME_HEADS.has(tokens[i + d]?.key ?? '') && tokens[i + d]!.cap)
    )
      return 'maybe';
    // "spoke to Mr Atwal at Landau Forte when Harleen stopped eating": a teacher at a school, in a sentence about a child (possible)
    if (a === 'at' && ['mr', 'mrs', 'miss', 'ms', 'sir'].includes(c) && tokens[i - 2]!.cap && !ill[i] && tokens[i]!.cap) {
      for (let k = Math.max(0, i - 12); k < Math.min(tokens.length, i + 12); k++)
        if ((kid?.[k] || CHILD_WORDS.has(tokens[k]!.key)) && sameSentence(tokens, k, i)) return 'maybe';
    }
    // "kicked out of Commonweal", "got put out of Holy Cross"
    if (a === 'of' && b === 'out' && OUSTED.has(c)) return 'sure';
    // "on a managed move from Lister", "a managed move to Eastlea": a move between schools
    if ((a === 'from' || a === 'to') && b === 'move' && c === 'managed') return 'sure';
    // "sent home from Oakfield every week": a school, unless the sentence is about illness (or is it work?)
    if (a === 'from' && b === 'home' && ['sent', 'sending', 'sends'].includes(c) && !ill[i]) return school ? 'sure' : 'maybe';
    // "studying at Judgemeadow", "her bursary at Leeds Beckett"
    if (a === 'at' && STUDY_WORDS.has(b) && !ill[i]) return school || ageInSentence(tokens, i) ? 'sure' : 'maybe';
    // "his transition from Oakdene to Highfields", in a sentence about school (the second is found after the first)
    if (a === 'from' && school && ['transition', 'moved', 'move', 'moving', 'transferred', 'changed'].includes(b)) return 'sure';
    // "Connor is at Birkenhead Park", "he's at Oakwood now", "both at St Cuthbert's": not in a sentence about illness
    const copula =
      a === 'at' &&
      (COPULAS.has(b) ||
        (school && PAST_COPULAS.has(b)) ||
        /['’]s$/u.test(tokens[i - 2]?.text ?? '') ||
        (b === 'now' && ['is', 'are'].includes(c)));
    if (copula && !ill[i] && !NOT_SCHOOL_AT.has(tokens[i]!.key)) {
      const t = tokens[i]!;
      // "at Nan's", "at Sarah's": someone's house
      // "his sister Priya is at Witton Park", "Blessing is 7 now and is at ...": a child (named so, or aged) is at school there
      if (!(t.possessive && (onlyAName(t.key) || knownName(t.key)) && !tokens[i + 1]?.cap))
        return school || childBefore(tokens, i - 2) || childNamedBefore(tokens, i - 2, kid) || ageInSentence(tokens, i) ? 'sure' : 'maybe';
    }
    // "got orlaith sorted at Thornhill": a child of the story sorted somewhere, not in a sentence about illness (possible)
    if (a === 'at' && b === 'sorted' && (kid?.[i - 3] || CHILD_WORDS.has(c)) && !ill[i] && !NOT_SCHOOL_AT.has(tokens[i]!.key))
      return 'maybe';
    // "fought to keep her at St John Plessington": a child kept on somewhere, not in a sentence about illness (possible)
    if (
      a === 'at' &&
      ['him', 'her', 'them'].includes(b) &&
      ['keep', 'kept', 'keeping'].includes(c) &&
      !ill[i] &&
      !NOT_SCHOOL_AT.has(tokens[i]!.key)
    )
      return 'maybe';
    // "spoke to Bitterne Park so the teachers understood", "she rang Oakfield about his homework": in a sentence about school (possible)
    if (
      (a === 'to' || a === 'with' || SPOKE.has(a)) &&
      (SPOKE.has(b) || SPOKE.has(a)) &&
      school &&
      !ill[i] &&
      tokens[i]!.cap &&
      !tokens[i]!.acronym &&
      !onlyAName(tokens[i]!.key) &&
      !knownName(tokens[i]!.key) &&
      !commonWord(tokens[i]!.key) &&
      !NOT_SCHOOL_WORDS.has(tokens[i]!.key)
    )
      return 'maybe';
    // "Hibo stayed at Smithy Street so she kept her friends": staying on at a school, in a sentence about school
    if (a === 'at' && school && STAY_WORDS.has(b) && !ill[i]) return 'sure';
  }
  if (SURE_LEADS.includes(a) && ((/^\d{1,2}$/.test(b) && ['year', 'yr', 'y'].includes(c)) || /^(?:y\d{1,2}|p[1-7]|s[1-6])$/.test(b)))
    return 'sure';
  if (
    a === 'at' &&
    [
      'reception',
      'nursery',
      'pupil',
      'student',
      'head',
      'headteacher',
      'teacher',
      'senco',
      'sixth',
      'preschool',
      'pre-school',
      'playgroup',
      'creche',
    ].includes(b)
  )
    return 'sure';
  if (a === 'from' && (EXCLUSION_WORDS.has(b) || (['him', 'her', 'them', 'me'].includes(b) && EXCLUSION_WORDS.has(c)))) return 'sure';
  // "head of year at St Cecilia's", "form tutor at"; "in 2nd year at Firrhill", "in third year at Govan"
  if (a === 'at' && ((b === 'year' && (c === 'of' || ORDINAL_YEARS.test(c))) || b === 'tutor')) return 'sure';
  if (a === 'at' && b === 'back') return 'maybe';
  if (cue && ill) {
    const school = cue[i] === 1;
    const maybe = school ? 'sure' : 'maybe';
    // "refusing school at Smithills", "his schooling at Methody", "her nursery at Little Oaks"
    if (a === 'at' && ['school', 'schooling', 'nursery', 'college', 'sixth-form'].includes(b) && tokens[i]!.cap) return 'maybe';
    // "got him moved to Humphry Davy", "moved him up to", "went up to Baldragon", "go back to Brampton Manor"
    const d = tokens[i - 4]?.key ?? '';
    if (
      a === 'to' &&
      !ill[i] &&
      (b === 'moved' || b === 'transferred') &&
      (PASSIVE.has(c) || (['him', 'her', 'them', 'me'].includes(c) && PASSIVE.has(d)))
    )
      return maybe;
    if (a === 'to' && (b === 'up' || b === 'back') && ['went', 'go', 'goes', 'going', 'moved', 'move', 'moving', 'gone'].includes(c))
      return maybe;
    if (a === 'to' && b === 'back' && ['him', 'her', 'them', 'me'].includes(c)) return maybe;
    // "moved him from Mossbourne", "pulled her out of Oakfield"
    if (
      ['him', 'her', 'them', 'me'].includes(b) &&
      a === 'from' &&
      ['moved', 'move', 'moving', 'transferred', 'took', 'taken', 'pulled'].includes(c)
    )
      return maybe;
    if (
      a === 'of' &&
      b === 'out' &&
      ['him', 'her', 'them', 'me'].includes(c) &&
      ['took', 'take', 'taken', 'pulled', 'pull', 'taking', 'pulling'].includes(d)
    )
      return maybe;
    // "picked him up from Oakfield", "dropped her off at Greenhill" (about school, or possible); not "from Dave's"
    const t = tokens[i]!;
    const someonesHouse = t.possessive && (onlyAName(t.key) || knownName(t.key)) && !tokens[i + 1]?.cap;
    if ((a === 'at' || a === 'from') && (b === 'up' || b === 'off') && !someonesHouse) {
      for (let k = i - 3; k >= Math.max(0, i - 6); k--) {
        if (/^(?:pick|picks|picked|picking|drop|drops|dropped|dropping|collect|collected)$/u.test(tokens[k]!.key)) return maybe;
        if (tokens[k + 1]!.sentenceStart) break;
      }
    }
    // "i drop them at Kilmorie", "dropping the kids at Rathfern", "collect her from Fryent": no "off" or "up"
    if ((a === 'at' || a === 'from') && ['them', 'him', 'her', 'kids', 'boys', 'girls', 'twins', 'both'].includes(b) && !someonesHouse) {
      const verb = tokens[i - 3]?.key === 'the' ? tokens[i - 4] : tokens[i - 3];
      if (verb && /^(?:drop|drops|dropped|dropping|collect|collects|collected|collecting)$/u.test(verb.key)) return maybe;
    }
    // "a place for the eldest at Lees Brook", "sorted a place for him at Oakfield"
    if (a === 'at') {
      for (let k = i - 2; k >= Math.max(0, i - 6); k--) {
        if (
          ['place', 'places'].includes(tokens[k]!.key) &&
          ['a', 'the', 'her', 'his', 'their', 'school'].includes(tokens[k - 1]?.key ?? '')
        )
          // "the EHCP meeting ... and argued for a place at Crosshill": sure in a sentence about school, not illness
          return school && !ill[i] && !HOME_HEADS.has(tokens[i + 1]?.key ?? '') ? 'sure' : 'maybe';
        if (tokens[k]!.sentenceStart || !joinedBySpace(tokens[k]!.gap) || tokens[k]!.key === 'at') break;
      }
    }
    // "his attendance at Woodside", "in isolation at Hartcliffe", "the pastoral lead at Millbrook", "breakfast club at Fairway", "accepted at Ridgeway"
    if (
      a === 'at' &&
      school &&
      [
        'attendance',
        'isolation',
        'detention',
        'detentions',
        'lead',
        'worker',
        'club',
        'staff',
        'governor',
        'governors',
        'gates',
        'accepted',
        'assembly',
        'office',
      ].includes(b)
    )
      return 'sure';
    if (a === 'at' && (b === 'accepted' || b === 'attendance')) return 'maybe';
    // "got her into the breakfast club at Tanners Brook", "the after school club at Fairway"
    if (a === 'at' && b === 'club' && ['breakfast', 'school', 'homework'].includes(c)) return 'maybe';
    // "went to Brookvale and the teachers there were kind": in a sentence about school
    if (a === 'to' && school && ['went', 'transitions', 'transition', 'progressed', 'progress'].includes(b)) return 'maybe';
    // "on a reduced timetable at Rushgrove", "his exclusion from Oakmere": a place-shaped name in a sentence about school (possible)
    if ((a === 'at' || a === 'from') && school && lowerNameLike(tokens[i]!.key) && !onlyAName(tokens[i]!.key)) return 'maybe';
    // "doing great at St Brendan's", "acting up at St Malachy's", "struggling at Oakfield": in a sentence about school
    // (or after a child's age or a child of the story: "sophie is 10 and doing great at St Brendan's")
    if (
      a === 'at' &&
      (school || ageInSentence(tokens, i) || childNamedBefore(tokens, i - 3, kid)) &&
      // (Scots and spoken forms too: "was strugglin at Millburn")
      ([
        'great',
        'well',
        'brilliant',
        'struggling',
        'strugglin',
        'thriving',
        'settled',
        'happy',
        'up',
        'behaving',
        'doing',
        'doin',
      ].includes(b) ||
        // "aged 13 was getting into trouble at Queen Katharine", "aged 6, stopped speaking at Magdalen Gates"
        (b === 'trouble' && ['into', 'in'].includes(c)) ||
        // "i kicked off at Carlton Bolling and got excluded"
        (b === 'off' && ['kicked', 'kicking', 'kicks'].includes(c)) ||
        (['speaking', 'talking'].includes(b) && ['stopped', 'stop', 'stops'].includes(c)))
    )
      return 'sure';
  }
  if (a === 'attends' || a === 'attended' || ((a === 'attend' || a === 'attending') && !['to', 'the', 'a'].includes(tokens[i]!.key)))
    return 'sure';
  // "bought his uniform for Sandhill", "the school run to Hillcrest", "the Pupil Referral Unit at Oakwood", "in the sixth form at Parrs Wood"
  if (a === 'for' && b === 'uniform' && !tokens[i]!.acronym && !commonWord(tokens[i]!.key)) return 'sure';
  if (a === 'for') return undefined;
  if (a === 'to' && b === 'run' && c === 'school') return 'sure';
  if (a === 'at' && ((b === 'unit' && c === 'referral') || (b === 'form' && c === 'sixth') || (b === 'pru' && c === 'the'))) return 'sure';
  // "the headteacher of Beacon Hill", "the SENCO of Oakfield"
  if (a === 'of' && ['headteacher', 'headmaster', 'headmistress', 'senco', 'principal', 'governors', 'pupils', 'pupil'].includes(b))
    return 'sure';
  // "in primary 6 at Castleview", "her A levels at Marlowe"
  if (a === 'at' && /^\d{1,2}$/u.test(b) && c === 'primary') return 'sure';
  if (a === 'at' && (b === 'levels' || b === 'level') && c === 'a') return 'sure';
  // "a scholarship to Millfield", "applied to Greenhill", "a transfer to Oakwood"
  if (a === 'to' && ['scholarship', 'bursary', 'applied', 'apply', 'applying', 'application', 'transfer'].includes(b)) return 'maybe';
  // "moved schools to Greenfield", "changed schools to Oakwood"
  if (a === 'to' && b === 'schools' && /^(?:move|moved|moving|change|changed|changing|switch|switched|swapped)$/u.test(c)) return 'sure';
  // "kyle was 7 and hadnt been to ashfield in weeks": a child who has not been to a place is missing school there
  if (
    a === 'to' &&
    b === 'been' &&
    /^(?:hadnt|hasnt|havent|hadn['’]t|hasn['’]t|haven['’]t|not|never)$/u.test(c) &&
    !ill?.[i] &&
    (ageInSentence(tokens, i) || childNamedBefore(tokens, i - 4, kid) || childBefore(tokens, i - 4) || cue?.[i] === 1)
  )
    return 'sure';
  // "now he goes every day to Malet Lambert": read as "goes to"
  if (a === 'to' && b === 'day' && ['every', 'each'].includes(c) && ['goes', 'go', 'going'].includes(tokens[i - 4]?.key ?? '') && !ill?.[i])
    return ageInSentence(tokens, i) || childNamedBefore(tokens, i - 5, kid) || childBefore(tokens, i - 5) ? 'sure' : 'maybe';
  if (
    a === 'to' &&
    !ill?.[i] &&
    (['goes', 'go', 'going', 'transferred'].includes(b) ||
      (['goes', 'go', 'moved', 'transferred'].includes(c) && ['him', 'her', 'them', 'schools'].includes(b)))
  )
    // "Simran is 10 and goes to Uplands Manor": a child's age says it is a school
    // (or in a sentence about school: "he goes to Ancrum Road now and loves it, his teacher says")
    return ['goes', 'go', 'going'].includes(b) &&
      (ageInSentence(tokens, i) || childNamedBefore(tokens, i - 3, kid) || childBefore(tokens, i - 3) || cue?.[i] === 1)
      ? 'sure'
      : 'maybe';
  if (a === 'at' && ['started', 'starts', 'starting', 'start', 'place', 'places', 'settled'].includes(b))
    // "the boys Harvey and Archie settled at ...": a child of the story started or settled there (sure)
    return b !== 'place' && b !== 'places' && !ill?.[i] && childNamedBefore(tokens, i - 3, kid) ? 'sure' : 'maybe';
  // "doing his GCSEs at Castlebrook"
  if (a === 'at' && ['gcses', 'gcse', 'a-levels', 'highers', 'exams', 'sats', 'btec', 'nationals'].includes(b)) return 'sure';
  return undefined;
}
const NURSERY_WORDS = new Set(['nursery', 'preschool', 'pre-school', 'playgroup', 'creche']);
/** Whether the sentence of token i (19 words either way at most) has "nursery" or "preschool" in it. */
function nurserySentence(tokens: Token[], i: number): boolean {
  const [a, b] = sentenceAround(tokens, i, 19);
  return tokens.slice(a, b + 1).some((t) => NURSERY_WORDS.has(t.key));
}
/** "was at X then and now hes at Y": "now", then "at" and a capital within four words, later in the sentence of token i. */
function nowAtAfter(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k < i + 10 && !tokens[k]!.sentenceStart; k++) {
    if (tokens[k]!.key !== 'now') continue;
    for (let m = k + 1; m < tokens.length && m < k + 5 && !tokens[m]!.sentenceStart; m++)
      if (tokens[m]!.key === 'at') return tokens[m + 1]?.cap === true && !tokens[m + 1]!.sentenceStart;
  }
  return false;
}
/** "in September", "this September", "last sept". */
function monthFollows(tokens: Token[], k: number): boolean {
  const [a, b] = [tokens[k], tokens[k + 1]];
  return (
    a !== undefined &&
    ['in', 'this', 'last', 'next'].includes(a.key) &&
    joinedBySpace(a.gap) &&
    MONTHS.test(b?.key ?? '') &&
    !b!.sentenceStart
  );
}
function schoolFollows(tokens: Token[], k: number): boolean {
  if (tokens[k] && tokens[k]!.key === 'in' && MONTHS.test(tokens[k + 1]?.key ?? '') && !tokens[k + 1]!.sentenceStart) k += 2;
  const [a, b, c, d] = [tokens[k], tokens[k + 1], tokens[k + 2], tokens[k + 3]];
  if (!a || !b || !['for', 'in', 'into', 'from', 'since'].includes(a.key) || b.sentenceStart || !joinedBySpace(b.gap)) return false;
  if (['reception', 'nursery'].includes(b.key) || /^(?:y\d{1,2}|p[1-7]|s[1-6])$/u.test(b.key)) return true;
  if (['year', 'yr', 'primary'].includes(b.key) && /^\d{1,2}$/u.test(c?.key ?? '')) return true;
  if (b.key === 'sixth' && c?.key === 'form') return true;
  return (
    EXAMS.test(b.key) ||
    (['his', 'her', 'their', 'my'].includes(b.key) && (EXAMS.test(c?.key ?? '') || (c?.key === 'a' && /^levels?$/u.test(d?.key ?? ''))))
  );
}

/** "... for Year 7", "... in reception": what follows a name says it is a school. */
function yearFollows(tokens: Token[], k: number): boolean {
  const [a, b, c] = [tokens[k], tokens[k + 1], tokens[k + 2]];
  if (!a || !b || !['for', 'in', 'into', 'from'].includes(a.key)) return false;
  return b.key === 'reception' || (['year', 'yr'].includes(b.key) && c !== undefined && /^\d{1,2}$/.test(c.key));
}

/** A small-letter word that may be a place's or a school's name: "sunnyside", "hillcrest", not "the", "school", "home". */
const lowerNameLike = (key: string) =>
  !commonWord(key) &&
  !neverAName(key) &&
  !GENERIC_SCHOOL_WORDS.has(key) &&
  !NOT_SCHOOL_WORDS.has(key) &&
  (placeWord(key) || PLACE_ENDING.test(key) || (unknownWord(key) && key.length >= 5) || welshWord(key));

/**
 * Whether the capitalised words i..j, found by the context rules ("got him into", "is at", "kicked out of"), can be a
 * school's name: not a kind of school ("Nursery", "Big School"), not a service or group, even a word later
 * ("Speech and Language Therapy", "Foster Care"), and a single ordinary word ("Boxing") only in a sentence about school.
 */
function newContextName(tokens: Token[], i: number, j: number, cue: Uint8Array, plainWordOk = false): boolean {
  const words = tokens.slice(i, j + 1);
  if (words.every((w) => GENERIC_SCHOOL_WORDS.has(w.key))) return false;
  // "at Stage 3", "into Set 1": a level, not a place
  if (/^\d/u.test(tokens[j + 1]?.key ?? '') && joinedBySpace(tokens[j + 1]!.gap)) return false;
  for (let k = i; k <= Math.min(tokens.length - 1, j + 3); k++) {
    if (k > j && (tokens[k]!.sentenceStart || !/^[ \t]+$/u.test(tokens[k]!.gap) || !(tokens[k]!.cap || tokens[k]!.key === 'and'))) break;
    if (NOT_SCHOOL_WORDS.has(tokens[k]!.key)) return false;
  }
  return plainWordOk || !(words.length === 1 && commonWord(words[0]!.key) && !cue[i]);
}
/** "his school, Beech Hill, so he could", "her nursery (Little Oaks)": a name set off after a school word. */
function namedAfterComma(tokens: Token[], i: number, kept: Uint8Array): Candidate | undefined {
  const t = tokens[i]!;
  const head = tokens[i - 1];
  if (
    !head ||
    !APPOSED_HEADS.has(head.key) ||
    !(OWNERS.has(tokens[i - 2]?.key ?? '') || tokens[i - 2]?.possessive) ||
    !/^\s*[,(]\s*$/u.test(t.gap)
  )
    return undefined;
  if (
    (t.key.length < 3 && t.key !== 'st') ||
    (neverAName(t.key) && t.key !== 'st') ||
    (GENERIC_SCHOOL_WORDS.has(t.key) && t.key !== 'st') ||
    NOT_SCHOOL_WORDS.has(t.key)
  )
    return undefined;
  let j = i;
  if (t.cap) j = capitalisedRun(tokens, i, 4, NONE);
  else if (tokens[i + 1] && joinedBySpace(tokens[i + 1]!.gap) && !tokens[i + 1]!.cap && NAME_ENDS.has(tokens[i + 1]!.key)) j = i + 1;
  else if (!lowerNameLike(t.key)) return undefined;
  // the name is set off: a comma, a bracket or the sentence's end after it
  const after = tokens[j + 1];
  if (after && !/^\s*[,).;:!?]/u.test(after.gap)) return undefined;
  const words = tokens.slice(i, j + 1);
  // not a person or a town: "her school, Sarah said,", "his school, in Leeds,"
  if (words.length === 1 && (onlyAName(t.key) || placeWord(t.key) || kept[i])) return undefined;
  if (words.every((w, k) => kept[i + k] || GENERIC_SCHOOL_WORDS.has(w.key))) return undefined;
  return { kind: 'school', start: t.start, end: tokens[j]!.baseEnd, ...(t.cap ? {} : { tier: 'check' as const }) };
}
/** "talked to my school Alperton Community", "helped me with my school Cantell": a name straight after "my school" (possible). */
function namedRightAfter(tokens: Token[], i: number, kept: Uint8Array): Candidate | undefined {
  const t = tokens[i]!;
  // "her school is Holte", "his new school is called Fitzalan"
  let h = i - 1;
  if (tokens[h]?.key === 'called' && tokens[h - 1]?.key === 'is') h--;
  const isNamed = tokens[h]?.key === 'is' && h < i && joinedBySpace(tokens[h]!.gap);
  if (isNamed) h--;
  const head = tokens[h];
  if (!head || head.cap || !['school', 'nursery', 'college', 'academy'].includes(head.key)) return undefined;
  const owner = tokens[h - 1]?.key === 'new' || tokens[h - 1]?.key === 'old' ? tokens[h - 2] : tokens[h - 1];
  if (!['my', 'his', 'her', 'their', 'our'].includes(owner?.key ?? '') || (!isNamed && !joinedBySpace(head.gap))) return undefined;
  const k = t.key;
  const saintly = isNamed && ['st', 'saint', 'bishop', 'cardinal', 'archbishop'].includes(k) && tokens[i + 1]?.cap === true;
  // "her school is holte": a word that may be a name, in small letters (possible)
  if (isNamed && !t.cap && !kept[i] && joinedBySpace(t.gap) && lowerNameLike(k) && !placeWord(k) && !VERDICTS.has(k)) {
    const after = tokens[i + 1];
    const j = after && joinedBySpace(after.gap) && !after.cap && (NAME_ENDS.has(after.key) || lowerNameLike(after.key)) ? i + 1 : i;
    return { kind: 'school', start: t.start, end: tokens[j]!.end, tier: 'check' };
  }
  if (!t.cap || t.sentenceStart || t.acronym || !joinedBySpace(t.gap) || kept[i] || (k.length < 3 && !saintly)) return undefined;
  if (
    !saintly &&
    (commonWord(k) || neverAName(k) || onlyAName(k) || GENERIC_SCHOOL_WORDS.has(k) || NOT_SCHOOL_WORDS.has(k) || TITLES.has(k))
  )
    return undefined;
  const j = capitalisedRun(tokens, i, 3, NONE);
  // "her school is Holte", "his nursery is called Little Acorns": sure
  if (isNamed) return { kind: 'school', start: t.start, end: saintly ? tokens[j]!.end : tokens[j]!.baseEnd };
  // "our school Sports Day", "her school Summer Fair": an event of the school
  if (SCHOOL_EVENTS.has(tokens[j]!.key)) return undefined;
  return { kind: 'school', start: t.start, end: tokens[j]!.baseEnd, tier: 'check' };
}
/** The last word of "Oakfield's" or "Pye Bank's" before a school's staff, if the name is shaped like a place and not a person's. */
function schoolWithStaff(tokens: Token[], i: number, kept: Uint8Array): number | undefined {
  const j = capitalisedRun(tokens, i, 3, kept);
  const last = tokens[j];
  const next = tokens[j + 1];
  if (j < i || !last!.possessive || !next || !joinedBySpace(next.gap) || !STAFF.has(next.key)) return undefined;
  const words = tokens.slice(i, j + 1);
  if (words.some((w) => knownName(w.key) || neverAName(w.key) || GENERIC_SCHOOL_WORDS.has(w.key) || TITLES.has(w.key))) return undefined;
  const placeLike = words.some((w) => PLACE_ENDING.test(w.key) || NAME_ENDS.has(w.key) || welshWord(w.key));
  return placeLike ? j : undefined;
}

/**
 * "Bro Dinefwr", "Bro Edern", "Bro Pedr": Welsh schools named for their district ("bro"), with a Welsh or unknown
 * word after. Sure after a lead or in a sentence about school, else possible; not the council ("Bro Morgannwg council").
 */
function welshBro(tokens: Token[], i: number, cue: Uint8Array, ill: Uint8Array): Candidate | undefined {
  const t = tokens[i]!;
  const n = tokens[i + 1];
  if (t.key !== 'bro' || !t.cap || t.sentenceStart || !n?.cap || n.sentenceStart || !joinedBySpace(n.gap) || ill[i]) return undefined;
  if (!(welshWord(n.key) || foreignWord(n.key) || unknownWord(n.key)) || neverAName(n.key)) return undefined;
  if (['council', 'county', 'borough'].includes(tokens[i + 2]?.key ?? '')) return undefined;
  const led = cue[i] === 1 || NAME_PREPS.has(tokens[i - 1]?.key ?? '') || START_VERBS.has(tokens[i - 1]?.key ?? '');
  return { kind: 'school', start: t.start, end: n.baseEnd, ...(led ? {} : { tier: 'check' as const }) };
}

function schoolsWithoutSchoolWord(tokens: Token[], kept: Uint8Array, cue: Uint8Array, ill: Uint8Array, kid: Uint8Array): Candidate[] {
  const church = sentencesWith(tokens, (t) => CHURCH_WORDS.has(t.key));
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const named = namedAfterComma(tokens, i, kept) ?? namedRightAfter(tokens, i, kept);
    if (named) {
      out.push(named);
      i = tokenAt(tokens, named.end - 1);
      continue;
    }
    if (!t.cap) {
      // "got him into mossbourne" (a schools.txt name marked safe in small letters)
      const lowerKnown = KNOWN_SCHOOLS.matchAt(tokens, i);
      if (lowerKnown) {
        out.push({ kind: 'school', start: t.start, end: tokens[i + lowerKnown - 1]!.baseEnd });
        i += lowerKnown - 1;
        continue;
      }
      const lowerNursery = LOWER_NURSERIES.matchAt(tokens, i);
      if (lowerNursery) {
        out.push({ kind: 'school', start: t.start, end: tokens[i + lowerNursery - 1]!.end, tier: 'check' });
        i += lowerNursery - 1;
        continue;
      }
      // "st josephs rc", "st marys c of e": a saint and a denomination in small letters
      if ((t.key === 'st' || t.key === 'saint') && tokens[i + 1] && joinedBySpace(tokens[i + 1]!.gap) && !tokens[i + 1]!.cap) {
        const k = i + 2 < tokens.length && joinedBySpace(tokens[i + 2]!.gap) ? LOWER_DENOMINATIONS.matchAt(tokens, i + 2) : 0;
        if (k) out.push({ kind: 'school', start: t.start, end: tokens[i + 1 + k]!.end });
        else {
          // (sure after a sure lead in a sentence about school: "doin her gcses at st cecilias")
          const ctx = schoolContext(tokens, i, cue, ill, kid);
          const saintly = lowerNameLike(tokens[i + 1]!.key) || knownName(tokens[i + 1]!.key) || /s$/u.test(tokens[i + 1]!.key);
          if (ctx)
            out.push({
              kind: 'school',
              start: t.start,
              end: tokens[i + 1]!.end,
              ...(ctx === 'sure' && cue[i] && saintly && !neverAName(tokens[i + 1]!.key) ? {} : { tier: 'check' as const }),
            });
        }
        continue;
      }
      // "moved him to bishop challoner", "got her into cardinal heenan": a bishop's name after a lead (possible)
      const n1 = tokens[i + 1];
      if (
        ['bishop', 'cardinal', 'archbishop'].includes(t.key) &&
        n1 &&
        !n1.cap &&
        joinedBySpace(n1.gap) &&
        (knownName(n1.key) || unknownWord(n1.key)) &&
        !neverAName(n1.key) &&
        !church[i] &&
        schoolContext(tokens, i, cue, ill, kid)
      ) {
        out.push({ kind: 'school', start: t.start, end: n1.end, tier: 'check' });
        i++;
        continue;
      }
      // "sacred heart primary" (sure), "she goes to holy family" (possible): a church school's name in small letters
      const devotional = LOWER_DEVOTIONAL.matchAt(tokens, i);
      if (devotional && !church[i]) {
        const e = i + devotional - 1;
        const k = tokens[e + 1] && joinedBySpace(tokens[e + 1]!.gap) ? LOWER_DENOMINATIONS.matchAt(tokens, e + 1) : 0;
        if (k) out.push({ kind: 'school', start: t.start, end: tokens[e + k]!.end });
        else if (schoolContext(tokens, i, cue, ill, kid))
          out.push({ kind: 'school', start: t.start, end: tokens[e]!.baseEnd, tier: 'check' });
        if (k || schoolContext(tokens, i, cue, ill, kid)) {
          i = e + k;
          continue;
        }
      }
      // "she is in p3 at sunnyside", "excluded from hillcrest": a name-like word in small letters after a sure lead (possible)
      // also after "got him into", "kicked out of", "moved him to" where the sentence is about school ("got our kayden into carr manor")
      const next = tokens[i + 1] && joinedBySpace(tokens[i + 1]!.gap) && !tokens[i + 1]!.cap ? tokens[i + 1] : undefined;
      const pairEnd =
        next !== undefined && NAME_ENDS.has(next.key) && !commonWord(t.key) && !neverAName(t.key) && !GENERIC_SCHOOL_WORDS.has(t.key);
      // "ayaan is at harry gosling": a first name and a surname after "at", named as a place is ("go to jane smith" is a person)
      const fullName =
        next !== undefined &&
        tokens[i - 1]?.key === 'at' &&
        !['house', 'flat', 'place', 'home'].includes(tokens[i + 2]?.key ?? '') &&
        onlyAName(t.key) &&
        !t.possessive &&
        !next.possessive &&
        !neverAName(next.key) &&
        (knownName(next.key) || unknownWord(next.key) || /ing$/u.test(next.key)) &&
        !GENERIC_SCHOOL_WORDS.has(next.key);
      if (CONTEXT_LAST.has(tokens[i - 1]?.key ?? '') && !kept[i] && (lowerNameLike(t.key) || pairEnd || fullName)) {
        const ctx = schoolContext(tokens, i) ?? schoolContext(tokens, i, cue, ill, kid);
        // (or after "studying at", "the plumbing course at", a child "sorted at": "got me on the plumbing course at hopwood hall")
        const studied =
          tokens[i - 1]!.key === 'at' &&
          (STUDY_WORDS.has(tokens[i - 2]?.key ?? '') || (tokens[i - 2]?.key === 'sorted' && kid[i - 3] === 1));
        if (ctx === 'sure' || (ctx === 'maybe' && (cue[i] || tokens[i - 1]!.key === 'into' || fullName || studied))) {
          const pair =
            lowerNameLike(next?.key ?? '') || NAME_ENDS.has(next?.key ?? '') || (welshWord(t.key) && foreignWord(next?.key ?? ''));
          const j = next && (pair || fullName) ? i + 1 : i;
          // (sure after a sure lead other than "at" in a sentence about school, for a word that is no place or English
          // word: "got alfie into noel-baker when his old school wanted shot of him")
          // (not after "at": "she is in p3 at sunnyside" stays possible)
          const sure =
            ctx === 'sure' &&
            cue[i] === 1 &&
            tokens[i - 1]!.key !== 'at' &&
            !fullName &&
            unknownWord(t.key) &&
            !placeWord(t.key) &&
            !welshWord(t.key);
          out.push({ kind: 'school', start: t.start, end: tokens[j]!.end, ...(sure ? {} : { tier: 'check' as const }) });
          i = j;
        }
      }
      continue;
    }
    const bro = welshBro(tokens, i, cue, ill);
    if (bro) {
      out.push(bro);
      i++;
      continue;
    }
    // "got a scholarship to Millfield", "she's at Mossbourne" (schools.txt)
    const known = KNOWN_SCHOOLS.matchAt(tokens, i);
    const cued = known ? 0 : CUED_SCHOOLS.matchAt(tokens, i);
    // an area's name ("Roundhay", "Camp Hill") after "to" or "at" is the area; and "Mrs Arden" is a person
    const prep = NAME_PREPS.has(tokens[i - 1]?.key ?? '') && !ill[i] && !church[i] && !kept[i];
    // "tyler was 12 ... she got him help through Afon Taf": a child's age before it in the sentence (possible)
    const aged = cued > 0 && !kept[i] && !ill[i] && !church[i] && ageInSentence(tokens, i);
    // "she is 15 and she go Notre Dame", "got me back in Stepney All Saints": a lead, and a child's age before it (sure)
    const led =
      prep ||
      (['go', 'goes'].includes(tokens[i - 1]?.key ?? '') && !ill[i]) ||
      (tokens[i - 1]?.key === 'in' && tokens[i - 2]?.key === 'back');
    if ((known || (cued && (cue[i] || led || aged))) && !TITLES.has(tokens[i - 1]?.key ?? '')) {
      const n = known || cued;
      const sure = known || cue[i] || (aged && led);
      out.push({ kind: 'school', start: t.start, end: tokens[i + n - 1]!.baseEnd, ...(sure ? {} : { tier: 'check' as const }) });
      i += n - 1;
      continue;
    }
    const nursery = NURSERIES.matchAt(tokens, i);
    if (nursery) {
      out.push({ kind: 'school', start: t.start, end: tokens[i + nursery - 1]!.end });
      i += nursery - 1;
      continue;
    }
    // "King Edward's", "Queen Mary's": a monarch's name with a possessive, as schools are named
    const monarch =
      (t.key === 'king' || t.key === 'queen') &&
      tokens[i + 1]?.cap === true &&
      tokens[i + 1]!.possessive &&
      joined(tokens, i + 1) &&
      NAME_PREPS.has(tokens[i - 1]?.key ?? '');
    const saint = t.key === 'st' || t.key === 'saint' || t.key === 'bishop' || t.key === 'cardinal' || t.key === 'archbishop' || monarch;
    const devotional = DEVOTIONAL.matchAt(tokens, i);
    if (saint || devotional) {
      // the saint's name (and "of Lourdes"), then a denomination: "St Joseph's RC", "Our Lady of Lourdes Catholic"
      let j = saint ? capitalisedRun(tokens, i + 1, 3, kept) : i + devotional - 1;
      if (saint && j <= i) continue;
      if (tokens[j + 1]?.key === 'of' && tokens[j + 2]?.cap && joined(tokens, j + 1)) j = capitalisedRun(tokens, j + 2, 2, kept);
      const d = tokens[j + 1] && joined(tokens, j + 1) ? DENOMINATIONS.matchAt(tokens, j + 1) : 0;
      const ctx =
        d || schoolContext(tokens, i) || yearFollows(tokens, j + 1)
          ? 'sure'
          : (schoolContext(tokens, i, cue, ill, kid) ?? (kept[i + 1] || ill[i] || church[i] ? undefined : movedFromTo(tokens, i)));
      if (d) out.push({ kind: 'school', start: t.start, end: tokens[j + d]!.end });
      else if (ctx) out.push({ kind: 'school', start: t.start, end: tokens[j]!.end, ...(ctx === 'maybe' ? { tier: 'check' } : {}) });
      else if (
        // "keep him at Bishop Vesey's", "stay at King Edward's": a saint's or a king's name with a possessive, not about church or illness
        tokens[j]!.possessive &&
        NAME_PREPS.has(tokens[i - 1]?.key ?? '') &&
        !church[i] &&
        !ill[i] &&
        (t.key !== 'st' || cue[i] || !(tokens[j + 1]?.cap && !tokens[j + 1]!.sentenceStart))
      )
        out.push({ kind: 'school', start: t.start, end: tokens[j]!.end, ...(cue[i] ? {} : { tier: 'check' }) });
      i = j;
      continue;
    }
    // "Ark Blacklands", "Oasis Academy Shirley Park" (academy is a head word), "Harris Crystal Palace"
    if (SPONSORS.has(t.key) && tokens[i + 1] && joined(tokens, i + 1) && tokens[i + 1]!.cap && !neverAName(tokens[i + 1]!.key)) {
      const j = capitalisedRun(tokens, i + 1, 3, kept);
      if (t.key !== 'harris' || placeWord(tokens[i + 1]!.key)) {
        out.push({ kind: 'school', start: t.start, end: tokens[j]!.end });
        i = j;
        continue;
      }
    }
    // "she's in year 4 at Robsack Wood", "excluded from Hillcrest"
    // (a first word that is never a name, in a sentence about school, if a name follows: "bullied at Bro Myrddin")
    const nameAfter = cue[i] === 1 && tokens[i + 1]?.cap === true && joined(tokens, i + 1) && !neverAName(tokens[i + 1]!.key);
    // a town's name, then a name word: "got me into Cambridge House", "moved her to Bolton St Catherine's"
    const n1 = tokens[i + 1];
    const townFirst =
      kept[i] === 1 &&
      n1 !== undefined &&
      n1.cap &&
      !n1.sentenceStart &&
      !kept[i + 1] &&
      joined(tokens, i + 1) &&
      !neverAName(n1.key) &&
      !NOT_SCHOOL_WORDS.has(n1.key) &&
      !STREET_WORDS.has(n1.key);
    // "she is 14 and at Bow", "is 13 and started at Sydenham": an area's name after a child's age is likely its school
    // "my eldest aleena goes to Cumberland now": an area's name a child "goes to" now is likely its school (possible)
    if (kept[i] && !townFirst && !t.sentenceStart && !ill[i] && childGoesNow(tokens, i)) {
      out.push({ kind: 'school', start: t.start, end: t.baseEnd, tier: 'check' });
      continue;
    }
    if (kept[i] && !townFirst && !t.sentenceStart && placeWord(t.key) && ageBeforeAt(tokens, i) && !ill[i]) {
      const j = capitalisedRun(tokens, i, 3, NONE);
      out.push({ kind: 'school', start: t.start, end: tokens[j]!.baseEnd, tier: 'check' });
      i = j;
      continue;
    }
    const candidate = i > 0 && (!kept[i] || townFirst) && (!neverAName(t.key) || nameAfter) && !NOT_A_SCHOOL_START.has(t.key);
    // "moved her to Mile End for rehab": near a word about illness only the rules that read it decide
    const movedNearIllness =
      ill[i] === 1 &&
      tokens[i - 1]?.key === 'to' &&
      [tokens[i - 2]?.key, tokens[i - 3]?.key].some((k) => k === 'moved' || k === 'transferred');
    const older = candidate && !neverAName(t.key) && !movedNearIllness ? schoolContext(tokens, i) : undefined;
    // (a possible one the older rules read is sure where the sentence's child or school says so: "the boys Harvey and Archie settled at")
    let ctx = candidate
      ? older === 'maybe'
        ? schoolContext(tokens, i, cue, ill, kid) === 'sure'
          ? 'sure'
          : older
        : (older ?? schoolContext(tokens, i, cue, ill, kid))
      : undefined;
    // "moved him from Mossbourne to a school out of the area", "from Oakfield to another school"
    // "joined Kingsmead in year 7", "went to Parkfield for year 7", "off to Holyrood in August for S1": a year group after the name
    if (candidate && !ctx && !kept[i] && ENTRY_LEADS.has(tokens[i - 1]?.key ?? '') && !tokens[i - 1]!.sentenceStart) {
      const e = capitalisedRun(tokens, i, 4, kept);
      if (schoolFollows(tokens, e + 1)) ctx = 'sure';
      // "she started Glantaf in September": a possible school (a job or a club starts then too)
      else if (START_VERBS.has(tokens[i - 1]!.key) && !YEAR_GROUP.test(t.key) && !EXAMS.test(t.key) && monthFollows(tokens, e + 1))
        ctx = cue[i] ? 'sure' : 'maybe';
    }
    // "Oakfield's SENCO", "Pye Bank's teachers": a place-shaped name whose staff the sentence names
    const staffOf = schoolWithStaff(tokens, i, kept);
    if (staffOf !== undefined) {
      out.push({ kind: 'school', start: t.start, end: tokens[staffOf]!.baseEnd });
      i = staffOf;
      continue;
    }
    // "her Oakfield uniform", "his Greenbank blazer"
    if (candidate && !ctx && !kept[i] && OWNERS.has(tokens[i - 1]?.key ?? '')) {
      const e = capitalisedRun(tokens, i, 3, kept);
      const u = tokens[e + 1];
      // not a brand or a subject: "her Nike uniform", "his PE uniform"
      const named = tokens.slice(i, e + 1).every((w) => !commonWord(w.key) && !w.acronym && !GENERIC_SCHOOL_WORDS.has(w.key));
      if (named && u && joinedBySpace(u.gap) && ['uniform', 'blazer'].includes(u.key) && !tokens[e]!.possessive) {
        out.push({ kind: 'school', start: t.start, end: tokens[e]!.end });
        i = e;
        continue;
      }
    }
    // "found a nursery for Luca at Little Cherubs": a nursery's name as nurseries are named, in a sentence about a nursery
    if (
      NURSERY_LEADS.has(t.key) &&
      !t.sentenceStart &&
      NAME_PREPS.has(tokens[i - 1]?.key ?? '') &&
      tokens[i + 1]?.cap &&
      joined(tokens, i + 1) &&
      !kept[i + 1] &&
      !neverAName(tokens[i + 1]!.key) &&
      !ill[i] &&
      nurserySentence(tokens, i)
    ) {
      out.push({ kind: 'school', start: t.start, end: tokens[i + 1]!.end });
      i++;
      continue;
    }
    // "Reece were at Light Oaks then and now hes at Buile Hill": where a child was, then where they are now (possible)
    if (
      candidate &&
      !ctx &&
      !kept[i] &&
      !ill[i] &&
      tokens[i - 1]?.key === 'at' &&
      PAST_COPULAS.has(tokens[i - 2]?.key ?? '') &&
      nowAtAfter(tokens, i)
    )
      ctx = 'maybe';
    // "do my highers at the Anderson", "her GCSEs at the Marlowe": a name after "the" where exams are sat
    if (
      candidate &&
      !ctx &&
      !kept[i] &&
      !ill[i] &&
      tokens[i - 1]?.key === 'the' &&
      tokens[i - 2]?.key === 'at' &&
      ['gcses', 'gcse', 'a-levels', 'highers', 'btec', 'btecs', 'nationals'].includes(tokens[i - 3]?.key ?? '')
    )
      ctx = 'sure';
    // "Ionut goes to Boston West and Bianca is in reception": a town and a compass point a child goes to, in a sentence about school (possible)
    if (
      kept[i] &&
      cue[i] &&
      !ill[i] &&
      !t.sentenceStart &&
      tokens[i + 1]?.cap &&
      COMPASS.has(tokens[i + 1]!.key) &&
      joined(tokens, i + 1) &&
      !tokens[i + 2]?.cap &&
      schoolContext(tokens, i, cue, ill, kid)
    ) {
      out.push({ kind: 'school', start: t.start, end: tokens[i + 1]!.baseEnd, tier: 'check' });
      i++;
      continue;
    }
    // "I'm at Capel Manor studying animal care": a name someone is at, studying there (possible)
    if (candidate && !ctx && !kept[i] && !ill[i] && tokens[i - 1]?.key === 'at') {
      const e = capitalisedRun(tokens, i, 3, kept);
      const after = tokens[e + 1];
      if (after && joinedBySpace(after.gap) && ['studying', 'training', 'retaking', 'resitting'].includes(after.key)) ctx = 'maybe';
    }
    // "spoke to the Wavell teachers", "the Kirkton senco": a name said before a school's staff (not a subject: "the Maths teachers")
    if (candidate && !ctx && !kept[i] && tokens[i - 1]?.key === 'the' && !t.sentenceStart) {
      const e = capitalisedRun(tokens, i, 3, kept);
      const u = tokens[e + 1];
      const named = tokens
        .slice(i, e + 1)
        .every((w) => !commonWord(w.key) && !w.acronym && !w.possessive && !GENERIC_SCHOOL_WORDS.has(w.key) && !knownName(w.key));
      if (named && !ill[i] && u && joinedBySpace(u.gap) && STAFF_AFTER.has(u.key)) {
        out.push({ kind: 'school', start: t.start, end: tokens[e]!.end });
        i = e;
        continue;
      }
    }
    if (candidate && !ctx && tokens[i - 1]?.key === 'from') {
      const e = townFirst ? capitalisedRun(tokens, i + 1, 3, kept) : capitalisedRun(tokens, i, 4, kept);
      if (tokens[e + 1]?.key === 'to' && joinedBySpace(tokens[e + 1]!.gap)) {
        for (let k = e + 2; k < Math.min(tokens.length, e + 6); k++) {
          if (['school', 'academy', 'college', 'pru', 'primary', 'secondary', 'nursery'].includes(tokens[k]!.key)) ctx = 'sure';
          if (
            ctx ||
            !['a', 'an', 'another', 'new', 'different', 'special', 'local', 'the', 'other', 'smaller', 'catholic', 'welsh'].includes(
              tokens[k]!.key,
            )
          )
            break;
        }
      }
    }
    if (ctx) {
      const j = townFirst ? capitalisedRun(tokens, i + 1, 3, kept) : capitalisedRun(tokens, i, 4, kept);
      const words = tokens.slice(i, j + 1);
      const generic = words.every((w) => GENERIC_SCHOOL_WORDS.has(w.key));
      // "got me into The Grammar School at Leeds": a kind of school named by its town
      const at = tokens[j + 1];
      const town = tokens[j + 2];
      if (generic && at?.key === 'at' && joinedBySpace(at.gap) && town?.cap && joinedBySpace(town.gap) && !town.sentenceStart) {
        out.push({ kind: 'school', start: t.start, end: town.end });
        i = j + 2;
        continue;
      }
      const aged = !ill[i] && ageBeforeAt(tokens, i);
      // "is 15 and at Trinity": a single ordinary word after a child's age is a possible school
      const plainAfterAge =
        aged &&
        j === i &&
        commonWord(t.key) &&
        (knownName(t.key) || placeWord(t.key)) &&
        !cue[i] &&
        newContextName(tokens, i, j, cue, true);
      if (generic || (!older && !plainAfterAge && !newContextName(tokens, i, j, cue))) continue;
      // a place's name is a school's only where the sentence is about school: "he's at Oakwood now, ... the school move"
      const place = words.every((w) => placeWord(w.key) && !onlyAName(w.key));
      if (j >= i && ((ctx === 'sure' && cue[i]) || !place || aged)) {
        const c: Candidate = { kind: 'school', start: t.start, end: tokens[j]!.baseEnd };
        if ((ctx === 'maybe' && !aged) || (place && !cue[i]) || plainAfterAge) c.tier = 'check';
        out.push(c);
        i = j;
      }
    }
  }
  return out;
}
