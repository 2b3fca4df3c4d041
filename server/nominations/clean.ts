// Reading submitted form values. Tidying typed text is the one cleaner in server/text.ts.
export { charCount, cleanLine, cleanMultiline } from '../text.ts';

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
