// Addresses without a house number: streets ("Acacia Avenue", "off mill lane"), Welsh streets
// ("Heol y Coed", "Stryd Fawr", "Lôn Isaf"), estates ("the Hollington estate"), named houses and blocks
// ("Rose Cottage", "Bevan Court"). Numbered addresses are in patterns.ts.
import type { Candidate } from './spans.ts';
import { headedRun } from './phrases.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import { commonWord, neverAName, unknownWord, foreignWord, placeWord } from './words.ts';

/** Street words sure enough to make a capitalised name a street on their own. */
const STREET_WORDS = new Set(
  'road street avenue lane crescent terrace grove mews gardens drive close rise way walk row square place parade wynd brae park loan vennel gait'.split(
    ' ',
  ),
);
/** Street words that are also ordinary words: need a capitalised name before them that is not an ordinary word. */
const WEAK_STREET_WORDS = new Set(['way', 'walk', 'row', 'square', 'place', 'close', 'rise', 'drive', 'parade', 'park', 'loan', 'gait']);
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
  'bwthyn',
  'fferm',
  'plas',
  // Cornish: "Chy an Mor" (the house by the sea)
  'chy',
]);
/** Typed in small letters too: "heol y coed". */
const LOWER_WELSH_HEADS = new Set(['heol', 'ffordd', 'stryd', 'lon', 'cilgant', 'rhodfa']);
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
  'family crown county magistrates magistrate youth high coroners coroner supreme appeal civil criminal juvenile district sheriff royal justice combined'.split(
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
      if (j > i) out.push(span(tokens, i, j));
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
      ['on', 'onto', 'off'].includes(tokens[i - 2]?.key ?? '') &&
      LIVE_WORDS.has(tokens[i - 3]?.key ?? '') &&
      !kept[i] &&
      !neverAName(t.key) &&
      !commonWord(t.key) &&
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
