// Version 10's hospital rules: listed names that are also towns or words, sure where someone stayed or was treated
// there; units and ward codes in a sentence about care; later mentions of a hospital already found.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

const hospitals = (story: string) => flagged(story, 'hospital');

describe('a listed name that is also a town or a word, where someone stayed or was treated', () => {
  it.each([
    ['"was in" and a stay', 'My uncle was in Morriston for three weeks after his fall', ['Morriston']],
    ['"with" and an illness', 'When our boy was in Craigavon with pneumonia the staff were lovely', ['Craigavon']],
    ['"poorly in"', 'Dad was very poorly in Morriston last winter', ['Morriston']],
    ['weeks in a two-word name', 'Mam spent nine weeks in Daisy Hill after the stroke', ['Daisy Hill']],
    ['"the X" admitted to', 'Our son was admitted to the Priory after his overdose', ['the Priory']],
    ['"the X" in and out of, in small letters', 'she was in and out of the ulster with her chest all year', ['the ulster']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['born in a town', 'my daughter was born in Morriston and she is flying now', ['Morriston (check)']],
    ['only named, no stay', 'we drove past Craigavon on the way to the clinic', ['Craigavon (check)']],
    ['the Priory without a stay', 'we walked round the Priory ruins after his appointment', ['the Priory (check)']],
  ])('stays a check: %s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it('leaves a town where someone lives', () => {
    expect(hospitals('we lived in Morriston for six years before the move')).toEqual([]);
  });
});

describe('units and ward codes in a sentence about care', () => {
  it.each([
    ['a capitalised Unit', 'Grandad was transferred to the Larchwood Unit after the stroke', ['Larchwood Unit']],
    ['a small-letter unit', 'she got him a therapy appointment at the Fernbrook unit', ['Fernbrook unit']],
    ['a ward code after the hospital', 'we were in QMC on C7 for ten days with her asthma', ['QMC', 'C7']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });
});
