// Hospitals, wards, clinics and units: "the Conquest Hospital", "Ysbyty Gwynedd", "the Royal", "ward 7",
// "Rainbow Ward", "Alder Hey" (hospitals.txt), and one the lists do not know where someone was treated there.
import { headedRun, PhraseSet, readPlaceList } from './phrases.ts';
import type { Candidate } from './spans.ts';
import { tokenAt } from './named-again.ts';
import { joinedBySpace, sentenceAround, sentencesWith, tokenize, type Token } from './tokens.ts';
import { OBJECT_PRONOUNS, commonWord, knownName, neverAName, onlyAName, placeWord, unknownWord, foreignWord } from './words.ts';
import { cand, capitalisedOn, distinctive, HOSPITAL_PARTICLES, HOSPITAL_TYPE_WORDS, nameRunBefore } from './venue-runs.ts';

const YSBYTY_PARTICLES = new Set(['y', 'yr', "'r", 'r']);
const HOSPITAL_HEADS = new Set(['hospital', 'infirmary', 'hospice', 'hospices', 'clinic']);
/** Heads only when written with a capital: "Parkside Surgery", not "after surgery". */
const CAP_HOSPITAL_HEADS = new Set(['surgery', 'practice', 'unit']);
/** "Beacon Medical Centre", "Bethesda Health Centre" */
const CENTRE_LEADS = new Set(['medical', 'health', 'birth', 'maternity']);
const NOT_HOSPITAL_AFTER_ROYAL = new Set(
  'mail navy marines air family legion british society mint albert opera ballet courts college academy institution borough mile variety shakespeare exchange engineers logistics signals artillery horticultural parks household highness show welsh national ascot holloway doulton armouries arsenal docks highland bank'.split(
    ' ',
  ),
);
const NOT_HOSPITAL_GENERAL = new Set(
  'attorney secretary director surgeon consul major lieutenant brigadier governor solicitor inspector postmaster registrar accountant auditor'.split(
    ' ',
  ),
);
const WARD_NUMBERS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  ),
);
/** A ward's number or code: "6", "4B", "b12", "six". */
const wardNumber = (t: Token) => /^\d{1,3}[a-z]?$/i.test(t.text) || /^[a-z]\d{1,2}$/i.test(t.text) || WARD_NUMBERS.has(t.key);
/** Hospitals known by a name without a head word (hospitals.txt): always, or ("?") only in a sentence about illness or care. */
const KNOWN_HOSPITALS = new PhraseSet();
const CUED_HOSPITALS = new PhraseSet();
/** Hospitals known by initials ("ARI", "RAH"): not the same word written as a name ("Ari", "Rah"). */
const ACRONYMS = new Set<string>();
/** Every name of two words or more, in small letters, in a sentence about illness: "in royal victoria infirmary with sepsis". */
const SMALL_CUED_HOSPITALS = new PhraseSet();
/** Not in small letters: names all of ordinary words or places ("new cross", "luton and dunstable"), saints (schools, churches), doctors. */
const smallLettersSafe = (keys: string[]) =>
  keys.length > 1 &&
  !['st', 'saint', 'dr'].includes(keys[0]!) &&
  (keys.some((k) => !commonWord(k) && !placeWord(k) && !HOSPITAL_PARTICLES.has(k) && !HOSPITAL_TYPE_WORDS.has(k)) ||
    // a place and a hospital's word: "oxford childrens", "glasgow royal", "southern general"
    (keys.some((k) => placeWord(k) || k === 'southern' || k === 'northern' || k === 'western') &&
      keys.some((k) => HOSPITAL_NAME_WORDS.has(k))));
const HOSPITAL_NAME_WORDS = new Set(
  'royal general children childrens women womens district county infirmary university memorial maternity area'.split(' '),
);
/** One-word names in small letters, where someone was "in", "at" or "taken to" it in a sentence about illness: "was in
 * raigmore", "born at the jessop". Listed as sure (redact) or with "?" (a check): not ordinary words or first names. */
const SMALL_SURE_WORDS = new PhraseSet();
const SMALL_MAYBE_WORDS = new PhraseSet();
/** Every other name in small letters, after the same words (a check): "in daisy hill with", "at st george's". */
const SMALL_LOOSE_NAMES = new PhraseSet();
/** One-word names that are also people's, in small letters only after "the": "at the jessop", "in the lister". */
const SMALL_THE_WORDS = new PhraseSet();
/** Also a person's name, two letters ("qa" is also quality assurance), or a region ("in ulster"): said with "the" only. */
const onlyAfterThe = (name: string, key: string) =>
  (knownName(key) && !/^\p{Lu}+$/u.test(name)) || key.length < 3 || ['ulster', 'mater'].includes(key);
const smallWordSafe = (name: string, key: string) => /^\p{Lu}{3,}$/u.test(name) || (!commonWord(key) && !neverAName(key));
for (const { name, cued, anyCase } of readPlaceList('hospitals.txt')) {
  if (!anyCase && /^\p{Lu}{2,}$/u.test(name)) ACRONYMS.add(name.toLowerCase());
  (cued ? CUED_HOSPITALS : KNOWN_HOSPITALS).add(name, !anyCase);
  if (anyCase) continue;
  const keys = tokenize(name.replace(/&/g, ' and ')).map((t) => t.key);
  if (smallLettersSafe(keys)) SMALL_CUED_HOSPITALS.add(name);
  else if (keys.length > 1) SMALL_LOOSE_NAMES.add(name);
  else if (keys.length === 1 && smallWordSafe(name, keys[0]!))
    (onlyAfterThe(name, keys[0]!) ? SMALL_THE_WORDS : cued ? SMALL_MAYBE_WORDS : SMALL_SURE_WORDS).add(name);
}
/** Said just before a hospital named in small letters: "in", "at the", "taken to", "in and out of". */
const SMALL_LEADS = new Set(['in', 'at', 'to', 'into', 'from']);
const smallLead = (tokens: Token[], i: number) => {
  let p = i - 1;
  if (tokens[p]?.key === 'the' && joinedBySpace(tokens[i]!.gap)) p--;
  const lead = tokens[p];
  if (!lead || !joinedBySpace(tokens[p + 1]!.gap)) return false;
  return SMALL_LEADS.has(lead.key) || (lead.key === 'of' && tokens[p - 1]?.key === 'out');
};
/** Just after a unit or ward and "at": "on the baby unit at qa", "the children's ward at the ulster". */
const unitAt = (tokens: Token[], i: number) =>
  ['at', 'in'].includes(tokens[i - 1]?.key ?? '') && ['unit', 'ward'].includes(tokens[i - 2]?.key ?? '');
/** A listed name in small letters after a lead, in a sentence about illness: its length, and whether it is only possible. */
function smallLettersMatch(tokens: Token[], i: number): { n: number; maybe: boolean } {
  if (!smallLead(tokens, i)) return { n: 0, maybe: false };
  const sure = SMALL_SURE_WORDS.matchAt(tokens, i);
  if (sure) return { n: sure, maybe: false };
  const n =
    SMALL_MAYBE_WORDS.matchAt(tokens, i) ||
    SMALL_LOOSE_NAMES.matchAt(tokens, i) ||
    (tokens[i - 1]?.key === 'the' || unitAt(tokens, i) ? SMALL_THE_WORDS.matchAt(tokens, i) : 0);
  return { n, maybe: n > 0 };
}
const MAYBE_HOSPITALS = new Set(['priory', 'heath', 'alex', 'grange', 'countess', 'freeman', 'vic', 'gen', 'mater', 'ulster', 'havens']);
/** Also "the X" hospitals, but only in a sentence about illness: "born early at the Rosie", "ended up in the Victoria". */
const CUED_MAYBE_HOSPITALS = new Set([
  'rosie',
  'victoria',
  'jubilee',
  'christie',
  'marsden',
  'brompton',
  'churchill',
  // the Simpson Centre (Edinburgh), the Western General, the Southern General, the Portland, the Horton
  'simpsons',
  'simpson',
  'western',
  'southern',
  'portland',
  'horton',
  // the Victoria Infirmary (Glasgow), the Victoria Hospital (Kirkcaldy), Musgrave Park (Belfast)
  'vicky',
  'musgrave',
]);
/** Also a programme, a direction or a town, said with "the": in small letters only after "in", "at", "to". */
const SHORT_NAMES_OF_WORDS = new Set(['simpsons', 'simpson', 'western', 'southern', 'portland', 'horton']);
/** After a known hospital's name, words that make it something else: "Beechcroft Road", "Dorset County Council". */
const NOT_HOSPITAL_AFTER = new Set(
  'road rd street st avenue ave lane drive close crescent grove terrace way gardens place square parade school primary academy college nursery council trust services service estate fc football rugby cricket team church station library exchange concert theatre hotel show area'.split(
    ' ',
  ),
);
/** Words that make a sentence about being ill, born, hurt or treated: there "at Prince Charles" is a hospital. */
const HOSPITAL_CUES = new Set(
  `ward wards sectioned admitted inpatient in-patient born birth poorly ill unwell sick diagnosed diagnosis consultant
  paediatrician doctor doctors nurse nurses rehab bed surgery operation op a&e discharged transferred appointment
  appointments treatment chemo scan scans x-ray nicu scbu icu picu hdu maternity labour delivered stroke seizure seizures
  overdose broken fractured asthma chest heart cancer leukaemia tumour physio clinic hospital hospitals ambulance camhs
  unit crisis stabbed injured hurt accident crash burns burnt therapy therapist psychiatrist dialysis transplant
  premature prem early seen autism autistic adhd assessment fall fell baby pregnant pregnancy midwife breakdown pneumonia
  appendix appendicitis hip knee bowel bowels diabetes diabetic epilepsy meningitis sepsis infection psychosis recovering
  recovery respite palliative detox kidney liver lungs coma ventilator transfusion stitches miscarriage jaundice
  bronchiolitis counselling sectioning arm leg wrist ankle collarbone tonsils gallbladder harmed self-harm self-harmed
  breathing bedside hospitalised admission paediatric neonatal paramedics resus oxygen incubator caesarean c-section
  contractions newborn stillborn antenatal postnatal chemotherapy radiotherapy oncology cardiac cardiology neurology
  surgeon surgeons operated suicidal overdosed anorexia bulimia psychiatric psych detained hospice hospices
  dying plaster bleed bleeding illness outpatient outpatients checkup checkups check-up check-ups depressed depression
  anxiety sickle tb terminal terminally covid wheelchair febrile fever died death midwives consultants paediatricians psychiatrists
  burn nerves grommets`.split(/\s+/),
);
/** Kinds of ward, not names of one: "on labour ward", "on psych ward". */
const WARD_KINDS = new Set(
  `labour psych psychiatric covid isolation surgical medical cardiac stroke cancer burns elderly acute adult adults male female
  mens womens kids children childrens dependency locked open general respiratory orthopaedic trauma observation day
  delivery postnatal antenatal maternity paediatric paediatrics neonatal childrens high same other wrong right next
  main big small busy quiet new old short long stay mental health eating disorder surgery medicine cancer oncology
  renal geriatric haematology transitional assessment admissions side night private single mixed`.split(/\s+/),
);
/** Said before where someone lives: "we lived in", "moved to", "grew up in". */
const LIVED_WORDS = new Set('live lives lived living raised settled'.split(' '));
/** "we moved to poole": a town named in small letters where someone moved is the town (a patient is "moved her to"). */
const MOVED_WORDS = new Set(['moved', 'move', 'moving']);
/** After someone's name and 's: their family or things, so the name is a person's ("Jimmy's mum"). */
const PERSONS_THINGS = new Set(
  'mum mam mom dad mother father nan nana gran grandma grandad brother sister wife husband girlfriend boyfriend partner son daughter kids children baby house flat car dog cat birthday party'.split(
    ' ',
  ),
);
const DURATION_UNITS = new Set(['days', 'weeks', 'months', 'nights', 'month', 'week']);
const DURATION_COUNTS = new Set(
  'a few several many for spent couple two three four five six seven eight nine ten eleven twelve'.split(' '),
);
/** "for 2 weeks", "spent months", "for six weeks": a stay somewhere, said of a hospital as of nowhere else. */
const stayLength = (tokens: Token[], k: number) =>
  DURATION_UNITS.has(tokens[k]!.key) && (DURATION_COUNTS.has(tokens[k - 1]?.key ?? '') || /^\d{1,2}$/u.test(tokens[k - 1]?.key ?? ''));
/** Kinds of clinic, not names of one: "the speech clinic", "the fracture clinic". */
const CLINIC_KINDS = new Set(
  'speech language hearing audiology sleep pain allergy fracture eye dental antenatal memory gender fertility sexual feeding continence physio orthotics orthopaedic dermatology outpatients outpatient'.split(
    ' ',
  ),
);
const HONORIFIC_BEFORE = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'judge',
  'hhj',
  'prof',
  'sir',
  'dame',
  'lady',
  'lord',
  'nurse',
  'sister',
]);

/** Nothing that makes it something else follows: "at the royal, they", "at the Childrens with his chest". */
const NAME_END_WORDS = new Set(['in', 'at', 'for', 'with', 'when', 'and', 'after', 'on']);
const nameEndsAt = (tokens: Token[], k: number) => !tokens[k] || !joinedBySpace(tokens[k]!.gap) || NAME_END_WORDS.has(tokens[k]!.key);
/** "the Children's", "the womens": a city's children's or women's hospital, said short. */
const shortKindOfHospital = (t: Token) => (['children', 'women'].includes(t.key) ? t.possessive : ['childrens', 'womens'].includes(t.key));
/** Just before a ward's small-letter name: "on", "onto", "in", "on the" ("on the rainbow ward", "in puffin ward"). */
const wardLead = (tokens: Token[], k: number) =>
  ['on', 'onto', 'in'].includes(tokens[k]?.key ?? '') ||
  (tokens[k]?.key === 'the' && ['on', 'onto', 'in'].includes(tokens[k - 1]?.key ?? ''));
/** Kinds of operation, not names of a practice: "bariatric surgery". */
const SURGERY_KINDS = new Set(
  'bariatric gastric cosmetic plastic laser dental keyhole cardiac spinal brain eye heart hip knee bowel neuro'.split(' '),
);
/** "at the beacon medical centre", "at oakwood surgery": a GP's practice named in small letters (possible). */
function smallPractice(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (t.cap || !prev || prev.cap || !joinedBySpace(t.gap)) return -1;
  let s = -1;
  if (['centre', 'center', 'practice'].includes(t.key) && ['medical', 'health'].includes(prev.key)) s = i - 2;
  else if (t.key === 'surgery' && !commonWord(prev.key) && !SURGERY_KINDS.has(prev.key) && !WARD_KINDS.has(prev.key)) s = i - 1;
  const name = tokens[s];
  if (!name || name.cap || !joinedBySpace(tokens[s + 1]!.gap) || !joinedBySpace(name.gap)) return -1;
  if (HOSPITAL_TYPE_WORDS.has(name.key) || neverAName(name.key) || HOSPITAL_CUES.has(name.key) || !/^\p{Ll}{3,}$/u.test(name.text))
    return -1;
  return ['the', 'at', 'to', 'from'].includes(tokens[s - 1]?.key ?? '') ? s : -1;
}
/** A word of care in the sentence other than "ward" itself: "ill", "overdose", "nurses". */
function careBesidesWard(tokens: Token[], i: number): boolean {
  const [a, b] = sentenceAround(tokens, i);
  for (let k = a; k <= b; k++) if (!['ward', 'wards'].includes(tokens[k]!.key) && careWord(tokens, k)) return true;
  return false;
}
/** Words of a council's or an election's ward: "councillor", "council", "election". */
const COUNCIL_WORDS = new Set(
  'council councils councillor councillors cllr election elections elected vote voted voting polling mp candidate'.split(' '),
);
function councilSentence(tokens: Token[], i: number): boolean {
  const [a, b] = sentenceAround(tokens, i);
  for (let k = a; k <= b; k++) if (COUNCIL_WORDS.has(tokens[k]!.key)) return true;
  return false;
}
/** Wings of any building, not a hospital's named one. */
const NOT_WHICH_WING = new Set('east west north south left right new old main front back far top bottom labour conservative'.split(' '));
/** A ward's code as written: "E39", "G3", "AMU2". */
const WARD_CODE = /^[A-Z]{1,3}\d{1,2}[A-Z]?$/u;
/** Vitamins and the like someone is "on": "on B12", "on D3". */
const NOT_WARD_CODE = /^(?:B\d{1,2}|D3|K2|A[345])$/u;

/** For each token, whether its sentence speaks of illness or care ("in and out of" counts). */
export const hospitalSentences = (tokens: Token[]) =>
  sentencesWith(
    tokens,
    (t, k) =>
      careWord(tokens, k) || (t.key === 'out' && tokens[k - 1]?.key === 'and' && tokens[k + 1]?.key === 'of') || stayLength(tokens, k),
  );
/** A word of illness or care, or two of them: "check ups", "passed away". */
const careWord = (tokens: Token[], k: number) =>
  HOSPITAL_CUES.has(tokens[k]!.key) ||
  (tokens[k]!.key === 'check' && ['up', 'ups'].includes(tokens[k + 1]?.key ?? '')) ||
  (tokens[k]!.key === 'passed' && tokens[k + 1]?.key === 'away') ||
  (tokens[k]!.key === 'mental' && tokens[k + 1]?.key === 'health') ||
  // "stayed till Dr Farooqui said i was ok": a doctor by name
  (tokens[k]!.key === 'dr' && tokens[k]!.cap && tokens[k + 1]?.cap === true && !tokens[k + 1]!.sentenceStart) ||
  // "mum isnt well", "he was not well"
  (tokens[k]!.key === 'well' && NOT_WELL.has(tokens[k - 1]?.key ?? '')) ||
  // "took a febrile fit", "his fits": a seizure, not "fits in"
  (['fit', 'fits'].includes(tokens[k]!.key) && FIT_LEADS.has(tokens[k - 1]?.key ?? '')) ||
  theFitsAt(tokens, k) ||
  accidentAndEmergencyAt(tokens, k);
const FIT_LEADS = new Set(['febrile', 'a', 'his', 'her', 'their', 'having']);
const FIT_VERBS = new Set(['took', 'had', 'takes', 'has', 'taking', 'having', 'take', 'have']);
/** "took the fits", "had the fit" (not "the fit of the jeans"). */
const theFitsAt = (tokens: Token[], k: number) =>
  ['fit', 'fits'].includes(tokens[k]!.key) && tokens[k - 1]?.key === 'the' && FIT_VERBS.has(tokens[k - 2]?.key ?? '');
const NOT_WELL = new Set(['isnt', "isn't", 'wasnt', "wasn't", 'not', "aren't", 'arent', "weren't", 'werent']);
/** "A&E" (two words to the tokenizer: "A", "&E") or "a and e", ending at k. */
const accidentAndEmergencyAt = (tokens: Token[], k: number) =>
  tokens[k]!.key === 'e' &&
  ((tokens[k]!.gap === '&' && tokens[k - 1]?.key === 'a') || (tokens[k - 1]?.key === 'and' && tokens[k - 2]?.key === 'a'));

/**
 * The hospital rules at token `i`: candidates go to `out`. Returns where the walk goes on from (the
 * last token a rule took), or -1 when no hospital rule speaks for this token and the workplace rules may.
 */
export function hospitalAt(tokens: Token[], i: number, kept: Uint8Array, cue: Uint8Array, out: Candidate[]): number {
  const before = out.length;
  const r = hospitalRulesAt(tokens, i, kept, cue, out);
  for (let c = before; c < out.length; c++) {
    const f = out[c]!;
    if (f.kind === 'hospital' && f.tier === 'check' && plainlyCare(tokens, f.start, f.end)) delete f.tier;
  }
  return r;
}
/** Hospitals named for what they serve, said in small letters with no "the": "at city hospital", "in general hospital". */
const SMALL_HOSPITAL_NAMES = new Set(['city', 'county', 'district', 'general', 'community', 'memorial', 'cottage', 'university']);
/** Care only a hospital gives, said in the sentence: "overdose", "admitted", "on ward 3", "the operation". */
const PLAIN_CARE = new Set(
  `ward wards sectioned admitted inpatient discharged overdose overdosed stabbed operation operated surgery nicu scbu icu picu hdu
  a&e ambulance appendix appendicitis seizure seizures chemo chemotherapy transfusion ventilator incubator resus paramedics
  stitches fractured`.split(/\s+/),
);
/** Bones someone "broke": "broke her wrist", "a broken arm" (not "the lift was broke"). */
const BONES = new Set('wrist arm leg ankle hip collarbone jaw nose elbow femur pelvis skull'.split(' '));
const BROKE = new Set(['broke', 'broken', 'fractured']);
/** Buildings a family lives in, not a hospital's name: "we were in Castleton House". */
const HOME_HEADS = new Set('house court close road street flats flat hall hotel tower towers block estate'.split(' '));
/** Plain care at token k: a word of it, a bone broken, "the fits". */
const plainCareAt = (tokens: Token[], k: number) => {
  const key = tokens[k]!.key;
  if (PLAIN_CARE.has(key)) return true;
  if (BONES.has(key)) return BROKE.has(tokens[k - 1]?.key ?? '') || BROKE.has(tokens[k - 2]?.key ?? '');
  return theFitsAt(tokens, k);
};
/** Just before the name: "in", "at", "into", "to", "from" (a "the" between). */
const PLACE_LEADS = new Set(['in', 'at', 'into', 'to', 'from', 'intae', 'tae', 'fae']);
/** A possible hospital is sure where a lead puts someone there and its sentence speaks of care only a hospital gives. */
export function plainlyCare(tokens: Token[], start: number, end: number): boolean {
  const i = tokenAt(tokens, start);
  if (tokens[i]?.start !== start) return false;
  let last = i;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= end) last++;
  let p = i - 1;
  if (tokens[p]?.key === 'the') p--;
  const ward = tokens.slice(i, last + 1).some((t) => t.key === 'ward');
  if (!PLACE_LEADS.has(tokens[p]?.key ?? '') && !(ward && ['on', 'onto'].includes(tokens[p]?.key ?? ''))) return false;
  const [a, b] = sentenceAround(tokens, i);
  if (HOME_HEADS.has(tokens[last]!.key)) return false;
  // "was in singleton for her operation": one word in small letters may be a town's name, and stays possible
  if (last === i && !tokens[i]!.cap) return false;
  // "at Alder Hey Kelly turned up": a name run on into the person who did something
  const next = tokens[last + 1];
  if (last > i && knownName(tokens[last]!.key) && next && !next.cap && joinedBySpace(next.gap) && !NAME_END_WORDS.has(next.key))
    return false;
  for (let k = a; k <= b; k++) if ((k < i || k > last) && plainCareAt(tokens, k)) return true;
  return false;
}
function hospitalRulesAt(tokens: Token[], i: number, kept: Uint8Array, cue: Uint8Array, out: Candidate[]): number {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  // "Ysbyty Gwynedd", "Ysbyty Glan Clwyd"
  if (t.key === 'ysbyty') {
    const j = headedRun(tokens, i, YSBYTY_PARTICLES, 4, () => false, foreignWord);
    if (j > i) out.push(cand('hospital', tokens, i, j));
    return i;
  }
  // "the Conquest Hospital", "St Thomas' Hospital", "Royal Sussex County Hospital", "Parkside Surgery", "the Cedar Unit"
  const centre = t.cap && (t.key === 'centre' || t.key === 'center') && prev && CENTRE_LEADS.has(prev.key);
  // "the Child Development Centre", "the Becklin Centre" in a sentence about illness or care
  if (
    t.cap &&
    (t.key === 'centre' || t.key === 'center') &&
    !centre &&
    cue[i] &&
    prev?.cap &&
    joinedBySpace(t.gap) &&
    !prev.sentenceStart
  ) {
    const s = nameRunBefore(tokens, i, 4);
    const words = tokens.slice(s, i);
    if (words.length) {
      out.push(cand('hospital', tokens, s, i, distinctive(words) && !kept.subarray(s, i + 1).some((x) => x === 1) ? undefined : 'check'));
      return i;
    }
  }
  // (a head inside a keep-list term is not one: "Pupil Referral Unit", "Child Development Centre")
  // "the Children's Hospital for Wales", "the Women's Hospital of Ulster": a kind of hospital and its place
  if (t.cap && t.key === 'hospital' && ['for', 'of'].includes(tokens[i + 1]?.key ?? '') && joinedBySpace(tokens[i + 1]!.gap)) {
    const n = tokens[i + 2];
    if (n?.cap && joinedBySpace(n.gap) && !n.sentenceStart && (!neverAName(n.key) || HOSPITAL_TYPE_WORDS.has(n.key) || n.key === 'sick')) {
      let s = i;
      while (s > 0 && i - s < 3 && tokens[s - 1]!.cap && joinedBySpace(tokens[s]!.gap) && !tokens[s]!.sentenceStart) s--;
      if (tokens[s]!.key === 'the') s++;
      const e = capitalisedOn(tokens, i + 2, i, 4);
      out.push(cand('hospital', tokens, s, e));
      i = e;
      return i;
    }
  }
  // "had my son at city hospital", "in general hospital": a city's or a county's hospital by name, no "the" before it (possible)
  if (
    t.key === 'hospital' &&
    !t.cap &&
    prev &&
    !prev.cap &&
    SMALL_HOSPITAL_NAMES.has(prev.key) &&
    joinedBySpace(t.gap) &&
    joinedBySpace(prev.gap) &&
    ['at', 'in', 'into', 'to', 'from'].includes(tokens[i - 2]?.key ?? '')
  ) {
    out.push(cand('hospital', tokens, i - 1, i, 'check'));
    return i;
  }
  if ((HOSPITAL_HEADS.has(t.key) || (t.cap && CAP_HOSPITAL_HEADS.has(t.key)) || centre) && i > 0 && !kept[i]) {
    const headAt = centre ? i - 1 : i;
    const s = nameRunBefore(tokens, headAt, 5);
    const words = tokens.slice(s, headAt);
    // a town's name before a capitalised head is the hospital's: "Morriston Hospital"
    if (words.length && distinctive(words) && (t.cap || !kept.subarray(s, headAt).some((x) => x === 1))) {
      // "the Bradgate Unit" is sure in a sentence about care; "the Parkside Practice" may be a dentist's or a lawyer's
      out.push(cand('hospital', tokens, s, i, t.key === 'practice' || (t.key === 'unit' && !cue[i]) ? 'check' : undefined));
    } else if (words.length && t.cap && cue[i] && words.every((w) => w.cap || HOSPITAL_PARTICLES.has(w.key))) {
      // "the Children's Assessment Unit", "the Child Development Centre" in a sentence about care: which unit, possibly
      // ("passed away at City Hospital": the city's hospital by its name, sure)
      const city = words.length === 1 && words[0]!.key === 'city' && t.key === 'hospital';
      out.push(cand('hospital', tokens, s, i, city ? undefined : 'check'));
    } else if (
      !words.length &&
      !t.cap &&
      prev &&
      !prev.cap &&
      // "at treliske hospital", "in bedford hospital", "leigh infirmary"
      (unknownWord(prev.key) || ((placeWord(prev.key) || kept[i - 1] === 1) && !commonWord(prev.key))) &&
      !CLINIC_KINDS.has(prev.key) &&
      !HOSPITAL_TYPE_WORDS.has(prev.key) &&
      joinedBySpace(t.gap) &&
      HOSPITAL_HEADS.has(t.key)
    ) {
      // "st oswald's hospice": a saint's name before it
      const saint = prev.possessive && ['st', 'saint'].includes(tokens[i - 2]?.key ?? '') && joinedBySpace(prev.gap);
      out.push(cand('hospital', tokens, saint ? i - 2 : i - 1, i, 'check'));
    } else if (
      !words.length &&
      !t.cap &&
      prev?.possessive &&
      !prev.cap &&
      ['st', 'saint'].includes(tokens[i - 2]?.key ?? '') &&
      joinedBySpace(t.gap) &&
      joinedBySpace(prev.gap) &&
      HOSPITAL_HEADS.has(t.key)
    ) {
      out.push(cand('hospital', tokens, i - 2, i, 'check'));
    }
    return i;
  }
  // "born in the Clarendon Wing", "on the Lister Wing after her op": a named wing of a hospital, in a sentence about care
  // (not "the East Wing", "the left wing")
  if (t.cap && t.key === 'wing' && cue[i] === 1 && prev?.cap && joinedBySpace(t.gap) && !prev.sentenceStart && !kept[i]) {
    const s = nameRunBefore(tokens, i, 3);
    const words = tokens.slice(s, i);
    if (
      words.length &&
      distinctive(words) &&
      !words.some((w) => NOT_WHICH_WING.has(w.key)) &&
      !kept.subarray(s, i).some((x) => x === 1) &&
      KNOWN_HOSPITALS.matchAt(tokens, s) === 0
    ) {
      out.push(cand('hospital', tokens, s, i));
      return i;
    }
  }
  // "the Hergest unit": a capitalised name before a small-letter unit (possible)
  if (!t.cap && t.key === 'unit' && prev?.cap && joinedBySpace(t.gap) && !prev.sentenceStart) {
    const s = nameRunBefore(tokens, i, 3);
    if (s < i && distinctive(tokens.slice(s, i)) && !kept.subarray(s, i).some((x) => x === 1)) {
      out.push(cand('hospital', tokens, i - 1, i, cue[i] ? undefined : 'check'));
    }
    return i;
  }
  // "ward 7", "Ward 12b", "Rainbow Ward", "the Starlight ward" (not "Rebecca Ward", "Mrs Ward")
  if (t.key === 'ward') {
    const n = tokens[i + 1];
    // "Ward F", "Ward B": a capital letter after a capitalised "Ward" (not after a name: "Mrs Ward A")
    const letter =
      t.cap &&
      n?.cap &&
      careBesidesWard(tokens, i) &&
      /^[A-HJ-Z]$/u.test(n.text) &&
      !prev?.cap &&
      !n.possessive &&
      !councilSentence(tokens, i);
    if (n && joinedBySpace(n.gap) && (wardNumber(n) || letter)) {
      out.push(cand('hospital', tokens, i, i + 1));
      return i;
    }
    // "on maple ward", "onto rainbow ward": a small-letter name before "ward" with nothing between it and "on" (possible)
    if (
      prev &&
      !prev.cap &&
      joinedBySpace(t.gap) &&
      joinedBySpace(prev.gap) &&
      wardLead(tokens, i - 2) &&
      /^\p{Ll}{3,}$/u.test(prev.text) &&
      !WARD_KINDS.has(prev.key) &&
      !HOSPITAL_TYPE_WORDS.has(prev.key) &&
      !HOSPITAL_CUES.has(prev.key) &&
      !neverAName(prev.key)
    ) {
      out.push(cand('hospital', tokens, i - 1, i, 'check'));
      return i;
    }
    // "on Ward Alaw", "to Ward Dewi": a capitalised name after "Ward", after on/onto/to
    if (
      t.cap &&
      n &&
      joinedBySpace(n.gap) &&
      n.cap &&
      !n.sentenceStart &&
      ['on', 'onto', 'to'].includes(prev?.key ?? '') &&
      !neverAName(n.key) &&
      !NOT_HOSPITAL_AFTER.has(n.key)
    ) {
      out.push(cand('hospital', tokens, i, i + 1));
      return i;
    }
    const s = nameRunBefore(tokens, i, 2);
    const words = tokens.slice(s, i);
    // "Rebecca Ward" is a person; "the Rowan Ward", "on Rowan Ward" is a ward
    // ("admitted to Andersen Ward": a ward where someone was treated, whatever its name)
    const person =
      !['the', 'on', 'onto'].includes(tokens[s - 1]?.key ?? '') &&
      !(
        ['to', 'into', 'onto'].includes(tokens[s - 1]?.key ?? '') &&
        ['admitted', 'transferred', 'moved', 'taken'].includes(tokens[s - 2]?.key ?? '')
      ) &&
      words.some((w) => (knownName(w.key) && !commonWord(w.key)) || ['mr', 'mrs', 'ms', 'miss', 'dr', 'mx'].includes(w.key));
    if (words.length && distinctive(words) && !person) {
      if (!kept.subarray(s, i).some((x) => x === 1)) out.push(cand('hospital', tokens, s, i));
      // "sat on Pembroke ward all night", "the kids ward, Cotswold ward": a ward named after a place, where the
      // sentence speaks of care besides the ward (not a council's ward: "the councillor for Cotswold ward")
      else if (!councilSentence(tokens, i)) {
        const onIt =
          ['on', 'onto'].includes(tokens[s - 1]?.key ?? '') ||
          (tokens[s - 1]?.key === 'the' && ['on', 'onto'].includes(tokens[s - 2]?.key ?? ''));
        const care = careBesidesWard(tokens, i);
        if (onIt || care) out.push(cand('hospital', tokens, s, i, care ? undefined : 'check'));
      }
    }
    return i;
  }
  // "Burnley General", "Leeds General": a place or a name before a capitalised "General" (not "Attorney General")
  if (t.cap && t.key === 'general' && prev?.cap && joinedBySpace(t.gap) && !prev.sentenceStart && !NOT_HOSPITAL_GENERAL.has(prev.key)) {
    const n = tokens[i + 1];
    if (!(n?.cap && joinedBySpace(n.gap)) && !kept[i] && !neverAName(prev.key)) {
      out.push(cand('hospital', tokens, i - 1, i));
      return i;
    }
  }
  // "was in Royal Cornhill", "taken to Royal Derby": "Royal" and a name after in, at, to, into or from (sure in a sentence about care)
  if (
    t.cap &&
    t.key === 'royal' &&
    ['in', 'at', 'to', 'into', 'from'].includes(prev?.key ?? '') &&
    // in a sentence about care, or where someone "was in" it
    (cue[i] || (['in', 'at'].includes(prev!.key) && ['was', 'were', 'been', 'is', 'stayed'].includes(tokens[i - 2]?.key ?? ''))) &&
    !kept[i] &&
    joinedBySpace(t.gap) &&
    !t.sentenceStart
  ) {
    const n = tokens[i + 1];
    const nn = tokens[i + 2];
    const headAfter = nn && joinedBySpace(nn.gap) && (HOSPITAL_HEADS.has(nn.key) || nn.key === 'ward' || CAP_HOSPITAL_HEADS.has(nn.key));
    if (
      n?.cap &&
      joinedBySpace(n.gap) &&
      !n.sentenceStart &&
      !kept[i + 1] &&
      !headAfter &&
      !NOT_HOSPITAL_AFTER_ROYAL.has(n.key) &&
      !neverAName(n.key) &&
      KNOWN_HOSPITALS.matchAt(tokens, i) === 0 &&
      !(nn?.cap && joinedBySpace(nn.gap))
    ) {
      out.push(cand('hospital', tokens, i, i + 1, cue[i] ? undefined : 'check'));
      i++;
      return i;
    }
  }
  // "the Royal", "the Royal Alex"
  // in small letters only where nothing follows that makes it something else: "at the royal, they"
  // (a listed name goes on to the gazetteer below: "in the royal london for months after her stroke")
  if (
    !t.cap &&
    t.key === 'royal' &&
    prev?.key === 'the' &&
    ['at', 'to', 'in', 'from', 'into'].includes(tokens[i - 2]?.key ?? '') &&
    !listedInSmallLetters(tokens, i, cue)
  ) {
    const n = tokens[i + 1];
    // "at the royal", "at the royal london." ("the royal" and a place)
    if (nameEndsAt(tokens, i + 1)) out.push(cand('hospital', tokens, i - 1, i, 'check'));
    // "at the royal london.", "in the royal infirmary for"
    else if (n && !n.cap && (placeWord(n.key) || HOSPITAL_HEADS.has(n.key)) && nameEndsAt(tokens, i + 2))
      out.push(cand('hospital', tokens, i - 1, i + 1, 'check'));
    return i;
  }
  // (a listed "Royal ..." goes on to the gazetteer: "the Royal Albert Edward", not "the Royal Albert Hall")
  if (t.cap && t.key === 'royal' && prev?.key === 'the' && joinedBySpace(t.gap) && KNOWN_HOSPITALS.matchAt(tokens, i) < 2) {
    const j = capitalisedOn(tokens, i, i, 2);
    const after = tokens.slice(i + 1, j + 1);
    const next = tokens[i + 1];
    const head =
      j + 1 < tokens.length &&
      joinedBySpace(tokens[j + 1]!.gap) &&
      (HOSPITAL_HEADS.has(tokens[j + 1]!.key) || tokens[j + 1]!.key === 'ward');
    if (
      !head &&
      !after.some((w) => NOT_HOSPITAL_AFTER_ROYAL.has(w.key)) &&
      !(next && joinedBySpace(next.gap) && NOT_HOSPITAL_AFTER_ROYAL.has(next.key))
    )
      out.push(cand('hospital', tokens, i - 1, j));
    return i;
  }
  // "Wrexham A&E", "we were in Aintree A&E all night": the hospital whose A&E it is (possible)
  if (
    t.cap &&
    !t.sentenceStart &&
    !t.acronym &&
    tokens[i + 1]?.key === 'a' &&
    tokens[i + 1]!.cap &&
    joinedBySpace(tokens[i + 1]!.gap) &&
    tokens[i + 2] !== undefined &&
    accidentAndEmergencyAt(tokens, i + 2) &&
    !neverAName(t.key) &&
    !HOSPITAL_TYPE_WORDS.has(t.key) &&
    !kept[i - 1] &&
    KNOWN_HOSPITALS.matchAt(tokens, i) + CUED_HOSPITALS.matchAt(tokens, i) === 0
  ) {
    out.push(cand('hospital', tokens, i, i, 'check'));
    return i;
  }
  const practiceAt = smallPractice(tokens, i);
  if (practiceAt >= 0) {
    out.push(cand('hospital', tokens, practiceAt, i, 'check'));
    return i;
  }
  // "check ups at the Barkantine": a visit to a clinic, not the UPS depot
  if (t.key === 'ups' && prev?.key === 'check' && joinedBySpace(t.gap)) return i;
  // "in the neonatal at Womens and Childrens", "the Women's and Children's": a city's women's and children's hospital
  if (['women', 'womens'].includes(t.key) && tokens[i + 1]?.key === 'and' && tokens[i + 2] && shortKindOfHospital(tokens[i + 2]!)) {
    const n = tokens[i + 1]!;
    const nn = tokens[i + 2]!;
    if (
      joinedBySpace(n.gap) &&
      joinedBySpace(nn.gap) &&
      (t.cap || cue[i] === 1) &&
      !(tokens[i + 3] && joinedBySpace(tokens[i + 3]!.gap) && NOT_HOSPITAL_AFTER.has(tokens[i + 3]!.key))
    ) {
      // "Hull Women's and Children's": the town's
      const s =
        prev && joinedBySpace(t.gap) && !prev.sentenceStart && prev.cap === t.cap && placeWord(prev.key) && !commonWord(prev.key)
          ? i - 1
          : i;
      out.push(cand('hospital', tokens, s, i + 2, t.cap && nn.cap && cue[i] === 1 ? undefined : 'check'));
      return i + 2;
    }
  }
  // "a long time on Ward 3 at the Childrens with his chest", "born in the womens" (possible in small letters)
  if (
    shortKindOfHospital(t) &&
    cue[i] === 1 &&
    prev?.key === 'the' &&
    joinedBySpace(t.gap) &&
    SMALL_LEADS.has(tokens[i - 2]?.key ?? '') &&
    nameEndsAt(tokens, i + 1)
  ) {
    out.push(cand('hospital', tokens, i, i, t.cap ? undefined : 'check'));
    return i;
  }
  // "at leicester childrens with his chest", "in Glasgow Women's", "in burnley general": a town's hospital said short
  if (
    (shortKindOfHospital(t) || (t.key === 'general' && !t.cap)) &&
    cue[i] === 1 &&
    prev !== undefined &&
    !prev.sentenceStart &&
    joinedBySpace(t.gap) &&
    (placeWord(prev.key) || kept[i - 1] === 1) &&
    !commonWord(prev.key) &&
    smallLead(tokens, i - 1) &&
    nameEndsAt(tokens, i + 1)
  ) {
    out.push(cand('hospital', tokens, i - 1, i, t.cap && prev.cap ? undefined : 'check'));
    return i;
  }
  // "we were always in QMC, E39", "mostly on D4": a ward's code (possible)
  if (cue[i] === 1 && WARD_CODE.test(t.text)) {
    const lastHospital = out.length > 0 && out[out.length - 1]!.kind === 'hospital' ? out[out.length - 1]! : undefined;
    const onWard = ['on', 'onto'].includes(prev?.key ?? '') && joinedBySpace(t.gap) && !NOT_WARD_CODE.test(t.text);
    // "in QMC on E39", "QMC, E39": a ward of the hospital just named is sure
    const afterHospital =
      lastHospital !== undefined &&
      ((/^, ?$/u.test(t.gap) && lastHospital.end === prev?.end) || (onWard && lastHospital.end === tokens[i - 2]?.end));
    if (onWard || afterHospital) {
      out.push(cand('hospital', tokens, i, i, afterHospital ? undefined : 'check'));
      return i;
    }
  }
  // hospitals known by a word that is also a place or a house: "the Priory", "the Heath" (possible; in small letters only
  // in a sentence about illness: "i was in the priory after my breakdown")
  if (
    (((t.cap || cue[i] === 1) && MAYBE_HOSPITALS.has(t.key)) || (cue[i] === 1 && CUED_MAYBE_HOSPITALS.has(t.key))) &&
    prev?.key === 'the' &&
    !(tokens[i + 1]?.cap && joinedBySpace(tokens[i + 1]!.gap)) &&
    KNOWN_HOSPITALS.matchAt(tokens, i) <= 1 &&
    // "watched the simpsons while he was poorly": in small letters, only where someone was in or at it
    (!SHORT_NAMES_OF_WORDS.has(t.key) || ((t.cap || smallLead(tokens, i)) && nameEndsAt(tokens, i + 1)))
  ) {
    // sure where someone stayed or was treated there: "admitted to the Priory", "in and out of the ulster with her chest"
    const stayed = cue[i] === 1 && !bornLead(tokens, i) && strongLead(tokens, i, 1);
    out.push(cand('hospital', tokens, i - 1, i, stayed ? undefined : 'check'));
    return i;
  }
  // "up and down to the MRI", "admitted to the MRI": Manchester Royal Infirmary, not a scan ("had an MRI", "the MRI scan")
  if (t.text === 'MRI' && prev?.key === 'the' && ['to', 'at', 'into', 'from'].includes(tokens[i - 2]?.key ?? '') && joinedBySpace(t.gap)) {
    const n = tokens[i + 1];
    const scan = n !== undefined && joinedBySpace(n.gap) && SCAN_WORDS.has(n.key);
    const forScan = ['for', 'had', 'have', 'having', 'get', 'got', 'needed', 'need'].some((w) => w === tokens[i - 3]?.key);
    if (!scan && !forScan) {
      out.push(cand('hospital', tokens, i, i, cue[i] === 1 && strongLead(tokens, i, 1) ? undefined : 'check'));
      return i;
    }
  }
  // "taken to the RSUH", "born at WGH": initials of a hospital the list does not know, in a sentence about illness (possible)
  if (
    cue[i] === 1 &&
    hospitalInitials(t) &&
    smallLead(tokens, i) &&
    KNOWN_HOSPITALS.matchAt(tokens, i) + CUED_HOSPITALS.matchAt(tokens, i) === 0
  ) {
    out.push(cand('hospital', tokens, i, i, 'check'));
    return i;
  }
  // known hospitals and hospices without a head word: "Alder Hey", "the Evelina", "GOSH" (not "Judge Ashworth");
  // those that are also people, places or churches only in a sentence about illness: "in and out of Prince Charles"
  const honorific = HONORIFIC_BEFORE.has(prev?.key ?? '') && prev?.cap;
  const sure = honorific ? 0 : KNOWN_HOSPITALS.matchAt(tokens, i);
  // "she came to see me at Ty Llidiard", "visited him in Skye House": a listed name where someone was visited (possible)
  const visited =
    !cue[i] &&
    ['at', 'in'].includes(prev?.key ?? '') &&
    OBJECT_PRONOUNS.has(tokens[i - 2]?.key ?? '') &&
    VISIT_VERBS.has(tokens[i - 3]?.key ?? '');
  const small = !t.cap && cue[i] && !honorific ? smallLettersMatch(tokens, i) : { n: 0, maybe: false };
  // "met us at RACH", "my dad goes to ARI": a listed hospital's initials where someone went (possible without a cue)
  const initialsLed = !cue[i] && !visited && initialsAfterLead(tokens, i);
  // "I had a breakdown. I ended up at Melbury Lodge", "When she was in Skye House Sana visited every week": a listed
  // name where someone stayed, just after a sentence about care or where they were visited
  const stayedNear = !cue[i] && !visited && !initialsLed && !honorific && t.cap && stayedAfterCare(tokens, i, cue);
  const cued =
    honorific || !(cue[i] || visited || initialsLed || stayedNear) || royalWithoutLead(tokens, i) ? 0 : CUED_HOSPITALS.matchAt(tokens, i);
  // "the royal london": a place and a hospital's word, the place alone kept
  const smallNamed = sure || cued || t.cap || honorific || !cue[i] ? 0 : SMALL_CUED_HOSPITALS.matchAt(tokens, i);
  const known = sure || cued || smallNamed || (t.cap || honorific || !cue[i] ? 0 : small.n);
  // a kept word is an area's name, not the hospital's, unless a hospital's word goes with it ("liverpool womens")
  const keptName =
    kept.subarray(i, i + known).some((x) => x === 1) &&
    !tokens.slice(i, i + known).some((w, k) => !kept[i + k] && HOSPITAL_NAME_WORDS.has(w.key));
  const fromSmall = !sure && !cued && !smallNamed && small.n > 0;
  // "moved her to Mile End for rehab", "in New Cross with": a listed name of ordinary words or places is a place too,
  // sure only where someone was admitted, born or transferred there, or stayed there a while
  const ordinaryName =
    cued > 1 &&
    !['st', 'saint', 'dr'].includes(t.key) &&
    tokens
      .slice(i, i + known)
      .every((w) => (commonWord(w.key) || placeWord(w.key)) && !HOSPITAL_NAME_WORDS.has(w.key) && !ROYAL_TITLES.has(w.key));
  const weakLead = ordinaryName && !strongLead(tokens, i, known);
  // "was in Morriston for six weeks", "in Craigavon with meningitis": a listed name that is also a town, where someone
  // stayed or was treated (not born: "born in Singleton" is the town as readily)
  const stayedThere = known > 0 && cue[i] === 1 && !visited && !initialsLed && strongLead(tokens, i, known) && !bornLead(tokens, i);
  // "Birmingham Children's Trust": the trust that employs someone, not the hospital
  const trust = known > 0 && tokens[i + known]?.key === 'trust' && tokens[i + known]!.cap;
  // "Mid Ulster": the end of a longer name the keep-list knows (an area), not the Ulster Hospital
  const inLongerTerm = known > 0 && kept[i] === 1 && kept[i - 1] === 1 && prev?.cap === true && joinedBySpace(t.gap);
  const last = tokens[i + known - 1];
  const after = tokens[i + known];
  // "Beechcroft Road", "Dorset County Council", "Glasgow Royal Concert Hall": the name of something else
  const other =
    known > 0 &&
    after !== undefined &&
    joinedBySpace(after.gap) &&
    (NOT_HOSPITAL_AFTER.has(after.key) ||
      // "the Leeds children's centre": a children's centre, not the children's hospital
      (['centre', 'center'].includes(after.key) && ['children', 'childrens'].includes(last!.key)));
  // "at martin's house": someone's home, not Martin House
  const home = known > 1 && !last!.cap && last!.key === 'house' && tokens.slice(i, i + known - 1).some((w) => w.possessive);
  // "when we lived in Poole", "moved to Basildon": a cued name where someone lives is the town
  const home2 =
    !sure &&
    ['in', 'to', 'from', 'near'].includes(prev?.key ?? '') &&
    (LIVED_WORDS.has(tokens[i - 2]?.key ?? '') || (fromSmall && MOVED_WORDS.has(tokens[i - 2]?.key ?? '')));
  // "Jimmy's mum", "Guy's house": a person's, not St James's or Guy's
  const persons = known === 1 && t.possessive && after !== undefined && joinedBySpace(after.gap) && PERSONS_THINGS.has(after.key);
  const spelt = known === 1 && ACRONYMS.has(t.key) && t.cap && !t.acronym;
  // "for the King", "the King's coronation": the king, not King's College Hospital ("in Kings", "at King's")
  const king = known === 1 && ['king', 'kings'].includes(t.key) && (prev?.key === 'the' || (t.key === 'king' && !t.possessive));
  // "at Kings Cross", "Highbury Corner": the first word of a longer name
  const partOfLonger =
    known === 1 &&
    !sure &&
    !t.acronym &&
    after !== undefined &&
    after.cap &&
    joinedBySpace(after.gap) &&
    !after.sentenceStart &&
    !(after.key === 'a' && tokens[i + 2] !== undefined && accidentAndEmergencyAt(tokens, i + 2));
  // "Liverpool Women" (a team), "Dr Gray said": the hospital's name has its possessive ("Liverpool Women's", "Dr Gray's")
  const bare =
    known > 1 &&
    !last!.possessive &&
    (['women', 'children'].includes(last!.key) || HONORIFIC_BEFORE.has(t.key)) &&
    !['womens', 'childrens'].includes(last!.text.toLowerCase());
  if (known > 0 && !trust && !inLongerTerm && !other && !home && !home2 && !bare && !spelt && !persons && !partOfLonger && !king) {
    // a cued name that is also a town ("in Craigavon with meningitis"): possible
    out.push(
      cand(
        'hospital',
        tokens,
        i,
        i + known - 1,
        !sure &&
          (visited ||
            // "after being in the RVH", "admitted to ARI": listed initials where someone stayed are sure
            (initialsLed && (bornLead(tokens, i) || !strongLead(tokens, i, known))) ||
            (fromSmall && small.maybe) ||
            weakLead ||
            (keptName && !stayedThere) ||
            (stayedNear && known === 1 && placeWord(t.key)) ||
            (known === 1 && ((placeWord(t.key) && !stayedThere) || (prev?.key === 'in' && tokens[i - 2]?.key === 'born'))))
          ? 'check'
          : undefined,
      ),
    );
    i += known - 1;
    return i;
  }

  return -1;
}

/** A listed name (that is also a place, a person or a house) where someone stayed, the sentence before speaking of care
 * ("I had a breakdown. I ended up at Melbury Lodge") or this one of visits ("was in Skye House, she visited every week"). */
function stayedAfterCare(tokens: Token[], i: number, cue: Uint8Array): boolean {
  const n = CUED_HOSPITALS.matchAt(tokens, i);
  if (!n || bornLead(tokens, i) || !strongLead(tokens, i, n)) return false;
  const [a, b] = sentenceAround(tokens, i);
  if (a > 0 && cue[a - 1] === 1) return true;
  for (let k = a; k <= b; k++) if (VISIT_VERBS.has(tokens[k]!.key) || tokens[k]!.key === 'visited') return true;
  return false;
}
/** A listed name of two words or more starts here in small letters, in a sentence about illness: "the royal london". */
const listedInSmallLetters = (tokens: Token[], i: number, cue: Uint8Array) =>
  cue[i] === 1 &&
  (SMALL_CUED_HOSPITALS.matchAt(tokens, i) > 1 || KNOWN_HOSPITALS.matchAt(tokens, i) > 1 || smallLettersMatch(tokens, i).n > 1);
/** Someone a verb is done to: "visited me at", "moved her to". */
/** Initials of three letters or more, as listed, just after "in", "at", "to" ("at the"): "was in LRI". */
const initialsAfterLead = (tokens: Token[], i: number) => {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  return (
    t.acronym &&
    t.text.length >= 3 &&
    ACRONYMS.has(t.key) &&
    !VENUE_INITIALS.has(t.key) &&
    smallLead(tokens, i) &&
    !(next && joinedBySpace(next.gap) && NOT_HOSPITAL_AFTER_INITIALS.has(next.key))
  );
};
/** Also the initials of a well-known venue or body (the Royal Albert Hall, the QEII Centre): a hospital only with a cue. */
const VENUE_INITIALS = new Set(['rah', 'qeii', 'pow', 'noc']);
/** "the QEII centre", "a POW camp": the initials of something else. */
const NOT_HOSPITAL_AFTER_INITIALS = new Set(['centre', 'center', 'hall', 'ship', 'camp', 'conference', 'stadium', 'arena']);
/** Initials shaped like a hospital's: "...H" (Hospital), "...RI" (Royal Infirmary); not a word ("MUCH") or a scan ("MRI"). */
const hospitalInitials = (t: Token) =>
  t.acronym && /^[A-Z]{2,4}(?:H|RI)$/u.test(t.text) && !NOT_HOSPITAL_INITIALS.has(t.key) && unknownWord(t.key) && !neverAName(t.key);
/** After "MRI" where it is the scan: "the MRI scan", "the MRI results". */
const SCAN_WORDS = new Set('scan scans scanner machine results result appointment department dept room unit'.split(' '));
const NOT_HOSPITAL_INITIALS = new Set(['mri', 'mph', 'kmh', 'smh', 'uhd', 'uhh', 'ahh', 'ohh', 'shh', 'hmh', 'nch']);
/** "when Queen Elizabeth died": the queen; the hospital is "in the Queen Elizabeth", "at Princess Royal". */
const royalWithoutLead = (tokens: Token[], i: number) =>
  ROYAL_TITLES.has(tokens[i]!.key) && tokens[i - 1]?.key !== 'the' && !smallLead(tokens, i);
/** "Princess of Wales", "Queen Elizabeth": a person's name, not a place's. */
const ROYAL_TITLES = new Set(['prince', 'princess', 'queen', 'king', 'duke', 'duchess', 'countess']);
/** "admitted to X", "born in the X", "in and out of X", "in X for six weeks": where someone surely was treated. */
function strongLead(tokens: Token[], i: number, n: number): boolean {
  let p = i - 1;
  if (tokens[p]?.key === 'the') p--;
  const lead = tokens[p - 1]?.key ?? '';
  if (tokens[p]?.key === 'of') return lead === 'out';
  if (TREATED_AT.has(lead) && !['unit', 'ward', 'clinic'].includes(lead)) return true;
  // "the burns unit at Morriston", "the children's ward in Craigavon", "Bluebell ward at the Priory", "the CAMHS clinic
  // at Mile End": a kind or a name of unit, ward or clinic at it
  if (['at', 'in'].includes(tokens[p]?.key ?? '') && ['unit', 'ward', 'clinic'].includes(lead)) {
    const kind = tokens[p - 2];
    if (kind && joinedBySpace(tokens[p - 1]!.gap) && wardOrUnitNamed(kind, lead)) return true;
  }
  const prep = tokens[p]?.key ?? '';
  // "was in", "spent eleven weeks in", "very poorly in", "ended up in", "went intae"
  if (['in', 'intae', 'into'].includes(prep) && STAYED_LEADS.has(lead)) return true;
  if (['in', 'at', 'into', 'intae'].includes(prep) && lead === 'up' && tokens[p - 2]?.key === 'ended') return true;
  // "got her counselling at the Havens", "his assessment at Derriford": care given there
  if (prep === 'at' && CARE_GIVEN_AT.has(lead)) return true;
  // "up and down to Alder Hey", "back and forth to the MRI": visits again and again
  if (
    prep === 'to' &&
    ['down', 'forth'].includes(lead) &&
    tokens[p - 2]?.key === 'and' &&
    ['up', 'back'].includes(tokens[p - 3]?.key ?? '')
  )
    return true;
  const after = tokens[i + n];
  if (!after || !joinedBySpace(after.gap)) return false;
  if (after.key === 'for' && tokens[i + n + 2] !== undefined && stayLength(tokens, i + n + 2)) return true;
  // "we was in Central Middlesex two weeks"
  if (tokens[i + n + 1] !== undefined && joinedBySpace(tokens[i + n + 1]!.gap) && stayLength(tokens, i + n + 1)) return true;
  // "in Craigavon with meningitis", "intae the victoria wi her liver" (not "moved her to Mile End for rehab": a move)
  if (['with', 'wi'].includes(after.key))
    for (let k = i + n + 1; k <= i + n + 3 && k < tokens.length; k++) if (careWord(tokens, k)) return true;
  return false;
}
/** Says which unit, ward or clinic: "burns unit", "children's ward", "Bluebell ward", "CAMHS clinic" (not "a unit", "the same ward"). */
const wardOrUnitNamed = (kind: Token, head: string) =>
  head === 'unit'
    ? UNIT_KINDS.has(kind.key)
    : head === 'clinic'
      ? CLINIC_KINDS.has(kind.key) || CLINIC_SERVICES.has(kind.key)
      : (WARD_KINDS.has(kind.key) && !NOT_WHICH_WARD.has(kind.key)) || (kind.cap && !kind.sentenceStart && !neverAName(kind.key));
const NOT_WHICH_WARD = new Set('same other wrong right next new old big small busy quiet main'.split(' '));
/** Services run in a clinic: "the CAMHS clinic", "the diabetes clinic". */
const CLINIC_SERVICES = new Set(
  'camhs diabetes asthma epilepsy cardiac heart cancer autism adhd neuro stroke kidney renal baby maternity'.split(' '),
);
/** Said just before "in" where someone stayed in a hospital: "was in", "spent weeks in", "poorly in". */
const STAYED_LEADS = new Set('was were been being is stayed weeks months days nights week month poorly ill unwell sick'.split(' '));
/** Where someone was born or delivered: a town as readily as a hospital ("born in Singleton"). */
const bornLead = (tokens: Token[], i: number) => {
  let p = i - 1;
  if (tokens[p]?.key === 'the') p--;
  return ['born', 'delivered'].includes(tokens[p - 1]?.key ?? '') || ['born', 'delivered'].includes(tokens[p - 2]?.key ?? '');
};

/** Said just before where someone was treated: "admitted to", "sectioned at", "born in", "in and out of", "a bed at". */
const TREATED_AT = new Set(
  'admitted sectioned transferred born rushed taken blue-lighted bluelighted treated seen stayed ward bed appointment appointments clinic op operation surgery scan scans inpatient delivered rehab recovering respite camhs unit nicu scbu picu icu hdu maternity paediatrics physio physiotherapy dialysis chemo chemotherapy radiotherapy outpatients antenatal hospice'.split(
    ' ',
  ),
);
/** Said before a place as readily as a hospital: "stayed at Lakeside", "born at Oakwood". */
const NOT_A_SERVICE = new Set(['stayed', 'taken', 'born', 'seen', 'rushed', 'delivered', 'recovering', 'bed']);
/** Care someone was given at a place: "counselling at", "therapy at", "assessment at". */
const CARE_GIVEN_AT = new Set('counselling counseling therapy treatment assessment assessments tests grommets operation'.split(' '));
/** Care given only in a hospital or clinic: "sectioned at", "CAMHS at", "dialysis at". */
const SURE_SERVICES = new Set(
  'sectioned camhs physio physiotherapy dialysis chemo chemotherapy radiotherapy outpatients antenatal nicu scbu picu icu hdu maternity paediatrics'.split(
    ' ',
  ),
);
/** Teams of care, before "team at": "the mental health team at", "the crisis team at". */
const HEALTH_TEAM_KINDS = new Set(
  'health crisis camhs cmht intervention psychosis palliative diabetes cancer stroke rehab neonatal disorder disorders perinatal nursing'.split(
    ' ',
  ),
);
/** "the mental health team at", "crisis team at": a team of care named with the place it works from. */
const healthTeamAt = (tokens: Token[], i: number) =>
  tokens[i]!.key === 'at' &&
  ['team', 'teams', 'service', 'services'].includes(tokens[i - 1]?.key ?? '') &&
  HEALTH_TEAM_KINDS.has(tokens[i - 2]?.key ?? '');
/** What is done to a patient: "moved her to", "sent him to". */
const MOVED_PATIENT = new Set(['moved', 'transferred', 'sent', 'rushed', 'referred']);
const VISIT_VERBS = new Set(['visited', 'visit', 'visits', 'visiting', 'saw', 'see']);
const UNIT_KINDS = new Set(
  'neonatal intensive care baby maternity paediatric assessment mental psychiatric eating mother burns spinal stroke renal cancer oncology childrens children adolescent secure rehab rehabilitation disorder disorders inpatient mbu'.split(
    ' ',
  ),
);
/** Said before a place someone stayed ("was in Dryburn", "ended up at", "spent weeks in"): a hospital only in a sentence about care. */
const STAYED_IN = new Set(['was', 'were', 'been', 'being', 'weeks', 'months', 'up']);
const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
/** Where someone "was in" that is not a hospital. */
const NOT_TREATED_IN = new Set('hmp hmyoi prison custody court care foster year reception nursery class set band'.split(' '));

/**
 * A hospital the lists do not know, where the words say someone was treated there: "admitted to Treliske",
 * "sectioned at Parkwood", "in and out of Wansbeck". Possible (a check).
 */
export function unknownHospitals(tokens: Token[], kept: Uint8Array): Candidate[] {
  const cue = sentencesWith(tokens, (_t, k) => careWord(tokens, k));
  const out: Candidate[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const p = tokens[i]!;
    if (!['at', 'to', 'in', 'into', 'of'].includes(p.key) || !joinedBySpace(p.gap)) continue;
    const lead = tokens[i - 1]!;
    const inAndOut = p.key === 'of' && lead.key === 'out' && tokens[i - 2]?.key === 'and';
    // "when mum was in Dryburn with her hip", "I ended up at Melbury Lodge", "spent weeks in Raigmore"
    const stayed =
      cue[i] === 1 &&
      STAYED_IN.has(lead.key) &&
      (p.key === 'in' || (lead.key === 'up' && tokens[i - 2]?.key === 'ended' && p.key === 'at')) &&
      (lead.key !== 'up' || tokens[i - 2]?.key === 'ended') &&
      !NOT_TREATED_IN.has(tokens[i + 1]!.key);
    // "the neonatal unit at", not "a unit at Bluewater"
    // "visited me at Parklands every week while I was unwell"
    const visited = cue[i] === 1 && p.key === 'at' && OBJECT_PRONOUNS.has(lead.key) && VISIT_VERBS.has(tokens[i - 2]?.key ?? '');
    // "taken into ward 6 at Ealing", "on Ward 4B at Kettering": the ward's hospital, named for its town (an area too)
    const wardAt = cue[i] === 1 && p.key === 'at' && tokens[i - 2]?.key === 'ward' && !councilSentence(tokens, i) && wardNumber(lead);
    const treated =
      wardAt ||
      visited ||
      healthTeamAt(tokens, i) ||
      (TREATED_AT.has(lead.key) && (lead.key !== 'unit' || UNIT_KINDS.has(tokens[i - 2]?.key ?? ''))) ||
      // "passed away at St Christophers", "died in St Michael's after giving birth", "the check ups at the Barkantine"
      (lead.key === 'away' && tokens[i - 2]?.key === 'passed') ||
      (['died', 'passed'].includes(lead.key) &&
        p.key !== 'of' &&
        !MONTHS.has(tokens[i + 1]!.key) &&
        !NOT_TREATED_IN.has(tokens[i + 1]!.key)) ||
      (['up', 'ups'].includes(lead.key) && tokens[i - 2]?.key === 'check') ||
      // "got me seeing someone at the Woodlands": a counsellor's or a therapist's place
      (p.key === 'at' && lead.key === 'someone' && ['seeing', 'see', 'saw', 'seen'].includes(tokens[i - 2]?.key ?? '')) ||
      // "they moved her to Furness for rehab", "sent him to Stobhill"
      (p.key === 'to' && cue[i] === 1 && OBJECT_PRONOUNS.has(lead.key) && MOVED_PATIENT.has(tokens[i - 2]?.key ?? ''));
    if (!(treated || inAndOut || stayed) || (p.key === 'of' && !inAndOut)) continue;
    let s = i + 1;
    if (tokens[s]!.key === 'the' && joinedBySpace(tokens[s]!.gap) && tokens[s + 1]) s++;
    let e = s;
    // (not the pronoun after it: "passed away at City Hospital I was left alone")
    while (
      e < tokens.length &&
      e - s < 3 &&
      tokens[e]!.cap &&
      joinedBySpace(tokens[e]!.gap) &&
      (!kept[e] || wardAt) &&
      tokens[e]!.text !== 'I'
    ) {
      e++;
      if (tokens[e - 1]!.possessive) break;
    }
    if (e === s) continue;
    const words = tokens.slice(s, e);
    if (words.every((w) => neverAName(w.key)) || words.some((w) => w.acronym && neverAName(w.key))) continue;
    // a place's name, unless a kind of care is "at" it and it is no town or district: "CAMHS at Riverside"
    const serviceAt = p.key === 'at' && TREATED_AT.has(lead.key) && !NOT_A_SERVICE.has(lead.key) && words.length === 1;
    if (!serviceAt && !wardAt && words.every((w) => placeWord(w.key) && !onlyAName(w.key))) continue;
    if (words.length === 1 && onlyAName(words[0]!.key) && !words[0]!.possessive) continue;
    // "was in PICU", "was in A&E": a kind of unit, not which one
    if (stayed && !TREATED_AT.has(lead.key) && words.some((w) => w.acronym) && KNOWN_HOSPITALS.matchAt(tokens, s) === 0) continue;
    // "was in Recovery for months": an ordinary word, not a place
    if (
      stayed &&
      !treated &&
      words.length === 1 &&
      (commonWord(words[0]!.key) || HOSPITAL_CUES.has(words[0]!.key) || NOT_TREATED_IN.has(words[0]!.key)) &&
      !words[0]!.possessive
    )
      continue;
    // "visited me at Mum's while I was poorly": someone's home
    if (visited && words.length === 1 && words[0]!.possessive) continue;
    // "was in Hospital for three weeks": which one is not said
    if (words.every((w) => HOSPITAL_HEADS.has(w.key) || HOSPITAL_TYPE_WORDS.has(w.key))) continue;
    // "got me into CAMHS at Riverside", "sectioned at Parkwood": a service of care at a name that is no place, sure
    const sureService = serviceAt && SURE_SERVICES.has(lead.key) && !placeWord(words[0]!.key) && !knownName(words[0]!.key);
    // "died in St Ives": a town named for a saint (its hospital is "St X's")
    const died = lead.key === 'died' || (lead.key === 'away' && tokens[i - 2]?.key === 'passed') || lead.key === 'passed';
    if (died && ['st', 'saint'].includes(words[0]!.key) && words.length > 1 && !words[1]!.possessive) continue;
    // "died in St Michael's", "passed away at St Luke's": a saint's hospital or hospice
    const diedAtSaint =
      (lead.key === 'died' || (lead.key === 'away' && tokens[i - 2]?.key === 'passed')) &&
      words.length === 2 &&
      ['st', 'saint'].includes(words[0]!.key) &&
      words[1]!.possessive;
    const c = cand('hospital', tokens, s, e - 1, sureService || diedAtSaint || wardAt ? undefined : 'check');
    if (c.tier && plainlyCare(tokens, c.start, c.end)) delete c.tier;
    out.push(c);
  }
  return out;
}
