// A set of multi-word phrases matched against a story's words (keep-list terms, shops, hospitals).
import { tokenize, type Token } from './tokens.ts';

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
        if (!t || t.key !== keys[w] || t.sentenceStart || !/^[ \t\u00a0&-]*$/u.test(t.gap)) ok = false;
        else k++;
      }
      if (ok) return k - i;
    }
    return 0;
  }
}
