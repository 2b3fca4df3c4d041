// Walking lunr's token set of the indexed words (what main-index.ts expands a query word with)
// finds every word within the word's allowance of edits: the same words as checking each one by one.
import { describe, expect, it } from 'vitest';
import lunr from 'lunr';
import { editDistance, maxEdits, nameTerms } from '../server/search/words.ts';
import { flattenTokenSet, wordsWithinEdits, type TokenSetNode } from '../server/search/token-walk.ts';
import { FIRST_NAMES, SURNAMES, mulberry32 } from '../server/demo/names.ts';

const terms = [...new Set([...FIRST_NAMES, ...SURNAMES, "O'Neill", 'Smith-Jones', 'Ng', 'Li', 'Abi'].flatMap(nameTerms))].sort();
const index = lunr(function () {
  this.pipeline.reset();
  this.searchPipeline.reset();
  this.ref('i');
  this.field('t');
  for (const [i, t] of terms.entries()) this.add({ i: String(i), t });
});

/** Each word, and slips of it: a letter dropped, doubled, changed, two swapped, two changed, a suffix. */
function queries(): string[] {
  const rng = mulberry32(16);
  const out = new Set<string>();
  for (const t of terms) {
    const k = Math.floor(rng() * t.length);
    out.add(t);
    out.add(t.slice(0, k) + t.slice(k + 1));
    out.add(t.slice(0, k) + t[k] + t.slice(k));
    out.add(`${t.slice(0, k)}e${t.slice(k + 1)}`);
    if (k + 1 < t.length) out.add(t.slice(0, k) + t[k + 1] + t[k] + t.slice(k + 2));
    out.add(`${t.slice(0, 1)}x${t.slice(2, -1)}y`);
    out.add(`${t}son`);
  }
  return [...out].filter((q) => maxEdits(q.length) > 0);
}

// the index's token set is public in lunr but missing from its types
const trie = flattenTokenSet((index as unknown as { tokenSet: TokenSetNode }).tokenSet);

describe('words within a few edits', () => {
  it('the walk finds every word within the allowance, and only those, as checking every word does', () => {
    const asked = queries();
    expect(asked.length).toBeGreaterThan(1000);
    const ids = new Map(terms.map((t, i) => [t, i]));
    for (const q of asked) {
      const max = maxEdits(q.length);
      const oneByOne = terms.flatMap((t, i) => (editDistance(q, t, max) <= max ? [i] : []));
      const walked: number[] = [];
      wordsWithinEdits(trie, q, max, (t) => walked.push(ids.get(t)!));
      expect(
        walked.sort((a, b) => a - b),
        q,
      ).toEqual(oneByOne);
    }
  });

  it('finds a swap of neighbours at the start and at the end, and nothing for a word too far', () => {
    const found = (q: string, max: number) => {
      const out: string[] = [];
      wordsWithinEdits(trie, q, max, (t) => out.push(t));
      return out;
    };
    expect(found('msith', 1)).toContain('smith');
    expect(found('smiht', 1)).toContain('smith');
    expect(found('zzzzzzzz', 2)).toEqual([]);
  });
});
