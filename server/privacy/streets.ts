// Addresses without a house number: streets ("Acacia Avenue", "off mill lane"), Welsh streets
// ("Heol y Coed", "Stryd Fawr", "Lôn Isaf"), estates ("the Hollington estate"), named houses and blocks
// ("Rose Cottage", "Bevan Court"). Numbered addresses are in patterns.ts.
import type { Candidate } from './spans.ts';
import { headedRun } from './phrases.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import { commonWord, neverAName, unknownWord, foreignWord, placeWord, notAPerson } from './words.ts';

/** Street words sure enough to make a capitalised name a street on their own. */
const STREET_WORDS = new Set(
  'road rd street avenue ave lane crescent cres terrace grove mews gardens gdns drive close rise way walk row square sq place parade wynd brae park loan vennel gait boulevard esplanade promenade causeway embankment dene garth fold'.split(
    ' ',
  ),
);
/** Street words that make even a district's or town's name a street ("Shankill Road", "Falls Road"). */
const KEPT_STREET_WORDS = new Set(['road', 'street', 'lane', 'avenue', 'rd']);
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
]);
/** Small-letter streets: only these words, after "on", "off", "in" ... ("we're on mill lane"). */
const LOWER_STREET_WORDS = new Set(
  'road rd street avenue ave lane crescent terrace grove mews gardens close drive way place walk row rise'.split(' '),
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
const LOWER_WELSH_HEADS = new Set(['heol', 'ffordd', 'stryd', 'lon', 'cilgant', 'rhodfa', 'llys']);
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

const LIVE_WORDS = new Set(['live', 'lives', 'lived', 'living', 'grew', 'moved', 'stay', 'stays', 'staying', 'stayed', 'house', 'flat']);

/** Lodgings and blocks a family may live in, named before the word: "the Kelvin flats", "the Ocean View b&b". */
const LODGING_WORDS = new Set(['flats', 'tower', 'towers', 'block', 'b&b', 'hostel', 'refuge', 'maisonettes', 'bungalows']);

export function findStreets(tokens: Token[], kept: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const nothingKept = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Welsh street: "Heol y Coed", "Ffordd Las", "Stryd Fawr", "Lôn Isaf", "Maes y Dre"
    if (WELSH_HEADS.has(t.key) && (t.cap || LOWER_WELSH_HEADS.has(t.key))) {
      const j = headedRun(tokens, i, WELSH_PARTICLES, 4, (n) => STREET_WORDS.has(n.key), foreignWord);
      // with its house number: "9 Heol y Felin"
      const numbered =
        i > 0 && /^\d{1,4}[a-z]?$/iu.test(tokens[i - 1]!.text) && /^[ \t]+$/u.test(t.gap) && !/^(?:19|20)\d\d$/u.test(tokens[i - 1]!.text);
      if (j > i) out.push(span(tokens, numbered ? i - 1 : i, j));
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
    // "Acacia Avenue", "Mill Lane", "Beech Grove" (a capitalised name before a capitalised street word)
    if (t.cap && STREET_WORDS.has(t.key) && i > 0 && !t.sentenceStart) {
      const s = capitalisedBefore(tokens, i, 3, kept);
      if (s < i) {
        const name = tokens.slice(s, i);
        const weak = WEAK_STREET_WORDS.has(t.key);
        const plain = name.every((w) => commonWord(w.key) && !unknownWord(w.key));
        if (!(weak && plain) && !anyKept(kept, s, i)) out.push(span(tokens, s, i, weak ? 'check' : undefined));
      } else if (KEPT_STREET_WORDS.has(t.key)) {
        // a district's name before "Road" is a street's: "off the Shankill Road", "on Holloway Road"
        const p = tokens[i - 1]!;
        if (p.cap && kept[i - 1] && joinedBySpace(t.gap) && !p.possessive && !neverAName(p.key) && !(kept[i] && !kept[i - 2]))
          out.push(span(tokens, i - 1, i));
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
        !words.some((w) => NOT_A_STREET_NAME.has(w.key) || w.cap || neverAName(w.key))
      )
        out.push(span(tokens, s, i, 'check'));
      continue;
    }
    // blocks and lodgings named before a small-letter word: "the Kelvin flats", "the Ocean View b&b"
    if (!t.cap && LODGING_WORDS.has(t.key) && i > 1 && tokens[i - 1]!.cap && joinedBySpace(t.gap) && !tokens[i - 1]!.sentenceStart) {
      const s = capitalisedBefore(tokens, i, 3, kept);
      if (s < i && tokens[s - 1]?.key === 'the' && !anyKept(kept, s, i) && !tokens.slice(s, i).every((w) => neverAName(w.key))) {
        out.push(span(tokens, s, i - 1));
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
        (['up', 'down', 'out'].includes(tokens[i - 3]?.key ?? '') &&
          [...LIVE_WORDS, 'was', 'were', 'are', 'am'].includes(tokens[i - 4]?.key ?? ''))) &&
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
      continue;
    }
    // named houses and blocks: "Rose Cottage", "Churchill Tower", "Bevan Court" (check)
    if (t.cap && (HOUSE_WORDS.has(t.key) || MAYBE_HOUSE_WORDS.has(t.key)) && i > 0 && !t.sentenceStart) {
      const s = capitalisedBefore(tokens, i, 2, kept);
      if (s === i) continue;
      const name = tokens.slice(s, i);
      if (anyKept(kept, s, i) || name.some((w) => COURT_KINDS.has(w.key) || NOT_HOUSES.has(w.key))) continue;
      out.push(span(tokens, s, i, MAYBE_HOUSE_WORDS.has(t.key) ? 'check' : undefined));
    }
  }
  return out;
}

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
      let lead = s - 1;
      if (!['on', 'off', 'up'].includes(tokens[lead]?.key ?? '')) continue;
      lead--;
      if (tokens[lead]?.key === 'just' || tokens[lead]?.key === 'up') lead--;
      if (!LIVED_ON_LEADS.has(tokens[lead]?.key ?? '')) continue;
      if (tokens.slice(s, i).some((w) => placeWord(w.key) || neverAName(w.key))) continue;
      out.push(span(tokens, s, i));
    }
  }
  return out;
}
