// Round numbers for a chart's value axis.

/** Evenly spaced whole-number ticks from 0 to a round top at or above `max` (at most 5 steps). */
export function niceTicks(max: number, maxSteps = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const magnitude = 10 ** Math.floor(Math.log10(max));
  let step = magnitude;
  for (const m of [0.1, 0.2, 0.5, 1, 2, 5, 10]) {
    const s = Math.max(1, m * magnitude);
    if (Math.ceil(max / s) <= maxSteps) {
      step = s;
      break;
    }
  }
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** A percentage for an SVG attribute: "12.34%". */
export function pct(n: number): string {
  return `${Number(n.toFixed(2))}%`;
}
