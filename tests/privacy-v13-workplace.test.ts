// Version 13's workplace, name and address rules, tuned on 12q + 12u: a business someone runs named by its own
// name, a family firm "of" its town, airlines and utilities as employers.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a business someone runs, by its own name', () => {
  it('"runs Patel\'s Motors on Hatfield Road", "owns Al-Noor in Sparkbrook"', () => {
    expect(flagged("My uncle Bilal runs Patel's Motors on Hatfield Road six days a week.", 'workplace')).toEqual(["Patel's Motors"]);
    expect(flagged('Her cousin owns Al-Noor in Sparkbrook and gave us food.', 'workplace')).toEqual(['Al-Noor in Sparkbrook']);
  });

  it('not a person someone runs somewhere, nor a race', () => {
    expect(flagged('She runs Jack to school in Leeds every morning.', 'workplace')).toEqual([]);
    expect(flagged('He ran the London Marathon in April for the hospice.', 'workplace')).toEqual([]);
  });
});

describe('a family firm "of" its town', () => {
  it('"labours for Doherty\'s of Strabane"', () => {
    expect(flagged("My partner labours for Doherty's of Strabane most weeks.", 'workplace')).toEqual(["Doherty's of Strabane"]);
  });

  it('not "of course" or "of an evening" after a possessive', () => {
    expect(flagged("We got a card from Nana's of course.", 'workplace')).toEqual([]);
    expect(flagged("We stayed at Granny's of an evening.", 'workplace')).toEqual([]);
  });
});

describe('airlines and utilities as employers', () => {
  it('"cabin crew for Ryanair at Stansted Airport", "my employer, Welsh Water in Brecon"', () => {
    expect(flagged('I am cabin crew for Ryanair at Stansted Airport so my hours change.', 'workplace')).toEqual([
      'Ryanair at Stansted Airport',
    ]);
    expect(flagged('My employer, Welsh Water in Brecon, gave me carer leave.', 'workplace')).toEqual(['Welsh Water in Brecon']);
  });

  it('not the water itself, nor a flight', () => {
    expect(flagged('The kids swam in welsh water all summer.', 'workplace')).toEqual([]);
    expect(flagged('We flew Ryanair to see my mum last year.', 'workplace')).toEqual([]);
  });
});
