// Formatting helpers available to every template as `it.format`.
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Public pages never show a date finer than the month: "March 2026" (Europe/London). */
// Built once: constructing an Intl.DateTimeFormat costs ~0.3 ms, and a page formats many dates.
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', month: 'long', year: 'numeric' });
export function monthYear(ms: number): string {
  return MONTH_YEAR.format(ms);
}

/** For moderators: "3 Mar 2026, 14:05". */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
export function dateTime(ms: number): string {
  return DATE_TIME.format(ms);
}

const NUMBER = new Intl.NumberFormat('en-GB');

export function plural(n: number, one: string, many = one + 's'): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

export function number(n: number): string {
  return NUMBER.format(n);
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "three" for small numbers, as people write them. */
export function words(n: number): string {
  return NUMBER_WORDS[n] ?? number(n);
}

export const RELATIONSHIP_LABELS: Record<string, string> = {
  parent: 'a parent',
  carer: 'a carer',
  young_person: 'a young person',
  relative: 'a relative',
  professional: 'a professional',
  other: 'a family member',
};

/** Attribution for a published quote: "a parent, March 2026". */
export function attribution(relationship: string, publishedAt: number): string {
  return `${RELATIONSHIP_LABELS[relationship] ?? 'a family member'}, ${monthYear(publishedAt)}`;
}
