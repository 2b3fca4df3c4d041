// Named places a family says they were treated or work at: the hospital rules (hospitals.ts) and the
// workplace rules (workplaces.ts), walked together token by token (a hospital rule that takes a token
// leaves it to no workplace rule), then the rules that read a whole sentence.
import type { Candidate } from './spans.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import { namedAgain } from './named-again.ts';
import { hospitalAt, unknownHospitals } from './hospitals.ts';
import { employersInPlaces, workplaceAt } from './workplaces.ts';
import { namedBusinesses } from './businesses.ts';
import { wardsBefore } from './wards-before.ts';

/** `care`: for each token, whether its sentence is about illness or care (hospitalSentences). */
export function findVenues(tokens: Token[], kept: Uint8Array, care: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const taken = hospitalAt(tokens, i, kept, care, out);
    i = taken >= 0 ? taken : workplaceAt(tokens, i, kept, out);
  }
  out.push(...employersInPlaces(tokens, kept), ...namedBusinesses(tokens), ...unknownHospitals(tokens, kept));
  out.push(...wardsBefore(tokens, kept, out));
  // "in and out of the ulster ... drove us to the ulster herself": a hospital found once is found again
  out.push(...namedAgain(tokens, out, 'hospital', (t, j) => joinedBySpace(t[j]!.gap), true));
  return out;
}
