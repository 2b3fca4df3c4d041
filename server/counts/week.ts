// "This week" = the last 7 calendar days in Europe/London, today included, by submission date.
// Counting calendar days (not 168 hours) keeps the window right across the clock changes.

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function londonParts(ms: number) {
  const p = Object.fromEntries(LONDON.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute! };
}

/** The UTC instant of 00:00 Europe/London on the given calendar date (month 1-12; day may overflow). */
export function londonMidnight(y: number, m: number, d: number): number {
  const guess = Date.UTC(y, m - 1, d);
  // London is UTC+0 or UTC+1; find the offset that maps back to local midnight.
  for (const offsetHours of [0, 1]) {
    const t = guess - offsetHours * 3600_000;
    const p = londonParts(t);
    const target = new Date(guess);
    if (p.h === 0 && p.min === 0 && p.d === target.getUTCDate() && p.m === target.getUTCMonth() + 1) return t;
  }
  return guess;
}

/** Start of "this week": 00:00 London time six calendar days before today. */
export function thisWeekStart(now: number): number {
  const { y, m, d } = londonParts(now);
  return londonMidnight(y, m, d - 6);
}

/** Start of the London calendar day containing `now`. */
export function dayStart(now: number): number {
  const { y, m, d } = londonParts(now);
  return londonMidnight(y, m, d);
}

/** Start of the week (Monday 00:00 Europe/London) containing `ms`. */
export function weekStart(ms: number): number {
  const { y, m, d } = londonParts(ms);
  const mondayOffset = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return londonMidnight(y, m, d - mondayOffset);
}

/**
 * The starts of the last `n` weeks, oldest first, the last being the current (unfinished) week.
 * A week is Monday to Sunday in London time, so one of them may be 167 or 169 hours long.
 */
export function recentWeekStarts(now: number, n: number): number[] {
  const { y, m, d } = londonParts(weekStart(now) + 12 * 3600_000);
  const out: number[] = [];
  for (let k = n - 1; k >= 0; k--) out.push(londonMidnight(y, m, d - 7 * k));
  return out;
}
