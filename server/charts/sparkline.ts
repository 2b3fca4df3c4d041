// Geometry for a small trend line with no text of its own (views/partials/sparkline.eta).
// Fixed pixel size; its title and description say what it shows, and the page says the numbers.

export type Sparkline = {
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  points: string;
  /** the last point, marked so the eye finds "now" */
  last: { x: number; y: number };
};

export function sparkline(opts: { id: string; title: string; desc: string; values: number[]; width?: number; height?: number }): Sparkline {
  const width = opts.width ?? 120;
  const height = opts.height ?? 32;
  const pad = 3;
  const values = opts.values.length ? opts.values : [0];
  const max = Math.max(1, ...values);
  const n = values.length;
  const coords = values.map((v, i) => ({
    x: Number((n === 1 ? width / 2 : pad + (i / (n - 1)) * (width - 2 * pad)).toFixed(1)),
    y: Number((height - pad - (Math.max(0, v) / max) * (height - 2 * pad)).toFixed(1)),
  }));
  return {
    id: opts.id,
    title: opts.title,
    desc: opts.desc,
    width,
    height,
    points: coords.map((c) => `${c.x},${c.y}`).join(' '),
    last: coords[coords.length - 1]!,
  };
}
