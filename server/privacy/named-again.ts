// Other mentions of a place found once, written the same way: "she is 15 and at Trinity, and Trinity were
// brilliant", "in and out of the ulster ... drove us to the ulster herself". Each with the tier of the first mention.
import type { Candidate } from './spans.ts';
import type { Token } from './tokens.ts';

/** The index of the token at or before a character offset. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Every other mention of a found name of `kind`, up to four words, with the same words and the same capitals.
 * `joined(tokens, j)`: whether word j belongs to the word before it. Only names found with a capital unless
 * `smallLetters` (then a leading "the" is not part of the name: "the ulster").
 */
export function namedAgain(
  tokens: Token[],
  found: Candidate[],
  kind: Candidate['kind'],
  joined: (tokens: Token[], j: number) => boolean,
  smallLetters = false,
): Candidate[] {
  const byFirst = new Map<string, { keys: string[]; cap: boolean; tier?: Candidate['tier'] }[]>();
  const covered = new Uint8Array(tokens.length);
  for (const c of found) {
    if (c.kind !== kind) continue;
    let s = tokenAt(tokens, c.start);
    if (tokens[s]?.start !== c.start || !(tokens[s]!.cap || smallLetters)) continue;
    let e = s;
    while (e + 1 < tokens.length && tokens[e + 1]!.start < c.end) e++;
    covered.fill(1, s, e + 1);
    if (smallLetters && tokens[s]!.key === 'the' && s < e) s++;
    if (e - s > 3) continue;
    const keys = tokens.slice(s, e + 1).map((w) => w.key);
    const list = byFirst.get(keys[0]!) ?? [];
    list.push({ keys, cap: tokens[s]!.cap, tier: c.tier });
    byFirst.set(keys[0]!, list);
  }
  const out: Candidate[] = [];
  if (byFirst.size === 0) return out;
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    for (const { keys, cap, tier } of byFirst.get(tokens[i]!.key) ?? []) {
      const e = i + keys.length - 1;
      if (e >= tokens.length || covered[e] || tokens[i]!.cap !== cap) continue;
      let same = true;
      for (let k = 1; k < keys.length && same; k++)
        same = tokens[i + k]!.key === keys[k] && tokens[i + k]!.cap === tokens[i]!.cap && joined(tokens, i + k);
      if (!same) continue;
      out.push({ kind, start: tokens[i]!.start, end: tokens[e]!.baseEnd, ...(tier ? { tier } : {}) });
      i = e;
      break;
    }
  }
  return out;
}
