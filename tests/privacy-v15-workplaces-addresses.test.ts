// Version 15's workplace and address rules: independent businesses named by their trade and where they are, whatever
// the verb around them.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a business named by its trade, and where it is', () => {
  it('"Khan Motors on Stratford Road", "Fresh Cuts barbers on Harehills Road", "Sons Builders in Wigan"', () => {
    expect(flagged('He fixes cars at Khan Motors on Stratford Road.', 'workplace')).toEqual(['Khan Motors on Stratford Road']);
    expect(flagged('Jamal cuts hair at Fresh Cuts barbers on Harehills Road.', 'workplace')).toEqual([
      'Fresh Cuts barbers on Harehills Road',
    ]);
    expect(flagged('He labours for Smith and Sons Builders in Wigan.', 'workplace')).toEqual(['Smith and Sons Builders in Wigan']);
    expect(flagged('Dad buys meat from Zagros Butchers on Cheetham Hill Road.', 'workplace')).toEqual([
      'Zagros Butchers on Cheetham Hill Road',
    ]);
    expect(flagged('He flips kebabs at Istanbul Grill on City Road.', 'workplace')).toEqual(['Istanbul Grill on City Road']);
  });

  it('not a trade word with no place, nor a trade word alone', () => {
    expect(flagged('We love Star Tyres, they are cheap.', 'workplace')).toEqual([]);
    expect(flagged('The takeaway on the corner shut down.', 'workplace')).toEqual([]);
    expect(flagged('She wants to open a Salon in Leeds one day.', 'workplace')).toEqual([]);
  });
});

describe('when and how much someone works, between the job and where', () => {
  it('"works part time at", "I work now in", "still works at"', () => {
    expect(flagged('He works part time at the Post Office on Duke Street.', 'workplace')).toEqual(['Post Office']);
    expect(flagged('I work now in Wedgwood in Barlaston and it is good.', 'workplace')).toEqual(['Wedgwood in Barlaston']);
    expect(flagged('My sister still works at Hendersons in Larne.', 'workplace')).toEqual(['Hendersons in Larne']);
  });

  it('not a time of day or a town someone works in', () => {
    expect(flagged('I work now in the evenings so I can do the school run.', 'workplace')).toEqual([]);
    expect(flagged('We went to the post office in town.', 'workplace')).toEqual([]);
  });
});

describe('estates named where the family lives', () => {
  it('a Welsh estate typed small: "on stad y felin"', () => {
    expect(flagged('we live on stad y felin now', 'address')).toEqual(['stad y felin']);
    expect(flagged('she said the stad was fine', 'address')).toEqual([]);
  });

  it('a home "in the" somewhere: "a flat in the Hightown", "in da Brevik" (possible)', () => {
    expect(flagged('i was living in a flat in the Hightown with mum', 'address')).toEqual(['Hightown (check)']);
    // (sure: the name rules read it too)
    expect(flagged('we were in a flat in da Brevik wi my gran', 'address')).toEqual(['Brevik']);
    expect(flagged('we live in the States now', 'address')).toEqual([]);
    expect(flagged('my dad lived in the Army for years', 'address')).toEqual([]);
  });

  it('"i was on my own on the X", "we live on the old X" (possible)', () => {
    expect(flagged('i was on my own on the penrhys with two kids', 'address')).toEqual(['penrhys (check)']);
    expect(flagged('we live on the old warren and it is quiet', 'address')).toEqual(['old warren (check)']);
    expect(flagged('i did it on my own on the bus', 'address')).toEqual([]);
    expect(flagged('we moved on the new build near the park', 'address')).toEqual([]);
  });
});

describe('a block named for a person, typed small, somewhere someone is', () => {
  it('"outside kingsley court", "round at dorothy heights" (possible)', () => {
    expect(flagged('my ex was shouting outside kingsley court at midnight', 'address')).toEqual(['kingsley court (check)']);
    expect(flagged('the van was parked round at dorothy heights again', 'address')).toEqual(['dorothy heights (check)']);
  });

  it("not a court of law in a town, nor someone's house", () => {
    expect(flagged('we had to go to leeds court again', 'address')).toEqual([]);
    expect(flagged('we were at mary house for tea', 'address')).toEqual([]);
  });
});
