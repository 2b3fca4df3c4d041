// Schools named after people ("he was at Marion Richardson", "got him into John Frost"): the name rules read
// them as a person, but nobody is "at" or "into" a person. A full name (a first name first) right after such a lead, in a sentence
// not about care or work, is a school (with the name rules' tier).
import { tokenAt } from './named-again.ts';
import type { Candidate } from './spans.ts';
import { joinedBySpace, type Token } from './tokens.ts';
import { knownName } from './words.ts';

/** Leads after which a person is not meant: "at", "into", "attends". */
const INSTITUTION_LEADS = new Set(['at', 'into', 'attends', 'attended', 'attending']);
/** Verbs before "to" or "from" that move a child between schools: "moved him to", "went to", "expelled from". */
const MOVES = new Set(
  'go goes went going gone moved move moving transferred started starting start excluded expelled kicked taken took'.split(' '),
);
/** Inside a person's name: "Emrys ap Iwan". */
const JOINERS = new Set(['ap', 'ab', 'de', 'van', 'von', 'le', 'la']);
/** After the name, a word that says it is a person's home or a person: "at Jade Cooper's house". */
const PERSON_AFTER = new Set(['house', 'flat', 'home', 'place', 'mum', 'mam', 'dad', 'nan', 'gran']);

/** Before "at": someone at work ("my husband works at John Lewis"). */
const AT_WORK = new Set('work works worked working job shift shifts'.split(' '));

function ledToInstitution(tokens: Token[], i: number): boolean {
  const lead = tokens[i - 1]?.key ?? '';
  if (INSTITUTION_LEADS.has(lead)) return !AT_WORK.has(tokens[i - 2]?.key ?? '');
  if (lead !== 'to' && lead !== 'from') return false;
  const before = tokens[i - 2]?.key ?? '';
  const twoBefore = tokens[i - 3]?.key ?? '';
  return MOVES.has(before) || (['him', 'her', 'them'].includes(before) && MOVES.has(twoBefore));
}

/** The names in `names` that are schools named after a person; returns [schools, the names left]. */
export function schoolsNamedForPeople(
  tokens: Token[],
  names: Candidate[],
  found: Candidate[],
  care: Uint8Array,
): [Candidate[], Candidate[]] {
  const sorted = [...names].sort((a, b) => a.start - b.start);
  const schools: Candidate[] = [];
  const left: Candidate[] = [];
  for (let n = 0; n < sorted.length; n++) {
    const c = sorted[n]!;
    const i = tokenAt(tokens, c.start);
    const t = tokens[i]!;
    // a school found there already (possibly) is this one, read further: "at Owain ap Gwilym"
    const claimed = found.some((f) => f.start < c.end && c.start < f.end && f.kind !== 'school');
    if (claimed || c.kind !== 'name' || t.start !== c.start || !t.cap || t.sentenceStart || care[i] === 1 || !ledToInstitution(tokens, i)) {
      left.push(c);
      continue;
    }
    let end = c.end;
    let m = n;
    // "Emrys ap Iwan": two names joined by a particle are one
    for (;;) {
      const j = tokenAt(tokens, end - 1);
      const joiner = tokens[j + 1];
      const next = sorted[m + 1];
      if (!joiner || !next || !JOINERS.has(joiner.key) || tokenAt(tokens, next.start) !== j + 2 || !joinedBySpace(joiner.gap)) break;
      end = next.end;
      m++;
    }
    const last = tokens[tokenAt(tokens, end - 1)]!;
    const after = tokens[tokenAt(tokens, end - 1) + 1];
    const words = tokenAt(tokens, end - 1) - i + 1;
    if (words < 2 || !knownName(t.key) || last.possessive || (after && PERSON_AFTER.has(after.key))) {
      left.push(c);
      continue;
    }
    schools.push({ kind: 'school', start: c.start, end, tier: c.tier });
    n = m;
  }
  return [schools, left];
}
