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

describe('a ward named bare before its hospital', () => {
  it('"on Bluebell at Stepping Hill" (sure), "in Bramble at the Royal" (possible)', () => {
    expect(flagged('My boy spent a fortnight on Bluebell at Stepping Hill.', 'hospital')).toEqual(['Bluebell', 'Stepping Hill']);
    expect(flagged('Mum stayed in Bramble at the Royal.', 'hospital')).toEqual(['Bramble (check)', 'the Royal']);
  });

  it("not a day, a town or someone's room", () => {
    expect(flagged('He was on Friday at the Royal for his scan.', 'hospital')).toEqual(['the Royal']);
    expect(flagged("Mum was in Tina's room at the Royal.", 'hospital')).toEqual(['the Royal']);
  });
});
