// The main index in memory: finds and ranks profiles for a query in a few milliseconds at 100k.
//
// lunr expands each query word over the distinct indexed words (exact, typo within the word's
// allowance, prefix, sound-alike, known variants); the posting lists then give, for every
// profile touched, which query words it matched and how well. Scratch arrays are reused, so a
// query allocates little beyond its results.
import lunr from 'lunr';
import type { IndexParts } from './build.ts';
import { Q, classify, joins, type Token } from './match.ts';
import { maxEdits } from './words.ts';
import { variantsOf } from './variants.ts';

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

export class MainIndex {
  readonly size: number;
  readonly builtAt: number;
  readonly fingerprint: string;
  private readonly vocabulary: lunr.Index;
  private readonly termIds = new Map<string, number>();
  private readonly rankToDoc: Int32Array;
  /** profiles whose current state lives in the delta (changed, hidden or removed) */
  private readonly overridden: Uint8Array;
  private overriddenCount = 0;
  // scratch, reset after every query
  private readonly best: Uint8Array;
  private readonly mask: Uint8Array;
  private readonly score: Uint8Array;
  private readonly touched: Int32Array;

  constructor(readonly parts: IndexParts) {
    this.size = parts.docWorker.length;
    this.builtAt = parts.builtAt;
    this.fingerprint = parts.fingerprint;
    this.vocabulary = lunr.Index.load(parts.lunr);
    parts.terms.forEach((t, i) => this.termIds.set(t, i));
    this.rankToDoc = new Int32Array(this.size);
    for (let d = 0; d < this.size; d++) this.rankToDoc[parts.docRank[d]!] = d;
    this.overridden = new Uint8Array(this.size);
    this.best = new Uint8Array(this.size);
    this.mask = new Uint8Array(this.size);
    this.score = new Uint8Array(this.size);
    this.touched = new Int32Array(this.size);
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

  /** For each query word, the indexed words it matches and how well (term index -> quality). */
  expand(tokens: Token[]): Map<number, number>[] {
    const terms = this.parts.terms;
    const out = tokens.map((tok) => {
      const found = new Map<number, number>();
      const results = this.vocabulary.query((q) => {
        const edits = maxEdits(tok.word.length);
        q.term(tok.word, edits ? { fields: ['t'], usePipeline: false, editDistance: edits } : { fields: ['t'], usePipeline: false });
        if (tok.prefix) q.term(tok.word, { fields: ['t'], usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        if (tok.sound) q.term(tok.sound, { fields: ['k'], usePipeline: false });
        for (const v of variantsOf(tok.word)) q.term(v, { fields: ['t'], usePipeline: false });
      });
      for (const r of results) {
        const t = Number(r.ref);
        const quality = classify(tok, terms[t]!);
        if (quality > 0) found.set(t, quality);
      }
      return found;
    });
    for (const j of joins(tokens)) {
      const t = this.termIds.get(j.term);
      if (t === undefined) continue;
      for (let i = j.from; i <= j.to; i++) out[i]!.set(t, Q.exact);
    }
    return out;
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
    const keys: number[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const d = touched[k]!;
      if (POPCOUNT[mask[d]!] === coverage) keys.push(this.key(d, score[d]!));
    }
    const ranked = this.top(keys, limit);
    const scores = ranked.map((d) => score[d]!);
    for (let k = 0; k < touchedCount; k++) {
      const d = touched[k]!;
      mask[d] = 0;
      score[d] = 0;
    }
    return { coverage, count: keys.length, docs: ranked, scores };
  }

  /** Every profile in an area, most recommended first, then by name. */
  inArea(areaId: number, limit: number): MainHits {
    const { docArea } = this.parts;
    const keys: number[] = [];
    for (let d = 0; d < this.size; d++) if (docArea[d] === areaId && !this.overridden[d]) keys.push(this.key(d, 0));
    const docs = this.top(keys, limit);
    return { coverage: 0, count: keys.length, docs, scores: docs.map(() => 0) };
  }

  /** One number that orders profiles exactly: higher is better. */
  private key(d: number, score: number): number {
    return (score * (MAX_NOMS + 1) + Math.min(this.parts.docNominations[d]!, MAX_NOMS)) * RANK_SPACE + (RANK_SPACE - 1 - this.parts.docRank[d]!);
  }

  private top(keys: number[], limit: number): number[] {
    const sorted = Float64Array.from(keys).sort();
    const out: number[] = [];
    for (let k = sorted.length - 1; k >= 0 && out.length < limit; k--) {
      out.push(this.rankToDoc[RANK_SPACE - 1 - (sorted[k]! % RANK_SPACE)]!);
    }
    return out;
  }
}
