// The main index in memory: finds and ranks profiles for a query in a few milliseconds at 100k.
//
// Each query word is expanded over the distinct indexed words (exact, typo within the word's
// allowance found by walking lunr's token set of them, prefix, sound-alike, known variants); the posting lists then give, for every
// profile touched, which query words it matched and how well. Scratch arrays are reused, so a
// query allocates little beyond its results.
import lunr from 'lunr';
import type { IndexParts } from './build.ts';
import { Q, classify, joins, type Token } from './match.ts';
import { maxEdits } from './words.ts';
import { variantsOf } from './variants.ts';
import { flattenTokenSet, wordsWithinEdits, type TokenSetNode, type WordTrie } from './token-walk.ts';

/** Room for the place in name order inside a ranking key (up to ~1M profiles). */
const RANK_SPACE = 1 << 20;
const MAX_NOMS = 65535;
const POPCOUNT = Uint8Array.from({ length: 64 }, (_, m) => m.toString(2).replace(/0/g, '').length);

export type MainHits = {
  /** how many query words the best profiles matched */
  coverage: number;
  /** profiles matching that many words (all of them, not just `docs`) */
  count: number;
  /** the best `limit` of them, best first */
  docs: number[];
  /** each doc's score (sum of its words' match qualities) */
  scores: number[];
};

/** The lunr part of an index: its token set of the distinct words for typo lookups, and exact lookups beside it. */
export type Vocabulary = { hash: number; words: WordTrie; termIds: Map<string, number>; bySound: Map<string, number[]> };

function vocabularyParts(parts: IndexParts, index: lunr.Index): Vocabulary {
  const bySound = new Map<string, number[]>();
  parts.termSounds.forEach((key, t) => {
    if (!key) return;
    const list = bySound.get(key);
    if (list) list.push(t);
    else bySound.set(key, [t]);
  });
  // the index's token set is public in lunr but missing from its types
  const words = flattenTokenSet((index as unknown as { tokenSet: TokenSetNode }).tokenSet);
  return { hash: parts.vocabularyHash, words, termIds: new Map(parts.terms.map((t, i) => [t, i])), bySound };
}

type SerializedLunr = { fields: string[]; fieldVectors: [string, number[]][]; invertedIndex: [string, object][]; pipeline: string[] };

/**
 * lunr.Index.load, done a slice at a time so a rebuild never holds the event loop for long
 * (building lunr's token set for ~10k words takes ~100 ms in one go).
 */
async function loadLunrInSlices(serialized: string, slice = 1000): Promise<lunr.Index> {
  const s = JSON.parse(serialized) as SerializedLunr;
  const yieldToRequests = () => new Promise<void>((r) => setImmediate(r));
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [ref, elements] of s.fieldVectors) fieldVectors[ref] = new lunr.Vector(elements);
  const invertedIndex: Record<string, object> = Object.create(null);
  // TokenSet.Builder and the Index constructor are public in lunr but missing from its types.
  const L = lunr as unknown as {
    TokenSet: { Builder: new () => { insert(word: string): void; finish(): void; root: lunr.TokenSet } };
    Index: new (attrs: object) => lunr.Index;
  };
  const builder = new L.TokenSet.Builder();
  for (let i = 0; i < s.invertedIndex.length; i++) {
    const [term, posting] = s.invertedIndex[i]!;
    builder.insert(term);
    invertedIndex[term] = posting;
    if (i % slice === slice - 1) await yieldToRequests();
  }
  builder.finish();
  return new L.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: builder.root,
    fields: s.fields,
    pipeline: lunr.Pipeline.load(s.pipeline),
  });
}

export class MainIndex {
  readonly size: number;
  readonly builtAt: number;
  readonly fingerprint: string;
  private readonly rankToDoc: Int32Array;
  /** profiles whose current state lives in the delta (changed, hidden or removed) */
  private readonly overridden: Uint8Array;
  private overriddenCount = 0;
  // scratch, reset after every query
  private readonly best: Uint8Array;
  private readonly mask: Uint8Array;
  private readonly score: Uint8Array;
  private readonly touched: Int32Array;
  /** the ranking keys of the profiles a query kept (a scratch list: no array grown per query) */
  private readonly keys: Float64Array;

  /** At start-up: everything at once. */
  static load(parts: IndexParts): MainIndex {
    return new MainIndex(parts, vocabularyParts(parts, lunr.Index.load(JSON.parse(parts.lunr))));
  }

  /** While serving: the lunr part in slices, or kept from `previous` when the words are the same. */
  static async loadBeside(parts: IndexParts, previous: MainIndex | undefined): Promise<MainIndex> {
    const v = previous?.vocabulary;
    if (v && v.hash === parts.vocabularyHash && v.termIds.size === parts.terms.length) return new MainIndex(parts, v);
    return new MainIndex(parts, vocabularyParts(parts, await loadLunrInSlices(parts.lunr)));
  }

  private constructor(
    readonly parts: IndexParts,
    private readonly vocabulary: Vocabulary,
  ) {
    this.size = parts.docWorker.length;
    this.builtAt = parts.builtAt;
    this.fingerprint = parts.fingerprint;
    this.rankToDoc = new Int32Array(this.size);
    for (let d = 0; d < this.size; d++) this.rankToDoc[parts.docRank[d]!] = d;
    this.overridden = new Uint8Array(this.size);
    this.best = new Uint8Array(this.size);
    this.mask = new Uint8Array(this.size);
    this.score = new Uint8Array(this.size);
    this.touched = new Int32Array(this.size);
    this.keys = new Float64Array(this.size);
  }

  docOf(workerId: number): number {
    return workerId >= 0 && workerId < this.parts.workerDoc.length ? this.parts.workerDoc[workerId]! : -1;
  }

  worker(doc: number): number {
    return this.parts.docWorker[doc]!;
  }

  nominations(doc: number): number {
    return this.parts.docNominations[doc]!;
  }

  hash(doc: number): number {
    return this.parts.docHash[doc]!;
  }

  sortName(doc: number): string {
    return this.parts.names.slice(this.parts.nameOffsets[doc]!, this.parts.nameOffsets[doc + 1]! - 1);
  }

  /** Leave a profile out of results (its current version, if any, is in the delta), or put it back. */
  setOverridden(workerId: number, on: boolean): void {
    const d = this.docOf(workerId);
    if (d < 0 || this.overridden[d] === (on ? 1 : 0)) return;
    this.overridden[d] = on ? 1 : 0;
    this.overriddenCount += on ? 1 : -1;
  }

  get overriddenProfiles(): number {
    return this.overriddenCount;
  }

  // Words people type repeat (common names), and expanding one costs 0.2-1.3 ms of lunr automaton
  // work; so the expansions of recently used words are kept (per index: term numbers change on
  // rebuild). Room for every indexed word twice over (as typed, and as a prefix while typing):
  // at 100k profiles ~8,700 words; 20,000 entries hold ~4 MB. Kept in use order, so misspellings
  // typed once are what drops out. (With 5,000 in insertion order, cold expansions were most of
  // the slowest 1% of uncached searches.)
  private readonly expansions = new Map<string, Map<number, number>>();
  static readonly EXPANSION_CACHE = 20_000;

  /** Forget remembered expansions (the benchmark measures cold lookups with it). */
  clearCache(): void {
    this.expansions.clear();
  }

  /** For each query word, the indexed words it matches and how well (term index -> quality). */
  expand(tokens: Token[]): Map<number, number>[] {
    const out = tokens.map((tok) => {
      const key = tok.prefix ? `${tok.word}*` : tok.word;
      let found = this.expansions.get(key);
      if (found) {
        // most recently used last, so the least recently used is dropped first
        this.expansions.delete(key);
        this.expansions.set(key, found);
      } else {
        found = this.expandWord(tok);
        if (this.expansions.size >= MainIndex.EXPANSION_CACHE) this.expansions.delete(this.expansions.keys().next().value!);
        this.expansions.set(key, found);
      }
      return found;
    });
    const joined = joins(tokens).filter((j) => this.vocabulary.termIds.has(j.term));
    if (!joined.length) return out;
    const copies = out.map((m) => new Map(m));
    for (const j of joined) {
      const t = this.vocabulary.termIds.get(j.term)!;
      for (let i = j.from; i <= j.to; i++) copies[i]!.set(t, Q.exact);
    }
    return copies;
  }

  /** The indexed words one query word matches, and how well. */
  private expandWord(tok: Token): Map<number, number> {
    const { terms, termSounds } = this.parts;
    const { words, termIds, bySound } = this.vocabulary;
    const consider = (found: Map<number, number>, tok: Token, t: number) => {
      if (found.has(t)) return;
      const quality = classify(tok, terms[t]!, termSounds[t]);
      if (quality > 0) found.set(t, quality);
    };
    const found = new Map<number, number>();
    const edits = maxEdits(tok.word.length);
    if (edits) {
      wordsWithinEdits(words, tok.word, edits, (term) => {
        const t = termIds.get(term);
        if (t !== undefined) consider(found, tok, t);
      });
    } else {
      const t = termIds.get(tok.word);
      if (t !== undefined) consider(found, tok, t);
    }
    for (const v of variantsOf(tok.word)) {
      const t = termIds.get(v);
      if (t !== undefined) consider(found, tok, t);
    }
    if (tok.sound) for (const t of bySound.get(tok.sound) ?? []) consider(found, tok, t);
    if (tok.prefix) {
      // Words starting with it: one range of the sorted terms.
      for (let t = this.firstAtOrAfter(tok.word); t < terms.length && terms[t]!.startsWith(tok.word); t++) consider(found, tok, t);
    }
    return found;
  }

  /** Whether a query word matches any indexed word at all (cheap once expanded). */
  knows(tok: Token): boolean {
    return this.expand([tok])[0]!.size > 0;
  }

  private firstAtOrAfter(word: string): number {
    const terms = this.parts.terms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Profiles matching the most query words, ranked: match quality, then recommendations, then name. */
  search(tokens: Token[], areaId: number | undefined, limit: number): MainHits {
    const { termOffsets, termDocs, docArea } = this.parts;
    const { best, mask, score, touched, overridden } = this;
    const expansions = this.expand(tokens);
    let touchedCount = 0;
    const local: number[] = [];
    for (let i = 0; i < expansions.length; i++) {
      local.length = 0;
      for (const [t, quality] of expansions[i]!) {
        for (let p = termOffsets[t]!, end = termOffsets[t + 1]!; p < end; p++) {
          const d = termDocs[p]!;
          if (overridden[d] || (areaId !== undefined && docArea[d] !== areaId)) continue;
          if (quality > best[d]!) {
            if (best[d] === 0) local.push(d);
            best[d] = quality;
          }
        }
      }
      const bit = 1 << i;
      for (const d of local) {
        if (mask[d] === 0) touched[touchedCount++] = d;
        mask[d]! |= bit;
        score[d]! += best[d]!;
        best[d] = 0;
      }
    }
    let coverage = 0;
    for (let k = 0; k < touchedCount; k++) coverage = Math.max(coverage, POPCOUNT[mask[touched[k]!]!]!);
    const keys = this.keys;
    let n = 0;
    for (let k = 0; k < touchedCount; k++) {
      const d = touched[k]!;
      if (POPCOUNT[mask[d]!] === coverage) keys[n++] = this.key(d, score[d]!);
    }
    const ranked = this.top(n, limit);
    const scores = ranked.map((d) => score[d]!);
    for (let k = 0; k < touchedCount; k++) {
      const d = touched[k]!;
      mask[d] = 0;
      score[d] = 0;
    }
    return { coverage, count: n, docs: ranked, scores };
  }

  /** Every profile in an area, most recommended first, then by name. */
  inArea(areaId: number, limit: number): MainHits {
    const { docArea } = this.parts;
    const keys = this.keys;
    let n = 0;
    for (let d = 0; d < this.size; d++) if (docArea[d] === areaId && !this.overridden[d]) keys[n++] = this.key(d, 0);
    const docs = this.top(n, limit);
    return { coverage: 0, count: n, docs, scores: docs.map(() => 0) };
  }

  /** One number that orders profiles exactly: higher is better. */
  private key(d: number, score: number): number {
    return (
      (score * (MAX_NOMS + 1) + Math.min(this.parts.docNominations[d]!, MAX_NOMS)) * RANK_SPACE + (RANK_SPACE - 1 - this.parts.docRank[d]!)
    );
  }

  /** The profiles of the `limit` highest of the first `n` keys, best first. */
  private top(n: number, limit: number): number[] {
    const keys = this.keys.subarray(0, n);
    const best = limit * 4 < n ? topKeys(keys, limit) : keys.slice().sort().reverse().subarray(0, limit);
    return Array.from(best, (key) => this.rankToDoc[RANK_SPACE - 1 - (key % RANK_SPACE)]!);
  }
}

/** The `k` largest keys, largest first, with a min-heap of size k (no full sort of a long list). */
function topKeys(keys: Float64Array, k: number): Float64Array {
  const heap = new Float64Array(k);
  let size = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && heap[l]! < heap[m]!) m = l;
      if (r < size && heap[r]! < heap[m]!) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const key of keys) {
    if (size < k) {
      let i = size++;
      heap[i] = key;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= heap[i]!) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (key > heap[0]!) {
      heap[0] = key;
      down(0);
    }
  }
  return heap.subarray(0, size).sort().reverse();
}
