// The one rule for a social worker's name, used by the family's form, the change request and the
// moderator (approving as a new profile, correcting a profile). Names arrive already cleaned by
// cleanLine (server/text.ts): one line, no controls, at most MAX_MARKS marks on a letter.
import { charCount } from '../text.ts';

export const NAME_LIMITS = { min: 2, max: 100 } as const;

export const NAME_MESSAGES = {
  empty: "Enter the social worker's name",
  short: `The social worker's name must be ${NAME_LIMITS.min} characters or more`,
  long: `The social worker's name must be ${NAME_LIMITS.max} characters or fewer`,
  chars: "The social worker's name must only include letters, spaces, hyphens, apostrophes and full stops",
} as const;

// Letters of any script with their accents (combining marks), spaces (not newlines), hyphens
// (U+2010 too), apostrophes (’ too) and full stops; zero-width (non-)joiners are part of how some
// scripts spell names.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the zero-width joiners stand alone on purpose (names in scripts that use them)
const NAME_CHARS = /^[\p{L}\p{M}\u200C\u200D '’.\-‐]+$/u;
const HAS_LETTER = /\p{L}/u;
// No name needs more than three marks on one letter; the cleaner keeps up to four of a stack, so a
// letter that arrived with dozens ("zalgo") is refused here rather than published cut down.
const STACKED_MARKS = /\p{M}{4,}/u;

/** What is wrong with a (cleaned) name, in the form's words; null if it is a name. */
export function workerNameProblem(name: string): string | null {
  if (name === '') return NAME_MESSAGES.empty;
  const n = charCount(name);
  if (n < NAME_LIMITS.min) return NAME_MESSAGES.short;
  if (n > NAME_LIMITS.max) return NAME_MESSAGES.long;
  if (!NAME_CHARS.test(name) || !HAS_LETTER.test(name) || STACKED_MARKS.test(name)) return NAME_MESSAGES.chars;
  return null;
}

/** "Mary-Jane O'Neill" -> "Mary-Jane": the name a worker who chose "first name only" is shown by. */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/u)[0] ?? fullName;
}

/** The public name and the kept full name for a worker's display choice (the full name is kept only when it differs). */
export function shownName(fullName: string, display: 'full' | 'first_name' | 'private'): { name: string; fullName: string | null } {
  const name = display === 'first_name' ? firstName(fullName) : fullName;
  return { name, fullName: name === fullName ? null : fullName };
}
