import { describe, expect, it } from 'vitest';
import { jaroWinkler, nameSimilarity, nicknameMatch } from '../server/moderation/names.ts';
import { CONFIDENT_MATCH } from '../server/moderation/review.ts';
import { leftoverFlaggedText } from '../server/moderation/decisions.ts';

describe('matching names to profiles', () => {
  it('scores Jaro-Winkler as published (MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it.each([
    ['Jon Smith', 'John Smith'],
    ['Bob Jones', 'Robert Jones'],
    ['Liz Taylor', 'Elizabeth Taylor'],
    ['Siân Evans', 'Sian Evans'],
    ['JANE SMITH', 'Jane Smith'],
    ['Mrs Jane Smith', 'Jane Smith'],
    ['Sara Khan', 'Sarah Khan'],
  ])('%s is confidently %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(CONFIDENT_MATCH);
  });

  it.each([
    ['Jane Smyth', 'Jane Smith'],
    ['J. Smith', 'Jane Smith'],
    ['Amy Lee', 'Amy Lees'],
    ['Jane Smith-Jones', 'Jane Jones'],
    ['Sarah', 'Sarah Khan'],
  ])('%s is a candidate for %s, for the moderator to confirm', (a, b) => {
    const s = nameSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(0.75);
    if (a !== 'Jane Smith-Jones') expect(s).toBeLessThan(CONFIDENT_MATCH);
  });

  it.each([
    ['Jane Smith', 'Jane Brown'],
    ['Jane Smith', 'John Smith'],
    ['Sarah Jones', 'Sarah Johnson'],
    ['', 'Jane Smith'],
  ])('%s is not %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(0.75);
  });

  it('knows names that belong to two groups (Chris, Sam, Alex)', () => {
    expect(nicknameMatch('chris', 'christopher')).toBe(true);
    expect(nicknameMatch('chris', 'christine')).toBe(true);
    expect(nicknameMatch('christopher', 'christine')).toBe(false);
  });
});

describe('flagged text left in a quote', () => {
  const flag = (text: string) => ({ kind: 'name' as const, start: 0, end: text.length, text });
  it('matches whole words in any case, not parts of words', () => {
    expect(leftoverFlaggedText('We thank Al for everything', [flag('Al')])).toHaveLength(1);
    expect(leftoverFlaggedText('She was always there', [flag('Al')])).toHaveLength(0);
    expect(leftoverFlaggedText('my son TOBIAS loved her', [flag('Tobias')])).toHaveLength(1);
    expect(leftoverFlaggedText('call (01234) 567890', [flag('(01234) 567890')])).toHaveLength(1);
  });
});
