// "This week" = the last 7 calendar days in Europe/London, today included, by submission date.
// Counting calendar days (not 168 hours) keeps the window right across the clock changes.

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
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
