// Named schools, nurseries and colleges: "St Mary's Primary", "Oakfield Academy", "Little Acorns Nursery",
// "Hastings High School", "Riverside Pre-school", "Ysgol y Graig", "University of Sussex".
// The rules; the words they read are in school-words.ts.
import type { Candidate } from './spans.ts';
import { namedAgain, tokenAt } from './named-again.ts';
import { headedRun } from './phrases.ts';
import { joinedBySpace, sentencesWith, type Token } from './tokens.ts';
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
  YEAR_GROUP,
  ILL_CUES,
  PAST_COPULAS,
  NOT_SCHOOL_WORDS,
  CONTEXT_LAST,
  HOME_HEADS,
  AT_TIMES,
  STUDY_WORDS,
  ENTRY_LEADS,
  START_VERBS,
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
  CAREERS,
  EXCLUDING,
} from './school-words.ts';
import {
  MOVED_ONES,
  ageBeforeAt,
  ageInSentence,
  childGoesNow,
  monthFollows,
  movedBy,
  movedFromTo,
  nowAtAfter,
  nurserySentence,
  schoolContext,
  schoolFollows,
  yearFollows,
  lowerNameLike,
  childNames,
} from './school-context.ts';

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
