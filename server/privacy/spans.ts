// Candidate spans from every detector, reduced to sorted, non-overlapping flags.
import type { FlagKind, FlagTier } from './index.ts';

/** No tier means `redact`. */
export type Candidate = { kind: FlagKind; start: number; end: number; child?: boolean; tier?: FlagTier };

// When two detectors claim the same characters, a sure one beats a possible one, then the more
// specific kind wins; then the longer span.
const PRIORITY: Record<FlagKind, number> = {
  email: 10,
  social_handle: 9,
  url: 9,
  nhs_number: 8.5,
  phone: 8,
  vehicle_reg: 7,
  postcode: 7,
  case_ref: 6,
  date: 5,
  school: 4,
  address: 4,
  hospital: 4,
  workplace: 4,
  age: 3,
  name: 1,
};

export function resolveOverlaps(candidates: Candidate[], length: number): Candidate[] {
  const valid = candidates.filter((c) => c.start >= 0 && c.end <= length && c.end > c.start);
  // two detectors agreeing make a possible detail sure: "a place at Robsack Wood" (check school) is also an unknown name
  const sure = new Uint8Array(length);
  for (const c of valid) if (c.tier !== 'check' && c.kind === 'name') sure.fill(1, c.start, c.end);
  for (const c of valid) if (c.tier === 'check' && sure.subarray(c.start, c.end).includes(1)) delete c.tier;
  const ranked = valid.sort(
    (a, b) =>
      Number(a.tier === 'check') - Number(b.tier === 'check') ||
      PRIORITY[b.kind] - PRIORITY[a.kind] ||
      b.end - b.start - (a.end - a.start) ||
      // "Great Ormond Street" is the hospital, not a street
      Number(b.kind === 'hospital') - Number(a.kind === 'hospital') ||
      // "started reception at Kensington Avenue": a school a sure rule read from its context, not the street it is named for
      Number(b.kind === 'school') - Number(a.kind === 'school') ||
      a.start - b.start,
  );
  const taken = new Uint8Array(length);
  const kept: Candidate[] = [];
  outer: for (const c of ranked) {
    for (let i = c.start; i < c.end; i++) if (taken[i]) continue outer;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
