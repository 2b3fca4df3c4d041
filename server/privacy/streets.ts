// Addresses without a house number: streets ("Acacia Avenue", "off mill lane"), Welsh streets
// ("Heol y Coed", "Stryd Fawr", "Lôn Isaf"), estates ("the Hollington estate"), named houses and blocks
// ("Rose Cottage", "Bevan Court"). Numbered addresses are in patterns.ts.
import type { Candidate } from './spans.ts';
import { headedRun } from './phrases.ts';
import { joinedBySpace, sentencesWith, type Token } from './tokens.ts';
import { commonWord, neverAName, unknownWord, foreignWord, placeWord, notAPerson, knownName, welshWord, onlyAName } from './words.ts';

/** Street words sure enough to make a capitalised name a street on their own. */
const STREET_WORDS = new Set(
  'road rd street avenue ave lane crescent cres terrace grove mews gardens gdns drive close rise way walk row square sq place parade wynd brae park loan vennel gait boulevard esplanade promenade causeway embankment dene garth fold approach mount chase'.split(
    ' ',
  ),
);
/** Street words that make even a district's or town's name a street ("Shankill Road", "Falls Road"). */
const KEPT_STREET_WORDS = new Set(['road', 'street', 'lane', 'avenue', 'rd', 'st']);
/** Street words that are also ordinary words: need a capitalised name before them that is not an ordinary word. */
const WEAK_STREET_WORDS = new Set([
  'way',
  'walk',
  'row',
  'square',
  'place',
  'close',
  'rise',
  'drive',
  'parade',
  'park',
  'loan',
  'gait',
  'dene',
  'garth',
  'fold',
  'approach',
  // "Nowell Mount", "Hyde Park Mount" (Leeds and Bradford streets); "St Michael's Mount" is not one, so possible only
  'mount',
  // "on Robin Hood Chase" (not "a wild Goose Chase": ordinary words need someone living on it)
  'chase',
]);
/** Small-letter streets: only these words, after "on", "off", "in" ... ("we're on mill lane"). */
const LOWER_STREET_WORDS = new Set(
  'road rd st street avenue ave lane crescent terrace grove mews gardens close drive way place walk row rise wynd brae vennel'.split(' '),
);
const LOWER_STREET_LEADS = new Set([
  'on',
  'off',
  'in',
  'at',
  'near',
  'down',
  'up',
  'along',
  'onto',
  'to',
  'from',
  'lives',
  'live',
  'lived',
]);
const NOT_A_STREET_NAME = new Set(
  'the a an this that our my his her their same main back busy wrong long country slip ring dirt private memory one next other first last right left high new old top bottom end whole every any each quiet'.split(
    ' ',
  ),
);
/** Second words of a street's name that alone would be no name: "kilburn high road", "preston new road". */
const STREET_MIDDLES = new Set(['high', 'new', 'old']);
/** Welsh words that begin a street name: Heol (road), Ffordd (way), Stryd (street), Lôn (lane) ... */
const WELSH_HEADS = new Set([
  'heol',
  'ffordd',
  'stryd',
  'lon',
  'rhodfa',
  'cilgant',
  'teras',
  'clos',
  'maes',
  'stad',
  'ystad',
  'llwybr',
  'cwrt',
  'parc',
  'cae',
  'tai',
  'rhes',
  'sgwar',
  'ty',
  // Llys (court), Allt and Rhiw (hill), Gerddi (gardens): "Llys y Coed", "Allt y Wennol", "Gerddi'r Afon"
  'llys',
  'allt',
  'rhiw',
  'gerddi',
  'bwthyn',
  'fferm',
  'plas',
  // Cornish: "Chy an Mor" (the house by the sea)
  'chy',
]);
/** Typed in small letters too: "heol y coed". */
/** Scottish Gaelic "house" heads a house's name; its particles: "Tigh na Mara" (the house of the sea). */
// and Gaelic streets: "Sràid na h-Eaglais" (church street), "Rathad an Locha" (loch road)
const GAELIC_HEADS = new Set(['tigh', 'taigh', 'sràid', 'sraid', 'rathad']);
const GAELIC_PARTICLES = new Set(['na', 'nan', 'nam', 'an', 'am', 'a', "a'", "'n"]);
const LOWER_WELSH_HEADS = new Set(['heol', 'ffordd', 'stryd', 'lon', 'cilgant', 'rhodfa', 'llys', 'stad', 'ystad']);
const WELSH_PARTICLES = new Set(['y', 'yr', "'r", 'r', 'ty', 'tŷ', 'pen', 'an']);
/** Named houses and blocks of flats. "House" and "Court" are offices and courts as often: those are check. */
const HOUSE_WORDS = new Set([
  'cottage',
  'cottages',
  'farm',
  'lodge',
  'tower',
  'towers',
  'heights',
  'flats',
  'mansions',
  'buildings',
  'bungalow',
]);
const MAYBE_HOUSE_WORDS = new Set(['house', 'court']);
const COURT_KINDS = new Set(
  'family crown county magistrates magistrate youth high coroners coroner supreme appeal civil criminal juvenile district sheriff royal justice combined proceedings'.split(
    ' ',
  ),
);
const NOT_HOUSES = new Set('white opera custody court council town city guest care halfway safe foster children childrens'.split(' '));

const anyKept = (kept: Uint8Array, a: number, b: number) => kept.subarray(a, b).some((x) => x === 1);

function span(tokens: Token[], a: number, b: number, tier?: 'check'): Candidate {
  const c: Candidate = { kind: 'address', start: tokens[a]!.start, end: tokens[b]!.baseEnd };
  if (tier) c.tier = tier;
  return c;
}

/** Walk back from a head word over up to `max` capitalised words in the same phrase. */
function capitalisedBefore(tokens: Token[], i: number, max: number, kept: Uint8Array): number {
  let s = i;
  while (
    s > 0 &&
    i - s < max &&
    joinedBySpace(tokens[s]!.gap) &&
    tokens[s - 1]!.cap &&
    !tokens[s - 1]!.possessive &&
    !kept[s - 1] &&
    !tokens[s]!.sentenceStart
  ) {
    s--;
    if (tokens[s]!.sentenceStart) break;
  }
  while (s < i && (neverAName(tokens[s]!.key) || tokens[s]!.key === 'the')) s++;
  return s;
}

/** Words that say what kind of estate, not which: "the council estate", "a big housing estate". */
const ESTATE_KINDS = new Set(
  'council housing build new-build social private local rough big small same nice posh whole new old industrial trading business retail caravan holiday country estate agent rented the a an our my this that same other biggest worst'.split(
    ' ',
  ),
);
const LIVE_WORDS = new Set(['live', 'lives', 'lived', 'living', 'grew', 'moved', 'stay', 'stays', 'staying', 'stayed', 'house', 'flat']);
/** Before "up on the", "down on the": "we was up on the Gurnos", "lived out on the Meadowell". */
const LIVED_OR_WAS = new Set([...LIVE_WORDS, 'was', 'were', 'are', 'am']);

/** Lodgings and blocks a family may live in, named before the word: "the Kelvin flats", "the Ocean View b&b". */
const LODGING_WORDS = new Set([
  'flats',
  'tower',
  'towers',
  'block',
  'b&b',
  'hostel',
  'refuge',
  'maisonettes',
  'bungalows',
  'multis',
  'multi',
]);
/** "we lived in Kelvin flats", "we moved fae the Hilltown multis": without "the", after these (possible). */
const LODGING_LEADS = new Set(['in', 'from', 'fae', 'frae', 'at', 'to', 'into', 'oot', 'out']);

export function findStreets(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const nothingKept = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Welsh street: "Heol y Coed", "Ffordd Las", "Stryd Fawr", "Lôn Isaf", "Maes y Dre"
    if (WELSH_HEADS.has(t.key) && (t.cap || LOWER_WELSH_HEADS.has(t.key))) {
      // (a postcode straight after is not part of the name: "Heol Tai Mawr CF47 9BT")
      const j = headedRun(tokens, i, WELSH_PARTICLES, 4, (n) => STREET_WORDS.has(n.key) || /\d/u.test(n.text), foreignWord);
      // with its house number: "9 Heol y Felin"
      const numbered =
        i > 0 && /^\d{1,4}[a-z]?$/iu.test(tokens[i - 1]!.text) && /^[ \t]+$/u.test(t.gap) && !/^(?:19|20)\d\d$/u.test(tokens[i - 1]!.text);
      if (j > i) out.push(span(tokens, numbered ? i - 1 : i, j));
      continue;
    }
    // a Gaelic house: "Tigh na Mara", "Taigh an Uillt"
    if (t.cap && GAELIC_HEADS.has(t.key)) {
      const j = headedRun(tokens, i, GAELIC_PARTICLES, 4, (n) => neverAName(n.key) || /\d/u.test(n.text), foreignWord);
      if (j > i) {
        out.push(span(tokens, i, j));
        i = j;
      }
      continue;
    }
    // a Welsh name of a street or estate with no head word: "Glan yr Afon", "Bryn y Môr" (possible)
    if (
      t.cap &&
      !t.sentenceStart &&
      !kept[i] &&
      WELSH_PARTICLES.has(tokens[i + 1]?.key ?? '') &&
      tokens[i + 2]?.cap &&
      joinedBySpace(tokens[i + 1]!.gap) &&
      joinedBySpace(tokens[i + 2]!.gap) &&
      foreignWord(t.key) &&
      foreignWord(tokens[i + 2]!.key) &&
      !kept[i + 2]
    ) {
      out.push(span(tokens, i, i + 2, 'check'));
      i += 2;
      continue;
    }
    // Scots lanes named by the word alone: "we live on the Vennel", "up the Wynd" (possible)
    if (
      t.cap &&
      !t.sentenceStart &&
      ['vennel', 'wynd', 'loan', 'gait', 'brae'].includes(t.key) &&
      tokens[i - 1]?.key === 'the' &&
      ['on', 'off', 'up', 'down', 'doon', 'in', 'at', 'along'].includes(tokens[i - 2]?.key ?? '') &&
      !(tokens[i - 1]!.cap && tokens[i - 1]!.sentenceStart)
    ) {
      out.push(span(tokens, i - 1, i, 'check'));
      continue;
    }
    // "Acacia Avenue", "Mill Lane", "Beech Grove" (a capitalised name before a capitalised street word)
    if (t.cap && (STREET_WORDS.has(t.key) || streetAbbreviation(tokens, i)) && i > 0 && !t.sentenceStart) {
      const s = capitalisedBefore(tokens, i, 3, kept);
      if (s < i) {
        const name = tokens.slice(s, i);
        const weak = WEAK_STREET_WORDS.has(t.key);
        const plain = name.every((w) => commonWord(w.key) && !unknownWord(w.key));
        // "we live on Thorny Loan", "off Green Way": even ordinary words, where someone lives on or off it (possible)
        const livedOn =
          (['on', 'off', 'onto'].includes(tokens[s - 1]?.key ?? '') && livedOnLead(tokens, s - 1)) || homeSaidBefore(tokens, s, t.key);
        // "Mount" names schools too ("stayed at Quarry Mount"): a street only on, off or moved from it, never "at" it
        const before = tokens[s - 1]?.key ?? '';
        const mountOk = t.key !== 'mount' || (before !== 'at' && (livedOn || ['on', 'off', 'from', 'onto'].includes(before)));
        if ((!(weak && plain) || livedOn) && mountOk && !anyKept(kept, s, i)) out.push(span(tokens, s, i, weak ? 'check' : undefined));
      } else if (KEPT_STREET_WORDS.has(t.key)) {
        // a district's name before "Road" is a street's: "off the Shankill Road", "on Holloway Road"
        const p = tokens[i - 1]!;
        if (p.cap && kept[i - 1] && joinedBySpace(t.gap) && !p.possessive && !neverAName(p.key) && !(kept[i] && !kept[i - 2]))
          out.push(span(tokens, i - 1, i));
      } else if (t.key !== 'park' && onAStreet(tokens, i - 1)) {
        // "on Canterbury Row", "the cafe on Harrow Way": a town's name before another street word (possible)
        out.push(span(tokens, i - 1, i, 'check'));
      }
      continue;
    }
    // small letters after "on", "off", "lives on": "off mill lane", "on acacia road"
    if (!t.cap && LOWER_STREET_WORDS.has(t.key) && i >= 2) {
      let s = i - 1;
      if (
        s - 1 >= 0 &&
        !tokens[s - 1]!.cap &&
        !LOWER_STREET_LEADS.has(tokens[s - 1]!.key) &&
        !NOT_A_STREET_NAME.has(tokens[s - 1]!.key) &&
        joinedBySpace(tokens[s]!.gap)
      )
        s--;
      const lead = tokens[s - 1];
      const words = tokens.slice(s, i);
      const joined =
        words.every((w, k) => k === 0 || joinedBySpace(w.gap)) &&
        joinedBySpace(t.gap) &&
        lead !== undefined &&
        joinedBySpace(words[0]!.gap);
      if (
        joined &&
        lead &&
        LOWER_STREET_LEADS.has(lead.key) &&
        !words.some((w, k) => w.cap || (!(k > 0 && STREET_MIDDLES.has(w.key)) && (NOT_A_STREET_NAME.has(w.key) || neverAName(w.key))))
      )
        out.push(span(tokens, s, i, 'check'));
      else if (joined && lead?.key === 'the' && words.length === 1 && theStreet(tokens, s)) out.push(span(tokens, s, i, 'check'));
      continue;
    }
    // blocks and lodgings named before a small-letter word: "the Kelvin flats", "the Ocean View b&b"
    // ("b&b" is two words to the tokenizer)
    const bAndB = t.key === 'b' && tokens[i + 1]?.key === 'b' && tokens[i + 1]!.gap === '&';
    if (
      !t.cap &&
      (LODGING_WORDS.has(t.key) || bAndB) &&
      i > 1 &&
      tokens[i - 1]!.cap &&
      joinedBySpace(t.gap) &&
      !tokens[i - 1]!.sentenceStart
    ) {
      const s = capitalisedBefore(tokens, i, 3, kept);
      const lead = tokens[s - 1]?.key ?? '';
      if (
        s < i &&
        (lead === 'the' || LODGING_LEADS.has(lead)) &&
        !anyKept(kept, s, i) &&
        !tokens.slice(s, i).every((w) => neverAName(w.key))
      ) {
        out.push(span(tokens, s, i - 1, lead === 'the' ? undefined : 'check'));
        continue;
      }
    }
    // an estate said without the word: "we live on the Gurnos", "moved to the Meadowell" (possible)
    if (
      t.cap &&
      !t.sentenceStart &&
      tokens[i - 1]?.key === 'the' &&
      ['on', 'onto', 'off', 'at'].includes(tokens[i - 2]?.key ?? '') &&
      (LIVE_WORDS.has(tokens[i - 3]?.key ?? '') ||
        (['up', 'down', 'out'].includes(tokens[i - 3]?.key ?? '') && LIVED_OR_WAS.has(tokens[i - 4]?.key ?? ''))) &&
      !kept[i] &&
      !neverAName(t.key) &&
      !commonWord(t.key) &&
      !placeWord(t.key) &&
      !notAPerson(t.key) &&
      !(tokens[i + 1]?.cap && joinedBySpace(tokens[i + 1]!.gap))
    ) {
      out.push(span(tokens, i, i, 'check'));
      continue;
    }
    // estates: "the Hollington estate", "Ore Valley Estate", "the Gurnos"
    if (t.key === 'estate' && i > 0) {
      // a town's name before "estate" is the estate's: "the Hollington estate"
      const s = capitalisedBefore(tokens, i, 3, nothingKept);
      if (s < i && !tokens.slice(s, i).every((w) => commonWord(w.key) && !unknownWord(w.key) && !w.cap)) out.push(span(tokens, s, i));
      else if (s === i && !tokens[i - 1]!.cap && unknownWord(tokens[i - 1]!.key) && tokens[i - 2]?.key === 'the')
        out.push(span(tokens, i - 1, i, 'check'));
      // "off the orchard park estate": two small words of a name, not what kind of estate it is
      else if (
        s === i &&
        tokens[i - 3]?.key === 'the' &&
        [i - 2, i - 1].every(
          (k) => !tokens[k]!.cap && joinedBySpace(tokens[k + 1]!.gap) && !ESTATE_KINDS.has(tokens[k]!.key) && !neverAName(tokens[k]!.key),
        ) &&
        !NOT_A_STREET_NAME.has(tokens[i - 2]!.key)
      )
        out.push(span(tokens, i - 2, i, 'check'));
      continue;
    }
    // named houses and blocks: "Rose Cottage", "Churchill Tower", "Bevan Court" (check)
    if (t.cap && (HOUSE_WORDS.has(t.key) || MAYBE_HOUSE_WORDS.has(t.key)) && i > 0 && !t.sentenceStart) {
      let s = capitalisedBefore(tokens, i, 2, kept);
      // a town's name is a block's where a home is said: "a flat in Lincoln Court", "our flat in Bristol House"
      if (s === i) s = capitalisedBefore(tokens, i, 2, nothingKept);
      if (s === i || (anyKept(kept, s, i) && !homeSaidBefore(tokens, s, t.key))) continue;
      const name = tokens.slice(s, i);
      if (name.some((w) => COURT_KINDS.has(w.key) || NOT_HOUSES.has(w.key))) continue;
      out.push(span(tokens, s, i, MAYBE_HOUSE_WORDS.has(t.key) ? 'check' : undefined));
    }
  }
  raiseWhereLived(tokens, out);
  withQuarters(tokens, out);
  out.push(...smallLetterBlocks(tokens), ...schemesLivedIn(tokens), ...homesInThe(tokens, kept));
  return out;
}

/** "up to my granny's on the glen road": one small-letter name, no ordinary word, after "on the", "off the", "up the". */
function theStreet(tokens: Token[], s: number): boolean {
  const w = tokens[s]!;
  const before = tokens[s - 2]?.key ?? '';
  return ['on', 'off', 'up', 'down', 'along', 'onto'].includes(before) && (unknownWord(w.key) || onlyAName(w.key)) && !neverAName(w.key);
}

/** Blocks and houses typed in small letters: "we live in kestrel court", "a flat in wexford house", "in the kelvin flats". */
const SMALL_BLOCK_HEADS = new Set(['court', 'house', 'tower', 'towers', 'heights', 'mansions', 'flats', 'view', 'park']);
/** Whose house it is, not what it is called: "we moved to nans house", "we stay at my mates flat". */
const KIN = new Set(
  `mum mums mam mams mom moms dad dads da nan nans nana nanas gran grans granny grannys grandma grandmas grandad grandads
  granda grandas aunty aunties auntie aunt aunts uncle uncles friend friends mate mates cousin cousins sister sisters
  brother brothers partner partners boyfriend boyfriends girlfriend girlfriends parents family familys ex exs carers
  foster student students shared rented temporary emergency supported sheltered detached terraced semi end tower block`.split(/\s+/),
);

/** A word that can be part of a block's name in small letters: no kind of house ("council", "bigger", "nans"). */
function blockNameWord(w: Token): boolean {
  if (w.cap || w.possessive || !/^\p{L}+$/u.test(w.text)) return false;
  if (NOT_A_STREET_NAME.has(w.key) || ESTATE_KINDS.has(w.key) || NOT_HOUSES.has(w.key) || KIN.has(w.key) || neverAName(w.key)) return false;
  return !(commonWord(w.key) && /(?:er|est|ed|ing|ly)$/u.test(w.key));
}

function smallLetterBlocks(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap || !SMALL_BLOCK_HEADS.has(t.key) || !joinedBySpace(t.gap)) continue;
    let s = i - 1;
    if (!blockNameWord(tokens[s]!)) continue;
    if (s > 1 && blockNameWord(tokens[s - 1]!) && joinedBySpace(tokens[s]!.gap) && !HOME_PREPS.has(tokens[s - 1]!.key)) s--;
    // "in the kelvin flats"; a house or court needs no "the" ("in kestrel court")
    // towers either way: "a flat in canberra towers", "up the kelvin towers"
    if (t.key !== 'towers' && (t.key === 'flats') !== (tokens[s - 1]?.key === 'the')) continue;
    if (homeSaidBefore(tokens, s, t.key)) out.push(span(tokens, s, i, 'check'));
    else if (namedBlockAt(tokens, i)) out.push(span(tokens, i - 1, i, 'check'));
  }
  return out;
}

const BLOCK_PLACE_PREPS = new Set(['outside', 'at', 'to', 'near', 'round', 'behind', 'opposite', 'by']);
/** "kicked off outside kingsley court": a block named for a person, somewhere someone is (no home needed). */
function namedBlockAt(tokens: Token[], head: number): boolean {
  const name = tokens[head - 1]!;
  return tokens[head]!.key !== 'house' && onlyAName(name.key) && joinedBySpace(name.gap) && BLOCK_PLACE_PREPS.has(tokens[head - 2]!.key);
}

/** A Scottish housing scheme where the family lives: "we grew up in the Pilton scheme", "we're in the niddrie scheme" (possible). */
function schemesLivedIn(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 3; i < tokens.length; i++) {
    if (tokens[i]!.key !== 'scheme' || tokens[i]!.cap || !joinedBySpace(tokens[i]!.gap)) continue;
    const name = tokens[i - 1]!;
    if (tokens[i - 2]!.key !== 'the' || name.sentenceStart || !(name.cap ? !neverAName(name.key) : blockNameWord(name))) continue;
    // "on the X scheme" is as often a programme ("we were on the Sure Start scheme"): only "in", "to", "into"
    if (!['in', 'to', 'into'].includes(tokens[i - 3]!.key)) continue;
    if (homeSaidBefore(tokens, i - 1, 'scheme')) out.push(span(tokens, i - 1, i, 'check'));
  }
  return out;
}

/** "the" as some families type it: Shetland and Scots "da" ("in da Hoofields"). */
const THE_WORDS = new Set(['the', 'da']);

/**
 * A home "in the" somewhere that no list knows: "a flat in the Hightown", "living in da Hoofields". A town takes no
 * "the", an estate or a block does (possible: a district may too).
 */
function homesInThe(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.key !== 'in' || !THE_WORDS.has(tokens[i + 1]!.key) || !joinedBySpace(tokens[i + 1]!.gap)) continue;
    const s = i + 2;
    let e = s;
    while (e - s < 2 && estateNameWord(tokens, e, kept)) e++;
    const after = tokens[e];
    if (e === s || (after && joinedBySpace(after.gap) && !after.sentenceStart && !PAUSE_AFTER.has(after.key))) continue;
    if (homeSaidBefore(tokens, i + 1, 'estate')) out.push(span(tokens, s, e - 1, 'check'));
    i = e - 1;
  }
  return out;
}

/** A capitalised word of an estate's own name: no town, region, ordinary word or kind of place ("the Army", "the Lakes"). */
function estateNameWord(tokens: Token[], k: number, kept: Uint8Array): boolean {
  const w = tokens[k];
  if (!w?.cap || w.sentenceStart || w.acronym || kept[k] || !joinedBySpace(w.gap) || !/^\p{L}+$/u.test(w.text)) return false;
  return (
    !placeWord(w.key) && !neverAName(w.key) && !notAPerson(w.key) && !REGIONS_ON.has(w.key) && (unknownWord(w.key) || !commonWord(w.key))
  );
}

/** A capitalised name at `n` (a town's, kept) straight after "on", "off" or "onto", joined to the street word after it. */
function onAStreet(tokens: Token[], n: number): boolean {
  const p = tokens[n]!;
  return (
    p.cap &&
    !p.sentenceStart &&
    !p.possessive &&
    !neverAName(p.key) &&
    joinedBySpace(tokens[n + 1]!.gap) &&
    joinedBySpace(p.gap) &&
    ['on', 'off', 'onto'].includes(tokens[n - 1]?.key ?? '')
  );
}

/** "Mill St", "on Hope St in Glasgow": "St" after a name with no name after it is a street, not a saint ("St Mary's"). */
function streetAbbreviation(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i]!.key === 'st' && !(next?.cap && /^[ \t.]+$/u.test(next.gap));
}

/** Last words of a possible address that make it sure where a family is said to live there ("Park" names districts too). */
const RAISED_HEADS = new Set(
  [...WEAK_STREET_WORDS, ...LOWER_STREET_WORDS, ...MAYBE_HOUSE_WORDS, ...LODGING_WORDS, 'estate'].filter((w) => w !== 'park'),
);
// ("we're up Creggan Heights": up where the family lives)
const HOME_PREPS = new Set(['in', 'at', 'to', 'into', 'on', 'off', 'onto', 'up']);
const HOME_CUES = new Set([
  ...LIVE_WORDS,
  'home',
  'bungalow',
  'maisonette',
  'bedsit',
  'tenancy',
  'ours',
  'bed',
  'rehoused',
  'move',
  'moving',
  'flats',
]);
/** Words that end the clause a home is said in: "we live in Leeds and go to Bevan Court" is not a home at Bevan Court. */
const CLAUSE_BREAKS = new Set(['and', 'but', 'so', 'then', 'because', 'cos', 'when', 'where', 'after', 'before', 'while', 'until', 'till']);

/**
 * "we live in", "a flat for us in", "moved to", "ours on": a home said just before token `a`; "we were in" too, but not
 * before a court (a hearing: "we were in Snaresbrook Court").
 */
function homeSaidBefore(tokens: Token[], a: number, head: string): boolean {
  // "moved off the aylesbury estate"
  if (tokens[a - 1]?.key === 'the' && !tokens[a - 1]!.sentenceStart) a--;
  const prep = tokens[a - 1];
  if (!prep || !HOME_PREPS.has(prep.key) || tokens[a]!.sentenceStart || !joinedBySpace(tokens[a]!.gap)) return false;
  const we = ['we', 'they', "we're", "they're"];
  const were = BE_WORDS.has(tokens[a - 2]?.key ?? '') && (we.includes(tokens[a - 2]!.key) || we.includes(tokens[a - 3]?.key ?? ''));
  if (were && ['in', 'on', 'off', 'up'].includes(prep.key) && head !== 'court' && head !== 'scheme') return true;
  for (let k = a - 2; k >= Math.max(0, a - 6); k--) {
    const w = tokens[k]!;
    if (CLAUSE_BREAKS.has(w.key) || !joinedBySpace(tokens[k + 1]!.gap)) return false;
    if (HOME_CUES.has(w.key)) return true;
    if (w.sentenceStart) return false;
  }
  return false;
}

/**
 * A possible street, block or house where the story says the family lives is sure: "we live in Wexford House", "a flat in Bingham Row".
 */
function raiseWhereLived(tokens: Token[], found: Candidate[]): void {
  const startsAt = new Map<number, number>();
  const endsAt = new Map<number, number>();
  for (let k = 0; k < tokens.length; k++) {
    startsAt.set(tokens[k]!.start, k);
    endsAt.set(tokens[k]!.baseEnd, k);
  }
  for (const c of found) {
    if (c.tier !== 'check') continue;
    const a = startsAt.get(c.start);
    const b = endsAt.get(c.end);
    // a street in small letters stays possible ("off mill lane"): the name may be a description
    if (a === undefined || b === undefined || !tokens[a]!.cap) continue;
    // "in Millbrook flats": the lodging word follows the name
    const head = LODGING_WORDS.has(tokens[b + 1]?.key ?? '') && joinedBySpace(tokens[b + 1]!.gap) ? b + 1 : b;
    if (!RAISED_HEADS.has(tokens[head]!.key)) continue;
    if (homeSaidBefore(tokens, a, tokens[head]!.key) || postcodeAfter(tokens, b)) delete c.tier;
  }
}

/** "Sauchiehall Court, G3 7PX": a postcode straight after makes the line an address. */
function postcodeAfter(tokens: Token[], b: number): boolean {
  const outward = tokens[b + 1];
  const inward = tokens[b + 2];
  return (
    outward !== undefined &&
    inward !== undefined &&
    /^[ \t]*,?[ \t]*$/u.test(outward.gap) &&
    /^[A-Z]{1,2}\d[A-Z\d]?$/u.test(outward.text) &&
    /^[ \t]$/u.test(inward.gap) &&
    /^\d[A-Z]{2}$/u.test(inward.text)
  );
}

/** "Cowbridge Road East", "Moss Lane West": a street's quarter is part of its name. */
function withQuarters(tokens: Token[], found: Candidate[]): void {
  const endsAt = new Map<number, number>();
  for (let k = 0; k < tokens.length; k++) endsAt.set(tokens[k]!.baseEnd, k);
  for (const c of found) {
    const b = endsAt.get(c.end);
    const next = b === undefined ? undefined : tokens[b + 1];
    if (next?.cap && !next.sentenceStart && joinedBySpace(next.gap) && STREET_WORDS.has(tokens[b!]!.key) && QUARTERS.has(next.key))
      c.end = next.baseEnd;
  }
}
const QUARTERS = new Set(['east', 'west', 'north', 'south', 'upper', 'lower']);

const HOUSE_LEADS = new Set(['at', 'to', 'in', 'from', 'behind', 'near']);

/**
 * A named house before its street: "we live at Rosewood, Beacon Lane", "out at Bryn Awel, Heol Cae Tyla". The
 * capitalised words between "at" and a comma straight before an address found are the house's name.
 */
export function namedHousesBefore(tokens: Token[], found: Candidate[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const startsAt = new Map<number, number>();
  for (let k = 0; k < tokens.length; k++) startsAt.set(tokens[k]!.start, k);
  for (const c of found) {
    if (c.kind !== 'address' || c.tier === 'check') continue;
    const a = startsAt.get(c.start);
    if (a === undefined || a < 2 || !/^[ \t]*,[ \t]*$/u.test(tokens[a]!.gap)) continue;
    let s = a - 1;
    while (
      s > 0 &&
      a - s < 3 &&
      joinedBySpace(tokens[s]!.gap) &&
      (tokens[s - 1]!.cap || WELSH_PARTICLES.has(tokens[s - 1]!.key)) &&
      !tokens[s]!.sentenceStart
    )
      s--;
    while (s < a && !tokens[s]!.cap) s++;
    if (s >= a || !HOUSE_LEADS.has(tokens[s - 1]?.key ?? '') || anyKept(kept, s, a) || /^\d/u.test(tokens[s]!.text)) continue;
    if (tokens.slice(s, a).some((w) => neverAName(w.key) || placeWord(w.key))) continue;
    out.push(span(tokens, s, a - 1));
  }
  return out;
}

/** What a family calls its home: "a cottage called Bosvean", "our house is Bryn Teg", "the farm, known as Hafod". */
const HOME_WORDS = new Set([
  'house',
  'home',
  'cottage',
  'farm',
  'farmhouse',
  'bungalow',
  'barn',
  'croft',
  'smallholding',
  'lodge',
  'caravan',
  'estate',
  'block',
]);
const OWNERS = new Set(['our', 'my', 'his', 'her', 'their', 'the', 'a', 'an', 'nan', "nan's", 'mums', 'dads']);
/** Street words that also name districts and hills ("Goldthorn Hill", "Audley Range"): a street only where a family lives on it. */
const LIVED_ON_WORDS = new Set(
  'hill range bank brow view green side hey fold gate top end mount chase croft dale vale heights meadow meadows fields common moor grange wood rise park'.split(
    ' ',
  ),
);
/** Of those, the ones no district's or hill's name ends with: a street wherever a home is said ("moved to Park View"). */
const HOME_ONLY_WORDS = new Set(['view', 'chase', 'brow']);
const LIVED_ON_LEADS = new Set([
  'live',
  'lives',
  'lived',
  'living',
  'stay',
  'stays',
  'stayed',
  'staying',
  'house',
  'flat',
  'home',
  'moved',
  'bungalow',
]);

/** The end of a home's name after "called": capitalised words and Welsh particles, up to four, starting with a capital. */
function homeNameEnd(tokens: Token[], s: number, kept: Uint8Array): number {
  let e = s - 1;
  for (let k = s; k < tokens.length && k - s < 4; k++) {
    const w = tokens[k]!;
    if (k > s && (!joinedBySpace(w.gap) || w.sentenceStart)) break;
    // a kept word inside the name is still the name: "Hendre Fach" ("fach" is on the keep-list as Welsh)
    if (w.cap && (!kept[k] || k > s) && (!neverAName(w.key) || (k > s && MAYBE_HOUSE_WORDS.has(w.key)))) e = k;
    else if (k === s && w.key === 'the' && w.cap) e = k;
    else if (!(k > s && WELSH_PARTICLES.has(w.key))) break;
    if (w.possessive) break;
  }
  // "The" alone is not a name
  return e >= s && !(e === s && tokens[s]!.key === 'the') ? e : -1;
}

/** An ordinary English word, not a Welsh or other word and not one the lexicon has never heard of: "Quiet", not "Teg". */
const englishWord = (w: Token) => commonWord(w.key) && !unknownWord(w.key) && !foreignWord(w.key);

export function findHomes(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (HOME_WORDS.has(t.key) && !t.cap && OWNERS.has(tokens[i - 1]!.key)) {
      // "a cottage called Bosvean", "our house is called The Old Forge", "our house is Bryn Teg"
      let k = i + 1;
      const gapOk = (n: number) => tokens[n] !== undefined && /^[ \t]*,?[ \t]*$/u.test(tokens[n]!.gap) && !tokens[n]!.sentenceStart;
      let said = false;
      if (gapOk(k) && tokens[k]!.key === 'is') k++;
      if (gapOk(k) && ['called', 'named'].includes(tokens[k]!.key)) {
        said = true;
        k++;
      } else if (gapOk(k) && tokens[k]!.key === 'known' && tokens[k + 1]?.key === 'as') {
        said = true;
        k += 2;
      }
      // "at our home, Bryn Awel, without warning": a name set off by commas
      const apposed = k === i + 1 && /,/u.test(tokens[k]?.gap ?? '') && gapOk(k);
      if ((k === i + 1 && !apposed) || !gapOk(k)) continue;
      if (apposed) {
        const e = homeNameEnd(tokens, k, kept);
        const after = tokens[e + 1];
        if (e < 0 || !(after === undefined || /^[ \t]*[,.;]/u.test(after.gap))) continue;
        if (tokens.slice(k, e + 1).some((w) => placeWord(w.key) || englishWord(w))) continue;
        out.push(span(tokens, k, e));
        i = e;
        continue;
      }
      const e = homeNameEnd(tokens, k, kept);
      if (e < 0) continue;
      const run = tokens
        .slice(k, e + 1)
        .filter((w) => w.cap && w.key !== 'the' && !MAYBE_HOUSE_WORDS.has(w.key) && !HOUSE_WORDS.has(w.key));
      // without "called", only a name that is not an English word: "our house is Bryn Teg", not "our house is Quiet"
      if (!said && run.some(englishWord)) continue;
      if (run.some((w) => placeWord(w.key))) continue;
      out.push(span(tokens, k, e));
      i = e;
      continue;
    }
    // a room in a hall or house of residence: "a room at Storthes Hall", "a bedsit in Carlton House"
    if (t.cap && (t.key === 'hall' || t.key === 'halls' || t.key === 'house') && !t.sentenceStart && i >= 3) {
      const s = capitalisedBefore(tokens, i, 2, kept);
      const lead = tokens[s - 1]?.key ?? '';
      const room = tokens[s - 2]?.key ?? '';
      if (
        s < i &&
        (lead === 'at' || lead === 'in') &&
        ['room', 'bedsit', 'flat', 'studio', 'placement'].includes(room) &&
        !anyKept(kept, s, i) &&
        !tokens.slice(s, i).some((w) => placeWord(w.key) || COURT_KINDS.has(w.key) || NOT_HOUSES.has(w.key))
      ) {
        out.push(span(tokens, s, i));
        continue;
      }
    }
    // "we live on Audley Range", "our house on Goldthorn Hill"
    if (t.cap && LIVED_ON_WORDS.has(t.key) && !t.sentenceStart) {
      const s = capitalisedBefore(tokens, i, 2, kept);
      if (s === i || anyKept(kept, s, i)) continue;
      if (tokens.slice(s, i).some((w) => placeWord(w.key) || neverAName(w.key))) continue;
      // "we moved to Park View", "a flat in Tyne View": words that name no district, after any home
      if (HOME_ONLY_WORDS.has(t.key) && homeSaidBefore(tokens, s, t.key)) {
        out.push(span(tokens, s, i));
        continue;
      }
      let lead = s - 1;
      if (!['on', 'off', 'up'].includes(tokens[lead]?.key ?? '')) continue;
      lead--;
      if (tokens[lead]?.key === 'just' || tokens[lead]?.key === 'up') lead--;
      if (!LIVED_ON_LEADS.has(tokens[lead]?.key ?? '')) continue;
      out.push(span(tokens, s, i));
    }
  }
  out.push(...estatesLivedOn(tokens, kept), ...farmsAndHousesAt(tokens, kept), ...welshHouseNames(tokens, kept));
  return out;
}

/** First words of Welsh house names: hill, breast of a hill, bank, top, summer dwelling, grove ("Bryn Awel", "Bron Haul"). */
const WELSH_HOUSE_FIRSTS = new Set(['bryn', 'bron', 'glan', 'pen', 'hafod', 'llwyn', 'gwern', 'pant', 'cefn']);
const HOME_TALK = new Set(['house', 'home', 'live', 'lives', 'lived', 'living', 'ours', 'cottage', 'farm', 'bungalow', 'address']);

/**
 * A Welsh house named in a sentence about home: "the ramp at Bryn Awel (our house name)", "we live at Bron Haul"
 * (possible: "Bryn" is a man's name too, and some schools are named so).
 */
function welshHouseNames(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const homeTalk = sentencesWith(tokens, (w) => HOME_TALK.has(w.key));
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1]!;
    if (!homeTalk[i] || !t.cap || t.sentenceStart || !WELSH_HOUSE_FIRSTS.has(t.key) || !HOUSE_LEADS.has(tokens[i - 1]!.key)) continue;
    if (!n.cap || n.sentenceStart || !joinedBySpace(n.gap) || kept[i + 1] || knownName(n.key)) continue;
    if (!(welshWord(n.key) || unknownWord(n.key))) continue;
    out.push(span(tokens, i, i + 1, 'check'));
    i++;
  }
  return out;
}

/** Where a family is said to live or be moved: "a house on", "we was on", "a transfer off", "we're still on". */
const ON_LEADS = new Set([
  ...LIVED_ON_LEADS,
  'hoose',
  'bed',
  'bedroom',
  'maisonette',
  'transfer',
  'grew',
  'move',
  'moving',
  'flit',
  'flitted',
  'rehoused',
]);
const BE_WORDS = new Set(['was', 'were', 'are', 'am', 'is', 'still', 'wis', "we're", "i'm", "they're", 'weve', "we've", 'been']);
// with the Black Country "we'm" (we are): "we'm still on the Wrens Nest"
const PEOPLE = new Set(['we', 'i', 'they', 'us', "we're", "i'm", "they're", "we'm", 'mum', 'mam', 'nan', 'gran', 'family', 'she', 'he']);
/** Last words of an estate's or street's name typed in small letters: "the cantril farm", "grove hill", "ise lodge". */
const ESTATE_TAILS = new Set(
  'farm park hill lodge estate green vale grange fields moor heath mount side bank brow top mead gate view rise dale wood meadows heights village valley lea leys hey croft nest'.split(
    ' ',
  ),
);
const PAUSE_AFTER = new Set([
  'and',
  'in',
  // "moved off Penrhys down to Ystrad"
  'down',
  'over',
  'with',
  'near',
  'now',
  'then',
  'so',
  'but',
  'for',
  'to',
  'when',
  'which',
  'where',
  'since',
  'till',
  'until',
  'because',
  'cos',
  // "we're on the Gurnos still"
  'still',
  'an',
  'wi',
  'tae',
  'at',
  'by',
  'next',
  'behind',
  'opposite',
]);

/** What people live "on" that is no estate: "on the breadline", "on the streets", "on the sofa", "on the Wirral". */
const NOT_LIVED_ON = new Set(
  `breadline streets street dole sick edge coast holiday holidays sofa couch floor list phone bus train ward road move run
  mend way beach seafront island boat site estate outskirts border borders outside inside top bottom side corner front back
  end market doorstep mainland rocks booze drink drugs game gear telly tv internet pavement pavements sand benefits benefit
  minimum wage methadone script programme scheme register books radar case sidelines fringes brink verge rise ground
  grounds level landing stairs cards agenda horizon waiting lookout premises ship farm croft plot allotment canal
  river sea water hill hills dot day night weekend weekends same other phones line lines radio news tablets meds pill
  pills fence spot go trot quiet fly cheap hush town city village tills till checkouts checkout
  rides door doors bins buses rota payroll`.split(/\s+/),
);
const REGIONS_ON = new Set(
  'wirral fylde gower lizard wolds broads isle island coast peninsula mainland moors hebrides orkneys shetlands borders valleys marches downs fens levels continent'.split(
    ' ',
  ),
);

/** A lead for a home "on" or "off" somewhere at token `on`: "we live on", "a house on", "we was on", "we're still on". */
function livedOnLead(tokens: Token[], on: number): boolean {
  // "we was up on the Gurnos"
  if (['up', 'down', 'out', 'over', 'back'].includes(tokens[on - 1]?.key ?? '') && joinedBySpace(tokens[on]!.gap)) on--;
  // "i was on my own on the Gurnos": alone, then where
  if (tokens[on - 1]?.key === 'own' && tokens[on - 3]?.key === 'on' && OWNERS.has(tokens[on - 2]!.key)) on -= 3;
  const a = tokens[on - 1]?.key ?? '';
  // the Black Country "we'm" (we are) is a person and a be-word at once: "we'm on the Wrens Nest"
  if (ON_LEADS.has(a) || LIVE_WORDS.has(a) || a === "we'm") return true;
  if (!BE_WORDS.has(a)) return false;
  for (let k = on - 2; k >= Math.max(0, on - 3); k--) if (PEOPLE.has(tokens[k]!.key)) return true;
  return false;
}

/**
 * An estate or street named bare where a family lives: "we was living on the gipton", "a house on the cantril farm", "a
 * two bed on ise lodge", "a transfer off Blaen-y-maes", "we're still on Millmead" (possible: the name alone says little).
 */
function estatesLivedOn(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const on = tokens[i]!;
    if (!['on', 'off', 'onto'].includes(on.key) || !livedOnLead(tokens, i)) continue;
    let s = i + 1;
    if (tokens[s]?.key === 'the' && joinedBySpace(tokens[s]!.gap)) s++;
    const a = tokens[s];
    const the = s > i + 1;
    // a district's name after "on the" is its estate's ("we was on the gurnos"); a region's is not ("on the Wirral")
    // and "moved off Penrhys": one moves off an estate, not off a town
    const keptOk = (the || on.key === 'off') && !REGIONS_ON.has(a?.key ?? '');
    if (!a || !joinedBySpace(a.gap) || a.sentenceStart || (kept[s] && !keptOk) || !/^\p{L}[\p{L}'’-]*$/u.test(a.text)) continue;
    const b = tokens[s + 1];
    // "we live on the old warren": an estate named old or new, then a word that is a name, not a thing ("the new build")
    const oldOrNew =
      the &&
      ['old', 'new'].includes(a.key) &&
      b !== undefined &&
      joinedBySpace(b.gap) &&
      b.cap === a.cap &&
      (onlyAName(b.key) || unknownWord(b.key)) &&
      !neverAName(b.key);
    if (!oldOrNew && (NOT_A_STREET_NAME.has(a.key) || NOT_LIVED_ON.has(a.key) || neverAName(a.key) || (placeWord(a.key) && !keptOk)))
      continue;
    const two =
      oldOrNew ||
      (b !== undefined && joinedBySpace(b.gap) && !b.sentenceStart && b.cap === a.cap && ESTATE_TAILS.has(b.key) && !kept[s + 1]);
    const e = two ? s + 1 : s;
    const after = tokens[e + 1];
    // the name ends the phrase: a pause, the end, or a word like "and", "in", "near" after it
    if (after && joinedBySpace(after.gap) && !after.sentenceStart && !PAUSE_AFTER.has(after.key)) continue;
    if (!two) {
      // one word: not an English word ("gurnos", "Millmead", "Blaen-y-maes", not "sofa", "benefits")
      if (!(unknownWord(a.key) || foreignWord(a.key) || kept[s] || (a.cap && !commonWord(a.key) && !notAPerson(a.key)))) continue;
      if (STREET_WORDS.has(a.key) || HOME_WORDS.has(a.key) || LODGING_WORDS.has(a.key)) continue;
    } else if (commonWord(a.key) && !a.cap && ['same', 'other'].includes(a.key)) continue;
    out.push(span(tokens, s, e, 'check'));
    i = e;
  }
  return out;
}

const FARM_LEADS = new Set(['farm', 'farms', 'farmed', 'farming', 'live', 'lives', 'lived', 'living', 'croft', 'stay', 'stays']);
const NAME_PARTICLES = new Set([...WELSH_PARTICLES, 'na', 'nam', 'nan', 'a', "'n", 'ar']);

/**
 * A farm, croft or house named after "we farm at", "we live out at": "We farm at Kirkconnel Mains outside Annan", "We
 * live out at Higher Tor Barn, PL21 9QX", "at Tigh na Mara", "on the farm at Bryn Hyfryd near Llangefni".
 */
function farmsAndHousesAt(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i]!.key !== 'at') continue;
    let l = i - 1;
    if (['out', 'up', 'down', 'over'].includes(tokens[l]!.key)) l--;
    // "a croft outside Portree at Tigh na Mara": the town it is near, then the house
    if (!FARM_LEADS.has(tokens[l]?.key ?? '') && ['outside', 'near'].includes(tokens[i - 2]?.key ?? '') && tokens[i - 1]!.cap) {
      for (let k = i - 3; k >= Math.max(0, i - 5); k--) if (FARM_LEADS.has(tokens[k]!.key) && !tokens[k + 1]!.sentenceStart) l = k;
    }
    if (!FARM_LEADS.has(tokens[l]?.key ?? '')) continue;
    const s = i + 1;
    const first = tokens[s]!;
    if (!first.cap || first.sentenceStart || !joinedBySpace(first.gap) || kept[s] || first.possessive || neverAName(first.key)) continue;
    let e = s;
    while (e + 1 < tokens.length && e - s < 3) {
      const n = tokens[e + 1]!;
      if (!joinedBySpace(n.gap) || n.sentenceStart || (!n.cap && !NAME_PARTICLES.has(n.key)) || /\d/u.test(n.text)) break;
      e++;
      if (n.possessive) break;
    }
    while (e > s && NAME_PARTICLES.has(tokens[e]!.key)) e--;
    const after = tokens[e + 1];
    if (
      after &&
      joinedBySpace(after.gap) &&
      !after.sentenceStart &&
      !PAUSE_AFTER.has(after.key) &&
      !['outside', 'near'].includes(after.key)
    )
      continue;
    const words = tokens.slice(s, e + 1).filter((w) => w.cap);
    if (anyKept(kept, s, e + 1) && words.length === 1) continue;
    if (words.every((w) => placeWord(w.key)) || words.some((w) => neverAName(w.key))) continue;
    // one English word alone ("at Christmas", "at Home") is not a house's name
    if (e === s && (commonWord(first.key) || !(unknownWord(first.key) || foreignWord(first.key)))) continue;
    // one word after "live at" is as often a town ("we live out at Portree"): only a farm's or croft's
    if (e === s && !['farm', 'farms', 'farmed', 'farming', 'croft'].includes(tokens[l]!.key)) continue;
    out.push(span(tokens, s, e, e === s ? 'check' : undefined));
    i = e;
  }
  return out;
}
