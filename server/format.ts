// Formatting helpers available to every template as `it.format` (bound to the page's language by
// formatFor; moderation pages, which stay English, use the plain exports).
import { en } from './i18n/en.ts';
import type { Lang, Translate } from './i18n/index.ts';
import { placeNames, type PlaceNames } from './i18n/places.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', cy: 'cy' };

// Public dates show the month only, in London time: for people "March 2026" / "Mawrth 2026"
// (monthYear), for machines "2026-03" (yearMonth, the JSON's `published`) and the first of that
// month at 00:00 UTC (monthStamp, the feed's RFC 3339 `updated`). Nothing public is dated more finely.
// Built once: constructing an Intl.DateTimeFormat costs ~0.3 ms, and a page formats many dates.
const MONTH_YEAR: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: 'Europe/London', month: 'long', year: 'numeric' }),
  cy: new Intl.DateTimeFormat(LOCALE.cy, { timeZone: 'Europe/London', month: 'long', year: 'numeric' }),
};
const YEAR_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/**
 * `format` remembered per hour: Intl formatting was ~2% of an uncached profile's CPU, and every
 * instant of one hour has the same London month (London's offsets are whole hours).
 */
function byHour(format: (ms: number) => string): (ms: number) => string {
  const memo = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let text = memo.get(hour);
    if (text === undefined) {
      if (memo.size >= 20_000) memo.clear();
      memo.set(hour, (text = format(ms)));
    }
    return text;
  };
}
const MONTH_YEAR_BY_HOUR: Record<Lang, (ms: number) => string> = {
  en: byHour((ms) => MONTH_YEAR.en.format(ms)),
  cy: byHour((ms) => MONTH_YEAR.cy.format(ms)),
};

/** "March 2026", "Mawrth 2026". */
export function monthYear(ms: number, lang: Lang = 'en'): string {
  return MONTH_YEAR_BY_HOUR[lang](ms);
}

/** "2026-03" (yearMonth's form) -> "March 2026" / "Mawrth 2026". */
export function yearMonthName(ym: string, lang: Lang = 'en'): string {
  const [y, m] = ym.split('-').map(Number);
  // mid-month at noon: the same month in London whatever the offset
  return monthYear(Date.UTC(y!, m! - 1, 15, 12), lang);
}

/** "2026-03". */
export const yearMonth = byHour((ms) => {
  let y = '';
  let m = '';
  for (const p of YEAR_MONTH.formatToParts(ms)) {
    if (p.type === 'year') y = p.value;
    else if (p.type === 'month') m = p.value;
  }
  return `${y}-${m}`;
});

/** "2026-03-01T00:00:00Z": the month as an RFC 3339 date-time. */
export function monthStamp(ms: number): string {
  return `${yearMonth(ms)}-01T00:00:00Z`;
}

const NUMBERS: Record<Lang, Intl.NumberFormat> = { en: new Intl.NumberFormat(LOCALE.en), cy: new Intl.NumberFormat(LOCALE.cy) };

/** "3 Mar 2026, 14:05" / "3 Maw 2026, 14:05": for moderators, and when a thanks document was issued. */
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};
const DATE_TIMES: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(LOCALE.en, DATE_TIME_OPTIONS),
  cy: new Intl.DateTimeFormat(LOCALE.cy, DATE_TIME_OPTIONS),
};
export function dateTime(ms: number, lang: Lang = 'en'): string {
  return DATE_TIMES[lang].format(ms);
}

const NUMBER = NUMBERS.en;

export function plural(n: number, one: string, many = `${one}s`): string {
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

/** "a parent": the catalogue's English words for who wrote a quote */
export const RELATIONSHIP_LABELS: Readonly<Record<string, string>> = en.relationship;

/** Attribution for a published quote: "a parent, March 2026". */
export function attribution(relationship: string, publishedAt: number): string {
  return `${RELATIONSHIP_LABELS[relationship] ?? 'a family member'}, ${monthYear(publishedAt)}`;
}

export type PageFormat = PlaceNames & {
  lang: Lang;
  monthYear(ms: number): string;
  number(n: number): string;
  /** "a parent, March 2026" / "rhiant, Mawrth 2026" */
  attribution(relationship: string, publishedAt: number): string;
  /** "3 Mar 2026, 14:05" / "3 Maw 2026, 14:05" */
  dateTime(ms: number): string;
  /** "2026-03" -> "March 2026" / "Mawrth 2026" */
  yearMonthName(ym: string): string;
  /** English-only pages not yet in the catalogue; converted pages use t() with a count */
  plural: typeof plural;
  words: typeof words;
};

/** The formatters for pages in `lang`, built once per language. */
export function formatFor(lang: Lang, t: Translate): PageFormat {
  const numbers = NUMBERS[lang];
  const months = MONTH_YEAR[lang];
  return {
    lang,
    ...placeNames(lang),
    monthYear: (ms) => months.format(ms),
    number: (n) => numbers.format(n),
    attribution: (relationship, publishedAt) =>
      t('quote.attribution', {
        who: t(`relationship.${relationship in RELATIONSHIP_LABELS ? relationship : 'other'}` as 'relationship.other'),
        when: months.format(publishedAt),
      }),
    dateTime: (ms) => DATE_TIMES[lang].format(ms),
    yearMonthName: (ym) => yearMonthName(ym, lang),
    plural,
    words,
  };
}
