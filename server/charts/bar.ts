// Geometry for a horizontal bar chart, rendered by views/partials/bar-chart.eta.
//
// The SVG has no viewBox: it is drawn in real pixels, 100% wide, with bar lengths as
// percentages, so text stays the same readable size from a 320 px phone to a desktop.
// Each row is a label (wrapped onto extra lines when long) above its bar; the value sits
// just after the end of the bar. Bars use at most BAR_MAX_PCT of the width so the value fits.
import { number } from '../format.ts';
import { pct } from './scale.ts';

export type BarItem = { label: string; value: number };

export type BarRow = {
  /** the label, split into lines that fit a phone screen */
  lines: { text: string; y: number }[];
  value: number;
  valueText: string;
  barY: number;
  barHeight: number;
  /** bar length as a percentage of the chart width ("0" for a zero value) */
  barWidth: string;
  /** where the value text starts, as a percentage of the chart width */
  valueX: string;
  valueY: number;
};

export type BarChart = {
  id: string;
  title: string;
  desc: string;
  /** total height in px */
  height: number;
  rows: BarRow[];
};

const LINE_HEIGHT = 18;
const BAR_HEIGHT = 16;
const ROW_GAP = 14;
const BAR_MAX_PCT = 82;
/** about what fits on one line at 14px in 288 px of content width */
export const WRAP_CHARS = 36;

/** Split a label into lines of at most `max` characters, at spaces where possible. */
export function wrapLabel(label: string, max = WRAP_CHARS): string[] {
  const words = label.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > max) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, max));
      word = word.slice(max);
    }
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Lay out a bar chart. `id` must be unique on the page (it names the title and description
 * elements for aria-labelledby). `desc` defaults to every label with its value, in order.
 */
export function barChart(opts: {
  id: string;
  title: string;
  items: BarItem[];
  desc?: string;
  format?: (n: number) => string;
  wrap?: number;
}): BarChart {
  const fmt = opts.format ?? number;
  const max = Math.max(1, ...opts.items.map((i) => i.value));
  let y = 0;
  const rows: BarRow[] = opts.items.map((item) => {
    const lines = wrapLabel(item.label, opts.wrap).map((text) => {
      y += LINE_HEIGHT;
      return { text, y: y - 4 };
    });
    const barY = y + 2;
    const width = (Math.max(0, item.value) / max) * BAR_MAX_PCT;
    y = barY + BAR_HEIGHT + ROW_GAP;
    return {
      lines,
      value: item.value,
      valueText: fmt(item.value),
      barY,
      barHeight: BAR_HEIGHT,
      barWidth: pct(width),
      valueX: pct(width),
      valueY: barY + BAR_HEIGHT - 3,
    };
  });
  const desc = opts.desc ?? (opts.items.length ? `${opts.items.map((i) => `${i.label}: ${fmt(i.value)}`).join('; ')}.` : 'No data yet.');
  return { id: opts.id, title: opts.title, desc, height: Math.max(y, LINE_HEIGHT + BAR_HEIGHT), rows };
}
