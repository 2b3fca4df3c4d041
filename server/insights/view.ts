// What /insights shows, built from the counts: every chart comes with the rows of the table
// that gives the same numbers. National aggregates only: nothing here can identify a family.
import type { Counts, AreaCount, GroupCount, Stats, WeekCount } from '../counts/index.ts';
import { barChart, type BarChart } from '../charts/bar.ts';
import { lineChart, type LineChart } from '../charts/line.ts';
import { sparkline, type Sparkline } from '../charts/sparkline.ts';
import { NATIONS } from '../areas/directory.ts';
import { AREA_TREND_WEEKS } from '../counts/index.ts';
import type { Lang, Translate } from '../i18n/index.ts';
import { placeNames } from '../i18n/places.ts';

/** The page's language and its catalogue: every label and chart description comes from there. */
export type Words = { t: Translate; lang: Lang };

/** weeks shown by the home and area page sparklines */
export const SPARKLINE_WEEKS = AREA_TREND_WEEKS;
/**
 * An area's weekly sparkline is shown only when the area had at least this many recommendations
 * in those weeks: with fewer, a week's bar would all but date one family's recommendation more
 * precisely than the month its quote shows.
 */
export const AREA_SPARKLINE_MIN = 5;

const londonDate = (locale: string, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Europe/London', ...opts });
const DATES = {
  en: {
    short: londonDate('en-GB', { day: 'numeric', month: 'short' }),
    long: londonDate('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    number: new Intl.NumberFormat('en-GB'),
  },
  cy: {
    short: londonDate('cy', { day: 'numeric', month: 'short' }),
    long: londonDate('cy', { day: 'numeric', month: 'long', year: 'numeric' }),
    number: new Intl.NumberFormat('cy'),
  },
};

/** "13 Oct" / "13 Hyd" for an axis. */
export const weekShort = (ms: number, lang: Lang = 'en') => DATES[lang].short.format(ms);
/** "13 October 2025" / "13 Hydref 2025". */
export const weekLong = (ms: number, lang: Lang = 'en') => DATES[lang].long.format(ms);

/** "42%" (whole percentages; "less than 1%" rather than a misleading 0%). */
export function percent(part: number, whole: number, lessThanOne = 'less than 1%'): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  if (part > 0 && p < 1) return lessThanOne;
  return `${Math.round(p)}%`;
}

export type Row = { label: string; value: number; share?: string };

export type WeeklyTrend = {
  chart: LineChart;
  rows: (Row & { current: boolean })[];
  total: number;
  peak: WeekCount | undefined;
};

export function weeklyTrend(weeks: WeekCount[], { t, lang }: Words, id = 'weekly-trend'): WeeklyTrend {
  const total = weeks.reduce((s, w) => s + w.nominations, 0);
  const peak = weeks.reduce<WeekCount | undefined>((best, w) => (w.nominations > (best?.nominations ?? 0) ? w : best), undefined);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const number = (n: number) => DATES[lang].number.format(n);
  const long = (ms: number) => weekLong(ms, lang);
  const desc = !first
    ? t('chart.noWeeks')
    : [
        t('trend.desc', { count: weeks.length, from: long(first.start), to: long(last!.start), total: number(total) }),
        peak ? t('trend.descPeak', { peak: number(peak.nominations), week: long(peak.start) }) : '',
        t('trend.descThisWeek', { now: number(last!.nominations) }),
      ]
        .filter(Boolean)
        .join(' ');
  return {
    chart: lineChart({
      id,
      title: t('trend.title', { count: weeks.length }),
      desc,
      format: number,
      points: weeks.map((w) => ({ label: weekShort(w.start, lang), value: w.nominations })),
    }),
    rows: weeks.map((w, i) => ({ label: long(w.start), value: w.nominations, current: i === weeks.length - 1 })),
    total,
    peak,
  };
}

/** A small national or per-area trend for the home and area pages; `where` is "across the UK" or "in Hastings". */
export function trendSparkline(
  weeks: WeekCount[],
  id: string,
  where: string,
  { t, lang }: Words,
): { chart: Sparkline; total: number; thisWeek: number } {
  const total = weeks.reduce((s, w) => s + w.nominations, 0);
  const values = weeks.map((w) => w.nominations);
  const first = weeks[0];
  const number = DATES[lang].number;
  const desc = first
    ? t('trend.sparkDesc', { where, from: weekLong(first.start, lang), values: values.map((v) => number.format(v)).join(', ') })
    : t('chart.noWeeks');
  return {
    chart: sparkline({ id, title: t('trend.sparkTitle', { where, count: weeks.length }), desc, values }),
    total,
    thisWeek: values[values.length - 1] ?? 0,
  };
}

export type InsightsView = {
  stats: Stats;
  trend: WeeklyTrend;
  qualities: { chart: BarChart; rows: Row[]; total: number };
  involvement: { chart: BarChart; rows: Row[]; total: number; movedOnOrClosed: number; share: string };
  leadingThisWeek: AreaCount[];
  leadingAllTime: AreaCount[];
  nations: { nation: GroupCount; regions: GroupCount[] }[];
  authorities: GroupCount[];
};

export function insightsView(counts: Counts, words: Words): InsightsView {
  const { t, lang } = words;
  const places = placeNames(lang);
  const ins = counts.insights();
  const total = ins.recommendations;
  const share = (part: number) => percent(part, total, t('insights.lessThanOne'));
  const number = (n: number) => DATES[lang].number.format(n);

  const qualityRows = ins.qualities.map((q) => ({
    label: t(`quality.${q.key}` as 'quality.listened'),
    value: q.count,
    share: share(q.count),
  }));
  const involvementRows: Row[] = [
    { label: t('insights.involvement.stillWorking'), value: ins.stillWorking },
    { label: t('insights.involvement.movedOn'), value: ins.movedOn },
    { label: t('insights.involvement.caseClosed'), value: ins.caseClosed },
    { label: t('insights.involvement.notSure'), value: ins.notSure },
  ].map((r) => ({ ...r, share: share(r.value) }));
  const movedOnOrClosed = ins.movedOn + ins.caseClosed;

  const regions = counts.rollUp('region');
  const nations = counts
    .rollUp('nation')
    .sort((a, b) => NATIONS.indexOf(a.name as never) - NATIONS.indexOf(b.name as never))
    .map((nation) => ({
      nation,
      // Scotland, Wales and Northern Ireland are one region each: no need to repeat them.
      regions: regions.filter((r) => r.nation === nation.name && r.name !== nation.name),
    }));
  const authorities = counts
    .rollUp('authority')
    .filter((g) => g.workers > 0)
    .sort((a, b) => b.workers - a.workers || b.nominations - a.nominations || a.name.localeCompare(b.name, 'en-GB'))
    .slice(0, 10)
    .map((g) => ({ ...g, name: places.authority(g.name) }));

  return {
    stats: counts.stats(10),
    trend: weeklyTrend(counts.trend(), words),
    qualities: {
      chart: barChart({
        id: 'qualities',
        title: t('insights.qualitiesChart'),
        format: number,
        desc: qualityRows.length ? undefined : t('chart.noData'),
        items: qualityRows.map((r) => ({ label: r.label, value: r.value })),
      }),
      rows: qualityRows,
      total,
    },
    involvement: {
      chart: barChart({
        id: 'still-involved',
        title: t('insights.involvementChart'),
        format: number,
        items: involvementRows.map((r) => ({ label: r.label, value: r.value })),
      }),
      rows: involvementRows,
      total,
      movedOnOrClosed,
      share: percent(movedOnOrClosed, total),
    },
    leadingThisWeek: counts.leadingThisWeek(10),
    leadingAllTime: counts.leadingAllTime(10),
    nations,
    authorities,
  };
}
