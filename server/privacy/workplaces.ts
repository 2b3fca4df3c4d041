// Workplaces with a location: "the Co-op in Rhyl", "works at Tesco on Hamilton Road", "works at Hendersons
// Bakery", "HMS Collingwood", "Oakwood Care Home", an employer "in" a place in a sentence about work.
import { PhraseSet } from './phrases.ts';
import type { Candidate } from './spans.ts';
import { joinedBySpace, sentencesWith, type Token } from './tokens.ts';
import { commonWord, neverAName, notAPerson, onlyAName, placeWord, unknownWord } from './words.ts';
import { cand, capitalisedOn, distinctive, nameRunBefore } from './venue-runs.ts';

/** Shops, chains and big employers: with a place ("the Co-op in Rhyl") they say where someone works or shops. */
const CHAINS = new PhraseSet();
for (const c of `tesco|tesco express|tesco extra|asda|sainsbury's|sainsburys|aldi|lidl|morrisons|waitrose|co-op|coop|spar|londis|
  greggs|mcdonald's|mcdonalds|maccies|maccy d's|kfc|nando's|nandos|primark|argos|wilko|wilkos|poundland|matalan|superdrug|
  screwfix|toolstation|wickes|halfords|currys|travelodge|wetherspoons|wetherspoon|domino's|dominos|costcutter|nisa|budgens|
  specsavers|farmfoods|sports direct|jd sports|tk maxx|home bargains|b&m|b&q|m&s|marks and spencer|pizza hut|burger king|
  card factory|holland and barrett|lloyds pharmacy|royal mail|premier inn|starbucks|pret|subway|amazon|dpd|evri|hermes|
  deliveroo|uber eats|just eat|sports direct|the range|dunelm|ikea|asda living|
  morrisons daily|sainsbury's local|tesco metro|co-operative|centra|mace|eurospar|supervalu|dunnes stores|dunnes|
  poundstretcher|peacocks|matalan|tk maxx|h&m|zara|footasylum|schuh|smyths|hobbycraft|homebase|kwik fit|pets at home|
  vision express|superdrug|whsmith|wh smith|waterstones|john lewis|house of fraser|selfridges|debenhams|
  caffe nero|caffè nero|papa john's|papa johns|toby carvery|harvester|beefeater|brewers fayre|frankie and benny's|
  wagamama|pizza express|five guys|tim hortons|krispy kreme|holiday inn|butlins|haven|center parcs|pontins|
  parcelforce|dhl|yodel|fedex|ocado|arnold clark|stagecoach|arriva|first bus|go north east|national express|
  lothian buses|translink|cardiff bus|metrolink|scotrail|network rail|northern rail|
  bakkavor|greencore|2 sisters|cranswick|moy park|weetabix|warburtons|hovis|müller|muller|arla|cadbury|nestle|nestlé|
  unilever|reckitt|pilkington|jcb|airbus|bae systems|rolls-royce|rolls royce|tata|tata steel|british steel|harland and wolff|
  spirit aerosystems|bombardier|jaguar land rover|jlr|sellafield|ineos|capita|concentrix|teleperformance|sitel|serco|
  g4s|mitie|sodexo|bupa|hc-one|sky|virgin media|talktalk|vodafone|admiral|aviva|direct line|
  easyjet|ryanair|jet2|jet2holidays|british airways|virgin atlantic|loganair|wizz air|tui|
  united utilities|severn trent|thames water|yorkshire water|anglian water|northumbrian water|dŵr cymru|dwr cymru|
  scottish power|scottishpower|british gas|octopus energy|ovo energy|npower|
  blackpool pleasure beach|pleasure beach|alton towers|thorpe park|chessington|drayton manor|flamingo land|legoland`.split('|'))
  CHAINS.add(c.trim());
// ordinary words as well as shops: only with a capital
for (const c of 'Post Office|Iceland|Boots|Next|Costa|Savers|Premier|One Stop|Shell|Esso|Jet|Bargain Booze|Heron|The Works|River Island|New Look|Nationwide|Halifax|Barclays|Lloyds|Santander|HSBC|NatWest|BP|Texaco|EE|O2|Three|BT|First|Go Ahead|Nissan|Vauxhall|Toyota|Honda|Mini|Siemens|Clarks|Hilton|UPS|Uber|Bolt|Amazon Flex|Scottish Water|Welsh Water|Southern Water|Wessex Water|South West Water|Northern Powergrid|EDF|OVO'.split(
  '|',
))
  CHAINS.add(c, true);
/** Chains whose names are ordinary words ("boots", "first"): in small letters only where the sentence is about work. */
const WORD_CHAINS = new PhraseSet();
for (const c of 'boots|next|costa|iceland|first|first bus|the works|savers|three|sky|haven|mini'.split('|')) WORD_CHAINS.add(c);

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
  'drive',
  'boss',
  'stacks',
  'stacking',
  'tills',
]);
const WORK_PREPS = new Set(['at', 'for', 'in', 'by']);
/** Days and shifts someone "does" somewhere: "i do saturdays at X", "she does nights at X". */
const DAYS_DONE = new Set(['saturdays', 'sundays', 'weekends', 'nights', 'evenings', 'mornings', 'lates', 'earlies']);
/** Between a job and where it is done: "working nights at", "works part time at", "I work now in", "still works at". */
const WHEN_WORKED = new Set(
  'nights days weekends evenings mornings part-time full-time part full out over away now still also currently there locally'.split(' '),
);
/** "a driver with First Glasgow", "an apprenticeship with Cardiff Bus": "with" names an employer only after a job. */
const WITH_JOBS = new Set([
  'job',
  'apprenticeship',
  'placement',
  'contract',
  'driver',
  'apprentice',
  'cleaner',
  'carer',
  'engineer',
  'trainee',
]);
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
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);
const OWNERS = new Set(['her', 'his', 'their', 'our']);
const NOT_A_BUSINESS_NAME = new Set('first second third last next own new old big same recent latest emergency'.split(' '));
const OWN_VERBS = new Set(['run', 'runs', 'ran', 'running', 'own', 'owns', 'owned', 'manage', 'manages', 'managed']);
const BUSINESS_WORDS = new Set(
  'steelworks plant docks airport mill takeaway chippy shop bar salon cafe café salon barbers barber pub bar restaurant hotel garage factory warehouse bakery butchers butcher chemist pharmacy launderette laundrette petrol station market nursery surgery office depot centre gym supermarket call laundry kitchen site yard farm plant'.split(
    ' ',
  ),
);
const BRANCH_WORDS = new Set([
  'warehouse',
  'dairy',
  'plant',
  'mill',
  'yard',
  'bakery',
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
/** A business someone owns: "his surgery in Bristol" is an operation. */
function ownedAt(tokens: Token[], k: number): boolean {
  return businessAt(tokens, k) && tokens[k]!.key !== 'surgery';
}

/** A kind of business at token k: "care home" counts ("home" alone is someone's home, "care" alone is being cared for). */
function businessAt(tokens: Token[], k: number): boolean {
  const key = tokens[k]?.key ?? '';
  if (key === 'home') return ['care', 'nursing', 'residential'].includes(tokens[k - 1]?.key ?? '');
  if (key === 'care' || key === 'nursing' || key === 'residential') return tokens[k + 1]?.key === 'home';
  return BUSINESS_WORDS.has(key);
}
const LOCATION_PREPS = new Set(['in', 'on', 'at', 'near', 'by', 'off', 'opposite', 'behind', 'next', 'yng', 'ym']);
const STREETISH =
  /^(?:road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|terrace|grove|gardens|place|parade|square|row|walk|retail|park|centre|precinct|estate|mall|quay|wharf|arcade)$/;

const COMPASS = new Set(['north', 'south', 'east', 'west']);
/** A place typed in small letters: a known place, a word no lexicon holds ("hunslet"), or one only a name ("walton"). */
const smallLetterPlace = (key: string) => placeWord(key) || unknownWord(key) || (onlyAName(key) && !neverAName(key));

/** "in the arndale": a small-letter word after "the" that no lexicon holds and that is no kind of place ("the depot"). */
const namedPlaceAfterThe = (key: string) =>
  unknownWord(key) && !neverAName(key) && !notAPerson(key) && !BRANCH_WORDS.has(key) && !BUSINESS_WORDS.has(key);

/** Where an employer's name that starts at `j` ends (exclusive): capitalised words that can be a name, at most 4 from `s`. */
function employerEnd(tokens: Token[], j: number, s: number): number {
  while (j < tokens.length && j - s < 4 && tokens[j]!.cap && joinedBySpace(tokens[j]!.gap) && !neverAName(tokens[j]!.key)) j++;
  return j;
}

/** A location after "in", "on", "near": capitalised words ("Rhyl", "Hamilton Road") or a small-letter place. */
export function locationAfter(tokens: Token[], i: number): { end: number; street: boolean } | undefined {
  // "the Amazon warehouse in Swansea", "the Tesco store on ..."
  if (tokens[i] && BRANCH_WORDS.has(tokens[i]!.key) && joinedBySpace(tokens[i]!.gap)) i++;
  // "the Royal Mail sorting office in Bootle", "the Asda distribution centre in Lutterworth"
  else if (
    tokens[i + 1] &&
    !tokens[i]!.cap &&
    joinedBySpace(tokens[i]!.gap) &&
    joinedBySpace(tokens[i + 1]!.gap) &&
    (BRANCH_WORDS.has(tokens[i + 1]!.key) || tokens[i + 1]!.key === 'centre')
  )
    i += 2;
  // "drives for DPD out of Hinckley"
  if (tokens[i]?.key === 'out' && tokens[i + 1]?.key === 'of' && joinedBySpace(tokens[i + 1]!.gap)) i++;
  const p = tokens[i];
  const first = tokens[i + 1];
  if (!p || !first || !(LOCATION_PREPS.has(p.key) || p.key === 'of') || !joinedBySpace(p.gap) || !joinedBySpace(first.gap))
    return undefined;
  if (p.key === 'of' && tokens[i - 1]?.key !== 'out') return undefined;
  let j = i + 1;
  if (first.key === 'the' && (tokens[j + 1]?.cap || (tokens[j + 1] !== undefined && namedPlaceAfterThe(tokens[j + 1]!.key)))) j++;
  // "the co-op on the high street", "at the retail park": a street in small letters after "the"
  else if (
    first.key === 'the' &&
    tokens[j + 2] &&
    !tokens[j + 1]!.cap &&
    joinedBySpace(tokens[j + 1]!.gap) &&
    joinedBySpace(tokens[j + 2]!.gap) &&
    STREETISH.test(tokens[j + 2]!.key) &&
    !neverAName(tokens[j + 1]!.key)
  )
    return { end: j + 2, street: true };
  const start = j;
  if (tokens[j]!.cap) {
    while (j + 1 < tokens.length && j - start < 3 && tokens[j + 1]!.cap && joinedBySpace(tokens[j + 1]!.gap)) j++;
  } else if (
    tokens[j + 1] &&
    joinedBySpace(tokens[j + 1]!.gap) &&
    STREETISH.test(tokens[j + 1]!.key) &&
    (!neverAName(tokens[j]!.key) || COMPASS.has(tokens[j]!.key))
  ) {
    // "on high street", "on mill road", "in west quay" in small letters
    j++;
  } else if (!/^\p{L}/u.test(tokens[j]!.text) || !smallLetterPlace(tokens[j]!.key)) return undefined;
  // "asda in burton latimer": a second word of a small-letter place
  else if (tokens[j + 1] && !tokens[j + 1]!.cap && joinedBySpace(tokens[j + 1]!.gap) && smallLetterPlace(tokens[j + 1]!.key)) j++;
  const words = tokens.slice(start, j + 1);
  if (words.every((w) => neverAName(w.key))) return undefined;
  const street = words.some((w) => STREETISH.test(w.key));
  // "at Marine depot", "at the Short Strand depot": the branch is part of where
  if (!street && tokens[j + 1] && !tokens[j + 1]!.cap && BRANCH_WORDS.has(tokens[j + 1]!.key) && joinedBySpace(tokens[j + 1]!.gap)) j++;
  return { end: j, street };
}

/** The workplace rules at token `i`: candidates go to `out`. Returns where the walk goes on from. */
export function workplaceAt(tokens: Token[], i: number, kept: Uint8Array, out: Candidate[]): number {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  // workplaces: a chain with a place, or employment words with a named employer
  let chain = kept[i] ? 0 : CHAINS.matchAt(tokens, i);
  // "working at boots in beeston", "an apprenticeship at first bus": a chain in small letters after a job and "at"
  if (chain === 0 && !t.cap && ['at', 'for', 'with', 'in'].includes(prev?.key ?? '') && workContext(tokens, i - 1)) {
    const word = WORD_CHAINS.matchAt(tokens, i);
    if (locationAfter(tokens, i + Math.max(1, word))) chain = word;
  }
  // a chain with a name of its own in capitals ("Boots", "Vauxhall" are kept as words and makes) after a job and "at"
  if (chain === 0 && t.cap && kept[i] && ['at', 'for', 'with', 'from'].includes(prev?.key ?? '') && workContext(tokens, i - 1))
    chain = CHAINS.matchAt(tokens, i);
  if (chain > 0) {
    const last = i + chain - 1;
    const loc = locationAfter(tokens, last + 1);
    const working = workContext(tokens, i);
    // "Tesco Hove", "Asda Bromley": a chain and a place straight after
    const placeNext =
      tokens[last + 1] &&
      joinedBySpace(tokens[last + 1]!.gap) &&
      (tokens[last + 1]!.cap || (!t.cap && working)) &&
      (placeWord(tokens[last + 1]!.key) || (tokens[last + 1]!.cap && kept[last + 1] === 1 && !neverAName(tokens[last + 1]!.key)));
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
  // ("his surgery in Bristol" is an operation, "her first job" no business: only a business word, after at most one word that is not a number word)
  const theirs =
    OWNERS.has(t.key) && (ownedAt(tokens, i + 1) || (ownedAt(tokens, i + 2) && !NOT_A_BUSINESS_NAME.has(tokens[i + 1]?.key ?? '')));
  if (OWN_VERBS.has(t.key) || theirs) {
    let k = i + 1;
    if (OWN_VERBS.has(t.key) && tokens[k] && ['the', 'a', 'their', 'his', 'her', 'our', 'my'].includes(tokens[k]!.key)) k++;
    // the business's own name starts after "the": "run [the] Golden Dragon takeaway"
    const named = OWN_VERBS.has(t.key) ? k : i + 1;
    // "Kuldip runs Gill's Autos on Oldbury Road", "he owns Al-Saeed on London Road": a business's own name, then where
    if (OWN_VERBS.has(t.key) && ownNamedBusiness(tokens, k, kept, out)) return i;
    for (const end = Math.min(tokens.length, k + 3); k < end; k++) {
      if (!joinedBySpace(tokens[k]!.gap)) break;
      if (!businessAt(tokens, k) || (theirs && !ownedAt(tokens, k))) continue;
      // "a care home", "the leisure centre": the last word of the kind of business
      if (tokens[k + 1] && joinedBySpace(tokens[k + 1]!.gap) && businessAt(tokens, k + 1) && k + 1 < end) continue;
      // "our restaurant, the Lucky Star on Nelson Street": the business named after a comma
      if (theirs && /^[ \t]*,[ \t]*$/u.test(tokens[k + 1]?.gap ?? '')) {
        let n = k + 1;
        if (tokens[n]!.key === 'the' && joinedBySpace(tokens[n + 1]?.gap ?? '')) n++;
        const e = employerEnd(tokens, n, n);
        const at = e > n ? locationAfter(tokens, e) : undefined;
        if (at && !tokens.slice(n, e).every((w) => placeWord(w.key))) out.push(cand('workplace', tokens, n, at.street ? e - 1 : at.end));
        break;
      }
      const loc = locationAfter(tokens, k + 1);
      if (loc) out.push(cand('workplace', tokens, named, loc.street ? k : loc.end));
      break;
    }
    return i;
  }
  // "works at Hendersons Bakery", "job at the Grand Hotel", "works for Jaguar Land Rover"
  // and "i do saturdays at Glamz Hair Studio": days someone does, somewhere
  if (WORK_VERBS.has(t.key) || (DAYS_DONE.has(t.key) && ['do', 'does', 'did', 'doing'].includes(prev?.key ?? ''))) {
    let j = i + 1;
    // "working nights for British Airways", "works part time at", "I work now in": when and how much, then where
    for (let n = 0; n < 2 && WHEN_WORKED.has(tokens[j]?.key ?? '') && joinedBySpace(tokens[j]!.gap); n++) {
      if (['part', 'full'].includes(tokens[j]!.key) && tokens[j + 1]?.key === 'time') j++;
      j++;
    }
    // "work on the tills at", "working on the line for": what the job is, then where
    if (
      tokens[j]?.key === 'on' &&
      tokens[j + 1]?.key === 'the' &&
      tokens[j + 2] &&
      !tokens[j + 2]!.cap &&
      ['at', 'for', 'in'].includes(tokens[j + 3]?.key ?? '') &&
      tokens.slice(j, j + 4).every((w) => joinedBySpace(w.gap))
    )
      j += 3;
    if (
      tokens[j] &&
      (WORK_PREPS.has(tokens[j]!.key) || (tokens[j]!.key === 'with' && WITH_JOBS.has(t.key))) &&
      joinedBySpace(tokens[j]!.gap)
    )
      j++;
    else return i;
    if (['the', 'a', 'an'].includes(tokens[j]?.key ?? '') && joinedBySpace(tokens[j]!.gap)) j++;
    const s = j;
    // "works at the Royal Mail sorting office in Bootle", "on the rides at Blackpool Pleasure Beach": a chain after the job
    const named = tokens[s] ? CHAINS.matchAt(tokens, s) : 0;
    if (named > 0) {
      const last = s + named - 1;
      const loc = locationAfter(tokens, last + 1);
      const n = tokens[last + 1];
      // "works at Asda Stevenage": a place straight after
      const placeNext = n !== undefined && n.cap && joinedBySpace(n.gap) && !n.sentenceStart && placeWord(n.key);
      if (placeNext && !loc) out.push(cand('workplace', tokens, s, last + 1));
      else out.push(cand('workplace', tokens, s, loc ? (loc.street ? last : loc.end) : last, loc ? undefined : 'check'));
      return placeNext && !loc ? last + 1 : last;
    }
    // "works at the Chinese takeaway on Dale Street": a kind of business, then where it is
    for (let k = s; k < Math.min(tokens.length, s + 3); k++) {
      if (k > s && !joinedBySpace(tokens[k]!.gap)) break;
      if (!businessAt(tokens, k)) continue;
      // "a care home", "the leisure centre": the last word of the kind of business
      if (tokens[k + 1] && joinedBySpace(tokens[k + 1]!.gap) && businessAt(tokens, k + 1) && k + 1 < s + 3) continue;
      const loc = locationAfter(tokens, k + 1);
      if (loc) out.push(cand('workplace', tokens, s, loc.street ? k : loc.end));
      break;
    }
    // "i work at reckitt on dansom lane": an employer in small letters that is no English word, then its street
    if (!tokens[s]?.cap && tokens[s] && unknownWord(tokens[s]!.key) && !neverAName(tokens[s]!.key) && /^\p{L}+$/u.test(tokens[s]!.text)) {
      const at = locationAfter(tokens, s + 1);
      if (at?.street && tokens[s + 1]!.key === 'on') out.push(cand('workplace', tokens, s, s, 'check'));
      return i;
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
    // "we do saturdays at Nana Jean's": days done somewhere are work only where the place is said too
    if (!WORK_VERBS.has(t.key) && !loc) return i;
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

/** What someone runs that is no business: a race, a club night, a person ("runs Jack to school"). */
const NOT_RUN_BUSINESS = new Set('marathon race run parkrun fun relay 10k 5k half'.split(' '));

/**
 * After "runs", "owns", "manages": a capitalised name that is no person's alone ("Gill's Autos", "Al-Saeed"), then
 * "on" a street or "in" a place. Pushes the workplace (up to the place; a street is left to the street rules).
 */
function ownNamedBusiness(tokens: Token[], s: number, kept: Uint8Array, out: Candidate[]): boolean {
  const first = tokens[s];
  if (!first?.cap || first.sentenceStart || !joinedBySpace(first.gap) || kept[s]) return false;
  const e = employerEnd(tokens, s, s);
  if (e === s) return false;
  const words = tokens.slice(s, e);
  const last = words[words.length - 1]!;
  if (NOT_EMPLOYER_END.has(last.key) || NOT_RUN_BUSINESS.has(last.key) || kept.subarray(s, e).includes(1)) return false;
  if (words.every((w) => placeWord(w.key) && !onlyAName(w.key))) return false;
  // "runs Jack to school", "manages Sophie on her own": one person's name, not a business's
  if (words.length === 1 && !first.possessive && !first.key.includes('-') && !unknownWord(first.key)) return false;
  const loc = locationAfter(tokens, e);
  if (!loc || !['on', 'in'].includes(tokens[e]!.key)) return false;
  out.push(cand('workplace', tokens, s, loc.street ? e - 1 : loc.end));
  return true;
}

/** "works at", "my job at", "she's a cashier at" shortly before a chain. */
function workContext(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (WORK_VERBS.has(tokens[k]!.key) || WORK_CUES.has(tokens[k]!.key)) return true;
    if (tokens[k + 1]!.sentenceStart) return false;
  }
  return false;
}

/** Words that make a sentence about someone's work: there "at Airbus in Broughton" is a workplace. */
const WORK_CUES = new Set([
  ...WORK_VERBS,
  ...'apprentice apprentices drives drive drove driving start started staff employer boss contract nights lifts trainee training volunteer redundant redundancy sacked'.split(
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
  // "couldn't get time off from Walkers in Beaumont Leys": time off is from work
  const work = sentencesWith(tokens, (t, k) => WORK_CUES.has(t.key) || (t.key === 'off' && tokens[k - 1]?.key === 'time'));
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
    // "i work shifts at kelloggs in wrexham": a word no lexicon holds, typed small, just after the work itself
    const small = e === s && work[i] && smallEmployerAt(tokens, i, s);
    if (small) e = s + 1;
    if (e === s) continue;
    const words = tokens.slice(s, e);
    const lastWord = words[words.length - 1]!;
    if (words.every((w) => neverAName(w.key) || (placeWord(w.key) && !onlyAName(w.key))) || NOT_EMPLOYER_END.has(lastWord.key)) continue;
    // "time off from Mrs Patel in Leeds": a person (a name is the name rules'), not an employer
    if (TITLES.has(words[0]!.key) && !lastWord.possessive) continue;
    let k = e;
    const business =
      tokens[k] !== undefined &&
      !tokens[k]!.cap &&
      joinedBySpace(tokens[k]!.gap) &&
      (businessAt(tokens, k) || BRANCH_WORDS.has(tokens[k]!.key));
    if (business) k++;
    // "the Child in Need plan": one keep-list term, not an organisation in a place
    const loc =
      tokens[k]?.key === 'in' && !kept[k] ? locationAfter(tokens, k) : (possessiveOfPlace(tokens, k, kept, lastWord) ?? undefined);
    if (!loc || !(tokens[k + 1]!.cap || small)) continue;
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
/**
 * "for McDonagh's of Bessbrook", "at Dawson's of Leek": a family firm named with its town after "of" (the possessive
 * name straight before). Where the town ends, or undefined.
 */
function possessiveOfPlace(tokens: Token[], k: number, kept: Uint8Array, lastWord: Token): { end: number } | undefined {
  const of = tokens[k];
  const place = tokens[k + 1];
  if (!lastWord.possessive || of?.key !== 'of' || !joinedBySpace(of.gap) || !place?.cap || !joinedBySpace(place.gap)) return undefined;
  if (place.sentenceStart || neverAName(place.key) || !(smallLetterPlace(place.key) || kept[k + 1])) return undefined;
  return { end: capitalisedOn(tokens, k + 1, k + 1, 1) };
}
/** "work at X", "my shifts at X", "a job at X": an employer named in small letters right after the work (X no lexicon holds). */
function smallEmployerAt(tokens: Token[], at: number, s: number): boolean {
  const t = tokens[s]!;
  if (tokens[at]!.key !== 'at' || t.cap || !/^\p{L}/u.test(t.text) || !joinedBySpace(t.gap)) return false;
  if (!(unknownWord(t.key) && !neverAName(t.key) && !notAPerson(t.key))) return false;
  const before = [tokens[at - 1], tokens[at - 2]];
  return before.some((b) => b !== undefined && WORK_VERBS.has(b.key));
}
const ORG_HEADS = new Set('foundation trust charity wish aid society association centre project group services service'.split(' '));
