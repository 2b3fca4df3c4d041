// Public dates are months in London time; they are remembered per hour, so the edges of a month matter.
import { describe, expect, it } from 'vitest';
import { monthStamp, monthYear, yearMonth } from '../server/format.ts';

describe('months in London time', () => {
  it('turn at London midnight, in summer time and in winter', () => {
    // 1 April 2026 00:30 in London is 31 March 23:30 UTC (BST)
    expect(monthYear(Date.UTC(2026, 2, 31, 22, 59))).toBe('March 2026');
    expect(monthYear(Date.UTC(2026, 2, 31, 23, 0))).toBe('April 2026');
    expect(yearMonth(Date.UTC(2026, 2, 31, 23, 30))).toBe('2026-04');
    // GMT: the month turns at 00:00 UTC
    expect(yearMonth(Date.UTC(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(yearMonth(Date.UTC(2026, 1, 1, 0, 0))).toBe('2026-02');
    expect(monthStamp(Date.UTC(2026, 1, 1, 0, 0))).toBe('2026-02-01T00:00:00Z');
  });

  it('say the same month in each language however often they are asked', () => {
    const at = Date.UTC(2025, 10, 3, 9, 15);
    for (let i = 0; i < 3; i++) {
      expect(monthYear(at, 'en')).toBe('November 2025');
      expect(monthYear(at, 'cy')).toBe('Tachwedd 2025');
    }
  });
});
