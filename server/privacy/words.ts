// What we know about single words, for telling people's names from everything else.
// Built once at load from compromise's own model (its lexicon of ~24k words with first names,
// surnames, places and parts of speech, its ambiguous "switch" words like dean/grace/will, and its
// organisation and place head-words, copied into lexicon.json by scripts/build-lexicon.ts), the
// areas list, and a few short lists of our own.
// Full compromise parsing costs ~60-80 ms for a 3,000-character story; these lookups cost nothing.
import { readFileSync } from 'node:fs';
import { readAreasCsv, variantsOf } from '../areas/seed.ts';
import { fold, normalizePhrase } from '../text.ts';
import { fromRoot } from '../paths.ts';

type Lexicon = { lexicon: Record<string, string[]>; switches: Record<string, string>; orgWords: string[]; placeWords: string[] };
const model: Lexicon = JSON.parse(readFileSync(fromRoot('server', 'privacy', 'lexicon.json'), 'utf8'));

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const PLACE_TAGS = new Set(['City', 'Country', 'Place', 'Region']);

/** Parts of speech that a name never has in a sentence: "my mum he said", "our lot will". */
const FUNCTION_TAGS = new Set([
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Verb',
  'Adverb',
  'Modal',
  'Copula',
  'Auxiliary',
  'PresentTense',
  'PastTense',
  'Infinitive',
  'QuestionWord',
  'Negative',
]);

type WordInfo = { name: boolean; common: boolean; place: boolean; fn?: boolean; surname?: boolean };
const LEXICON = new Map<string, WordInfo>();
for (const [word, tags] of Object.entries(model.lexicon)) {
  const place = tags.some((t) => PLACE_TAGS.has(t));
  const name = !place && tags.some((t) => NAME_TAGS.has(t));
  const surname = tags.includes('LastName') && !tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
  LEXICON.set(word, {
    name,
    common: !name && !place && !tags.includes('ProperNoun'),
    place,
    fn: tags.some((t) => FUNCTION_TAGS.has(t)),
    surname,
  });
}
// Switches are words compromise knows to be ambiguous: "Person|Noun" (dean, dawn, rose), "Person|Verb"
// (grace, will?), "Person|Place" (kent), "Noun|Verb" (hope) ...
for (const [word, sw] of Object.entries(model.switches)) {
  const [a, b] = sw.split('|');
  const info = LEXICON.get(word) ?? { name: false, common: false, place: false };
  if (a === 'Person') {
    info.name = true;
    if (b === 'Place') info.place = true;
    else info.common = true;
  } else if (!info.name) info.common = true;
  LEXICON.set(word, info);
}

// Names from Welsh, South Asian, West African, Chinese, Polish and Arabic naming that compromise does not
// know (first-names.txt); an English word there ("blessing", "precious") stays a word that can be a name.
const NAMES_FILE = fromRoot('server', 'privacy', 'first-names.txt');
for (const line of readFileSync(NAMES_FILE, 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  for (const word of line.split(/\s+/)) {
    if (word.length < 3) continue;
    const info = LEXICON.get(word);
    if (!info) LEXICON.set(word, { name: true, common: false, place: false });
    else if (!info.fn) info.name = true;
  }
}

/** Shapes of names from the same communities: Olu-, Ade-, Chi- (Yoruba, Igbo), -preet, -jit, -inder (Sikh), -ski, -wicz (Polish). */
const NAME_SHAPES =
  /^(?:olu|oluwa|ade[bdgkmnswy]|ayo|chukwu|chi(?:n|dinma|dera|oma|amaka)|ife|nnam|abdul|abdi)\p{L}{2,}$|^\p{L}{2,}(?:preet|jit|deep|inder|winder)$|^\p{L}{3,}(?:owski|owska|ewski|ewska|icki|icka|ycki|ycka|wicz|czyk|czak|dzki|dzka)$/u;

/** Head words that make a capitalised run an organisation or a building, not a person ("Winston's Wish" aside). */
/** Who a verb was done to: "visited me", "excluded him". */
export const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them']);

export const ORG_WORDS = new Set([
  ...model.orgWords,
  ...model.placeWords,
  ...'centre center trust foundation hospital council services service team project charity house unit clinic surgery church mosque temple gurdwara synagogue group network partnership prison estate station hub association society club library court hall aid start help action wish care refuge unit ward practice court tribunal panel police constabulary barnardo barnardos cafcass nspcc allowance allowances grant grants payment payments benefit benefits premium bursary scheme schemes programme programmes program fund maintenance proceedings childcare facilities adviser advisor holidays festival conference conferences meeting meetings review reviews hearing hearings plan plans order orders assessment assessments'.split(
    ' ',
  ),
]);

/** Words that are capitalised often but are never the name of a person in a story. */
const NEVER_NAMES = new Set(
  `i i'm im ive id ill a an the and but or so if as at by for from in into of on onto to up with without
  my our your his her their its we you he she they it me us him them this that these those there here
  mum mam mom mummy mommy dad daddy nan nanny nana nanna gran granny grandad granddad grandma grandpa
  grandmother grandfather auntie aunty uncle sis bro baby
  god jesus christ allah lord christmas xmas easter eid diwali ramadan hanukkah halloween new year
  english british welsh scottish irish polish romanian urdu punjabi bengali arabic somali french spanish
  portuguese italian german turkish kurdish farsi pashto tigrinya lithuanian latvian bulgarian ukrainian
  russian chinese mandarin cantonese vietnamese muslim christian catholic hindu sikh jewish
  gujarati hindi tamil telugu malayalam marathi sylheti amharic swahili yoruba igbo hausa twi akan lingala shona
  gaelic gàidhlig gaeilge cymraeg scots health
  zulu xhosa hakka hokkien tagalog thai korean japanese greek albanian serbian croatian bosnian slovak czech
  hungarian dari sorani kurmanji patois creole bsl makaton nigerian ghanaian eritrean ethiopian sudanese syrian
  afghan iraqi iranian pakistani indian bangladeshi jamaican congolese zimbabwean kenyan ugandan filipino gypsy
  roma traveller romani punjabi
  bangla nepali sinhala sinhalese burmese rohingya uyghur malay indonesian yemeni moroccan algerian tunisian egyptian
  libyan lebanese palestinian jordanian saudi emirati kuwaiti cypriot maltese kosovan kosovar macedonian moldovan
  belarusian armenian azerbaijani kazakh uzbek tajik chechen cameroonian senegalese gambian liberian ivorian malian
  angolan mozambican zambian malawian tanzanian rwandan burundian namibian brazilian colombian venezuelan mexican cuban
  bajan trinidadian guyanese nepalese taiwanese estonian dutch belgian swiss austrian danish swedish norwegian finnish
  persian hebrew yiddish berber amazigh wolof fula fulani mandinka krio luganda kinyarwanda oromo afrikaans ndebele
  social services council court family children childrens worker workers team office officer
  nhs gp cafcass ofsted camhs send ehcp sen iro hhj dj mash cin cp lac pip dla covid lockdown
  facebook whatsapp instagram tiktok snapchat google zoom teams youtube twitter wechat insta snap fb ig telegram discord
  tesco asda aldi lidl morrisons sainsbury sainsburys waitrose greggs primark argos wilko wilkos poundland matalan
  superdrug screwfix halfords currys travelodge wetherspoons costcutter londis nisa deliveroo amazon mcdonald
  mcdonalds maccies kfc nando nandos specsavers
  thank thanks thankyou dear love hi hello yes no ok okay honestly also just really thats dont cant wont
  didnt doesnt isnt wasnt couldnt wouldnt shouldnt havent hasnt im ive youre theyre weve shes hes
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn winter
  north south east west northern southern eastern western upon st saint
  ye yer jist tae noo wis didnae cannae dinnae wouldnae couldnae shouldnae isnae wasnae disnae doesnae havnae havenae
  hasnae aye naw oot doon aboot intae ontae wi frae aw bairn bairns braw polis hame gie awfy`.split(/\s+/),
);

/** UK counties and a few regions: places that are not district names in the areas list. */
const COUNTIES = `bedfordshire berkshire buckinghamshire cambridgeshire cheshire cornwall cumbria derbyshire devon
  dorset durham essex gloucestershire hampshire herefordshire hertfordshire kent lancashire leicestershire
  lincolnshire merseyside middlesex norfolk northamptonshire northumberland nottinghamshire oxfordshire
  rutland shropshire somerset staffordshire suffolk surrey sussex warwickshire wiltshire worcestershire
  yorkshire cleveland humberside tyneside wearside teesside avon gwent glamorgan dyfed powys gwynedd clwyd
  fife lothian strathclyde grampian tayside highlands hebrides orkney shetland antrim armagh down fermanagh
  tyrone londonderry england scotland wales cymru ireland britain uk london midlands cotswolds
  lakes pennines`.split(/\s+/);

/** Folded names of places as a family would write them: every area and its variants, and the counties. */
const PLACE_PHRASES = new Set<string>(COUNTIES);
for (const area of readAreasCsv()) {
  for (const v of variantsOf(area.name)) PLACE_PHRASES.add(v);
  for (const part of area.name.split(',')) PLACE_PHRASES.add(normalizePhrase(part));
}

export function isPlacePhrase(phrase: string): boolean {
  return PLACE_PHRASES.has(normalizePhrase(phrase));
}

/** Lower-case key of a word: accents folded, possessive dropped. */
export function wordKey(word: string): string {
  const plain = /^[A-Za-z0-9'’-]*$/.test(word) ? word.toLowerCase() : fold(word);
  return plain.replace(/['’]s?$/u, '');
}

export function neverAName(key: string): boolean {
  return NEVER_NAMES.has(key);
}

/** compromise knows this word as a first name or surname (possibly also as an ordinary word). */
export function knownName(key: string): boolean {
  return LEXICON.get(key)?.name === true || (!LEXICON.has(key) && NAME_SHAPES.test(key));
}

/** compromise knows this word as a surname and never as a first name: "Walton", "Johnston". */
export function surnameOnly(key: string): boolean {
  return LEXICON.get(key)?.surname === true;
}

/** compromise knows this word ONLY as a name: "Maisie", "Tyler"; not "Grace" (also a verb) or "Dean". */
export function onlyAName(key: string): boolean {
  const w = LEXICON.get(key);
  if (!w) return NAME_SHAPES.test(key);
  return w.name && !w.common && !w.place;
}

/** A name that is also an ordinary word, but never a pronoun, verb or adverb: "dean", "jean", "rose", "blessing". */
export function nameAlsoWord(key: string): boolean {
  const w = LEXICON.get(key);
  return w !== undefined && w.name && !w.fn && !NEVER_NAMES.has(key);
}

/** A verb, modal, pronoun or other function word: capitalised straight after "our" it can only be a name ("our Will"). */
export function functionWord(key: string): boolean {
  return LEXICON.get(key)?.fn === true;
}

/** Everyday nouns compromise's lexicon does not hold (it guesses nouns when it parses): "our dog is 3" is not a child. */
const PLAIN_NOUNS = new Set(
  `advice age ages appointment area arm arms auntie back bathroom bed bedroom benefit benefits bike bill bills bird birthday block boiler boss breakfast brother budgie buggy bus call calls car cars case cash cat cats chair charger chest church city claim claims class club computer contract cooker cot couch court cousin dad day days debt debts dinner dog dogs door dose dryer ear ears email emails estate exam exams eye eyes family fear fears fee fees file files fine fines fish flat floor food form forms freezer fridge garden grade grades grandad group guinea gym hamster head hearing heart heating help home homework horse hour hours house inhaler internet issue issues job journey kettle kitchen kitten laptop leg legs lesson lessons letter letters level levels life lift loan loans lunch meal meals medication meds meeting meetings message messages minute minutes mock mocks money month months mosque mum nan night nights office oven park pay pet pets phone pills plan plans pony pool pram problem problems puppy rabbit rent report reports review road roof room rooms school score shift shifts shop shopping shops sister snake sofa stairs stomach story street support table tablet tablets taxi tea team teeth telly term test tests text texts time times tooth tortoise town train tv uncle uniform van village visit visits wage wages wall washer week weeks wifi window work world worries worry yard year`.split(
    ' ',
  ),
);

/** Everyday nouns for institutions, groups and exams that compromise does not know and no person is called:
 * capitalised mid-sentence they are not names ("the Navy", "City College", "her Highers", "being Travellers"). */
const NOT_PEOPLE = new Set(
  `navy army airforce raf college colleges university uni academy port depot garage factory mall arcade precinct library
  museum theatre cinema stadium airport tram metro tube motorway forest woods valley mountain mountains island isle coast county
  unit surgery hospice pharmacy chemist dentist opticians nursery playgroup preschool creche highers nationals gcse gcses
  alevels btec btecs apprenticeship traineeship travellers travelers gypsies asylum seekers refugees brigade ambulance paramedics
  coastguard lifeboat ministry prison jail society league brownies cubs beavers rainbows cadets choir orchestra squad flats
  tower towers heights retail industrial directory register helpline godsend brexit autism autistic dyslexia dyslexic aspergers epilepsy cancer leukaemia
  leukemia foodbank bingo football rugby cricket netball judo karate eisteddfod urdd mela carnival vaisakhi passover bonfire
  fireworks holi navratri kwanzaa minecraft fortnite roblox pokemon lego quran koran torah gurdwara madrassa synagogue maths
  science geography drama kinship guardianship aftercare pathway befriender interpreter translator jobcentre midwifery
  childcare accountancy medicine dentistry physiotherapy psychology sociology criminology muslims christians catholics hindus sikhs jews
  leys bs cs garba dandiya bhangra kirtan langar puja aarti`.split(/\s+/),
);

/** A word that is never a person's name although compromise has not heard of it. */
export function notAPerson(key: string): boolean {
  return NOT_PEOPLE.has(key);
}

/** Last parts of place names: "Northfield", "Govanhill", "Broadoak", "Judgemeadow". */
const PLACE_ENDINGS =
  /^(\p{L}{3,}?)(?:field|fields|hill|hills|oak|oaks|meadow|meadows|brook|moor|dale|vale|croft|leys|lands|bridge|heath|mead|burn|haugh|shaw)$/u;

/** A word compromise does not know, made of an ordinary word or a place and a place ending: a place, not a person. */
export function placeShaped(key: string): boolean {
  if (!unknownWord(key)) return false;
  const m = PLACE_ENDINGS.exec(key);
  if (!m) return false;
  const head = m[1]!;
  return commonWord(head) || placeWord(head) || NEVER_NAMES.has(head) || PLACE_PHRASES.has(head);
}

/** An ordinary English word (in compromise's lexicon, or shaped like a verb, adverb or plural). */
export function commonWord(key: string): boolean {
  if (PLAIN_NOUNS.has(key)) return true;
  const w = LEXICON.get(key);
  if (w) return w.common;
  return NEVER_NAMES.has(key) || /(?:ly|ing|ed|ness|ment|tion|sion|ful|less|ous|ive|able|ible)$/u.test(key);
}

/** compromise has never heard of it: likely a name, a place or a typo. */
export function unknownWord(key: string): boolean {
  return !LEXICON.has(key) && !NEVER_NAMES.has(key) && !commonWord(key);
}

export function placeWord(key: string): boolean {
  return LEXICON.get(key)?.place === true || PLACE_PHRASES.has(key);
}

/** A place that could also be a person ("Kent", "Jackson"): the context decides. */
export function placeOrPerson(key: string): boolean {
  const w = LEXICON.get(key);
  return w !== undefined && w.place && w.name;
}

/** Welsh words common in the names of streets, schools and places ("coed", "fawr", "isaf"), some also English-looking. */
const WELSH_NAME_WORDS = new Set(
  `coed fawr fach isaf uchaf newydd las wen ddu goch hir bach mawr glas gwyn eglwys capel afon bryn pant cwm llan pen
  tref dre maes nant derw onnen celyn helyg graig bont castell mynydd felin gorsaf farchnad ffynnon gelli glyn rhos
  ty tai heol ffordd lon stryd deri dderwen ywen hen bro sant santes dewi gymraeg gyfun cynradd uwchradd babanod
  iau ganol cymer aber bedw fedw garth tawe tywi teifi cennin carreg cerrig dol ddol erw ffrwd gwaun hafod llys
  morfa parc plas rhiw sarn tir tal tan waun ynys`.split(/\s+/),
);

/** Not an English word, or a Welsh word of a name: what follows "ysgol" or "heol" typed in small letters. */
export function foreignWord(key: string): boolean {
  return WELSH_NAME_WORDS.has(key) || unknownWord(key);
}

/** A Welsh word common in names of places and streets ("fawr", "coed"): not a signature on its own. */
export function welshWord(key: string): boolean {
  return WELSH_NAME_WORDS.has(key);
}
