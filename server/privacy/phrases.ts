// A set of multi-word phrases matched against a story's words (keep-list terms, shops, hospitals).
import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths.ts';
import { tokenize, type Token } from './tokens.ts';

/** One name of a place list: `cued` ("?") only where the sentence says what it is; `anyCase` ("!") safe in small letters too. */
export type ListedName = { name: string; cued: boolean; anyCase: boolean };

/** The names of a place list in this folder (hospitals.txt, schools.txt): one a line, "#" a comment, markers "!" and "?" in front. */
export function readPlaceList(file: string): ListedName[] {
  return readFileSync(fromRoot('server', 'privacy', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => ({ name: line.replace(/^[!?]+/u, '').trim(), cued: line.includes('?'), anyCase: line.includes('!') }));
}

export class PhraseSet {
  /** first word -> the phrases starting with it (as word keys), longest first */
  private byFirst = new Map<string, { keys: string[]; cap: boolean }[]>();

  /** `cap`: the first word must be written with a capital ("Next", "Boots", but "tesco" in any case). */
  add(phrase: string, cap = false): void {
    // "&" is read as "and": "Brighton & Hove", "Marks & Spencer"
    const keys = tokenize(phrase.replace(/&/g, ' and ')).map((t) => t.key);
    if (!keys.length) return;
    const list = this.byFirst.get(keys[0]!) ?? [];
    list.push({ keys, cap });
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.byFirst.set(keys[0]!, list);
  }

  /** Number of words of the longest phrase starting at tokens[i], or 0. "and" may be a "&" between the words. */
  matchAt(tokens: Token[], i: number): number {
    for (const { keys, cap } of this.byFirst.get(tokens[i]!.key) ?? []) {
      if (cap && !tokens[i]!.cap) continue;
      let k = i + 1;
      let ok = true;
      for (let w = 1; w < keys.length && ok; w++) {
        const t = tokens[k];
        if (keys[w] === 'and' && t && t.key !== 'and' && t.gap.includes('&')) continue;
        // the last word may be plural: "Family Group Conferences", "Child Arrangements Orders"
        const same = t !== undefined && (t.key === keys[w] || (w === keys.length - 1 && keys[w]!.length > 3 && t.key === `${keys[w]}s`));
        if (!t || !same || t.sentenceStart || !/^[ \t\u00a0&-]*$/u.test(t.gap)) ok = false;
        else k++;
      }
      if (ok) return k - i;
    }
    return 0;
  }
}

/**
 * The last word of a name that starts with a head word ("Ysgol y Graig", "Heol y Coed", "Ysbyty Gwynedd"),
 * or -1. After a capitalised head, capitalised words and the particles; after a small-letter head
 * ("ysgol glan clwyd"), words that are not English and the particles.
 */
export function headedRun(
  tokens: Token[],
  i: number,
  particles: Set<string>,
  max: number,
  notName: (t: Token) => boolean,
  foreign: (key: string) => boolean,
): number {
  const capital = tokens[i]!.cap;
  let j = i;
  let named = false;
  while (j + 1 < tokens.length && j - i < max && /^[ \t\u00a0]+$/u.test(tokens[j + 1]!.gap)) {
    const n = tokens[j + 1]!;
    // (Gaelic and Irish keep a name's capital after a small prefix: "Sràid na h-Eaglais", "an t-Sruth",
    // "Gaelscoil na bhFál", "Coláiste na nGael")
    const prefixed = /^(?:bh|[bdghmnt]-?)\p{Lu}/u.test(n.text);
    const word = capital ? (n.cap || prefixed) && !notName(n) : !n.cap && foreign(n.key) && !particles.has(n.key);
    if (word) named = true;
    else if (!particles.has(n.key)) break;
    j++;
    if (n.possessive) break;
  }
  while (j > i && particles.has(tokens[j]!.key) && !(capital && tokens[j]!.cap)) j--;
  return named && j > i ? j : -1;
}
