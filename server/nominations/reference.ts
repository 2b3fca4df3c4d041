// The reference a family keeps to withdraw a nomination: 13 characters from a 32-letter alphabet
// (65 bits from the operating system's random source), without 0/O/1/I so it reads aloud cleanly,
// shown in groups of four: "K7MD-PQ4X-ZR2N-H". Stored compact ("K7MDPQ4XZR2NH").
import { randomFillSync } from 'node:crypto';

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 13;

// Random bytes fetched from the OS a few kilobytes at a time: one call per reference cost ~10 µs
// here (a system call each), more than the rest of making one.
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

/** A new compact reference. 32 letters = 5 bits each, so every character is uniformly random. */
export function newReference(): string {
  if (poolUsed + REFERENCE_LENGTH > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  let out = '';
  for (let i = poolUsed; i < poolUsed + REFERENCE_LENGTH; i++) out += REFERENCE_ALPHABET[pool[i]! & 31];
  pool.fill(0, poolUsed, poolUsed + REFERENCE_LENGTH); // each byte used once, then forgotten
  poolUsed += REFERENCE_LENGTH;
  return out;
}

/** What someone typed or pasted, in the stored form: upper case, spaces and dashes dropped. */
export function compactReference(input: string): string {
  return input.toUpperCase().replace(/[\s\-‐–—.]/g, '');
}

/** "K7MDPQ4XZR2NH" -> "K7MD-PQ4X-ZR2N-H", for reading and writing down. */
export function formatReference(compact: string): string {
  return compact.match(/.{1,4}/g)?.join('-') ?? compact;
}
