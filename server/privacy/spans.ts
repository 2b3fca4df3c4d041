// Candidate spans from every detector, reduced to sorted, non-overlapping flags.
import type { FlagKind } from './index.ts';

export type Candidate = { kind: FlagKind; start: number; end: number; child?: boolean };

// When two detectors claim the same characters, the more specific one wins; then the longer span.
const PRIORITY: Record<FlagKind, number> = {
  email: 10,
  url: 9,
  phone: 8,
  postcode: 7,
  case_ref: 6,
  date: 5,
  school: 4,
  address: 4,
  age: 3,
  name: 1,
};

export function resolveOverlaps(candidates: Candidate[], length: number): Candidate[] {
  const ranked = candidates
    .filter((c) => c.start >= 0 && c.end <= length && c.end > c.start)
    .sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(length);
  const kept: Candidate[] = [];
  outer: for (const c of ranked) {
    for (let i = c.start; i < c.end; i++) if (taken[i]) continue outer;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
