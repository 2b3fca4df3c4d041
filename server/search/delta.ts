// Profiles changed since the main index was built: newly approved, corrected, with more or fewer
// recommendations (an entry), or hidden / no longer public (null). Searched by a plain scan with
// the same matching rules as the main index; it stays small because a rebuild empties it.
import { Q, classify, joins, type Token } from './match.ts';
import { profileHash, type PublicProfile } from './build.ts';
import { nameTerms, soundOf, sortName } from './words.ts';

export type DeltaProfile = {
  workerId: number;
  areaId: number;
  nominations: number;
  sortName: string;
  hash: number;
  terms: string[];
  sounds: string[];
  termSet: Set<string>;
};

export type Hit = { workerId: number; score: number; nominations: number; sortName: string };

export function deltaProfile(p: PublicProfile): DeltaProfile {
  const terms = nameTerms(p.name);
  return {
    workerId: p.id,
    areaId: p.areaId,
    nominations: p.nominations,
    sortName: sortName(p.name),
    hash: profileHash(p),
    terms,
    sounds: terms.map(soundOf),
    termSet: new Set(terms),
  };
}

export class Delta {
  /** worker id -> its current public profile, or null when it must not be found */
  readonly entries = new Map<number, DeltaProfile | null>();
  /** when the oldest change still in the delta happened (ms), for scheduling a rebuild */
  oldestAt: number | undefined;

  set(workerId: number, profile: DeltaProfile | null, now: number): void {
    this.entries.set(workerId, profile);
    this.oldestAt ??= now;
  }

  delete(workerId: number): void {
    this.entries.delete(workerId);
    if (this.entries.size === 0) this.oldestAt = undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether a query word matches a word of any profile here. */
  knows(tok: Token): boolean {
    for (const p of this.entries.values()) {
      if (p?.terms.some((t, k) => classify(tok, t, p.sounds[k]) > 0)) return true;
    }
    return false;
  }

  /** Profiles matching the most query words, with their coverage (unsorted). */
  search(tokens: Token[], areaId: number | undefined): { coverage: number; hits: Hit[] } {
    const joined = joins(tokens);
    let coverage = 0;
    const all: { hit: Hit; coverage: number }[] = [];
    for (const p of this.entries.values()) {
      if (!p || (areaId !== undefined && p.areaId !== areaId)) continue;
      const best = tokens.map((tok) => {
        let b = 0;
        for (let k = 0; k < p.terms.length && b < Q.exact; k++) b = Math.max(b, classify(tok, p.terms[k]!, p.sounds[k]));
        return b;
      });
      for (const j of joined) if (p.termSet.has(j.term)) for (let i = j.from; i <= j.to; i++) best[i] = Q.exact;
      const cov = best.filter((b) => b > 0).length;
      if (tokens.length && cov === 0) continue;
      coverage = Math.max(coverage, cov);
      all.push({
        coverage: cov,
        hit: { workerId: p.workerId, score: best.reduce((a, b) => a + b, 0), nominations: p.nominations, sortName: p.sortName },
      });
    }
    return { coverage, hits: all.filter((h) => h.coverage === coverage).map((h) => h.hit) };
  }
}
