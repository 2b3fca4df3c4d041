// Version 16's address and hospital rules: general shapes of how families name where they live and where they were cared for.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a hospital named bare after "the", in a sentence about care', () => {
  it('"at the Lighthouse when I was poorly", "to the Willows after her overdose" (possible)', () => {
    expect(flagged('Kim came every day to see me at the Lighthouse when I was poorly.', 'hospital')).toEqual(['Lighthouse (check)']);
    expect(flagged('They took my sister to the Willows after her overdose.', 'hospital')).toEqual(['Willows (check)']);
  });

  it('not a kind of hospital, nor a sentence about school, nor one about nothing', () => {
    expect(flagged('He was poorly so we took him to the General.', 'hospital').some((f) => f.includes('check'))).toBe(false);
    expect(flagged('She was poorly at the Willows and missed her maths class at school.', 'hospital')).toEqual([]);
    expect(flagged('We had a lovely walk down to the Willows on Sunday.', 'hospital')).toEqual([]);
  });
});
