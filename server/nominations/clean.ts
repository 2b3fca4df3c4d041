// How typed text is tidied before it is checked and stored. Characters are counted as code points
// (what people see as characters, near enough), after tidying, so an emoji counts as one.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 control characters except tab and newline; they are invisible and can upset other tools.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
}

/** A one-line answer: whitespace runs (newlines included) become one space; trimmed. */
export function cleanLine(s: string): string {
  return wellFormed(s).replace(/\s+/g, ' ').replace(CONTROL, '').trim();
}

/** A multi-line answer: line endings normalised to \n, control characters removed, trimmed. */
export function cleanMultiline(s: string): string {
  return wellFormed(s).replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The first string of a submitted value (a repeated field arrives as an array); '' otherwise. */
export function firstString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : '';
  return '';
}

/** Every string of a repeated field. */
export function allStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}
