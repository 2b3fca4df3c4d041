// Version 16: schools and workplaces named bare, read from general shapes (who is "at" or "into" what),
// not from one writer's wording.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a school named after a person', () => {
  it('is a school after "at" or "into", not a name', () => {
    expect(flagged('Before that Kasim was at Edith Carrow and they were patient with him.', 'school')).toEqual(['Edith Carrow']);
    expect(flagged('Now Leah is at Owain ap Gwilym and loves it.', 'school')).toEqual(['Owain ap Gwilym']);
  });
  it('is a school after a move "to"', () => {
    expect(flagged('Then they moved him to Wilfred Bannock and he settled.', 'school')).toEqual(['Wilfred Bannock']);
  });
  it('leaves people alone: spoken to, at their house, or at work', () => {
    expect(flagged('I spoke to Edith Carrow about it.', 'school')).toEqual([]);
    expect(flagged('The kids stayed at Edith Carrow’s house that night.', 'school')).toEqual([]);
    expect(flagged('My fella works at Wilfred Bannock now.', 'school')).toEqual([]);
  });
});
