// What /insights shows, built from the counts: every chart comes with the rows of the table
// that gives the same numbers. National aggregates only: nothing here can identify a family.
import type { Counts, AreaCount, GroupCount, Stats, WeekCount } from '../counts/index.ts';
import { barChart, type BarChart } from '../charts/bar.ts';
import { lineChart, type LineChart } from '../charts/line.ts';
import { sparkline, type Sparkline } from '../charts/sparkline.ts';
import { NATIONS } from '../areas/directory.ts';
import { number } from '../format.ts';
import { AREA_TREND_WEEKS } from '../counts/index.ts';

/** weeks shown by the home and area page sparklines */
export const SPARKLINE_WEEKS = AREA_TREND_WEEKS;
/**
 * An area's weekly sparkline is shown only when the area had at least this many recommendations
 * in those weeks: with fewer, a week's bar would all but date one family's recommendation more
 * precisely than the month its quote shows.
 */
export const AREA_SPARKLINE_MIN = 5;

const londonDate = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', ...opts });
const SHORT = londonDate({ day: 'numeric', month: 'short' });
const LONG = londonDate({ day: 'numeric', month: 'long', year: 'numeric' });

/** "13 Oct" for an axis. */
export const weekShort = (ms: number) => SHORT.format(ms);
/** "13 October 2025". */
export const weekLong = (ms: number) => LONG.format(ms);

/** "42%" (whole percentages; "less than 1%" rather than a misleading 0%). */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  if (part > 0 && p < 1) return 'less than 1%';
  return `${Math.round(p)}%`;
}

export type Row = { label: string; value: number; share?: string };

export type WeeklyTrend = {
  chart: LineChart;
  rows: (Row & { current: boolean })[];
  total: number;
  peak: WeekCount | undefined;
};

export function weeklyTrend(weeks: WeekCount[], id = 'weekly-trend'): WeeklyTrend {
  const total = weeks.reduce((s, w) => s + w.nominations, 0);
  const peak = weeks.reduce<WeekCount | undefined>((best, w) => (w.nominations > (best?.nominations ?? 0) ? w : best), undefined);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const desc = !first
    ? 'No weeks to show.'
    : `Recommendations per week for the ${weeks.length} weeks from the week beginning ${weekLong(first.start)} ` +
      `to this week (beginning ${weekLong(last!.start)}, not over yet): ${number(total)} in all. ` +
      (peak ? `The most in one week was ${number(peak.nominations)}, in the week beginning ${weekLong(peak.start)}. ` : '') +
      `This week so far: ${number(last!.nominations)}.`;
  return {
    chart: lineChart({
      id,
      title: `Recommendations per week, last ${weeks.length} weeks`,
      desc,
      points: weeks.map((w) => ({ label: weekShort(w.start), value: w.nominations })),
    }),
    rows: weeks.map((w, i) => ({ label: weekLong(w.start), value: w.nominations, current: i === weeks.length - 1 })),
    total,
    peak,
  };
}

/** A small national or per-area trend for the home and area pages. */
export function trendSparkline(weeks: WeekCount[], id: string, where: string): { chart: Sparkline; total: number; thisWeek: number } {
  const total = weeks.reduce((s, w) => s + w.nominations, 0);
  const values = weeks.map((w) => w.nominations);
  const first = weeks[0];
  const desc = first
    ? `Recommendations ${where} per week since the week beginning ${weekLong(first.start)}: ${values.map(number).join(', ')}. The last is this week so far.`
    : 'No weeks to show.';
  return {
    chart: sparkline({ id, title: `Recommendations ${where} per week, last ${weeks.length} weeks`, desc, values }),
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

export function insightsView(counts: Counts): InsightsView {
  const ins = counts.insights();
  const total = ins.recommendations;

  const qualityRows = ins.qualities.map((q) => ({ label: q.label, value: q.count, share: percent(q.count, total) }));
  const involvementRows: Row[] = [
    { label: 'Still working with the family', value: ins.stillWorking },
    { label: 'Had moved on to other work', value: ins.movedOn },
    { label: "The family's case had closed", value: ins.caseClosed },
    { label: 'The family was not sure', value: ins.notSure },
  ].map((r) => ({ ...r, share: percent(r.value, total) }));
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
    .slice(0, 10);

  return {
    stats: counts.stats(10),
    trend: weeklyTrend(counts.trend()),
    qualities: {
      chart: barChart({
        id: 'qualities',
        title: 'What families said their social worker did, most often first',
        items: qualityRows.map((r) => ({ label: r.label, value: r.value })),
      }),
      rows: qualityRows,
      total,
    },
    involvement: {
      chart: barChart({
        id: 'still-involved',
        title: 'Was the social worker still working with the family when they were recommended?',
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
