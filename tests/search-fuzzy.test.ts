// lunr's fuzzy query over the indexed words (what main-index.ts expands a query word with) finds
// every word within the word's allowance of edits: the same words as checking each one by one.
import { describe, expect, it } from 'vitest';
import lunr from 'lunr';
import { editDistance, maxEdits, nameTerms } from '../server/search/words.ts';
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

describe('words within a few edits', () => {
  it('lunr finds every word within the allowance, as checking every word does', () => {
    const asked = queries();
    expect(asked.length).toBeGreaterThan(1000);
    for (const q of asked) {
      const max = maxEdits(q.length);
      const oneByOne = terms.flatMap((t, i) => (editDistance(q, t, max) <= max ? [i] : []));
      const byLunr = index
        .query((x) => x.term(q, { usePipeline: false, editDistance: max }))
        .map((r) => Number(r.ref))
        .filter((i) => editDistance(q, terms[i]!, max) <= max)
        .sort((a, b) => a - b);
      expect(byLunr, q).toEqual(oneByOne);
    }
  });
});
