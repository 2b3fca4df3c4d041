// Geometry for a line chart, rendered by views/partials/line-chart.eta.
//
// Like the bar chart, the outer SVG is drawn in real pixels at 100% width so its text stays
// readable on a phone; horizontal positions are percentages. The line itself is a polyline in
// an inner SVG stretched over the plot (viewBox 0..1000, preserveAspectRatio none) with a
// non-scaling stroke, so it fits any width without distorting the text or the markers.
import { number } from '../format.ts';
import { niceTicks, pct } from './scale.ts';

export type LinePoint = { label: string; value: number };

export type LineChart = {
  id: string;
  title: string;
  desc: string;
  height: number;
  plot: { top: number; height: number };
  /** "x,y x,y …" in the inner viewBox (0..1000 wide, plot.height high) */
  points: string;
  markers: { cx: string; cy: number; value: number }[];
  gridlines: { y: number; label: string }[];
  xLabels: { x: string; anchor: 'start' | 'middle' | 'end'; text: string }[];
};

const HEIGHT = 220;
const TOP = 22;
const BOTTOM = 30;
// percent kept clear at each side: on the left for the value labels, on the right for the last marker
const LEFT = 6;
const RIGHT = 2;
export const LINE_VIEWBOX_WIDTH = 1000;

/**
 * `xLabelAt` chooses which points get an axis label (default: first, middle, last), since a
 * label for every week cannot fit on a phone. The table beside the chart has them all.
 */
export function lineChart(opts: {
  id: string;
  title: string;
  desc: string;
  points: LinePoint[];
  xLabelAt?: number[];
  format?: (n: number) => string;
}): LineChart {
  const fmt = opts.format ?? number;
  const n = opts.points.length;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const ticks = niceTicks(Math.max(0, ...opts.points.map((p) => p.value)));
  const top = ticks[ticks.length - 1]!;
  const xPct = (i: number) => (n <= 1 ? 50 : LEFT + (i / (n - 1)) * (100 - LEFT - RIGHT));
  const yIn = (v: number) => plotHeight - (Math.max(0, v) / top) * plotHeight;

  const points = opts.points
    .map((p, i) => `${Number(((xPct(i) / 100) * LINE_VIEWBOX_WIDTH).toFixed(1))},${Number(yIn(p.value).toFixed(1))}`)
    .join(' ');
  const markers = opts.points.map((p, i) => ({ cx: pct(xPct(i)), cy: Number((TOP + yIn(p.value)).toFixed(1)), value: p.value }));
  const gridlines = ticks.map((t) => ({ y: Number((TOP + yIn(t)).toFixed(1)), label: fmt(t) }));
  const at = opts.xLabelAt ?? (n > 2 ? [0, Math.floor((n - 1) / 2), n - 1] : opts.points.map((_, i) => i));
  const xLabels = at
    .filter((i) => i >= 0 && i < n)
    .map((i) => ({
      x: pct(xPct(i)),
      anchor: (i === 0 && n > 1 ? 'start' : i === n - 1 && n > 1 ? 'end' : 'middle') as 'start' | 'middle' | 'end',
      text: opts.points[i]!.label,
    }));
  return {
    id: opts.id,
    title: opts.title,
    desc: opts.desc,
    height: HEIGHT,
    plot: { top: TOP, height: plotHeight },
    points,
    markers,
    gridlines,
    xLabels,
  };
}
