// The indexed words within a few edits of a query word (optimal string alignment: a letter
// changed, added or dropped, or two neighbours swapped, each one edit; the distance classify()
// grades typos by). The sorted vocabulary is walked as if it were a trie: neighbouring words
// share their prefix's rows of the edit table, and a prefix whose rows cannot come back within
// the allowance is skipped with all the words under it. At 100k profiles (~8,700 words) this
// replaced lunr's fuzzy query (a fresh automaton per word, intersected with lunr's token set:
// 0.2-1.3 ms a word) and finds the same words.
import { MAX_WORD } from './words.ts';

export class FuzzyWords {
  /** the edit table, one row per letter of the current prefix (row 0: the empty prefix), flat */
  private readonly table = new Int32Array((MAX_WORD + 2) * (MAX_WORD + 2));
  /** each row's smallest entry */
  private readonly rowMin = new Int32Array(MAX_WORD + 2);
  /** the query word's letters */
  private readonly letters = new Int32Array(MAX_WORD + 1);
  /** per word, how many leading letters it shares with the word before it */
  private readonly shared: Uint8Array;
  /** the words' letters, MAX_WORD + 1 slots each (a word ends at its first 0) */
  private readonly codes: Uint16Array;

  /** `terms` sorted as JavaScript compares strings, each at most MAX_WORD letters */
  constructor(terms: readonly string[]) {
    const W = MAX_WORD + 1;
    this.shared = new Uint8Array(terms.length);
    this.codes = new Uint16Array(terms.length * W);
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k]!;
      const len = Math.min(t.length, MAX_WORD);
      for (let i = 0; i < len; i++) this.codes[k * W + i] = t.charCodeAt(i) || 1;
      if (k === 0) continue;
      const before = terms[k - 1]!;
      let l = 0;
      while (l < len && l < before.length && before.charCodeAt(l) === t.charCodeAt(l)) l++;
      this.shared[k] = l;
    }
  }

  /** The indices (in the vocabulary) of the words within `max` edits of `word`, in order. */
  within(word: string, max: number): number[] {
    const { table, rowMin, letters, shared, codes } = this;
    const W = MAX_WORD + 1;
    const R = MAX_WORD + 2;
    const n = shared.length;
    const m = Math.min(word.length, MAX_WORD);
    for (let j = 0; j < m; j++) letters[j] = word.charCodeAt(j);
    const out: number[] = [];
    for (let j = 0; j <= m; j++) table[j] = j;
    rowMin[0] = 0;
    // rows 1..valid of the table hold the current prefix (the last word looked at, or its start)
    let valid = 0;
    let k = 0;
    while (k < n) {
      let d = Math.min(valid, shared[k]!);
      const base = k * W;
      let dead = 0;
      let len = d;
      for (; d < MAX_WORD; d++) {
        const c = codes[base + d]!;
        if (c === 0) break;
        const up = d * R;
        const cur = up + R;
        const up2 = d > 0 ? up - R : up;
        const before = d > 0 ? codes[base + d - 1]! : -1;
        table[cur] = d + 1;
        let low = d + 1;
        for (let j = 1; j <= m; j++) {
          const w = letters[j - 1]!;
          let v = table[up + j - 1]! + (w === c ? 0 : 1);
          const del = table[up + j]! + 1;
          if (del < v) v = del;
          const ins = table[cur + j - 1]! + 1;
          if (ins < v) v = ins;
          if (j > 1 && before === w && c === letters[j - 2]) {
            const swap = table[up2 + j - 2]! + 1;
            if (swap < v) v = swap;
          }
          table[cur + j] = v;
          if (v < low) low = v;
        }
        rowMin[d + 1] = low;
        // Later rows are at least this row's minimum, or the row above's plus one (a swap reaches
        // back two rows): past `max` both, nothing under this prefix can match.
        if (low > max && rowMin[d]! + 1 > max) {
          dead = d + 1;
          break;
        }
      }
      if (!dead) {
        len = d;
        if (table[len * R + m]! <= max) out.push(k);
        valid = len;
        k++;
        continue;
      }
      // skip every word that starts with the hopeless prefix
      valid = dead;
      k++;
      while (k < n && shared[k]! >= dead) k++;
    }
    return out;
  }
}
