// Formatting helpers available to every template as `it.format`.
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// Public dates show the month only, in London time: for people "March 2026" (monthYear), for
// machines "2026-03" (yearMonth, the JSON's `published`) and the first of that month at 00:00 UTC
// (monthStamp, the feed's RFC 3339 `updated`). Nothing public is dated more finely than these.
// Built once: constructing an Intl.DateTimeFormat costs ~0.3 ms, and a page formats many dates.
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', month: 'long', year: 'numeric' });
const YEAR_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/** "March 2026". */
export function monthYear(ms: number): string {
  return MONTH_YEAR.format(ms);
}

/** "2026-03". */
export function yearMonth(ms: number): string {
  let y = '';
  let m = '';
  for (const p of YEAR_MONTH.formatToParts(ms)) {
    if (p.type === 'year') y = p.value;
    else if (p.type === 'month') m = p.value;
  }
  return `${y}-${m}`;
}

/** "2026-03-01T00:00:00Z": the month as an RFC 3339 date-time. */
export function monthStamp(ms: number): string {
  return `${yearMonth(ms)}-01T00:00:00Z`;
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
