// Version 15: schools and hospitals named bare, that no list knows and no lead announces, read from the
// sentence's topic (a check, sure where the names rule reads the same word as a name).
import { describe, expect, it } from 'vitest';
import { allFlagged, flagged } from './helpers/flags.ts';

describe('a name after a place word in a sentence about school', () => {
  it('is a school, not a name', () => {
    expect(allFlagged('The teachers were lovely once Tayla got to Brackenmoor after the summer.')).toContain('school:Brackenmoor');
  });
  it('reads a school found in the sentence as its topic', () => {
    expect(flagged('Kit left Oakholt Primary and went on to Vennick for the rest of it.', 'school')).toEqual([
      'Oakholt Primary',
      'Vennick',
    ]);
  });
  it('needs the topic: the same name in a sentence about nothing is left alone', () => {
    expect(flagged('We drove out to Vennick for the day.', 'school')).toEqual([]);
  });
});

describe('a name after a place word in a sentence about care', () => {
  it('is a possible hospital', () => {
    expect(flagged('My dad was in Glenmorrow for weeks after his stroke.', 'hospital')).toEqual(['Glenmorrow (check)']);
  });
  it('is left to the other rules where the sentence is about school and care', () => {
    expect(allFlagged('His teacher sent cards to Glenmorrow after the operation.')).toEqual(['name:Glenmorrow']);
  });
});

describe('a town after "in"', () => {
  it('is not a hospital where someone lives or stays with a person', () => {
    expect(flagged('While she was poorly we stayed with my cousin Sarah in Dunvale.', 'hospital')).toEqual([]);
    expect(flagged('We lived in Dunvale when the baby was ill.', 'hospital')).toEqual([]);
  });
  it('is not a school when it is the town of a school just named', () => {
    expect(flagged('She started at Little Acorns Nursery in Brindlow last week.', 'school')).toEqual(['Little Acorns Nursery']);
  });
});
