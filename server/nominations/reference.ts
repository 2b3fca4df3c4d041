// The reference a family keeps to withdraw a nomination: 13 characters from a 32-letter alphabet
// (65 bits from the operating system's random source), without 0/O/1/I so it reads aloud cleanly,
// shown in groups of four: "K7MD-PQ4X-ZR2N-H". Stored compact ("K7MDPQ4XZR2NH").
import { randomBytes } from 'node:crypto';

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 13;

/** A new compact reference. 32 letters = 5 bits each, so every character is uniformly random. */
export function newReference(): string {
  const bytes = randomBytes(REFERENCE_LENGTH);
  let out = '';
  for (const b of bytes) out += REFERENCE_ALPHABET[b & 31];
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
