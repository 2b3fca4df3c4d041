// Workplaces with a location: "the Co-op in Rhyl", "works at Tesco on Hamilton Road", "works at Hendersons
// Bakery", "HMS Collingwood", "Oakwood Care Home", an employer "in" a place in a sentence about work.
import { PhraseSet } from './phrases.ts';
import type { Candidate } from './spans.ts';
import { joinedBySpace, sentencesWith, type Token } from './tokens.ts';
import { commonWord, neverAName, onlyAName, placeWord, unknownWord } from './words.ts';
import { cand, capitalisedOn, distinctive, nameRunBefore } from './venue-runs.ts';

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

/** Where an employer's name that starts at `j` ends (exclusive): capitalised words that can be a name, at most 4 from `s`. */
function employerEnd(tokens: Token[], j: number, s: number): number {
  while (j < tokens.length && j - s < 4 && tokens[j]!.cap && joinedBySpace(tokens[j]!.gap) && !neverAName(tokens[j]!.key)) j++;
  return j;
}

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

/** The workplace rules at token `i`: candidates go to `out`. Returns where the walk goes on from. */
export function workplaceAt(tokens: Token[], i: number, kept: Uint8Array, out: Candidate[]): number {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  // workplaces: a chain with a place, or employment words with a named employer
  const chain = kept[i] ? 0 : CHAINS.matchAt(tokens, i);
  if (chain > 0) {
    const last = i + chain - 1;
    const loc = locationAfter(tokens, last + 1);
    const working = workContext(tokens, i);
    // "Tesco Hove", "Asda Bromley": a chain and a place straight after
    const placeNext = tokens[last + 1] && joinedBySpace(tokens[last + 1]!.gap) && tokens[last + 1]!.cap && placeWord(tokens[last + 1]!.key);
    if (loc) out.push(cand('workplace', tokens, i, loc.street ? last : loc.end));
    else if (placeNext) out.push(cand('workplace', tokens, i, last + 1));
    else if (working) out.push(cand('workplace', tokens, i, last, 'check'));
    i = last;
    return i;
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
    return i;
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
    return i;
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
    return i;
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
    else return i;
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
    if (j === s || CHAINS.matchAt(tokens, s) > 0) return i;
    const words = tokens.slice(s, j);
    const loc = locationAfter(tokens, j);
    // "works at Vauxhall in Ellesmere Port": a place's name is an employer's when another place follows
    const employerInPlace = loc !== undefined && !loc.street && tokens[j]?.key === 'in' && tokens[j + 1]!.cap;
    if (words.every((w) => placeWord(w.key) && !onlyAName(w.key)) && !employerInPlace) return i;
    // a council, a trust, the NHS: public employers (often the worker's own), not a family's detail
    if (PUBLIC_EMPLOYERS.has(words[words.length - 1]!.key)) return i;
    // "a foster carer in Stornoway.": a job and the town it is done in, not an employer
    const ends = !tokens[j] || !joinedBySpace(tokens[j]!.gap);
    if (JOB_NOUNS.has(t.key) && tokens[i + 1]!.key === 'in' && words.length === 1 && ends && !words[0]!.acronym) return i;
    out.push(cand('workplace', tokens, s, loc && !loc.street ? loc.end : j - 1));
  }
  return i;
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
export function employersInPlaces(tokens: Token[], kept: Uint8Array): Candidate[] {
  const work = sentencesWith(tokens, (t) => WORK_CUES.has(t.key));
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
