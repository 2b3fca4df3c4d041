// The words the school rules (schools.ts) read: head words, leads, cues, church and nursery names, academy
// sponsors, words that say a place is not a school, and the schools named bare (schools.txt).
import { PhraseSet, readPlaceList } from './phrases.ts';

export const HEADS = new Set([
  'school',
  'academy',
  'college',
  'nursery',
  'pre-school',
  'preschool',
  'playgroup',
  'university',
  'kindergarten',
  'montessori',
]);
/** Heads only when capitalised: "Westfield Primary", but not "her primary". */
export const CAP_HEADS = new Set(['primary', 'infants', 'juniors', 'form', 'collegiate']);
/** Words that make a sentence about school: there "got him into Kingsmead", "he's at Oakwood" is a school. */
export const SCHOOL_CUES = new Set(
  `school schools teacher teachers teaching class classes classmates classroom pupil pupils headteacher headmaster
  headmistress senco ehcp reception nursery gcse gcses a-level a-levels highers exams exam uniform timetable exclusion
  excluded expelled suspended playground homework lessons tutor sixth primary secondary academy college grammar
  infants juniors sats bullied bullying catchment transition admissions pastoral detention detentions truanting truancy
  schooling ofsted mainstream sendco`.split(/\s+/),
);
export const ORDINAL_YEARS = /^(?:[1-7](?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh)$/u;
/** Said before a school's name: "at", "to", "into", "from" (for "at Easton primary", "the Grammar in Ballymena"). */
export const NAME_PREPS = new Set(['at', 'to', 'into', 'from', 'attends', 'attended']);
/** Capitalised words after "the" that are a school with its town: "the Tech in Newry", "the Grammar in Ballymena". */
export const BARE_HEADS = new Set([
  'tech',
  'grammar',
  'high',
  'academy',
  'college',
  'comp',
  'primary',
  'infants',
  'juniors',
  'convent',
  'pru',
]);
/** Welsh, Gaelic and Irish words that come first: "Ysgol Gyfun Gŵyr", "Coleg Gwent", "Gaelscoil Eoghain". */
export const LEADING_HEADS = new Set([
  'ysgol',
  'coleg',
  'cylch',
  'meithrinfa',
  'sgoil',
  'bunsgoil',
  'scoil',
  'gaelscoil',
  'bunscoil',
  'ardscoil',
  'meanscoil',
  'colaiste',
  'coláiste',
  'naiscoil',
  'naíscoil',
]);
/** Typed in small letters too: "ysgol glan clwyd". */
export const LOWER_LEADING_HEADS = new Set([
  'ysgol',
  'coleg',
  'gaelscoil',
  'bunscoil',
  'cylch',
  'meithrinfa',
  'naiscoil',
  'naíscoil',
  'colaiste',
  'coláiste',
  'scoil',
  'sgoil',
]);
/** Inside a name after a leading head: not "and", which joins two names ("Ysgol y Graig and Heol y Coed"). */
export const LEADING_PARTICLES = new Set(['y', 'yr', "'r", 'r', 'a', 'an', 'na', 'nan', 'de', 'le', 'la']);
export const PARTICLES = new Set(['y', 'yr', "'r", 'a', 'an', 'na', 'nan', 'de', 'of', 'the', 'and', '&', 'upon', 'on', 'le', 'la']);
/** Words that say what kind of school it is, not which one. */
export const TYPE_WORDS = new Set([
  ...HEADS,
  ...CAP_HEADS,
  ...'secondary junior infant high grammar middle community church free catholic c e ce cofe rc special sixth day independent preparatory prep the of and st saint upper lower first girls boys city county technical voluntary aided controlled federation little my our his her their a an at to in from welsh-medium english-medium gaelic-medium irish-medium sure start monday tuesday wednesday thursday friday saturday sunday weekend'.split(
    ' ',
  ),
]);

/** Heads that end a school's name typed in small letters. */
export const LOWER_HEADS = new Set([
  'primary',
  'academy',
  'college',
  'nursery',
  'school',
  'grammar',
  'comp',
  'comprehensive',
  'infants',
  'juniors',
]);
/** How English place names end: "westfield", "oakwood", "brookvale", "ashby" (long enough not to be a plain word). */
export const PLACE_ENDING =
  /^\p{L}{3,}(?:field|fields|wood|vale|brook|bank|crest|side|mount|hill|park|lea|ley|ton|ham|by|thorpe|dale|well|moor|croft|gate|bridge|ford|combe|worth|stead|hurst)$/u;
/** Kinds of school, not names of one: "forest school", "night school", "a faith school". */
export const SCHOOL_KINDS = new Set(
  'forest night sunday summer boarding driving church faith free state private special independent dance drama music art language football swimming riding holiday after breakfast homework home hospital residential day nursery grammar secondary primary middle infant junior catholic welsh gaelic'.split(
    ' ',
  ),
);
export const LOWER_LEADS = new Set(['at', 'to', 'from', 'of', 'into', 'in', 'attends', 'attended']);

/** How nurseries' names begin: "Little Oaks", "Tiny Feet", "Happy Days", "Rainbow Tots". */
export const NURSERY_LEADS = new Set([
  'little',
  'tiny',
  'busy',
  'happy',
  'bright',
  'rainbow',
  'sunshine',
  'teddy',
  'stepping',
  'wee',
  'kiddies',
  'kids',
]);
/** "a place at Flat 3": an address, not a school */
export const NOT_A_SCHOOL_START = new Set(['flat', 'apartment', 'apt', 'unit', 'room', 'number', 'no', 'house', 'home']);
/** After a capitalised name, with a capital: "Govan High", "Herschel Grammar", "Cathays Comp", "Holy Cross PS", "Ysgol ..." aside. */
export const LATE_HEADS = new Set([
  'high',
  'grammar',
  'comprehensive',
  'comp',
  'secondary',
  'ps',
  'middle',
  'prep',
  'integrated',
  'pru',
  'met',
  'tech',
  'tec',
  'utc',
]);
export const STREET_AFTER_HIGH = new Set(['street', 'st', 'road', 'rd', 'court', 'sheriff', 'peak', 'park', 'lane', 'town', 'streets']);

/** Words before a name that say a child is placed in it or put out of it: "at", "to", "into", "from", "out of". */
export const RUN_LEADS = new Set([...NAME_PREPS, 'of']);

/** Scots and dialect forms of the small words the rules read: "got him intae Govan High", "went up tae Baldragon". */
export const DIALECT = new Map([
  ['tae', 'to'],
  ['intae', 'into'],
  ['fae', 'from'],
  ['frae', 'from'],
  ['oot', 'out'],
  ['skool', 'school'],
  // Shetland "da": "my highers at da Anderson"
  ['da', 'the'],
]);

/** Words after a name that end a list of schools: "at St Cuthbert's and Brougham.", "to Varndean when". */
export const LIST_END = new Set([
  'and',
  'now',
  'then',
  'but',
  'so',
  'when',
  'where',
  'which',
  'after',
  'because',
  'for',
  'last',
  'this',
  'since',
]);

/** Church-school markers after a saint's name: "St Joseph's RC", "St Mary's C of E", "Holy Family Catholic". */
export const DENOMINATIONS = new PhraseSet();
for (const d of [
  'RC',
  'R C',
  'CE',
  'C E',
  'CofE',
  'C of E',
  'Catholic',
  'Church in Wales',
  'CiW',
  'CIW',
  'VA',
  'VC',
  'CEVA',
  'CEVC',
  'Church of England',
  'Methodist',
  'Jewish',
  'Muslim',
  'Islamic',
  'Sikh',
])
  DENOMINATIONS.add(d, true);
export const LOWER_DENOMINATIONS = new PhraseSet();
for (const d of ['rc', 'r c', 'ce', 'c of e', 'cofe', 'catholic', 'primary', 'high', 'juniors', 'infants']) LOWER_DENOMINATIONS.add(d);
/** Names of church schools that start without "St": "Our Lady of Lourdes", "Sacred Heart", "Holy Trinity". */
const DEVOTIONAL_NAMES = [
  'Our Lady',
  "Our Lady's",
  'Sacred Heart',
  'Holy Family',
  'Holy Cross',
  'Holy Trinity',
  'Holy Rood',
  'Holy Name',
  'Corpus Christi',
  'Christ the King',
  'Blessed',
  'English Martyrs',
  'Guardian Angels',
  'Immaculate Conception',
];
export const DEVOTIONAL = new PhraseSet();
for (const d of DEVOTIONAL_NAMES) DEVOTIONAL.add(d, true);
/** The same in small letters (not "blessed", an everyday word): "sacred heart primary", "holy family rc", "our ladys". */
export const LOWER_DEVOTIONAL = new PhraseSet();
for (const d of [...DEVOTIONAL_NAMES.filter((d) => d !== 'Blessed'), 'our ladys']) LOWER_DEVOTIONAL.add(d);
/** Academy trusts that put their name first: "Ark Blacklands", "Oasis Shirley Park", "Outwood Grange". */
export const SPONSORS = new Set([
  'ark',
  'oasis',
  'outwood',
  'dixons',
  'ormiston',
  'e-act',
  'tauheedul',
  'astrea',
  'aspirer',
  'reach',
  'harris',
  'delta',
  'greenwood',
  'lift',
  'bohunt',
  'inspiration',
  'unity',
]);
/** Nursery chains and common nursery names; `true`: also in small letters ("a place at little acorns"), not for everyday words ("happy days"). */
const NURSERY_NAMES: [string, boolean][] = [
  ['Bright Horizons', true],
  ['Busy Bees', true],
  ['Kids Planet', true],
  ['Kiddi Caru', true],
  ['Tiny Tots', true],
  ['Happy Days', false],
  ['Little Angels', true],
  ['Monkey Puzzle', true],
  ['Storal', false],
  ['Childbase', false],
  ['Kido', false],
  ['Toad Hall', true],
  ['Just Childcare', false],
  ['Little Acorns', true],
  ['Little Stars', true],
  ['Little Explorers', true],
  ['Little Learners', true],
  ['Little Owls', true],
  ['Tiny Steps', true],
  ['First Steps', false],
  ['Rainbow Nursery', false],
  ['Mudiad Meithrin', false],
];
export const NURSERIES = new PhraseSet();
/** The same, typed in small letters: a possible nursery. */
export const LOWER_NURSERIES = new PhraseSet();
for (const [n, small] of NURSERY_NAMES) {
  NURSERIES.add(n, true);
  if (small) LOWER_NURSERIES.add(n);
}
/** Said just before a school's name: "she's in year 4 at", "reception at", "excluded from" (sure); "goes to", "started at" (check). */
export const SURE_LEADS = ['at', 'from'];

/** A year group, not a school: "got my lad into P4". */
export const YEAR_GROUP = /^(?:y\d{1,2}|p[1-7]|s[1-6]|year|yr|reception|nursery)$/u;
/** Words about illness or treatment: near them "is at St Cadoc's" is a hospital (stronger words than the hospital rules' cues). */
export const ILL_CUES = new Set(
  `ward wards sectioned admitted inpatient in-patient poorly ill unwell sick diagnosed consultant paediatrician doctor doctors
  nurse nurses bed surgery operation a&e discharged nicu scbu icu picu hdu maternity labour stroke seizure overdose broken
  cancer leukaemia tumour chemo dialysis transplant breakdown pneumonia hospital hospitals ambulance rehab outpatient outpatients
  camhs clinic psychiatrist`.split(/\s+/),
);
/** Illness words that are also a job a child hopes for: "she wants to be a nurse". */
export const CAREERS = new Set(['nurse', 'doctor', 'paediatrician', 'consultant', 'psychiatrist', 'surgeon']);
/** "got him into", "get our Mikey into", "moved my son Logan into": a child placed in a school. */
export const PLACE_VERBS = new Set(['got', 'get', 'gets', 'getting', 'moved', 'move', 'moving', 'transferred', 'placed']);
export const COPULAS = new Set(['is', 'are', "'s", '’s', 'now', 'both', 'all', 'still', 'hes', 'shes', 'theyre', 'im']);
/** "was at Djanogly", "were at St Anne's": a past place, a school only in a sentence about school. */
export const PAST_COPULAS = new Set(['was', 'were', 'been']);
/** Where a child is that is not a school: "he's at Scouts", "she's at Nan's". */
export const NOT_SCHOOL_AT = new Set(
  'scouts cubs beavers brownies guides rainbows explorers church chapel mosque gurdwara temple mandir synagogue masjid madrassa madrasa work home college uni university reception nursery'.split(
    ' ',
  ),
);
/** Services and groups someone is "got into", not schools: "got him into Foster Care", "got me into Alcoholics Anonymous", "at HMP Altcourse". */
export const NOT_SCHOOL_WORDS = new Set(
  'care foster aid anonymous refuge housing service services support therapy counselling treatment rehab recovery group programme project scheme club team trust charity foundation centre church army navy police cadets league hmp hmyoi prison stage level set grade band step expected trouble camhs cahms nspcc barnardos childline kooth mencap ymca kingdom'.split(
    ' ',
  ),
);

export const CONTEXT_LAST = new Set([
  'at',
  'from',
  'to',
  'into',
  'of',
  'attends',
  'attended',
  'attend',
  'attending',
  'for',
  'go',
  'goes',
  'in',
]);

/** Between a child's age and "at": "is 10 and at Gonville", "hes 7 now and at St Patrick's", "is 13 and started at Sydenham". */
export const AGE_FILLERS = new Set([
  'and',
  'an',
  'n',
  '&',
  'now',
  'then',
  'still',
  'currently',
  'just',
  'started',
  'starts',
  'both',
  'also',
]);
export const AGE_WORDS = new Set(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen'.split(' '),
);
export const HOME_HEADS = new Set(['house', 'court', 'unit', 'centre', 'center', 'home', 'flats', 'hostel', 'ward']);
/** "she was 15 and at Christmas she ran": a time, not a place. */
export const AT_TIMES = new Set(
  'christmas xmas easter eid ramadan diwali halloween hanukkah chanukah vaisakhi navratri passover weekends weekend night lunchtime bedtime half-term'.split(
    ' ',
  ),
);
/** Said before an age: "is", "are", "was", "she's", "hes", "aged". */
export const AGE_VERBS = new Set(['is', 'are', 'was', 'hes', 'shes', 'aged', 'turned', 'now', 'wis', 'wiz']);

/** "kicked out of", "put out of", "flung out of": excluded from a school. */
export const OUSTED = new Set(['kicked', 'thrown', 'chucked', 'booted', 'put', 'flung', 'slung', 'turfed']);
/** Said before "at" and a school's or a university's name: "studying at", "a bursary at", "the plumbing course at". */
export const STUDY_WORDS = new Set(['studying', 'studies', 'study', 'studied', 'bursary', 'scholarship', 'degree', 'course']);

/** Who a family calls a child before "goes to": "my eldest", "our lad", "my daughter aleena". */
export const CHILD_WORDS = new Set(
  'eldest youngest oldest son sons daughter daughters boy boys girl girls lad lads lass twins kids children child middle'.split(' '),
);

/** A child's brother or sister, named before what they do: "his sister Priya is at", "my wee brother Tiernan is at". */
export const SIBLINGS = new Set(
  'sister sisters sis brother brothers bro stepson stepdaughter grandson granddaughter grandchild grandkids'.split(' '),
);
/** "stayed at X with her mates": kept on at a school. */
export const STAY_WORDS = new Set(['stayed', 'stays', 'stay', 'staying', 'remained', 'remains']);

/** "got him moved to", "was transferred to": moved by someone. */
export const PASSIVE = new Set(['got', 'get', 'getting', 'had', 'was', 'were', 'been', 'being']);

/** Said just before a school joined: "joined Kingsmead in year 7", "started Northfield in September for reception". */
export const ENTRY_LEADS = new Set([
  'to',
  'at',
  'into',
  'started',
  'starts',
  'starting',
  'start',
  'joined',
  'joins',
  'joining',
  'join',
  // "he left Rushgrove in year 10"
  'left',
  'leaving',
]);
export const START_VERBS = new Set(['started', 'starts', 'starting', 'start', 'joined', 'joins', 'joining', 'join']);
/** "in year 7", "for reception", "in S1", "for sixth form", "for his GCSEs", after a month ("in September for year 7"). */
export const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|sept)$/u;
export const EXAMS = /^(?:gcses?|a-levels?|highers|btecs?|sats)$/u;

/** A street's head after a town's name: "Cambridge Road" is an address, not a school. */
export const STREET_WORDS = new Set(
  'road rd street st lane avenue ave drive close way crescent place terrace grove gardens court square row walk parade hospital station airport city town county council crown magistrates family police'.split(
    ' ',
  ),
);
/** Words that end many schools' names, typed in small letters after a name-like word: "carr manor", "beech hill". */
export const NAME_ENDS = new Set(
  'manor grange park hill hills wood woods field fields vale brook bank hall lodge green moor mount heath priory abbey cross meadow meadows valley dale rise croft'.split(
    ' ',
  ),
);
/** Words that open a sentence and are not part of a name after them: "After school he ...". */
export const SENTENCE_OPENERS = new Set([
  'after',
  'before',
  'since',
  'until',
  'during',
  'when',
  'at',
  'in',
  'from',
  'to',
  'with',
  'without',
]);
/** Words that say what a place is, not which: "at Nursery", "started at Big School". */
export const GENERIC_SCHOOL_WORDS = new Set([
  ...TYPE_WORDS,
  ...SCHOOL_KINDS,
  'big',
  'new',
  'old',
  'local',
  'proper',
  'school',
  'uni',
  // subjects: "doing great at Maths", "his uniform for PE"
  ...'maths math english science history geography pe re rs music drama french spanish german computing ict dt art biology chemistry physics'.split(
    ' ',
  ),
]);

/** Schools known by a name without a head word (schools.txt): always, or ("?") only in a sentence about school. */
export const KNOWN_SCHOOLS = new PhraseSet();
export const CUED_SCHOOLS = new PhraseSet();
for (const { name, cued, anyCase } of readPlaceList('schools.txt')) (cued ? CUED_SCHOOLS : KNOWN_SCHOOLS).add(name, !anyCase);

/** Said in a sentence about church, not school: "married at St Mary's". */
export const CHURCH_WORDS = new Set(
  'church married wedding christened christening baptised baptism funeral mass service vicar priest parish chapel'.split(' '),
);

/** Said before "school, X,": whose school it is ("his school, Beech Hill, so he could go back"). */
export const OWNERS = new Set([
  'his',
  'her',
  'their',
  'my',
  'our',
  'new',
  'old',
  'current',
  'kids',
  'boys',
  'girls',
  'sons',
  'daughters',
  'the',
  'local',
]);
export const APPOSED_HEADS = new Set([
  'school',
  'nursery',
  'college',
  'academy',
  'primary',
  'secondary',
  'preschool',
  'pre-school',
  'sixth-form',
]);

/** Nothing kept: capitalisedRun reads only the first few places after its start, so a short array serves any story. */
export const NONE = new Uint8Array(0);

export const SCHOOL_EVENTS = new Set(
  'day days fair fete trip trips play disco show concert photo photos council nurse run holidays holiday meeting meetings report uniform bus office gates counsellor prom party panto nativity week chromebook ipad laptop tablet email app account'.split(
    ' ',
  ),
);
/** What a school is said to be, typed in small letters: "her school is shite". */
export const VERDICTS = new Set([
  'shite',
  'shitey',
  'minging',
  'mingin',
  'naff',
  'gash',
  'pants',
  'mint',
  'boss',
  'sound',
  'lush',
  'class',
  'bangin',
  'banging',
]);
export const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir', 'madam', 'head', 'mister']);

/** Who works at a school, said after its name with a possessive: "Oakfield's SENCO". */
export const STAFF = new Set(['senco', 'sendco', 'headteacher', 'headmaster', 'headmistress', 'teachers', 'staff', 'pastoral', 'pupils']);
/** Said before a school someone talked to: "spoke to Oakfield", "she speak with Kirkton", "rang Greenhill". */
export const SPOKE = new Set(['spoke', 'speak', 'speaks', 'speaking', 'talked', 'talk', 'talks', 'phoned', 'rang', 'emailed', 'contacted']);
export const EXCLUDING = new Set(['excluded', 'expelled', 'suspended']);
/** "excluded from", "an exclusion from": said just before a school's name */
export const EXCLUSION_WORDS = new Set([...EXCLUDING, 'exclusion', 'exclusions']);
