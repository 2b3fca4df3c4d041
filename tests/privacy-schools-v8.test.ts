// Version 8's school rules: names ending in Boys or Girls after a lead, leads families use ("put out of", "a managed
// move from", "sent home from", "studying at", "in 2nd year at"), Welsh "Bro ..." schools, a listed school in a
// sentence with a child's age, universities known by more than their town; each with an ordinary sentence left alone.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

const schools = (story: string) => flagged(story, 'school');

describe('a name ending in Boys or Girls after a lead', () => {
  it.each([
    ['two words after "put out of"', 'our Sean got put out of Sacred Heart Boys when he was 11', ['Sacred Heart Boys']],
    ['three words, at the end of a sentence', 'she got the boys a place at Hillbrook Junior Boys. They love it', ['Hillbrook Junior Boys']],
    ['with more words after it', 'he was sent home from Kings Heath Girls near enough every day', ['Kings Heath Girls']],
    [
      'a longer one after "to", outside talk of school, is possible',
      'she gave us tickets to Pet Shop Boys for my birthday',
      ['Pet Shop Boys (check)'],
    ],
  ])('%s', (_, story, expected) => {
    expect(schools(story)).toEqual(expected);
  });

  it.each([
    ['a band after "the"', 'we went to see the Beastie Boys at the arena'],
    ['a team', 'my son plays for Hibs Boys on Saturdays'],
  ])('not %s', (_, story) => {
    expect(schools(story)).toEqual([]);
  });
});

describe('leads families use', () => {
  it.each([
    ['a managed move', 'he was on a managed move from Thornbury to a fresh start', ['Thornbury']],
    ['sent home from', 'he kept getting sent home from Oakmere and the teachers gave up', ['Oakmere']],
    ['studying at, after a child’s age', 'Dev is 12 now and studying at Rushgrove', ['Rushgrove']],
    ['a bursary at a university', 'she helped with my bursary at Sheffield Hallam', ['Sheffield Hallam']],
    ['a Scottish year group', 'she is in 2nd year at Firrhill and loving it', ['Firrhill']],
    ['a place-shaped name in a sentence about school', 'he was on a reduced timetable at Rushgrove', ['Rushgrove']],
    ['left, then a year group', 'he left Rushgrove in year 10 and went to college', ['Rushgrove']],
    ['an area a child "goes to now" is possible', 'the twins go to Hackney now and love it', ['Hackney (check)']],
    ['a Welsh "Bro" school', 'my son is at Bro Dinefwr now', ['Bro Dinefwr']],
    [
      'a listed school after a child’s age (a name overlaps it, so sure)',
      'tyler was 12 and she got him help through Cefn Saeson',
      ['Cefn Saeson'],
    ],
  ])('%s', (_, story, expected) => {
    expect(schools(story)).toEqual(expected);
  });

  it.each([
    ['put out of the house', 'my dad put me out of the house when I was 16'],
    ['sent home from work', 'he was sent home from Tesco early'],
    ['studying at home', 'she is studying at home for her exams'],
    ['the Vale council', 'we moved to the Vale, Bro Morgannwg council helped us'],
    ['"Bro" said to someone', 'Bro you are the best, thanks Kyle'],
    ['a year at work', 'she was in first year at Tesco as an apprentice'],
    ['a listed school with no age', 'we got help through Cefn Saeson'],
    ['a town left in a year group', 'she left Leeds in year 10'],
    ['a town a child goes to at weekends', 'my son goes to Leeds every weekend'],
    ['a town an adult goes to now', 'my dad goes to Leeds now for work'],
    ['a person’s house in a sentence about school', "the teachers met at Sarah's house"],
  ])('not %s', (_, story) => {
    expect(schools(story)).toEqual([]);
  });
});
