// Version 14's hospital rules, tuned on 12j + 12z: a possible hospital is sure where a lead puts someone there and the
// sentence speaks of care only a hospital gives (an overdose, an operation, a ward, a broken bone, "took the fits");
// "Ward F"; the town after "ward 6 at" is the ward's hospital; "at city hospital" with no "the"; "unit at qa".
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a possible hospital where the sentence is plainly about care', () => {
  it('makes it sure after a lead in a sentence of hospital care', () => {
    expect(flagged('When Tom broke his arm she drove us to the royal.', 'hospital')).toEqual(['the royal']);
    expect(flagged('after the overdose i was on sunflower ward', 'hospital')).toEqual(['sunflower ward']);
  });

  it('leaves it possible where the care words are not there', () => {
    expect(flagged('The lift was broke so we stayed at the royal for hours.', 'hospital')).toEqual(['the royal (check)']);
    expect(flagged('We were on sunflower ward.', 'hospital')).toEqual(['sunflower ward (check)']);
  });
});

describe('a ward by its letter', () => {
  it('reads "Ward D" in a sentence about care', () => {
    expect(flagged('Mum was poorly and they moved her onto Ward D.', 'hospital')).toEqual(['Ward D']);
  });

  it('not after a name or with no care in the sentence', () => {
    expect(flagged('Mrs Ward A levels were great.', 'hospital')).toEqual([]);
    expect(flagged('She liked Ward B best.', 'hospital')).toEqual([]);
  });
});

describe('the hospital of a ward, named for its town', () => {
  it('reads the town after "ward 6 at" as the hospital', () => {
    expect(flagged('She was taken into ward 3 at Ealing with pneumonia.', 'hospital')).toEqual(['ward 3', 'Ealing']);
  });

  it('not in a sentence about a council ward, nor "in" a city', () => {
    expect(flagged('The polling station in ward 6 at Ealing was busy.', 'hospital')).toEqual(['ward 6']);
    expect(flagged('Her sister is a nurse on ward 3 in London.', 'hospital')).toEqual(['ward 3']);
  });
});

describe('a city hospital named in small letters', () => {
  it('reads "at city hospital" with no "the" (possible)', () => {
    expect(flagged('when i had my daughter at city hospital she visited', 'hospital')).toEqual(['city hospital (check)']);
  });

  it('not "the city hospital"', () => {
    expect(flagged('i had my daughter at the city hospital', 'hospital')).toEqual([]);
  });
});

describe('a short name after a unit', () => {
  it('reads "the baby unit at qa" (possible)', () => {
    expect(flagged('she was born early n spent a week on the baby unit at qa', 'hospital')).toEqual(['qa (check)']);
  });

  it('not "qa" after any other word', () => {
    expect(flagged('the quality team at qa said no', 'hospital')).toEqual([]);
  });
});

describe('"took the fits" is a word of illness', () => {
  it('makes a listed name a hospital', () => {
    expect(flagged('Kai had the fits and she met us at the Balfour.', 'hospital')).toEqual(['Balfour']);
  });

  it('not "the fit" of clothes', () => {
    expect(flagged('She loved the fit of the dress at the Balfour.', 'hospital')).toEqual([]);
  });
});

describe("St Ann's, a hospital named for a saint", () => {
  it('is a hospital in a sentence about care', () => {
    expect(flagged('She came with me to my appointments at st anns when I was low.', 'hospital')).toEqual(['st anns (check)']);
  });

  it('not a church or a school', () => {
    expect(flagged('We went to mass at st anns on Sunday.', 'hospital')).toEqual([]);
    expect(flagged("Mia goes to St Ann's and loves it.", 'hospital')).toEqual([]);
  });
});
