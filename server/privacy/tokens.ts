// Words of a story with their offsets, in any script: "O'Neill", "Ella-Rose", "Gŵyr", "Nguyễn".
import { wordKey } from './words.ts';

export type Token = {
  text: string;
  start: number;
  end: number;
  /** folded, without a possessive: "Jane's" -> "jane" */
  key: string;
  /** end of the word without its possessive 's (for spans: "Jane" of "Jane's") */
  baseEnd: number;
  /** starts with a capital letter */
  cap: boolean;
  /** two or more capitals and no small letters except a plural s: "CAMHS", "GCSEs" */
  acronym: boolean;
  /** first word of a sentence (or of the story, or of a line) */
  sentenceStart: boolean;
  /** the characters between the previous word and this one */
  gap: string;
  possessive: boolean;
};

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+|-[\p{L}\p{M}\p{N}]+)*['’]?/gu;
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'prof',
  'rev',
  'mx',
  'sgt',
  'cllr',
  'ref',
  'tel',
  'vs',
  'etc',
  'approx',
]);

export function tokenize(story: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  let prevKey = '';
  for (const m of story.matchAll(WORD)) {
    let text = m[0];
    // a trailing apostrophe is part of the word only as a possessive ("James'"), not a closing quote
    if (/['’]$/u.test(text) && !/s['’]$/iu.test(text)) text = text.slice(0, -1);
    if (!text) continue;
    const start = m.index;
    const end = start + text.length;
    const gap = story.slice(prevEnd, start);
    const possessive = /['’]s?$/u.test(text) && text.length > 2;
    const base = possessive ? text.replace(/['’]s?$/u, '') : text;
    const sentenceStart = out.length === 0 || /[!?\n\r…]/u.test(gap) || (/\./u.test(gap) && !ABBREVIATIONS.has(prevKey));
    const key = wordKey(base);
    out.push({
      text,
      start,
      end,
      key,
      baseEnd: start + base.length,
      cap: /^\p{Lu}/u.test(base),
      acronym: /^\p{Lu}[\p{Lu}\p{N}&]+s?$/u.test(base) && base.length > 1,
      sentenceStart,
      gap,
      possessive,
    });
    prevEnd = end;
    prevKey = key;
  }
  return out;
}

/** Only spaces (and at most one comma or opening bracket) between two words of the same phrase. */
export function joinedBySpace(gap: string): boolean {
  return /^[ \t\u00a0]+$/u.test(gap);
}

/** The first and last token of the sentence around token `i`, looked for at most `reach` words either way. */
export function sentenceAround(tokens: Token[], i: number, reach = 40): [number, number] {
  let a = i;
  while (a > 0 && i - a < reach && !tokens[a]!.sentenceStart) a--;
  let b = i;
  while (b + 1 < tokens.length && b - i < reach && !tokens[b + 1]!.sentenceStart) b++;
  return [a, b];
}

/** For each token, whether its sentence has a word that passes `cue`. Linear. */
export function sentencesWith(tokens: Token[], cue: (t: Token, k: number) => boolean): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || (i > from && tokens[i]!.sentenceStart)) {
      let has = false;
      for (let k = from; k < i && !has; k++) has = cue(tokens[k]!, k);
      if (has) marks.fill(1, from, i);
      from = i;
    }
  }
  return marks;
}
