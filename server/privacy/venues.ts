// Hospitals, wards and clinics ("the Conquest Hospital", "Ysbyty Gwynedd", "the Royal", "ward 7",
// "Rainbow Ward", "Alder Hey") and workplaces with a location ("the Co-op in Rhyl", "works at Tesco on
// Hamilton Road", "works at Hendersons Bakery").
import { readFileSync } from 'node:fs';
import { headedRun, PhraseSet } from './phrases.ts';
import type { Candidate } from './spans.ts';
import { joinedBySpace, sentencesWith, type Token } from './tokens.ts';
import { commonWord, knownName, neverAName, onlyAName, placeWord, unknownWord, foreignWord } from './words.ts';
import { fromRoot } from '../paths.ts';

const YSBYTY_PARTICLES = new Set(['y', 'yr', "'r", 'r']);
const HOSPITAL_HEADS = new Set(['hospital', 'infirmary', 'hospice', 'clinic']);
/** Heads only when written with a capital: "Parkside Surgery", not "after surgery". */
const CAP_HOSPITAL_HEADS = new Set(['surgery', 'practice', 'unit']);
/** "Beacon Medical Centre", "Bethesda Health Centre" */
const CENTRE_LEADS = new Set(['medical', 'health', 'birth', 'maternity']);
const HOSPITAL_PARTICLES = new Set(['of', 'and', 'the', 'for', '&']);
/** Words that say what kind of hospital or ward, not which one. */
const HOSPITAL_TYPE_WORDS = new Set(
  `the a an our my his her their local general district community university teaching county city nhs childrens children
  womens women maternity psychiatric mental health new old main big private special care baby intensive assessment acute
  day delivery labour postnatal antenatal neonatal paediatric surgical medical kids eating disorder secure mother and
  sexual gender identity dental eye fertility family planning walk-in walk in urgent minor injuries gp doctors vets vet
  good best same this that at in to`.split(/\s+/),
);
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
/** Hospitals known by a name without a head word (hospitals.txt): always, or ("?") only in a sentence about illness or care. */
const KNOWN_HOSPITALS = new PhraseSet();
const CUED_HOSPITALS = new PhraseSet();
for (const line of readFileSync(fromRoot('server', 'privacy', 'hospitals.txt'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const cued = line.includes('?');
  const lower = line.includes('!');
  (cued ? CUED_HOSPITALS : KNOWN_HOSPITALS).add(line.replace(/^[!?]+/u, '').trim(), !lower);
}
const MAYBE_HOSPITALS = new Set(['priory', 'heath', 'alex', 'grange', 'countess', 'freeman', 'vic', 'gen', 'mater', 'ulster', 'havens']);
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
  bronchiolitis counselling sectioning arm leg wrist ankle collarbone`.split(/\s+/),
);
const DURATION_UNITS = new Set(['days', 'weeks', 'months', 'nights']);
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

/** For each token, whether its sentence speaks of illness or care ("in and out of" counts). */
const hospitalSentences = (tokens: Token[]) =>
  sentencesWith(
    tokens,
    (t, k) =>
      HOSPITAL_CUES.has(t.key) || (t.key === 'out' && tokens[k - 1]?.key === 'and' && tokens[k + 1]?.key === 'of') || stayLength(tokens, k),
  );

/** Shops, chains and big employers: with a place ("the Co-op in Rhyl") they say where someone works or shops. */
const CHAINS = new PhraseSet();
for (const c of `tesco|tesco express|tesco extra|asda|sainsbury's|sainsburys|aldi|lidl|morrisons|waitrose|co-op|coop|spar|londis|
  greggs|mcdonald's|mcdonalds|maccies|maccy d's|kfc|nando's|nandos|primark|argos|wilko|wilkos|poundland|matalan|superdrug|
  screwfix|toolstation|wickes|halfords|currys|travelodge|wetherspoons|wetherspoon|domino's|dominos|costcutter|nisa|budgens|
  specsavers|farmfoods|sports direct|jd sports|tk maxx|home bargains|b&m|b&q|m&s|marks and spencer|pizza hut|burger king|
  card factory|holland and barrett|lloyds pharmacy|royal mail|premier inn|starbucks|pret|subway|amazon|dpd|evri|hermes|
  deliveroo|uber eats|just eat|sports direct|the range|dunelm|ikea|asda living`.split('|'))
  CHAINS.add(c.trim());
// ordinary words as well as shops: only with a capital
for (const c of 'Iceland|Boots|Next|Costa|Savers|Premier|One Stop|Shell|Esso|Jet|Bargain Booze|Heron|The Works|River Island|New Look|Nationwide|Halifax|Barclays|Lloyds|Santander|HSBC|NatWest'.split(
  '|',
))
  CHAINS.add(c, true);

const WORK_VERBS = new Set([
  'works',
  'worked',
  'working',
  'work',
  'job',
  'shifts',
  'shift',
  'employed',
  'manager',
  'cleaner',
  'cashier',
  'supervisor',
  'apprenticeship',
  'placement',
  'volunteers',
  'volunteered',
  'volunteering',
  'driver',
  'porter',
  'chef',
  'receptionist',
  'labourer',
  'packer',
  'picker',
  'carer',
  'nurse',
  'teacher',
  'waitress',
  'waiter',
  'barmaid',
  'hairdresser',
  'mechanic',
  'apprentice',
  'cleans',
  'cleaning',
  'drives',
  'drove',
  'boss',
  'stacks',
  'stacking',
  'tills',
]);
const WORK_PREPS = new Set(['at', 'for', 'in', 'by']);
const JOB_NOUNS = new Set(
  'manager cleaner cashier supervisor driver porter chef receptionist labourer packer picker carer nurse teacher waitress waiter barmaid hairdresser mechanic apprentice'.split(
    ' ',
  ),
);
const PUBLIC_EMPLOYERS = new Set([
  'council',
  'councils',
  'trust',
  'nhs',
  'services',
  'service',
  'authority',
  'government',
  'police',
  'constabulary',
  'board',
  'department',
  'office',
  'executive',
  'cafcass',
  'borough',
  'county',
  'city',
]);
const OWNERS = new Set(['her', 'his', 'their', 'our']);
const OWN_VERBS = new Set(['run', 'runs', 'ran', 'running', 'own', 'owns', 'owned', 'manage', 'manages', 'managed']);
const BUSINESS_WORDS = new Set(
  'steelworks plant docks airport mill takeaway chippy shop bar salon cafe café salon barbers barber pub bar restaurant hotel garage factory warehouse bakery butchers butcher chemist pharmacy launderette laundrette petrol station market nursery care home surgery office depot centre gym supermarket call laundry kitchen site yard farm'.split(
    ' ',
  ),
);
const BRANCH_WORDS = new Set([
  'warehouse',
  'depot',
  'store',
  'shop',
  'branch',
  'superstore',
  'factory',
  'site',
  'office',
  'hub',
  'express',
  'extra',
  'metro',
  'local',
]);
const LOCATION_PREPS = new Set(['in', 'on', 'at', 'near', 'by', 'off', 'opposite', 'behind', 'next']);
const STREETISH =
  /^(?:road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|terrace|grove|gardens|place|parade|square|row|walk|retail|park|centre|precinct|estate|mall)$/;

function cand(kind: 'hospital' | 'workplace', tokens: Token[], a: number, b: number, tier?: 'check'): Candidate {
  const c: Candidate = { kind, start: tokens[a]!.start, end: tokens[b]!.end };
  if (tier) c.tier = tier;
  return c;
}

/** A capitalised name run ending at i-1 (walking back over "of", "and", "St", possessives): its first index. */
function nameRunBefore(tokens: Token[], i: number, max: number): number {
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
function capitalisedOn(tokens: Token[], j: number, from: number, max: number): number {
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

/** Where an employer's name that starts at `j` ends (exclusive): capitalised words that can be a name, at most 4 from `s`. */
function employerEnd(tokens: Token[], j: number, s: number): number {
  while (j < tokens.length && j - s < 4 && tokens[j]!.cap && joinedBySpace(tokens[j]!.gap) && !neverAName(tokens[j]!.key)) j++;
  return j;
}

const distinctive = (words: Token[]) => words.some((w) => !HOSPITAL_TYPE_WORDS.has(w.key) && !neverAName(w.key));

/** A location after "in", "on", "near": capitalised words ("Rhyl", "Hamilton Road") or a small-letter place. */
function locationAfter(tokens: Token[], i: number): { end: number; street: boolean } | undefined {
  // "the Amazon warehouse in Swansea", "the Tesco store on ..."
  if (tokens[i] && BRANCH_WORDS.has(tokens[i]!.key) && joinedBySpace(tokens[i]!.gap)) i++;
  const p = tokens[i];
  const first = tokens[i + 1];
  if (!p || !first || !LOCATION_PREPS.has(p.key) || !joinedBySpace(p.gap) || !joinedBySpace(first.gap)) return undefined;
  let j = i + 1;
  if (first.key === 'the' && tokens[j + 1]?.cap) j++;
  const start = j;
  if (tokens[j]!.cap) {
    while (j + 1 < tokens.length && j - start < 3 && tokens[j + 1]!.cap && joinedBySpace(tokens[j + 1]!.gap)) j++;
  } else if (tokens[j + 1] && joinedBySpace(tokens[j + 1]!.gap) && STREETISH.test(tokens[j + 1]!.key) && !neverAName(tokens[j]!.key)) {
    // "on high street", "on mill road" in small letters
    j++;
  } else if (!(placeWord(tokens[j]!.key) || unknownWord(tokens[j]!.key))) return undefined;
  const words = tokens.slice(start, j + 1);
  if (words.every((w) => neverAName(w.key))) return undefined;
  return { end: j, street: words.some((w) => STREETISH.test(w.key)) };
}

export function findVenues(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const cue = hospitalSentences(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];

    // "Ysbyty Gwynedd", "Ysbyty Glan Clwyd"
    if (t.key === 'ysbyty') {
      const j = headedRun(tokens, i, YSBYTY_PARTICLES, 4, () => false, foreignWord);
      if (j > i) out.push(cand('hospital', tokens, i, j));
      continue;
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
        continue;
      }
    }
    // (a head inside a keep-list term is not one: "Pupil Referral Unit", "Child Development Centre")
    // "the Children's Hospital for Wales", "the Women's Hospital of Ulster": a kind of hospital and its place
    if (t.cap && t.key === 'hospital' && ['for', 'of'].includes(tokens[i + 1]?.key ?? '') && joinedBySpace(tokens[i + 1]!.gap)) {
      const n = tokens[i + 2];
      if (
        n?.cap &&
        joinedBySpace(n.gap) &&
        !n.sentenceStart &&
        (!neverAName(n.key) || HOSPITAL_TYPE_WORDS.has(n.key) || n.key === 'sick')
      ) {
        let s = i;
        while (s > 0 && i - s < 3 && tokens[s - 1]!.cap && joinedBySpace(tokens[s]!.gap) && !tokens[s]!.sentenceStart) s--;
        if (tokens[s]!.key === 'the') s++;
        const e = capitalisedOn(tokens, i + 2, i, 4);
        out.push(cand('hospital', tokens, s, e));
        i = e;
        continue;
      }
    }
    if ((HOSPITAL_HEADS.has(t.key) || (t.cap && CAP_HOSPITAL_HEADS.has(t.key)) || centre) && i > 0 && !kept[i]) {
      const headAt = centre ? i - 1 : i;
      const s = nameRunBefore(tokens, headAt, 5);
      const words = tokens.slice(s, headAt);
      // a town's name before a capitalised head is the hospital's: "Morriston Hospital"
      if (words.length && distinctive(words) && (t.cap || !kept.subarray(s, headAt).some((x) => x === 1))) {
        out.push(cand('hospital', tokens, s, i, t.key === 'practice' || t.key === 'unit' ? 'check' : undefined));
      } else if (words.length && t.cap && cue[i] && words.every((w) => w.cap || HOSPITAL_PARTICLES.has(w.key))) {
        // "the Children's Assessment Unit", "the Child Development Centre" in a sentence about care: which unit, possibly
        out.push(cand('hospital', tokens, s, i, 'check'));
      } else if (
        !words.length &&
        !t.cap &&
        prev &&
        !prev.cap &&
        unknownWord(prev.key) &&
        !CLINIC_KINDS.has(prev.key) &&
        joinedBySpace(t.gap) &&
        HOSPITAL_HEADS.has(t.key)
      ) {
        out.push(cand('hospital', tokens, i - 1, i, 'check'));
      }
      continue;
    }
    // "the Hergest unit": a capitalised name before a small-letter unit (possible)
    if (!t.cap && t.key === 'unit' && prev?.cap && joinedBySpace(t.gap) && !prev.sentenceStart) {
      const s = nameRunBefore(tokens, i, 3);
      if (s < i && distinctive(tokens.slice(s, i)) && !kept.subarray(s, i).some((x) => x === 1)) {
        out.push(cand('hospital', tokens, i - 1, i, 'check'));
      }
      continue;
    }
    // "ward 7", "Ward 12b", "Rainbow Ward", "the Starlight ward" (not "Rebecca Ward", "Mrs Ward")
    if (t.key === 'ward') {
      const n = tokens[i + 1];
      if (n && joinedBySpace(n.gap) && (/^\d{1,2}[a-z]?$/i.test(n.text) || WARD_NUMBERS.has(n.key))) {
        out.push(cand('hospital', tokens, i, i + 1));
        continue;
      }
      // "on Ward Alaw", "to Ward Dewi": a capitalised name after "Ward", after on/onto/to
      if (
        t.cap &&
        n &&
        joinedBySpace(n.gap) &&
        n.cap &&
        !n.sentenceStart &&
        ['on', 'onto', 'to'].includes(prev?.key ?? '') &&
        !neverAName(n.key)
      ) {
        out.push(cand('hospital', tokens, i, i + 1));
        continue;
      }
      const s = nameRunBefore(tokens, i, 2);
      const words = tokens.slice(s, i);
      // "Rebecca Ward" is a person; "the Rowan Ward", "on Rowan Ward" is a ward
      const person =
        !['the', 'on', 'onto'].includes(tokens[s - 1]?.key ?? '') &&
        words.some((w) => (knownName(w.key) && !commonWord(w.key)) || ['mr', 'mrs', 'ms', 'miss', 'dr', 'mx'].includes(w.key));
      if (words.length && distinctive(words) && !person && !kept.subarray(s, i).some((x) => x === 1))
        out.push(cand('hospital', tokens, s, i));
      continue;
    }
    // "Burnley General", "Leeds General": a place or a name before a capitalised "General" (not "Attorney General")
    if (t.cap && t.key === 'general' && prev?.cap && joinedBySpace(t.gap) && !prev.sentenceStart && !NOT_HOSPITAL_GENERAL.has(prev.key)) {
      const n = tokens[i + 1];
      if (!(n?.cap && joinedBySpace(n.gap)) && !kept[i] && !neverAName(prev.key)) {
        out.push(cand('hospital', tokens, i - 1, i));
        continue;
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
        continue;
      }
    }
    // "the Royal", "the Royal Alex"
    // in small letters only where nothing follows that makes it something else: "at the royal, they"
    if (!t.cap && t.key === 'royal' && prev?.key === 'the' && ['at', 'to', 'in', 'from', 'into'].includes(tokens[i - 2]?.key ?? '')) {
      const n = tokens[i + 1];
      const ends = (k: number) =>
        !tokens[k] || !joinedBySpace(tokens[k]!.gap) || ['in', 'at', 'for', 'with', 'when', 'and', 'after', 'on'].includes(tokens[k]!.key);
      // "at the royal", "at the royal london." ("the royal" and a place)
      if (ends(i + 1)) out.push(cand('hospital', tokens, i - 1, i, 'check'));
      else if (n && !n.cap && placeWord(n.key) && ends(i + 2)) out.push(cand('hospital', tokens, i - 1, i + 1, 'check'));
      continue;
    }
    if (t.cap && t.key === 'royal' && prev?.key === 'the' && joinedBySpace(t.gap)) {
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
      continue;
    }
    // hospitals known by a word that is also a place or a house: "the Priory", "the Heath" (possible; in small letters only
    // in a sentence about illness: "i was in the priory after my breakdown")
    if (
      (t.cap || cue[i] === 1) &&
      prev?.key === 'the' &&
      MAYBE_HOSPITALS.has(t.key) &&
      !(tokens[i + 1]?.cap && joinedBySpace(tokens[i + 1]!.gap)) &&
      KNOWN_HOSPITALS.matchAt(tokens, i) <= 1
    ) {
      out.push(cand('hospital', tokens, i - 1, i, 'check'));
      continue;
    }
    // known hospitals and hospices without a head word: "Alder Hey", "the Evelina", "GOSH" (not "Judge Ashworth");
    // those that are also people, places or churches only in a sentence about illness: "in and out of Prince Charles"
    const known =
      HONORIFIC_BEFORE.has(prev?.key ?? '') && prev?.cap
        ? 0
        : KNOWN_HOSPITALS.matchAt(tokens, i) || (cue[i] ? CUED_HOSPITALS.matchAt(tokens, i) : 0);
    // "Birmingham Children's Trust": the trust that employs someone, not the hospital
    const trust = known > 0 && tokens[i + known]?.key === 'trust' && tokens[i + known]!.cap;
    // "Mid Ulster": the end of a longer name the keep-list knows (an area), not the Ulster Hospital
    const inLongerTerm = known > 0 && kept[i] === 1 && kept[i - 1] === 1 && prev?.cap === true && joinedBySpace(t.gap);
    if (known > 0 && !trust && !inLongerTerm) {
      out.push(cand('hospital', tokens, i, i + known - 1));
      i += known - 1;
      continue;
    }

    // workplaces: a chain with a place, or employment words with a named employer
    const chain = kept[i] ? 0 : CHAINS.matchAt(tokens, i);
    if (chain > 0) {
      const last = i + chain - 1;
      const loc = locationAfter(tokens, last + 1);
      const working = workContext(tokens, i);
      // "Tesco Hove", "Asda Bromley": a chain and a place straight after
      const placeNext =
        tokens[last + 1] && joinedBySpace(tokens[last + 1]!.gap) && tokens[last + 1]!.cap && placeWord(tokens[last + 1]!.key);
      if (loc) out.push(cand('workplace', tokens, i, loc.street ? last : loc.end));
      else if (placeNext) out.push(cand('workplace', tokens, i, last + 1));
      else if (working) out.push(cand('workplace', tokens, i, last, 'check'));
      i = last;
      continue;
    }
    // "HMS Collingwood", "RAF Lossiemouth": a base or a ship someone serves at
    if (
      (t.key === 'hms' || t.key === 'raf') &&
      t.acronym &&
      tokens[i + 1]?.cap &&
      joinedBySpace(tokens[i + 1]!.gap) &&
      !neverAName(tokens[i + 1]!.key)
    ) {
      const j = capitalisedOn(tokens, i + 1, i, 3);
      out.push(cand('workplace', tokens, i, j));
      i = j;
      continue;
    }
    // "Oakwood Care Home", "Meadowbank Nursing Home", "Bramley Court care home": where someone lives or works
    if (
      t.key === 'home' &&
      prev &&
      ['care', 'nursing', 'residential', 'childrens', "children's"].includes(prev.key) &&
      prev.cap === t.cap &&
      tokens[i - 2]?.cap
    ) {
      const s = nameRunBefore(tokens, i - 1, 3);
      if (s < i - 1 && distinctive(tokens.slice(s, i - 1))) out.push(cand('workplace', tokens, s, i));
      continue;
    }
    // "my parents run the takeaway on Church Street": a business someone runs, and where it is
    // and "her nail bar in Hull": a business that is someone's, and where it is
    const theirs = OWNERS.has(t.key) && (BUSINESS_WORDS.has(tokens[i + 1]?.key ?? '') || BUSINESS_WORDS.has(tokens[i + 2]?.key ?? ''));
    if (OWN_VERBS.has(t.key) || theirs) {
      let k = i + 1;
      if (OWN_VERBS.has(t.key) && tokens[k] && ['the', 'a', 'their', 'his', 'her', 'our', 'my'].includes(tokens[k]!.key)) k++;
      for (const end = Math.min(tokens.length, k + 3); k < end; k++) {
        if (!joinedBySpace(tokens[k]!.gap)) break;
        if (!BUSINESS_WORDS.has(tokens[k]!.key)) continue;
        // "a care home", "the leisure centre": the last word of the kind of business
        if (tokens[k + 1] && joinedBySpace(tokens[k + 1]!.gap) && BUSINESS_WORDS.has(tokens[k + 1]!.key) && k + 1 < end) continue;
        const loc = locationAfter(tokens, k + 1);
        if (loc) out.push(cand('workplace', tokens, i + 1, loc.street ? k : loc.end));
        break;
      }
      continue;
    }
    // "works at Hendersons Bakery", "job at the Grand Hotel", "works for Jaguar Land Rover"
    if (WORK_VERBS.has(t.key)) {
      let j = i + 1;
      // "working nights for British Airways"
      if (
        ['nights', 'days', 'weekends', 'evenings', 'part-time', 'full-time'].includes(tokens[j]?.key ?? '') &&
        joinedBySpace(tokens[j]!.gap)
      )
        j++;
      if (tokens[j] && WORK_PREPS.has(tokens[j]!.key) && joinedBySpace(tokens[j]!.gap)) j++;
      else continue;
      if (['the', 'a', 'an'].includes(tokens[j]?.key ?? '') && joinedBySpace(tokens[j]!.gap)) j++;
      const s = j;
      // "works at the Chinese takeaway on Dale Street": a kind of business, then where it is
      for (let k = s; k < Math.min(tokens.length, s + 3); k++) {
        if (k > s && !joinedBySpace(tokens[k]!.gap)) break;
        if (!BUSINESS_WORDS.has(tokens[k]!.key)) continue;
        // "a care home", "the leisure centre": the last word of the kind of business
        if (tokens[k + 1] && joinedBySpace(tokens[k + 1]!.gap) && BUSINESS_WORDS.has(tokens[k + 1]!.key) && k + 1 < s + 3) continue;
        const loc = locationAfter(tokens, k + 1);
        if (loc) out.push(cand('workplace', tokens, s, loc.street ? k : loc.end));
        break;
      }
      j = employerEnd(tokens, j, s);
      // "for British Airways", "at Northern Rail": a word that is never a name, then one that is the employer's
      if (j === s && tokens[j]?.cap && tokens[j + 1]?.cap && joinedBySpace(tokens[j + 1]!.gap) && !neverAName(tokens[j + 1]!.key)) {
        j = employerEnd(tokens, j + 1, s);
        if (kept.subarray(s, j).includes(1)) j = s;
      }
      if (j === s || CHAINS.matchAt(tokens, s) > 0) continue;
      const words = tokens.slice(s, j);
      const loc = locationAfter(tokens, j);
      // "works at Vauxhall in Ellesmere Port": a place's name is an employer's when another place follows
      const employerInPlace = loc !== undefined && !loc.street && tokens[j]?.key === 'in' && tokens[j + 1]!.cap;
      if (words.every((w) => placeWord(w.key) && !onlyAName(w.key)) && !employerInPlace) continue;
      // a council, a trust, the NHS: public employers (often the worker's own), not a family's detail
      if (PUBLIC_EMPLOYERS.has(words[words.length - 1]!.key)) continue;
      // "a foster carer in Stornoway.": a job and the town it is done in, not an employer
      const ends = !tokens[j] || !joinedBySpace(tokens[j]!.gap);
      if (JOB_NOUNS.has(t.key) && tokens[i + 1]!.key === 'in' && words.length === 1 && ends && !words[0]!.acronym) continue;
      out.push(cand('workplace', tokens, s, loc && !loc.street ? loc.end : j - 1));
    }
  }
  out.push(
    ...employersInPlaces(
      tokens,
      kept,
      sentencesWith(tokens, (t) => WORK_CUES.has(t.key)),
    ),
  );
  out.push(
    ...unknownHospitals(
      tokens,
      kept,
      sentencesWith(tokens, (t) => HOSPITAL_CUES.has(t.key)),
    ),
  );
  return out;
}

/** "works at", "my job at", "she's a cashier at" shortly before a chain. */
function workContext(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (WORK_VERBS.has(tokens[k]!.key)) return true;
    if (tokens[k + 1]!.sentenceStart) return false;
  }
  return false;
}

/** Words that make a sentence about someone's work: there "at Airbus in Broughton" is a workplace. */
const WORK_CUES = new Set([
  ...WORK_VERBS,
  ...'apprentice apprentices drives drive drove driving start started staff employer boss contract nights lifts trainee training volunteer'.split(
    ' ',
  ),
]);
/** Last words of a name that make it something else: schools, hospitals, courts, councils (found elsewhere, or public). */
const NOT_EMPLOYER_END = new Set([
  ...PUBLIC_EMPLOYERS,
  ...'school academy college nursery university hospital infirmary hospice clinic court tribunal prison church mosque temple gurdwara team teams rc ce cofe catholic primary high grammar infants juniors'.split(
    ' ',
  ),
]);

/**
 * "works at the Airbus factory in Broughton", "got a start at INEOS in Grangemouth", "Sharon from Barnardo's in
 * Harpurhey": an employer or organisation, then "in" a place. Sure in a sentence about work or with a kind of business;
 * an organisation ("Winston's Wish", "British Heart Foundation") elsewhere is possible.
 */
function employersInPlaces(tokens: Token[], kept: Uint8Array, work: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i + 3 < tokens.length; i++) {
    const p = tokens[i]!;
    if (!['at', 'for', 'from', 'with'].includes(p.key)) continue;
    let s = i + 1;
    if (tokens[s]!.key === 'the' && joinedBySpace(tokens[s]!.gap)) s++;
    let e = s;
    while (e < tokens.length && e - s < 4 && tokens[e]!.cap && joinedBySpace(tokens[e]!.gap) && !tokens[e]!.sentenceStart) {
      e++;
      if (tokens[e - 1]!.possessive && !(tokens[e]?.cap && commonWord(tokens[e]!.key))) break;
    }
    if (e === s) continue;
    const words = tokens.slice(s, e);
    const lastWord = words[words.length - 1]!;
    if (words.every((w) => neverAName(w.key) || (placeWord(w.key) && !onlyAName(w.key))) || NOT_EMPLOYER_END.has(lastWord.key)) continue;
    let k = e;
    const business =
      tokens[k] !== undefined &&
      !tokens[k]!.cap &&
      joinedBySpace(tokens[k]!.gap) &&
      (BUSINESS_WORDS.has(tokens[k]!.key) || BRANCH_WORDS.has(tokens[k]!.key));
    if (business) k++;
    // "the Child in Need plan": one keep-list term, not an organisation in a place
    const loc = tokens[k]?.key === 'in' && !kept[k] ? locationAfter(tokens, k) : undefined;
    if (!loc || !tokens[k + 1]!.cap) continue;
    const org =
      words.some((w) => ORG_HEADS.has(w.key)) ||
      lastWord.possessive ||
      (words.length > 1 && commonWord(lastWord.key)) ||
      words.some((w) => w.acronym);
    if (work[i] || business) out.push(cand('workplace', tokens, s, loc.end));
    else if (org || kept.subarray(s, e).includes(1)) out.push(cand('workplace', tokens, s, loc.end, 'check'));
    i = loc.end;
  }
  return out;
}
const ORG_HEADS = new Set('foundation trust charity wish aid society association centre project group services service'.split(' '));

/** Said just before where someone was treated: "admitted to", "sectioned at", "born in", "in and out of", "a bed at". */
const TREATED_AT = new Set(
  'admitted sectioned transferred born rushed taken blue-lighted bluelighted treated seen stayed ward bed appointment appointments clinic op operation surgery scan scans inpatient delivered rehab recovering respite camhs unit nicu scbu picu icu hdu maternity paediatrics'.split(
    ' ',
  ),
);
const VISIT_VERBS = new Set(['visited', 'visit', 'visits', 'visiting', 'saw', 'see']);
const UNIT_KINDS = new Set(
  'neonatal intensive care baby maternity paediatric assessment mental psychiatric eating mother burns spinal stroke renal cancer oncology childrens children adolescent secure rehab rehabilitation'.split(
    ' ',
  ),
);
/** Said before a place someone stayed ("was in Dryburn", "ended up at", "spent weeks in"): a hospital only in a sentence about care. */
const STAYED_IN = new Set(['was', 'were', 'been', 'weeks', 'months', 'up']);
/** Where someone "was in" that is not a hospital. */
const NOT_TREATED_IN = new Set('hmp hmyoi prison court care foster year reception nursery class set band'.split(' '));

/**
 * A hospital the lists do not know, where the words say someone was treated there: "admitted to Treliske",
 * "sectioned at Parkwood", "in and out of Wansbeck". Possible (a check).
 */
function unknownHospitals(tokens: Token[], kept: Uint8Array, cue: Uint8Array): Candidate[] {
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
    const visited =
      cue[i] === 1 && p.key === 'at' && ['me', 'him', 'her', 'us', 'them'].includes(lead.key) && VISIT_VERBS.has(tokens[i - 2]?.key ?? '');
    const treated = visited || (TREATED_AT.has(lead.key) && (lead.key !== 'unit' || UNIT_KINDS.has(tokens[i - 2]?.key ?? '')));
    if (!(treated || inAndOut || stayed) || (p.key === 'of' && !inAndOut)) continue;
    let s = i + 1;
    if (tokens[s]!.key === 'the' && joinedBySpace(tokens[s]!.gap) && tokens[s + 1]) s++;
    let e = s;
    while (e < tokens.length && e - s < 3 && tokens[e]!.cap && joinedBySpace(tokens[e]!.gap) && !kept[e]) {
      e++;
      if (tokens[e - 1]!.possessive) break;
    }
    if (e === s) continue;
    const words = tokens.slice(s, e);
    if (words.every((w) => neverAName(w.key)) || words.some((w) => w.acronym && neverAName(w.key))) continue;
    if (words.every((w) => placeWord(w.key) && !onlyAName(w.key))) continue;
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
    out.push(cand('hospital', tokens, s, e - 1, 'check'));
  }
  return out;
}
