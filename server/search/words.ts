// Words of names and queries, as search sees them: folded, apostrophes dropped, split on anything
// that is not a letter or digit. The index and the query go through the same functions, so
// "Siân O'Neill-Smith" and "sian o neill smith" meet in the middle.
import { normalizePhrase } from '../text.ts';

/** Letters NFKD leaves alone ("Đức", "Yılmaz", "Þóra"), mapped before folding. */
const EXTRA_FOLDS: Record<string, string> = { đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ı: 'i', þ: 'th', Þ: 'th', ħ: 'h', Ħ: 'h' };
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

/** Longest word search looks at; longer ones are cut (nobody's name is longer, and it bounds the work). */
export const MAX_WORD = 24;

/** "Siân O'Neill-Smith" -> ["sian", "oneill", "smith"]. Apostrophes join, everything else splits. */
export function words(s: string): string[] {
  const phrase = normalizePhrase(s.replace(EXTRA_RE, (c) => EXTRA_FOLDS[c]!));
  return phrase ? phrase.split(' ') : [];
}

/** Short words that belong to the next one in surnames: "Ó Briain", "Van der Berg", "De Souza". */
const PARTICLE_MAX = 3;

/**
 * What a name is indexed under: every word (2+ letters), hyphenated names whole and by parts
 * ("Smith-Jones" -> smithjones, smith, jones), apostrophe names joined and by the part after it
 * ("O'Neill" -> oneill, neill), and particles joined to the word they belong to ("Van der Berg" ->
 * vanderberg, derberg; "Ó Briain" -> obriain).
 */
export function nameTerms(name: string): string[] {
  const out = new Set<string>();
  const plain: string[] = [];
  for (const chunk of name.split(/\s+/)) {
    if (!chunk) continue;
    const c = chunkTerms(chunk);
    if (c.whole) plain.push(c.whole);
    for (const t of c.terms) out.add(t);
  }
  for (let i = 0; i < plain.length; i++) {
    if (plain[i]!.length > PARTICLE_MAX) continue;
    let joined = plain[i]!;
    for (let j = i + 1; j < plain.length && j <= i + 2; j++) {
      joined += plain[j]!;
      if (plain[j]!.length > PARTICLE_MAX) {
        if (joined.length >= 2) out.add(joined.slice(0, MAX_WORD));
        break;
      }
    }
  }
  return [...out];
}

/** The folded words of a name joined by spaces, used to order equal matches by name. */
export function sortName(name: string): string {
  const out: string[] = [];
  for (const chunk of name.split(/\s+/)) if (chunk) out.push(...chunkTerms(chunk).words);
  return out.join(' ');
}

// Names share their words, so the terms of each space-separated chunk are worked out once.
const chunkCache = new Map<string, { whole: string; words: string[]; terms: string[] }>();

/** One chunk, e.g. "O'Neill-Smith": whole, by hyphen part, by apostrophe piece, by other punctuation. */
function chunkTerms(chunk: string): { whole: string; words: string[]; terms: string[] } {
  let c = chunkCache.get(chunk);
  if (c) return c;
  const terms = new Set<string>();
  const add = (t: string) => {
    if (t.length >= 2) terms.add(t.slice(0, MAX_WORD));
  };
  const ws = words(chunk);
  const whole = ws.join('');
  add(whole);
  for (const part of chunk.split(/[-\u2010\u2011\u2013]/)) {
    if (!part) continue;
    add(words(part).join(''));
    for (const piece of part.split(/['\u2019`]/)) add(words(piece).join(''));
  }
  for (const w of ws) add(w);
  c = { whole, words: ws, terms: [...terms] };
  if (chunkCache.size > 100_000) chunkCache.clear();
  chunkCache.set(chunk, c);
  return c;
}

/** Typos forgiven for a word of this length: none for short words, one for 4–6 letters, two beyond. */
export function maxEdits(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/**
 * Optimal string alignment distance (substitution, insertion, deletion, swap of neighbours),
 * or max + 1 as soon as it must exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}

/**
 * A rough sound-alike key for a name word (a much simplified Metaphone): Smith = Smyth = "smt",
 * Okafor = Okafur, Catherine = Katherine = Kathryn, Phillips = Filips, Choudhury = Chowdhury.
 * Keys shorter than 3 letters are not used for matching: they would match too much.
 */
export function soundKey(word: string): string {
  let s = word.replace(/[^a-z]/g, '');
  if (!s) return '';
  s = s
    .replace(/^kn/, 'n')
    .replace(/^wr/, 'r')
    .replace(/^ps/, 's')
    .replace(/^x/, 's')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/sch/g, 'sk')
    .replace(/th/g, 't')
    .replace(/dg/g, 'j')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/v/g, 'f')
    .replace(/d/g, 't');
  const first = /[aeiouy]/.test(s[0]!) ? 'a' : s[0]!;
  const rest = s.slice(1).replace(/[aeiouyhw]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1').slice(0, 8);
}

/** Recent words' sound keys: names repeat, and a key costs ~18 regular-expression passes (~2.5% of an uncached search). */
const sounds = new Map<string, string>();
const SOUNDS_KEPT = 10_000;

/** The sound key search uses for a word, or '' when the word is too short to match by sound. */
export function soundOf(word: string): string {
  if (word.length < 4) return '';
  let key = sounds.get(word);
  if (key === undefined) {
    const k = soundKey(word);
    key = k.length >= 3 ? k : '';
    if (sounds.size >= SOUNDS_KEPT) sounds.clear();
    sounds.set(word, key);
  }
  return key;
}
