// Other people's names in a story: children, partners, relatives, other professionals, the writer.
// Strong evidence first (what the words around a name say: "my son Tyler", "a carer called Brenda",
// "Mrs Kaur", "Rose, my eldest"), then what compromise's lexicon knows about capitalised words, then
// every other mention of a name already found. The nominated worker's own name is left alone.
import type { Candidate } from './spans.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import type { WorkerName } from './worker.ts';
import {
  ORG_WORDS,
  isPlacePhrase,
  knownName,
  nameAlsoWord,
  neverAName,
  onlyAName,
  placeOrPerson,
  placeWord,
  unknownWord,
  commonWord,
  functionWord,
  welshWord,
  notAPerson,
  surnameOnly,
  placeShaped,
} from './words.ts';

const CHILD_RELATIONS = new Set(
  `son sons daughter daughters boy boys girl girls child children kid kids baby babies twin twins grandson grandsons
  granddaughter granddaughters grandchild grandchildren grandkids grandkid nephew nephews niece nieces stepson
  stepdaughter step-son step-daughter stepchild eldest youngest oldest toddler newborn teenager teen lad lass laddie lassie bairn wean weans yin yins one ones`.split(
    /\s+/,
  ),
);
const SIBLINGS = new Set([
  'brother',
  'brothers',
  'sister',
  'sisters',
  'sibling',
  'siblings',
  'half-brother',
  'half-sister',
  'stepbrother',
  'stepsister',
]);
/** Relatives (not professionals): after these a name typed in small letters is still a name ("his nan jean"). */
const RELATIVES = `partner husband wife ex ex-partner ex-husband ex-wife boyfriend girlfriend fiance fiancé fiancee fiancée mum mam mom
  mother dad father stepdad stepmum step-dad step-mum nan nana nanna gran granny grandma grandad granddad grandpa
  grandmother grandfather aunt auntie aunty uncle cousin fella feller bloke hubby missus wifey bf gf babyfather babymother
  nain taid mamgu tadcu mam-gu tad-cu nani dadi ammi ammu abbu abba ami baba khala khalu chacha chachi phupho phuppo mamu
  bampi bamps mammy daddy masi bhabhi bhaiya didi babcia dziadek ciocia wujek mama papa granda gramps grampa nanny bestie bezzie bibi baji apa aapi
  appi bhai bhaji behen dada dadu nanu mamu taya tayi chachu phuppi amma appa thatha paati dziadzia babunia tata ma da`.split(/\s+/);
const OTHER_RELATIONS = new Set([
  ...RELATIVES,
  ...`neighbour neighbor friend mate carer teacher headteacher
  manager worker officer solicitor barrister lawyer advocate judge magistrate guardian doctor gp nurse midwife
  paediatrician therapist counsellor psychologist psychiatrist interpreter mentor coach keyworker caseworker visitor
  colleague boss landlord landlady pastor imam vicar priest senco head headteacher deputy consultant detective
  sergeant constable inspector pc dc ds ta assistant practitioner coordinator lead principal director councillor mp
  rabbi chaplain physio dietitian nursery key`.split(/\s+/),
]);
/** Child words that also describe things ("the baby unit", "a kids club"): a small-letter word after them must be a known name. */
const DESCRIBING = new Set([
  'one',
  'ones',
  'baby',
  'babies',
  'toddler',
  'teen',
  'teenager',
  'kid',
  'kids',
  'child',
  'children',
  'twin',
  'twins',
  'newborn',
  'boys',
  'girls',
]);
/** Relatives' titles typed before a name: "aunty pat", "nan jean". */
const LOWER_TITLES = new Set([
  'aunty',
  'auntie',
  'aunt',
  'uncle',
  'nan',
  'nana',
  'nanna',
  'nanny',
  'grandad',
  'grandma',
  'gran',
  'granny',
  'cousin',
  'nain',
  'taid',
  'bibi',
  'khala',
  'chacha',
]);
/** Job titles that may come straight before a full name, with no "my" or "the": "Headteacher Sandra Lewis". */
const JOB_TITLES = new Set(
  `headteacher head deputy senco teacher nurse midwife doctor consultant paediatrician psychiatrist psychologist therapist
  counsellor officer detective sergeant inspector constable pc dc ds judge magistrate solicitor barrister guardian iro
  advocate caseworker keyworker mentor coach manager visitor practitioner coordinator principal director councillor mp
  vicar imam priest pastor rabbi sister matron dr`.split(/\s+/),
);
/** Small words inside a full name: "Dafydd ap Gwilym", "Abdul Rahman bin Said", "Fatima al Hassan". */
const NAME_PARTICLES = new Set(['ap', 'ab', 'bin', 'ibn', 'bint', 'al', 'el', 'van', 'von', 'de', 'da', 'di', 'du', 'le', 'abu', 'binti']);
const FAMILY = new Set([...RELATIVES, ...SIBLINGS]);
const HONORIFICS = new Set(
  'mr mrs ms miss mx dr prof professor judge hhj dj sir madam dame lady lord rev reverend nurse auntie aunty aunt uncle nan nana nanny grandad grandma granny gran cllr councillor pc dc sgt inspector'.split(
    ' ',
  ),
);
/** With the Scots, Irish and northern "ma", "oor", "wor", "me" for "my" and "our" ("ma wean", "me mam"). */
const DETERMINERS = new Set([
  'my',
  'our',
  'his',
  'her',
  'their',
  'your',
  'a',
  'an',
  'the',
  'both',
  'two',
  'three',
  'four',
  'five',
  'ma',
  'mah',
  'oor',
  'wor',
  'me',
  'wee',
  // Jamaican and Caribbean English: "mi son Everton", "mi daughter"
  'mi',
]);
const LOCATION_WORDS = new Set(['in', 'near', 'around', 'outside', 'across', 'towards', 'throughout', 'within', 'from']);
const PLACE_PREPOSITIONS = new Set([...LOCATION_WORDS, 'to', 'from', 'at', 'of']);
/** After an unfamiliar capitalised word at the start of a sentence, these say it is someone doing something. */
const VERBISH = new Set(
  'is was has had and said says helped came told got went loves loved turned started will would can could did does needs needed wanted likes still now were are'.split(
    ' ',
  ),
);
/** After a word that is also a name ("Dean", "Hope", "Blessing"), verbs only a person does. */
const PERSON_VERBS = new Set(
  'said says told asked helped came rang phoned texted cried laughed smiled hugged went visited stayed moved left shouted screamed loves loved hates hated wants wanted thinks thought knows knew'.split(
    ' ',
  ),
);
/** "I'll", "I've", "we'd", "can't": never names ("O'Neill" is not one of these). */
const CONTRACTION = /['’](?:ll|ve|d|m|re|t)$/u;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
};
const FOLLOWED_BY_CHILD_AGE =
  /^(?:,?[ \t]*who)?[ \t]+(?:is|was|wis|\u2019s|'s|turns|turned|turning)[ \t]+(?:(?:only|just|now|nearly|almost|about|still)[ \t]+)?(?:aged[ \t]+)?(\d{1,2}|[a-z]+)(?![\p{L}\p{N}]|[/.:-]\p{N})(?=[ \t]*(?:[,.;:!?()]|$|(?:and|now|then|but|so|when|nearly|almost|in|this|next|last|on|today|soon|already|going|noo|yrs?|years?|n|an|x+)(?![\p{L}])))(?![ \t]*(?:years?|months?|weeks?|days?|hours?|minutes?|times|o'?clock|%)(?![ \t-]+old))/u;

/** Directly after another word: spaces, or one comma, colon or bracket. */
function closeAfter(t: Token): boolean {
  return /^[ \t]*[,(:]?[ \t]*$/u.test(t.gap) && t.gap.length > 0 && !t.sentenceStart;
}

function determinedRelation(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const p = tokens[k]!;
    if (DETERMINERS.has(p.key) || p.possessive) return true;
    if (p.sentenceStart || !joinedBySpace(tokens[k + 1]!.gap)) break;
  }
  return false;
}

/** A capitalised word that could be a name at all (not "I", "The", "Court", "CAMHS", "March"). */
function nameShaped(t: Token): boolean {
  return t.cap && !t.acronym && nameShapedKey(t.key);
}

/** The part of nameShaped that depends only on the word, remembered: a story says the same words again and again. */
const shapedKeys = new Map<string, boolean>();
function nameShapedKey(key: string): boolean {
  let shaped = shapedKeys.get(key);
  if (shaped === undefined) {
    shaped =
      key.length > 1 &&
      !CONTRACTION.test(key) &&
      !neverAName(key) &&
      !notAPerson(key) &&
      !HONORIFICS.has(key) &&
      !CHILD_RELATIONS.has(key) &&
      !OTHER_RELATIONS.has(key) &&
      // "Welsh-medium", "English-speaking"
      // (but "Jun-Jun", a name said twice, is a name)
      !(
        key.includes('-') &&
        neverAName(key.slice(0, key.indexOf('-'))) &&
        key !== `${key.slice(0, key.indexOf('-'))}-${key.slice(0, key.indexOf('-'))}`
      ) &&
      /\p{L}/u.test(key) &&
      !/\p{N}/u.test(key);
    if (shapedKeys.size >= 50_000) shapedKeys.clear();
    shapedKeys.set(key, shaped);
  }
  return shaped;
}

/** A word typed in small letters that is not an English word, so may be a name ("my son jayden"). */
function lowerNameShaped(t: Token): boolean {
  return (
    !t.cap &&
    t.key.length > 1 &&
    /^\p{L}/u.test(t.key) &&
    !CONTRACTION.test(t.key) &&
    !neverAName(t.key) &&
    !notAPerson(t.key) &&
    !commonWord(t.key) &&
    !CHILD_RELATIONS.has(t.key) &&
    !OTHER_RELATIONS.has(t.key)
  );
}

/** A surname after a first name: "Donna Fletcher", "Gillian O'Connor". */
function surnameShaped(t: Token): boolean {
  return nameShaped(t) && (knownName(t.key) || unknownWord(t.key)) && !placeWord(t.key) && !ORG_WORDS.has(t.key);
}

/** Respectful words typed after a first name in South Asian and other English ("Hetal ben", "Imran bhai", "Nadia ji"): not a second name. */
const NAME_SUFFIXES = new Set([
  'ben',
  'behen',
  'bhen',
  'bhai',
  'bhaiya',
  'ji',
  'jee',
  'baji',
  'apa',
  'didi',
  'sahib',
  'saab',
  'sahab',
  'bibi',
]);
const suffixAfterName = (tokens: Token[], i: number) =>
  !tokens[i]!.cap && NAME_SUFFIXES.has(tokens[i]!.key) && i > 0 && tokens[i - 1]!.cap && joinedBySpace(tokens[i]!.gap);

/** Seasons and months that are also children's names ("our daughter Summer", "Tyler-Jay and Summer"): names only where the words make them one. */
// and a month written short and a language that are also names ("my husband Jun", "my sister Shona")
const SEASON_NAMES = new Set(['summer', 'autumn', 'april', 'may', 'june', 'august', 'winter', 'jun', 'shona']);
/** Verbs done to a person ("got dean", "took rose"), and where they were sent after it ("on a course", "to the dentist"). */
const PERSON_OBJECT_VERBS = new Set('got get gets took take takes sent send sends brought bring drove drive put helped'.split(' '));
const SENT_TO = new Set('on onto to into intae in back home round off'.split(' '));
/** Languages that are also first names: a name where the person does something ("Shona had left"), not after "speaks" or "in". */
const LANGUAGE_NAMES = new Set(['shona']);
const LANGUAGE_LEADS = new Set(
  'speak speaks spoke speaking spoken in and or fluent learn learning learnt learned taught teach teaches read write writes'.split(' '),
);
const seasonName = (t: Token) => t.cap && SEASON_NAMES.has(t.key);

/** A word typed in small letters that may be a name where the sentence makes it one: not an English word, or a known first name ("mason", "ruby"). */
function lowerPersonWord(t: Token): boolean {
  return (
    !t.cap &&
    t.key.length > 1 &&
    /^\p{L}/u.test(t.key) &&
    !CONTRACTION.test(t.key) &&
    !neverAName(t.key) &&
    !notAPerson(t.key) &&
    !CHILD_RELATIONS.has(t.key) &&
    !OTHER_RELATIONS.has(t.key) &&
    !SIBLINGS.has(t.key) &&
    !functionWord(t.key) &&
    (!commonWord(t.key) || knownName(t.key))
  );
}
/** Text-speak and sign-off words that are never a signature: "lol", "xx", "ty". */
const NOT_A_SIGNATURE =
  /^(?:x+|lol|ty|thx|ta|pls|plz|hiya|bye|cheers|thanks|thank|love|diolch|ur|u|xo|xoxo|hugs|innit|dziekuje|dziekujemy|shukriya|shukran|jazakallah|nandri|medase|asante|merci|gracias|obrigado|danke|mulțumesc|multumesc|dhanyavaad|dhanyavad|xiexie|aciu|paldies|blessings|amen|tashakor|tashakur|tashakkur|sipas|spas|dhonnobad|dhanyabad|shukria|mersi|ngiyabonga|daalu|ese)$/u;
const ARTICLES = new Set(['a', 'an', 'the', 'this', 'that', 'what', 'such', 'some', 'any', 'no', 'every']);
const PERSON_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'some', 'any', 'so', 'very', 'such', 'no', 'every', 'its', 'it']);
/** Before a word with an age after it, these make it a thing: "her birthday is 14", "his score was 9". */
const NOT_BEFORE_AGED_NAME = new Set([...PERSON_DETERMINERS, 'his', 'her', 'their', 'your']);

const OUR = new Set(['our', 'oor', 'wor']);
/** Words that start a clause, after which a small-letter word doing something may be someone: "when tayla came". */
const LOWER_LEADS = new Set(['when', 'and', 'then', 'till', 'until', 'after', 'before', 'since', 'cos', 'because', 'but', 'while', 'once']);
/** A journey by road: after these and "to", a capitalised word is a place ("drive them to Weston", "a day trip to Morley").
 * Not "goes to", "went to", "moved to": a school or a hospital is gone to, and a name there is a vote for one. */
const JOURNEYS = new Set('drive drives drove driven driving travel travels travelled traveled travelling trip trips'.split(' '));
/** What a season names when it is not a child: "Summer holidays", "Summer term". */
const SEASON_THINGS = new Set('holiday holidays hols term terms time camp fair break school club months job sun heat'.split(' '));
const VERB_ORG_WORDS = new Set(['start', 'help', 'aid', 'care', 'wish', 'action', 'plan', 'order', 'review', 'fund', 'meeting']);
const PETS_AND_HOMES = new Set(
  'dog dogs puppy pup cat cats kitten hamster rabbit bunny horse pony budgie parrot tortoise snake fish goldfish guinea pig ferret house home cottage farm farmhouse bungalow boat caravan'.split(
    ' ',
  ),
);
/** Verbs a person does (not "is", "has"): after "our" + an unfamiliar word they make it someone. */
const ACTION_VERBS = new Set(
  'got gets went goes came comes started starts needs needed wanted likes liked turned turns cried hates kicked ran runs'.split(' '),
);
const COPULAS = new Set('is was are were be been being feel feels felt look looks looked seem seems seemed'.split(' '));
/** Endings of English adjectives and nouns that are also names: "Precious", "Lovely", "Patience". */
const ENGLISH_SHAPE = /(?:ous|ful|ly|ness|ence|ance|ity)$/u;
/** What a person has, typed without the 's: "Hope birthday is", "Favour school was". */
const POSSESSED = new Set(
  'birthday number school name room phone dad mum mam teacher nursery class bed bedroom friend friends appointment plan hearing review case worker dog cat bike health'.split(
    ' ',
  ),
);
/** "Precious time was lost", "Joy days are": a word that is also a name, starting a sentence before the noun it describes. */
function wordBeforeItsNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const a = tokens[i + 1];
  if (!t.cap || !t.sentenceStart || t.possessive || !nameAlsoWord(t.key) || !a || a.cap || !joinedBySpace(a.gap)) return false;
  // an English word ("Hope", "Precious"), not any name: "Petra birthday is on 11 June" drops the 's
  if (!(commonWord(t.key) || ENGLISH_SHAPE.test(t.key))) return false;
  return (
    !POSSESSED.has(a.key) &&
    commonWord(a.key) &&
    !knownName(a.key) &&
    !CHILD_RELATIONS.has(a.key) &&
    !OTHER_RELATIONS.has(a.key) &&
    !SIBLINGS.has(a.key) &&
    ['was', 'is', 'has', 'had', 'were', 'are'].includes(tokens[i + 2]?.key ?? '')
  );
}

/** "tayla-mai", "eilidh-rose", "lacey-jay": a double name with a first name in it. */
const hyphenatedName = (key: string) =>
  key.includes('-') &&
  key.split('-').some((p) => p.length > 1 && (onlyAName(p) || ['mai', 'mae', 'jay', 'lee', 'leigh', 'ann', 'anne', 'rose'].includes(p)));

type Found = { first: number; last: number; child: boolean; trusted: boolean; check?: boolean };

/** "little Summer came", "wee Kayden": a name straight after a word for a small child. */
const LITTLE = new Set(['little', 'wee', 'lil', 'baby']);
function littleName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const p = tokens[i - 1];
  return (
    !t.sentenceStart &&
    p !== undefined &&
    !p.cap &&
    LITTLE.has(p.key) &&
    joinedBySpace(t.gap) &&
    (seasonName(t) || (nameShaped(t) && onlyAName(t.key)))
  );
}

/** "my paddy was born early": a name straight after "my" or "our" and before "was born". */
function bornName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const p = tokens[i - 1];
  const [a, b] = [tokens[i + 1], tokens[i + 2]];
  return (
    p !== undefined &&
    (p.key === 'my' || OUR.has(p.key)) &&
    knownName(t.key) &&
    !CHILD_RELATIONS.has(t.key) &&
    !OTHER_RELATIONS.has(t.key) &&
    a?.key === 'was' &&
    b?.key === 'born' &&
    joinedBySpace(t.gap)
  );
}

/** The writer says they are young or a care leaver: "im 15", "i turned 18", "i was in care since i was 9". */
const YOUNG_WRITER =
  /(?<![\p{L}])(?:(?:i['’]?m|i am|i turned|i['’]?ve (?:just )?turned|i['’]?ll be)[ \t]+(?:1\d|2[0-5])(?![\p{N}])(?![ \t]*(?:weeks?|months?|years?[ \t]+(?:ago|since|married|together)))|leaving care|care leaver|i was in care|i(?:['’]?ve| have) been in care|my foster (?:carers?|mum|mam|dad|family))/iu;

/** In a story about grandchildren, "our Kerry" may be their parent. */
const GRANDCHILDREN = new Set(
  'grandkids grandkid grandchild grandchildren grandson grandsons granddaughter granddaughters grandbairns grandweans'.split(' '),
);

/** "our jayden", "Our Caoimhe is home": in the stories a name after "our" is nearly always a child's, unless it is
 * the parent of someone ("oor Kirsty's bairns") or the story is about grandchildren. */
function ourChild(tokens: Token[], i: number, grandchildren: boolean): boolean {
  const p = tokens[i - 1];
  const t = tokens[i]!;
  return (
    !grandchildren &&
    p !== undefined &&
    OUR.has(p.key) &&
    joinedBySpace(t.gap) &&
    !t.possessive &&
    (nameShaped(t) ? knownName(t.key) || unknownWord(t.key) : lowerNameShaped(t) && knownName(t.key)) &&
    !placeWord(t.key)
  );
}

const PARENT_WORDS = new Set(['mother', 'mum', 'mam', 'mom', 'father', 'dad', 'parent', 'parents', 'mummy', 'daddy']);
/** "mother of Andrei and Ioana": the names after a parent word and "of". */
function parentOf(tokens: Token[], i: number): boolean {
  for (let k = i - 1, seen = 0; k > 0 && seen < 4; k--, seen++) {
    const w = tokens[k]!;
    if (w.key === 'of')
      return PARENT_WORDS.has(tokens[k - 1]!.key) && joinedBySpace(w.gap) && (nameShaped(tokens[i]!) || lowerNameShaped(tokens[i]!));
    if (!(w.key === 'and' || nameShaped(w)) || w.sentenceStart) return false;
  }
  return false;
}

/** "Zara came home to us when she was 18 months": a sentence's first name, with a child's age later in it. */
function whenYoung(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + 10 && !tokens[k]!.sentenceStart; k++) {
    const [a, b, c] = [tokens[k]!, tokens[k + 1], tokens[k + 2]];
    if (a.key !== 'when' || !b || !c || !['she', 'he'].includes(b.key) || c.key !== 'was') continue;
    const n = tokens[k + 3];
    return n !== undefined && /^\d{1,2}$/u.test(n.text) && Number(n.text) < 18;
  }
  return false;
}

/** Subjects and Scots negatives before a verb: "i ken", "didnae ken", "ye ken" (a small-letter name does not follow them). */
const SUBJECTS = new Set(['i', 'ye', 'you', 'we', 'they', 'he', 'she', 'dont', 'didnt', 'doesnt']);
/** Greetings in other languages, typed in small letters: "ola Michelle", "xie xie". */
const LOWER_GREETINGS = new Set(['ola', 'hola', 'salaam', 'salam', 'namaste', 'ciao', 'bonjour', 'shalom', 'merhaba', 'xie', 'czesc']);

/** A small-letter word a name is unlikely to be: after a subject ("i ken"), after "the only", "the wee" (a thing),
 * said twice ("xie xie"), or a greeting. */
function lowerNotAName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (LOWER_GREETINGS.has(t.key)) return true;
  const p = t.sentenceStart ? undefined : tokens[i - 1];
  const n = tokens[i + 1];
  if (n && n.key === t.key && joinedBySpace(n.gap)) return true;
  // "every moment with them is precious": shaped like an English adjective, after "is", the word
  if (p && ENGLISH_SHAPE.test(t.key) && COPULAS.has(p.key)) return true;
  // "wan o the high flats"; "from hong kong"
  if (n && joinedBySpace(n.gap) && (n.key === 'o' || n.key === 'of' || isPlacePhrase(`${t.text} ${n.text}`))) return true;
  if (p && p.key === t.key && joinedBySpace(t.gap)) return true;
  if (!p) return false;
  // "didnae ken", "A didna ken"; Welsh "ti'n seren" (you're a star)
  if (SUBJECTS.has(p.key) || /(?:nae|dna|nna|sna)$/u.test(p.key) || /['’]n$/u.test(p.key)) return true;
  const pp = p.sentenceStart ? undefined : tokens[i - 2];
  return pp !== undefined && !p.cap && ARTICLES.has(pp.key) && (commonWord(p.key) || p.key === 'wee') && !knownName(p.key);
}

/** "brody only 7 weeks old", "brody, 7 months old": an age said straight after a word */
const FOLLOWED_BY_AGE_PHRASE =
  /^,?[ \t]+(?:(?:only|just|nearly|almost|about)[ \t]+)?(\d{1,2})[ \t-]*(?:years?|yrs?|months?|weeks?)[ \t-]*old(?![\p{L}])/u;

/** "lily, 12, Pontypridd High": an age between commas straight after a word */
const FOLLOWED_BY_BARE_AGE = /^,[ \t]*(\d{1,2})[ \t]*(?:,|\.|$)/u;

function childAgeFollows(story: string, t: Token): boolean {
  if (FOLLOWED_BY_AGE_PHRASE.test(story.slice(t.end, t.end + 40))) return true;
  const bare = FOLLOWED_BY_BARE_AGE.exec(story.slice(t.end, t.end + 12));
  if (bare && Number(bare[1]) < 18 && (t.cap || knownName(t.key))) return true;
  const m = FOLLOWED_BY_CHILD_AGE.exec(story.slice(t.end, t.end + 40));
  if (!m) return false;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
  return n !== undefined && n < 18;
}

/** The first and last word of a signature closing the story, if its last words are one, and whether it is only a maybe (a word as well as a name). */
function signature(
  tokens: Token[],
  story: string,
  nameLike: (k: number) => boolean,
  free: (k: number) => boolean,
): [number, number, boolean] | undefined {
  let e = tokens.length - 1;
  // "from Kerry-Ann (kayden's mam)": a bracket after the signature
  const endsInBracket = /\)[\s.!x]*$/u.test(story.slice(-12));
  for (let k = e; k > 0 && k > e - 6 && endsInBracket; k--) {
    if (tokens[k]!.gap.includes('(')) {
      e = k - 1;
      break;
    }
  }
  while (e > 0 && (NOT_A_SIGNATURE.test(tokens[e]!.key) || /^\d{1,2}$/u.test(tokens[e]!.text))) e--;
  const last = tokens[e];
  if (!last || e === 0 || !free(e)) return undefined;
  let s = e;
  while (s > e - 2 && s > 0 && tokens[s]!.cap && tokens[s - 1]!.cap && joinedBySpace(tokens[s]!.gap) && !tokens[s]!.sentenceStart) s--;
  const before = tokens[s - 1];
  const boundary =
    tokens[s]!.sentenceStart ||
    /[,\n(-]/u.test(tokens[s]!.gap) ||
    (before !== undefined &&
      (['from', 'love', 'fae', 'frae', 'regards', 'cheers', 'thanks'].includes(before.key) || /^x{1,4}$/u.test(before.key)));
  if (!boundary) return undefined;
  const run = tokens.slice(s, e + 1);
  const capName = run.every((w, k) => nameLike(s + k) || (k > 0 && surnameShaped(w)));
  const lowerName =
    run.length === 1 &&
    lowerNameShaped(last) &&
    !welshWord(last.key) &&
    (knownName(last.key) || hyphenatedName(last.key) || unknownWord(last.key)) &&
    (before === undefined || !PERSON_DETERMINERS.has(before.key));
  // "... xx pat", "love from dawn": a name that is also a word, signed after a kiss or "from"
  // "... fae the bottom of ma heart, jade x": kisses after it
  const kissed = e < tokens.length - 1 && /^x{1,4}$/u.test(tokens[e + 1]!.key) && !tokens[e + 1]!.cap;
  const signedWord =
    run.length === 1 &&
    !last.cap &&
    nameAlsoWord(last.key) &&
    ((before !== undefined && (['from'].includes(before.key) || /^x{1,4}$/u.test(before.key))) || kissed);
  if (capName || lowerName) return [s, e, false];
  return signedWord ? [s, e, true] : undefined;
}

/** Names the story itself says are children's: "my son Tyler", "Rose, my eldest", "Connor was 8". */
export function childNameKeys(tokens: Token[], story: string): Set<string> {
  const keys = new Set<string>();
  const hasChild = tokens.some((t) => CHILD_RELATIONS.has(t.key));
  const grandchildren = tokens.some((t) => GRANDCHILDREN.has(t.key));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.possessive) continue;
    const sibling = SIBLINGS.has(t.key) && hasChild && ['his', 'her', 'their'].includes(tokens[i - 1]?.key ?? '');
    if ((CHILD_RELATIONS.has(t.key) || sibling) && (determinedRelation(tokens, i) || (t.sentenceStart && !t.cap && !sibling))) {
      for (let j = i + 1; j < tokens.length && closeAfter(tokens[j]!); j++) {
        const n = tokens[j]!;
        // (a word that is also a name before a pause or a verb: "our laddie jack was")
        if (
          nameShaped(n) ||
          lowerNameShaped(n) ||
          seasonName(n) ||
          (relaxedName(tokens, j) && !(DESCRIBING.has(t.key) && (surnameOnly(n.key) || ORG_WORDS.has(n.key))))
        )
          keys.add(n.key);
        else break;
        // "my twins Ella-Rose and Jacob-James", "my children Leo, Maisie and Alfie"
        const next = tokens[j + 1];
        if (next && (next.key === 'and' || next.key === '&') && joinedBySpace(next.gap)) j++;
        else if (!(next && /^,[ \t]*$/u.test(next.gap))) break;
      }
    }
    // "Rose, my eldest,"; "Lacey, our youngest"
    const [a, b] = [tokens[i + 1], tokens[i + 2]];
    if (nameShaped(t) && a && b && /^,[ \t]*$/u.test(a.gap) && ['my', 'our'].includes(a.key) && CHILD_RELATIONS.has(b.key)) keys.add(t.key);
    if (littleName(tokens, i) || bornName(tokens, i)) keys.add(t.key);
    if (
      (nameShaped(t) ||
        seasonName(t) ||
        keys.has(t.key) ||
        (lowerPersonWord(t) && !PERSON_DETERMINERS.has(t.sentenceStart ? '' : (tokens[i - 1]?.key ?? '')))) &&
      childAgeFollows(story, t)
    )
      keys.add(t.key);
    if (ourChild(tokens, i, grandchildren) || parentOf(tokens, i) || (t.sentenceStart && nameShaped(t) && whenYoung(tokens, i)))
      keys.add(t.key);
  }
  // "Jess" is Jessica
  for (const t of tokens) {
    if (nameShaped(t) && t.key.length >= 3 && [...keys].some((k) => k !== t.key && k.startsWith(t.key))) keys.add(t.key);
  }
  return keys;
}

function pauseOrVerbAfter(tokens: Token[], j: number): boolean {
  const n = tokens[j + 1];
  return !n || n.sentenceStart || /[,;:()]/u.test(n.gap) || VERBISH.has(n.key) || PERSON_VERBS.has(n.key) || ACTION_VERBS.has(n.key);
}

/** A small-letter word after a relative that is a name even though it is also a word ("his nan jean came"): only before a pause or a verb. */
function relaxedName(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (t.cap || !nameAlsoWord(t.key) || CHILD_RELATIONS.has(t.key) || OTHER_RELATIONS.has(t.key)) return false;
  const n = tokens[j + 1];
  return (
    !n ||
    n.sentenceStart ||
    /[,;:()]/u.test(n.gap) ||
    VERBISH.has(n.key) ||
    PERSON_VERBS.has(n.key) ||
    ACTION_VERBS.has(n.key) ||
    // "his little brother leo who was 18 months", "our jack n lacey"
    // "me and the missus pat have had our grandkids"
    ['and', 'n', '&', 'who', 'have'].includes(n.key)
  );
}

export function findNames(
  tokens: Token[],
  story: string,
  worker: WorkerName,
  structured: Candidate[],
  kept: Uint8Array = new Uint8Array(tokens.length),
): Candidate[] {
  const found: Found[] = [];
  const used = new Uint8Array(tokens.length);
  const childKeys = childNameKeys(tokens, story);
  const isWorker = (t: Token) => worker.isWorker(t.key);

  // a keep-list term ("Universal Credit", "Eid", "Brighton & Hove") is a name only where the words say so
  const add = (first: number, last: number, trusted: boolean, check = false) => {
    for (let k = first; k <= last; k++) if (used[k] || (!trusted && kept[k])) return;
    used.fill(1, first, last + 1);
    const child = tokens.slice(first, last + 1).some((t) => childKeys.has(t.key));
    found.push(check ? { first, last, child, trusted, check } : { first, last, child, trusted });
  };
  // extend over a following surname: "Donna Fletcher", but not "Sarah Thompson" when Thompson is the worker's
  const extend = (j: number) => {
    let e = j;
    for (;;) {
      const n = tokens[e + 1];
      if (!n || tokens[e]!.possessive || !joinedBySpace(n.gap)) break;
      if (surnameShaped(n) && !isWorker(n)) e++;
      else if (NAME_PARTICLES.has(n.key) && !n.cap && tokens[e + 2] && joinedBySpace(tokens[e + 2]!.gap) && surnameShaped(tokens[e + 2]!))
        e += 2;
      else break;
    }
    return e;
  };
  const hasChildRelationBefore = (i: number) => {
    for (let k = i - 1; k >= 0; k--) {
      if (CHILD_RELATIONS.has(tokens[k]!.key)) return true;
      if (tokens[k]!.sentenceStart) return false;
    }
    return false;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    // Mr, Mrs, Dr, Judge, HHJ, Auntie ... + a name (not the worker's: "Ms Thompson")
    if (HONORIFICS.has(t.key) && t.cap && n && /^\.?[ \t]+$/u.test(n.gap) && nameShaped(n) && !placeWord(n.key)) {
      if (!isWorker(n)) {
        let e = extend(i + 1);
        // "Mrs Amanda Price": after a title and a first name, a capitalised word is the surname even if it is also a word
        const m = tokens[e + 1];
        if (
          e === i + 1 &&
          onlyAName(n.key) &&
          m &&
          joinedBySpace(m.gap) &&
          nameShaped(m) &&
          !kept[e + 1] &&
          !ORG_WORDS.has(m.key) &&
          !placeWord(m.key) &&
          !isWorker(m)
        )
          e++;
        add(i, e, true);
      }
      continue;
    }
    // in small letters: "mrs jones", "dr patel" ("miss" is also a verb: "miss jones" only before a pause or a verb)
    if (
      !t.cap &&
      ['mr', 'mrs', 'ms', 'dr', 'miss', 'judge'].includes(t.key) &&
      n &&
      /^\.?[ \t]+$/u.test(n.gap) &&
      !n.cap &&
      (knownName(n.key) || unknownWord(n.key)) &&
      !neverAName(n.key) &&
      !isWorker(n)
    ) {
      if (t.key !== 'miss' || relaxedName(tokens, i + 1) || onlyAName(n.key)) add(i, i + 1, true);
      continue;
    }
    // "Headteacher Sandra Lewis", "paediatrician Dr Amir Khan" (handled above), "PC John Evans": a full name after a job title
    if (JOB_TITLES.has(t.key) && n && joinedBySpace(n.gap) && nameShaped(n) && !isWorker(n) && !placeWord(n.key)) {
      const e = extend(i + 1);
      if (e > i + 1 && !tokens.slice(i + 1, e + 1).some(isWorker)) {
        add(i + 1, e, true);
        continue;
      }
    }
    // "aunty pat", "nan jean", "uncle mo": a relative's title in small letters, then a name
    if (
      !t.cap &&
      LOWER_TITLES.has(t.key) &&
      n &&
      joinedBySpace(n.gap) &&
      !isWorker(n) &&
      !n.cap &&
      ((knownName(n.key) && (lowerNameShaped(n) || nameAlsoWord(n.key))) ||
        relaxedName(tokens, i + 1) ||
        // "nain eluned", "aunty bisi came": an unfamiliar word before a pause or a verb
        (lowerNameShaped(n) && unknownWord(n.key) && n.key.length > 2 && pauseOrVerbAfter(tokens, i + 1)))
    ) {
      add(i + 1, i + 1, true);
      continue;
    }
    // "our jess", "Our Kayleigh", "our dean came round", "our Will was in care" (a capitalised verb after "our" is a name)
    if (
      OUR.has(t.key) &&
      n &&
      joinedBySpace(n.gap) &&
      !isWorker(n) &&
      !placeWord(n.key) &&
      !kept[i + 1] &&
      ((seasonName(n) && pauseOrVerbAfter(tokens, i + 1)) ||
        (nameShaped(n)
          ? knownName(n.key) || unknownWord(n.key) || functionWord(n.key)
          : (lowerNameShaped(n) && knownName(n.key)) || relaxedName(tokens, i + 1)))
    ) {
      if (!CHILD_RELATIONS.has(n.key) && !OTHER_RELATIONS.has(n.key) && !SIBLINGS.has(n.key)) {
        add(i + 1, n.cap ? extend(i + 1) : i + 1, true);
        continue;
      }
    }
    // "our kayden got excluded", "our tayla-mai": an unfamiliar small-letter word after "our" doing what a person does, or
    // joined to a first name (compromise knows few plain nouns, so "our area is" must not be enough)
    // ("after our brooklyn got took into care": a place's name too)
    if (
      OUR.has(t.key) &&
      n &&
      joinedBySpace(n.gap) &&
      !isWorker(n) &&
      lowerNameShaped(n) &&
      (unknownWord(n.key) || placeWord(n.key)) &&
      n.key.length > 2
    ) {
      const after = tokens[i + 2];
      const acts = after !== undefined && joinedBySpace(after.gap) && (PERSON_VERBS.has(after.key) || ACTION_VERBS.has(after.key));
      // "she got our tayla a place at", "got our kaiden into": what is done for a child
      const placed =
        after !== undefined &&
        joinedBySpace(after.gap) &&
        (['into', 'intae'].includes(after.key) || (after.key === 'a' && tokens[i + 3]?.key === 'place'));
      if (acts || placed || hyphenatedName(n.key)) {
        add(i + 1, i + 1, true);
        continue;
      }
    }
    // "my son Tyler", "my partner Gary", "his manager Diane", "the reviewing officer, Gillian O'Connor"
    const childRelation = CHILD_RELATIONS.has(t.key);
    if (
      (childRelation || SIBLINGS.has(t.key) || OTHER_RELATIONS.has(t.key)) &&
      !t.possessive &&
      !kept[i] &&
      // "kids bella and jack stayed": text-speak drops the "my" at the start of a sentence
      (determinedRelation(tokens, i) || (childRelation && t.sentenceStart && !t.cap))
    ) {
      for (let j = i + 1; j < tokens.length && closeAfter(tokens[j]!); j++) {
        const c = tokens[j]!;
        // in small letters: any unfamiliar word after a child ("my son jayden"); after an adult, a known first name ("his nan jean")
        const ok =
          // a place straight after a child is the child's name: "our kids Brooklyn and Tommy", "my daughter Paris"
          // and after a relative: "my husband Milan", "mi son Everton" (not after a professional: "the officer in Leeds")
          (nameShaped(c) && (childRelation || FAMILY.has(t.key) || !(placeWord(c.key) && !knownName(c.key)))) ||
          ((childRelation || FAMILY.has(t.key)) && seasonName(c)) ||
          (lowerNameShaped(c) &&
            ((childRelation && !DESCRIBING.has(t.key)) || knownName(c.key) || hyphenatedName(c.key)) &&
            (childRelation || FAMILY.has(t.key))) ||
          // "my fella davy had walked out", "my partner gaz were": an unfamiliar word after a relative, before a pause or a verb
          (FAMILY.has(t.key) && lowerNameShaped(c) && unknownWord(c.key) && c.key.length > 2 && pauseOrVerbAfter(tokens, j)) ||
          // (not a surname after a word that also describes things: "on the kids ward, Cotswold ward")
          ((childRelation || FAMILY.has(t.key)) &&
            relaxedName(tokens, j) &&
            !(DESCRIBING.has(t.key) && (surnameOnly(c.key) || ORG_WORDS.has(c.key))));
        // a town on the keep-list is still a name straight after a relative: "my husband Barry"
        if (!ok || (kept[j] && !(knownName(c.key) && c.cap && !kept[j + 1] && (childRelation || FAMILY.has(t.key))))) break;
        // a child may share the worker's name; an adult named after "social worker" is the worker
        if (!isWorker(c) || childRelation) add(j, c.cap ? extend(j) : j, true);
        const next = tokens[j + 1];
        if (next && (next.key === 'and' || next.key === '&' || (next.key === 'n' && !next.cap)) && joinedBySpace(next.gap)) j++;
        else if (!(next && /^,[ \t]*$/u.test(next.gap))) break;
      }
      continue;
    }
    // "me and dave", "me and Dave": a known first name after "me and"
    if (t.key === 'me' && n && (n.key === 'and' || n.key === '&') && joinedBySpace(n.gap)) {
      const c = tokens[i + 2];
      if (
        c &&
        joinedBySpace(c.gap) &&
        knownName(c.key) &&
        (nameShaped(c) || lowerNameShaped(c) || relaxedName(tokens, i + 2)) &&
        !isWorker(c) &&
        !placeWord(c.key)
      )
        add(i + 2, c.cap ? extend(i + 2) : i + 2, true);
      continue;
    }
    // "called Brenda", "named Hope", "my name is Donna Fletcher", "known as Kai"
    const namedBy =
      t.key === 'called' ||
      (t.key === 'named' && !kept[i]) ||
      (t.key === 'is' && tokens[i - 1]?.key === 'name') ||
      (t.key === 'as' && tokens[i - 1]?.key === 'known');
    // "a dog called Biscuit", "our cottage called Bosvean": a pet's or a home's name is not a person's
    const thingNamed =
      namedBy &&
      (PETS_AND_HOMES.has(tokens[i - 1]?.key ?? '') || (tokens[i - 1]?.key === 'is' && PETS_AND_HOMES.has(tokens[i - 2]?.key ?? '')));
    if (thingNamed && n && joinedBySpace(n.gap) && n.cap && !isWorker(n)) {
      // the pet's name is claimed here, so the passes after this one do not read it as a person
      used[i + 1] = 1;
      continue;
    }
    if (namedBy && !thingNamed && n && joinedBySpace(n.gap) && (nameShaped(n) || lowerNameShaped(n)) && !placeWord(n.key)) {
      if (!isWorker(n) || (hasChildRelationBefore(i) && childKeys.has(n.key))) add(i + 1, n.cap ? extend(i + 1) : i + 1, true);
      continue;
    }
    // "the Kowalski family"
    // (not "the Integrated Family Support Service": a capitalised word after "Family" names a service)
    const nn = tokens[i + 2];
    if (
      nameShaped(t) &&
      n &&
      n.key === 'family' &&
      joinedBySpace(n.gap) &&
      !(nn?.cap && joinedBySpace(nn.gap)) &&
      !(commonWord(t.key) && !knownName(t.key)) &&
      !isWorker(t) &&
      !placeWord(t.key) &&
      !isPlacePhrase(t.text)
    ) {
      add(i, i, true);
      continue;
    }
    // "My Sarah is 9 now": the worker's name used for a child the story has already named as one
    if ((t.key === 'my' || t.key === 'our') && n && joinedBySpace(n.gap) && nameShaped(n) && isWorker(n) && childKeys.has(n.key)) {
      add(i + 1, i + 1, true);
    }
    // "Rose, my eldest, said"
    if (nameShaped(t) && childKeys.has(t.key) && n && /^,[ \t]*$/u.test(n.gap) && ['my', 'our'].includes(n.key)) add(i, i, true);
    if (used[i] || isWorker(t)) continue;
    const prevKey = t.sentenceStart ? '' : (tokens[i - 1]?.key ?? '');
    // "Shona had left wi the weans": a language that is also a name, doing something a person does
    if (
      t.cap &&
      LANGUAGE_NAMES.has(t.key) &&
      !LANGUAGE_LEADS.has(prevKey) &&
      n &&
      joinedBySpace(n.gap) &&
      !n.cap &&
      (PERSON_VERBS.has(n.key) || ACTION_VERBS.has(n.key) || ['had', 'has', 'wis', 'was', 'is'].includes(n.key))
    ) {
      add(i, i, true);
      continue;
    }
    // "kayla is 9 and mason is 6", "Summer is 3": a word with a child's age after it
    if (
      (lowerPersonWord(t) ||
        seasonName(t) ||
        (nameShaped(t) && knownName(t.key)) ||
        // "Alfie who is 7 and Will who was aged 3": a word that is also a name, with "who" and an age after it
        (t.cap && !kept[i] && (nameAlsoWord(t.key) || functionWord(t.key)) && n?.key === 'who' && joinedBySpace(n.gap))) &&
      !NOT_BEFORE_AGED_NAME.has(prevKey) &&
      childAgeFollows(story, t)
    ) {
      add(i, i, true);
      continue;
    }
    // "with zara and ayaan": a word known only as a first name, typed in small letters; sure before a verb
    // "my paddy was born", "little Summer came to us": a child
    if ((littleName(tokens, i) || bornName(tokens, i)) && !kept[i]) {
      add(i, i, true);
      continue;
    }
    if (
      !t.cap &&
      onlyAName(t.key) &&
      lowerPersonWord(t) &&
      !lowerNotAName(tokens, i) &&
      !kept[i] &&
      !HONORIFICS.has(t.key) &&
      !PERSON_DETERMINERS.has(prevKey) &&
      t.key.length > 2 &&
      !suffixAfterName(tokens, i)
    ) {
      const sure = n !== undefined && joinedBySpace(n.gap) && (VERBISH.has(n.key) || PERSON_VERBS.has(n.key)) && n.key !== 'and';
      add(i, i, true, !sure);
      continue;
    }
    // "got mason into Christ the Word and poppy into the nursery": a first name typed in small letters, got or put into somewhere
    if (
      !t.cap &&
      !used[i] &&
      !kept[i] &&
      knownName(t.key) &&
      !CHILD_RELATIONS.has(t.key) &&
      !OTHER_RELATIONS.has(t.key) &&
      !neverAName(t.key) &&
      n !== undefined &&
      joinedBySpace(n.gap) &&
      ['into', 'intae'].includes(n.key) &&
      (['got', 'get', 'gets', 'getting', 'put', 'and'].includes(prevKey) || OUR.has(prevKey)) &&
      !isWorker(t)
    ) {
      add(i, i, true);
      continue;
    }
    // "when tayla came to us at 13", "and kacie went": an unfamiliar small-letter word after "when", "and", "then" doing
    // what a person does; sure where the family took the child in ("came to us", "moved in", "came home")
    if (
      !t.cap &&
      !used[i] &&
      !kept[i] &&
      LOWER_LEADS.has(prevKey) &&
      lowerNameShaped(t) &&
      unknownWord(t.key) &&
      t.key.length > 2 &&
      !welshWord(t.key) &&
      !placeShaped(t.key) &&
      n !== undefined &&
      joinedBySpace(n.gap) &&
      (PERSON_VERBS.has(n.key) || ACTION_VERBS.has(n.key)) &&
      !lowerNotAName(tokens, i) &&
      !isWorker(t)
    ) {
      const m = tokens[i + 2];
      const takenIn = ['came', 'moved', 'come'].includes(n.key) && m !== undefined && ['to', 'in', 'home'].includes(m.key);
      add(i, i, true, !takenIn);
    }
  }

  // Capitalised runs the lexicon can judge: "Gillian O'Connor", "Maisie", but not "Winston's Wish",
  // "Chailey Heritage Foundation", "St Leonards", "the Conquest", "Rye" after an address.
  const afterAddress = new Set<number>();
  for (const c of structured) {
    if (c.kind !== 'address' && c.kind !== 'postcode') continue;
    // the first word starting at or after the address's end (a binary search: a story may hold many addresses)
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start >= c.end) hi = mid;
      else lo = mid + 1;
    }
    if (lo < tokens.length && /^[ \t]*,?[ \t]*$/u.test(tokens[lo]!.gap)) afterAddress.add(lo);
  }
  for (let i = 0; i < tokens.length; ) {
    if (!tokens[i]!.cap) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.cap && joinedBySpace(tokens[j + 1]!.gap) && !tokens[j]!.possessive) j++;
    // "Winston's Wish": a possessive followed by an ordinary capitalised word names an organisation
    const possessiveOrg =
      tokens[j]!.possessive && tokens[j + 1]?.cap && joinedBySpace(tokens[j + 1]!.gap) && commonWord(tokens[j + 1]!.key);
    const after = tokens[j + 1];
    // "help Bianca start": an organisation word that is also a verb names nothing in small letters
    const nextKey = after && joinedBySpace(after.gap) && (after.cap || !VERB_ORG_WORDS.has(after.key)) ? after.key : '';
    // "yng Nghaernarfon", "ym Mangor": a town after Welsh "in", its first letter mutated
    const welshIn = !tokens[i]!.sentenceStart && ['yng', 'ym'].includes(tokens[i - 1]?.key ?? '') && joinedBySpace(tokens[i]!.gap);
    const org =
      ORG_WORDS.has(tokens[j]!.key) ||
      ORG_WORDS.has(nextKey) ||
      possessiveOrg ||
      welshIn ||
      tokens[i]!.key === 'st' ||
      tokens[i]!.key === 'saint';
    const runText = story.slice(tokens[i]!.start, tokens[j]!.baseEnd);
    if (!org && !(j > i && isPlacePhrase(runText))) {
      let open = -1;
      let check = false;
      for (let k = i; k <= j + 1; k++) {
        const verdict = k <= j && !used[k] && !kept[k] ? judgeCapitalised(tokens, k) : false;
        const ok = verdict !== false;
        if (ok && open >= 0 && (verdict === 'check') !== check) {
          add(open, k - 1, false, check);
          open = -1;
        }
        if (ok && open < 0) {
          open = k;
          check = verdict === 'check';
        }
        if (!ok && open >= 0) {
          add(open, k - 1, false, check);
          open = -1;
        }
      }
    }
    i = j + 1;
  }

  function journeyBefore(toks: Token[], to: number): boolean {
    for (let k = to - 1; k >= Math.max(0, to - 3); k--) {
      if (JOURNEYS.has(toks[k]!.key)) return true;
      if (toks[k + 1]!.sentenceStart) return false;
    }
    return false;
  }

  /** true: a name; 'check': maybe a name (a word that is also a name, at the start of a sentence, doing something). */
  function judgeCapitalised(toks: Token[], k: number): boolean | 'check' {
    const t = toks[k]!;
    if (!nameShaped(t) || isWorker(t) || afterAddress.has(k) || isPlacePhrase(t.text)) return false;
    const prev = toks[k - 1]?.key ?? '';
    // "Govanhill", "Northfield": a place, unless it follows a first name ("Jan Whitfield"); "at Broadoak" may be a
    // hospital or a school, so the moderator sees it
    if (placeShaped(t.key) && !(toks[k - 1]?.cap && joinedBySpace(t.gap))) return prev === 'at' ? 'check' : false;
    // "Afon Taf", "Coed Duon", "Maes Glas": a Welsh word that is no first name, starting a name of a place
    const after = toks[k + 1];
    if (welshWord(t.key) && !knownName(t.key) && after?.cap && joinedBySpace(after.gap)) return false;
    if (placeOrPerson(t.key)) return !PLACE_PREPOSITIONS.has(prev);
    if (placeWord(t.key) && !onlyAName(t.key)) return false;
    if (t.sentenceStart) {
      if (wordBeforeItsNoun(toks, k)) return false;
      if (onlyAName(t.key)) return true;
      const next = toks[k + 1];
      const acts = next !== undefined && joinedBySpace(next.gap) && PERSON_VERBS.has(next.key);
      if (unknownWord(t.key) && next !== undefined && joinedBySpace(next.gap) && VERBISH.has(next.key)) return true;
      return acts && nameAlsoWord(t.key) ? 'check' : false;
    }
    // "back home in Walton": a word known only as a surname, after "in" or "near", is a place
    if (LOCATION_WORDS.has(prev) && surnameOnly(t.key) && !t.possessive) return false;
    // "drive them to Weston", "a trip to Morley": after a journey and "to", a capitalised word is the place
    if (prev === 'to' && !t.possessive && !childKeys.has(t.key) && journeyBefore(toks, k - 1)) return false;
    // "by the Grace of God", "what a Blessing": a word that is also a name, after an article, is the word
    if (knownName(t.key)) return !(ARTICLES.has(prev) && commonWord(t.key) && !toks[k - 1]!.cap);
    return unknownWord(t.key) && prev !== 'the' && !LOCATION_WORDS.has(prev);
  }

  // "... Hetal x  07700 900472": a name signed with a kiss where the story goes on after it (a number, a note)
  function kissSignOff(i: number): boolean {
    const t = tokens[i]!;
    const x = tokens[i + 1];
    const after = tokens[i + 2];
    if (!x || !/^x{1,3}$/u.test(x.key) || !/^[ \t]+$/u.test(x.gap) || used[i] || kept[i] || isWorker(t)) return false;
    if (after && !after.sentenceStart && !/\p{N}/u.test(after.text) && !/[\n.!]/u.test(after.gap)) return false;
    return (t.sentenceStart || /[,.!]/u.test(t.gap)) && nameShaped(t) && (onlyAName(t.key) || unknownWord(t.key)) && !placeShaped(t.key);
  }

  // "Tyler-Jay and Summer", "from Mair and Dai": a capitalised word joined by "and" to a name found
  const nameLike = (k: number) => {
    const c = tokens[k];
    return (
      c !== undefined &&
      !used[k] &&
      !kept[k] &&
      !isWorker(c) &&
      !placeShaped(c.key) &&
      ((nameShaped(c) && (knownName(c.key) || unknownWord(c.key)) && !(placeWord(c.key) && !knownName(c.key))) ||
        seasonName(c) ||
        (c.cap && !c.sentenceStart && ['jan', 'may', 'june', 'april', 'august'].includes(c.key)))
    );
  };
  for (const f of [...found]) {
    if (f.check) continue;
    const [a, b] = [tokens[f.last + 1], tokens[f.last + 2]];
    if (a && b && (a.key === 'and' || a.key === '&') && joinedBySpace(a.gap) && joinedBySpace(b.gap) && nameLike(f.last + 2))
      add(f.last + 2, f.last + 2, false);
    const [c, d] = [tokens[f.first - 1], tokens[f.first - 2]];
    if (
      c &&
      d &&
      (c.key === 'and' || c.key === '&') &&
      joinedBySpace(tokens[f.first]!.gap) &&
      joinedBySpace(c.gap) &&
      nameLike(f.first - 2) &&
      // "we stay in Craigmillar and Skye goes ...": a word after "in" is a place, whatever follows
      !['in', 'near', 'around', 'outside', 'across', 'towards', 'throughout', 'within'].includes(tokens[f.first - 3]?.key ?? '')
    )
      add(f.first - 2, f.first - 2, false);
  }
  // "my boys brandon and tj are", "the girls, saoirse and aoibhinn,", "our jack n lacey came": a small-letter word joined to a
  // small-letter name found, before a pause or a verb
  for (const f of [...found]) {
    if (f.check || f.first !== f.last || tokens[f.first]!.cap) continue;
    const [a, b] = [tokens[f.last + 1], tokens[f.last + 2]];
    if (
      a &&
      b &&
      ['and', 'n', '&'].includes(a.key) &&
      !a.cap &&
      joinedBySpace(a.gap) &&
      joinedBySpace(b.gap) &&
      !b.cap &&
      !used[f.last + 2] &&
      !kept[f.last + 2] &&
      !isWorker(b) &&
      lowerNameShaped(b) &&
      (knownName(b.key) || unknownWord(b.key)) &&
      !placeWord(b.key) &&
      !welshWord(b.key) &&
      pauseOrVerbAfter(tokens, f.last + 2)
    )
      add(f.last + 2, f.last + 2, true);
  }
  // a signature: the story's last words after a pause or "from", "love" ("... from Glenys", "Thanks, Jordan", "aisha, 16")
  // a signature read first as a maybe-name (a first name in small letters) is sure
  const checkAt = (k: number) => found.findIndex((f) => f.check && f.first === k && f.last === k);
  const signed = signature(
    tokens,
    story,
    (k) => nameLike(k),
    (k) => (!used[k] || checkAt(k) >= 0) && !kept[k] && !isWorker(tokens[k]!),
  );
  if (signed) {
    const at = signed[0] === signed[1] ? checkAt(signed[0]) : -1;
    if (at >= 0) found[at] = { first: signed[0], last: signed[1], child: found[at]!.child, trusted: true };
    else add(signed[0], signed[1], true, signed[2]);
    // a young person signing their own story is one of the family's children
    const mine = found.find((f) => f.first === signed[0] && f.last === signed[1]);
    if (mine && YOUNG_WRITER.test(story)) mine.child = true;
  }
  for (let i = 0; i < tokens.length; i++) if (kissSignOff(i)) add(i, i, true);
  // "left with lacey-mae and alfie": a double first name in small letters, where no surer rule has read it
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!used[i] && !t.cap && hyphenatedName(t.key) && lowerPersonWord(t) && !lowerNotAName(tokens, i) && !isWorker(t))
      add(i, i, true, true);
  }

  // Every other mention of a name already found (capitalised as it was, or any case if typed in small letters)
  const flagged = new Map<string, { child: boolean; lower: boolean; check: boolean }>();
  for (const f of found) {
    for (let k = f.first; k <= f.last; k++) {
      const t = tokens[k]!;
      if ((!f.trusted && isWorker(t)) || !(nameShaped(t) || lowerNameShaped(t) || seasonName(t) || (f.trusted && knownName(t.key))))
        continue;
      // "Mrs Khadija Bhula" does not make every "Mrs" a name
      if (HONORIFICS.has(t.key)) continue;
      const keys = [t.key, ...(t.key.includes('-') ? t.key.split('-').filter((p) => p.length > 2) : [])];
      for (const key of keys) {
        const prev = flagged.get(key);
        flagged.set(key, {
          child: f.child || (prev?.child ?? false),
          lower: !t.cap || (prev?.lower ?? false),
          check: f.check === true && (prev?.check ?? true),
        });
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const hit = flagged.get(t.key);
    if (!hit || used[i] || isWorker(t) || suffixAfterName(tokens, i)) continue;
    // "our Grace sang Amazing Grace": inside a keep-list phrase of several words, the name is the phrase's word
    if (
      kept[i] &&
      t.cap &&
      ((kept[i - 1] && tokens[i - 1]!.cap && joinedBySpace(t.gap)) ||
        (kept[i + 1] && tokens[i + 1]!.cap && joinedBySpace(tokens[i + 1]!.gap)))
    )
      continue;
    // a name found with a capital, typed again in small letters: "Poppy ... poppy's mum"; a word as well as a name
    // ("rose", "summer") only as someone: with a possessive or before a verb
    // the word before, in the same sentence ("...any of it. jamie kept" has none)
    const before = t.sentenceStart ? '' : (tokens[i - 1]?.key ?? '');
    // (Scots "an" is "and" before a consonant: "jack is 12 an lacey is 7")
    const scotsAnd = before === 'an' && /^[^aeiouh]/u.test(t.key);
    if (!t.cap && PERSON_DETERMINERS.has(before) && !scotsAnd && (before !== 'so' || commonWord(t.key))) continue;
    // "every moment with them is precious": a word shaped like an English adjective, in small letters after "is", is the word
    if (!t.cap && ENGLISH_SHAPE.test(t.key) && COPULAS.has(before)) continue;
    // "Will you believe it": a capitalised verb starting a question is not the name
    if (t.cap && t.sentenceStart && functionWord(t.key) && ['you', 'i', 'we', 'he', 'she', 'they', 'it'].includes(tokens[i + 1]?.key ?? ''))
      continue;
    // "Will never forget", "Hope this reaches her": a word that is also a name, starting a sentence as a verb
    if (
      t.cap &&
      t.sentenceStart &&
      (functionWord(t.key) || commonWord(t.key)) &&
      ['never', 'not', 'always', 'this', 'that', 'everyone', 'everybody', 'all', 'so', 'to', 'for'].includes(tokens[i + 1]?.key ?? '')
    )
      continue;
    // "what a Blessing", "by the Grace of God": after an article, a word that is also a name is the word
    if (t.cap && commonWord(t.key) && ARTICLES.has(before) && !tokens[i - 1]!.cap) continue;
    const after = tokens[i + 1];
    const afterKey = after && joinedBySpace(after.gap) && !after.cap ? after.key : '';
    // "Summer holidays were long", "the Summer term": the season, not the child
    if (seasonName(t) && SEASON_THINGS.has(afterKey)) continue;
    // "Favour of God be upon you", "Grace of God": a word that is also a name, before "of", is the word
    if (t.cap && (commonWord(t.key) || nameAlsoWord(t.key)) && afterKey === 'of') continue;
    // "Hope you know", "Hope we see you": a word that is also a verb, starting a sentence before "you" or "we"
    if (t.cap && t.sentenceStart && commonWord(t.key) && ['you', 'u', 'we', 'i', 'ye', 'yous'].includes(afterKey)) continue;
    if (wordBeforeItsNoun(tokens, i)) continue;
    if (!t.cap && commonWord(t.key) && !t.possessive) {
      const n = tokens[i + 1];
      // "lorna got jack intae balwearie": put into somewhere, as a person is
      if (
        !(
          n &&
          joinedBySpace(n.gap) &&
          n.key !== 'and' &&
          (VERBISH.has(n.key) || PERSON_VERBS.has(n.key) || ['into', 'intae'].includes(n.key))
        ) &&
        // "she got dean on a course", "took jack to the dentist": a person done something to, then sent somewhere
        !(PERSON_OBJECT_VERBS.has(before) && n && joinedBySpace(n.gap) && SENT_TO.has(n.key))
      )
        continue;
    }
    used[i] = 1;
    found.push({ first: i, last: i, child: hit.child || childKeys.has(t.key), trusted: false, check: hit.check });
  }
  // a maybe-name is sure when the same name is sure elsewhere in the story ("Dean came round. ... my ex Dean")
  for (const f of found) if (f.check && f.first === f.last && flagged.get(tokens[f.first]!.key)?.check === false) f.check = false;

  return found.map((f) => {
    const c: Candidate = {
      kind: 'name',
      start: tokens[f.first]!.start,
      end: tokens[f.last]!.baseEnd,
      child: f.child || childKeys.has(tokens[f.first]!.key),
    };
    if (f.check) c.tier = 'check';
    return c;
  });
}

/** "kayleigh is 15", "jess was 9": the age after a name found in small letters (the age patterns need a capital);
 * and a baby's age in months after any name: "ellie-mae is 7 months", "Zara was 4 and Ayaan only 18 months". */
export function agesAfterNames(story: string, names: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of names) {
    const after = story.slice(c.end, c.end + 40);
    // "aisha, 16" at the very end, "Sami 11, Layla 8, Adam 5", "I'm Abena, 23 now": a number straight after a name
    const signed = SIGNED_AGE.exec(after) ?? LISTED_AGE.exec(after);
    if (signed && Number(signed[1]) <= 25) {
      const at = c.end + signed[0].search(/\d/u);
      out.push({ kind: 'age', start: at, end: at + signed[1]!.length });
      continue;
    }
    const months = MONTHS_AFTER_NAME.exec(after);
    if (months && Number(months[1]) <= 36) {
      out.push({ kind: 'age', start: c.end + months[0].search(/\d/u), end: c.end + months[0].length });
      continue;
    }
    if (/^\p{Lu}/u.test(story.slice(c.start, c.end))) continue;
    const m = AGE_AFTER_NAME.exec(after);
    if (m && (NUMBER_WORDS[m[1]!] ?? Number(m[1])) <= 25)
      out.push({ kind: 'age', start: c.end + m[0].search(/\S/u), end: c.end + m[0].length });
  }
  return out;
}
const AGE_AFTER_NAME =
  /^[ \t]+(?:is|was|wis|'s|’s)[ \t]+(?:(?:only|just|now|nearly|almost)[ \t]+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?![\p{L}\p{N}]|[/.:-]\p{N}|[ \t]*(?:years?|months?|weeks?|days?|hours?|minutes?|times|o'?clock|%|am|pm)(?![ \t-]+old))/u;
const SIGNED_AGE = /^,?[ \t]+(\d{1,2})[ \t.!x]*$/u;
const LISTED_AGE = /^,?[ \t]+(\d{1,2})(?=[ \t]*(?:[,.;)]|$|now(?![\p{L}])|and[ \t]+\p{Lu}))/u;
const MONTHS_AFTER_NAME =
  /^[ \t]+(?:(?:is|was|'s|’s)[ \t]+(?:(?:only|just|now|nearly|almost)[ \t]+)?|(?:only|just|nearly|almost)[ \t]+)(\d{1,2})[ \t]*(?:months?|weeks?)(?![\p{L}])(?![ \t]+(?:into|in|later|before|after|ago|on|since|late|behind|pregnant|gone|away|without|with|waiting|of)(?![\p{L}]))/u;
