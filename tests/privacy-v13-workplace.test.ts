// Version 13's workplace, name and address rules, tuned on 12q + 12u: a business someone runs named by its own
// name, a family firm "of" its town, airlines and utilities as employers.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a business someone runs, by its own name', () => {
  it('"runs Patel\'s Motors on Hatfield Road", "owns Al-Noor in Sparkbrook"', () => {
    expect(flagged("My uncle Bilal runs Patel's Motors on Hatfield Road six days a week.", 'workplace')).toEqual([
      "Patel's Motors on Hatfield Road",
    ]);
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

describe('names that are also words, months and languages', () => {
  it('"my husband Jun", "Shona had left", and not the month or the language', () => {
    expect(flagged('My husband Jun and me both work nights.', 'name')).toEqual(['Jun']);
    expect(flagged('Ah wis lost when Shona had left wi the bairns.', 'name')).toEqual(['Shona']);
    expect(flagged('We moved in Jun 2023 and she speaks Shona and English.', 'name')).toEqual([]);
  });

  it('"Will who was aged 3": a word that is also a name, with "who" and a child\'s age after it', () => {
    expect(flagged('I had the two boys, Ronan who is 8 and Will who was only aged 2.', 'name')).toEqual(['Ronan', 'Will']);
    expect(flagged('The ones who were 3 and those who will be 4 next year.', 'name')).toEqual([]);
  });

  it('a small-letter name said again after "got" and before where they were sent', () => {
    expect(flagged('me and my fella kirk split up, but she got kirk on a course.', 'name')).toEqual(['kirk', 'kirk']);
    expect(flagged('My daughter Rose is 5. He took rose petals to the grave.', 'name')).toEqual(['Rose']);
  });

  it('a name inside a keep-list phrase is the phrase ("Amazing Grace"), festivals and papers are no names', () => {
    expect(flagged('Our Grace sang Amazing Grace at the funeral.', 'name')).toEqual(['Grace']);
    expect(flagged('She came for the First Holy Communion and at Tihar, and found my National Insurance letter.', 'name')).toEqual([]);
  });

  it('a Welsh town after "yng" or "ym" is a place', () => {
    expect(flagged('We were both raised yng Nghaerdydd and we met ym Mangor.', 'name')).toEqual([]);
    expect(flagged('My husband Aled works at Tesco yng Nghaerdydd.', 'workplace')).toEqual(['Tesco yng Nghaerdydd']);
  });
});

describe('addresses', () => {
  it('"we\'re up Creggan Heights": up where the family lives', () => {
    expect(flagged("We're up Rathmore Heights now so we are.", 'address')).toEqual(['Rathmore Heights']);
  });

  it('Gaelic streets: "Sràid na h-Eaglais", "Rathad an Locha"', () => {
    expect(flagged('We stay at 4 Sràid na h-Aibhne in the village.', 'address')).toEqual(['Sràid na h-Aibhne']);
    expect(flagged('Our croft is on Rathad an Locha past the shop.', 'address')).toEqual(['Rathad an Locha']);
  });

  it('not a Gaelic street word alone', () => {
    expect(flagged('The Sràid was busy on the day.', 'address')).toEqual([]);
  });
});

describe("the worker's Nguni short form", () => {
  it('"Thula" for Nokuthula, "Vula" for Nomvula: the end of a "No-" name', () => {
    expect(flagged('We thank God for Thula, Thula never gave up.', 'name', 'Nokuthula Dube')).toEqual([]);
    expect(flagged('Vula came every week.', 'name', 'Nomvula Khumalo')).toEqual([]);
  });

  it('not the end of any other name, and a child of that name is still flagged', () => {
    expect(flagged('My son Ella came home.', 'name', 'Daniella Price')).toEqual(['Ella']);
    expect(flagged('My son Thula is 5.', 'name', 'Nokuthula Dube')).toEqual(['Thula']);
  });
});

describe('days done somewhere, and time off from somewhere', () => {
  it('"i do saturdays at Nailz Beauty Bar on Manningham Lane", "time off from Walkers in Beaumont Leys"', () => {
    expect(flagged('now i do saturdays at Nailz Beauty Bar on Manningham Lane and love it', 'workplace')).toEqual(['Nailz Beauty Bar']);
    expect(flagged('He could not get time off from Pukka Pies in Syston so she came at seven.', 'workplace')).toEqual([
      'Pukka Pies in Syston',
    ]);
  });

  it("not days at a relative's, nor time off from a person", () => {
    expect(flagged("We do saturdays at Grandad Jim's now.", 'workplace')).toEqual([]);
    expect(flagged('She got time off from Dr Khan in Leeds for the meeting.', 'workplace')).toEqual([]);
  });
});

describe('a name that is also an adjective, and Gaelic lenition of the worker', () => {
  it('"is precious" is the word, "precious was crying" is the child', () => {
    expect(flagged('Our girl Precious is 6. Every day with her is precious. precious was crying.', 'name')).toEqual([
      'Precious',
      'precious',
    ]);
  });

  it('"a Chatrìona" is the worker Catriona; another lenited name is not', () => {
    expect(flagged('Tapadh leibh, a Chatrìona.', 'name', 'Catriona MacLeod')).toEqual([]);
    expect(flagged('My sister Christina came with us.', 'name', 'Catriona MacLeod')).toEqual(['Christina']);
  });
});

describe('keep-list: Welsh "Mae hi\'n", "Dear Sirs", fostering schemes, Aberlour', () => {
  it('none of these is a name', () => {
    expect(flagged("Diolch i Ffion. Mae hi'n arbennig. She came every week.", 'name', 'Ffion Evans')).toEqual([]);
    expect(flagged('Dear Sirs, I write about our worker.', 'name')).toEqual([]);
    expect(flagged('We went through Foster to Adopt with Foster Wales, and Aberlour helped too.', 'name')).toEqual([]);
  });

  it('but a child called Mae is still a name', () => {
    expect(flagged('My daughter Mae is 4. Mae loves the nursery.', 'name')).toEqual(['Mae', 'Mae']);
  });
});
