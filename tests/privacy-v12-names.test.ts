// Version 12's name and address rules, tuned on 12n + 12p: names after relatives in Caribbean English and after a
// relative even when they are also towns, a child's age after "turns", small-letter children taken in, signatures after
// a long kiss, thanks in other languages, languages and nationalities, journeys to a place, words that are also names,
// the Black Country "we'm" before an estate, and "Mount" as a street word.
import { describe, expect, it } from 'vitest';
import { findFlagsDetailed } from '../server/privacy/index.ts';
import { allFlagged, flagged, TEST_WORKER } from './helpers/flags.ts';

const childNames = (story: string) =>
  findFlagsDetailed(story, TEST_WORKER)
    .filter((f) => f.sub === 'child_name')
    .map((f) => f.text);

describe('relatives', () => {
  it('reads "mi" as "my": "mi son Delroy", "mi granddaughter Tanisha"', () => {
    expect(flagged('Mi son Delroy drive fi di council now.', 'name')).toEqual(['Delroy']);
    expect(childNames('When mi granddaughter Tanisha did run off, she find her.')).toEqual(['Tanisha']);
  });

  it('not "mi" on its own before an ordinary capitalised word', () => {
    expect(flagged('Mi never know what fi do. Bless up.', 'name')).toEqual([]);
  });

  it('takes a town straight after a relative as the name: "my husband Milan", "my wife Florence"', () => {
    expect(flagged('My husband Milan was working nights at the car wash.', 'name')).toEqual(['Milan']);
  });

  it('not a town after a professional or after "in"', () => {
    expect(flagged('The officer Milan sent was kind, and my husband in Milan rang.', 'name')).toEqual([]);
  });
});

describe("a child's age after turns", () => {
  it('makes a word that is also a name a child where it turns an age: "Jack turns 11 in May"', () => {
    expect(childNames('Jack turns 11 in May. Jack is at the big school now.')).toEqual(['Jack', 'Jack']);
  });

  it('not a thing that turns: "the bus turns 5 minutes later"', () => {
    expect(flagged('The meter turns 5 times an hour and the clock turned 12.', 'name')).toEqual([]);
  });
});

describe('small-letter children taken in', () => {
  it('finds an unfamiliar small-letter word after "when" that came to us (sure) or did something (possible)', () => {
    expect(flagged('we was fostering when kaylee-ann came to us at 12, and when kaylee-ann went', 'name')).toEqual([
      'kaylee-ann',
      'kaylee-ann',
    ]);
    expect(flagged('she is the reason we kept going when tyreese came to us with nothing', 'name')).toEqual(['tyreese']);
    expect(flagged('it all changed when zakari went missing', 'name')).toEqual(['zakari (check)']);
  });

  it('not a small-letter word starting a sentence, or an English word after "when"', () => {
    expect(allFlagged('mum was on her own. nuff said. and when things went wrong she came')).toEqual([]);
  });
});

describe('signatures', () => {
  it('reads a name that is also a word, signed after a long kiss: "xxx jade"', () => {
    expect(flagged('love you lots, ur a star xxx jade', 'name')).toEqual(['jade (check)']);
  });

  it('not thanks in another language signed at the end: "Tashakor.", "spas"', () => {
    expect(flagged('I pray for her every day. Tashakor.', 'name')).toEqual([]);
    expect(flagged('thank you for everything, tashakor', 'name')).toEqual([]);
  });
});

describe('languages, nationalities and places', () => {
  it('not a language or a nationality: "she speak Bangla", "My family are Yemeni"', () => {
    expect(flagged('She speak Bangla with my mother. My family are Yemeni and Eritrean.', 'name')).toEqual([]);
  });

  it('not a town after a drive or a trip to it: "I drive them to Weston"', () => {
    expect(flagged('I drive them to Weston on Sundays and we had a day trip to Clifton.', 'name')).toEqual([]);
  });

  it('still a person spoken to: "I spoke to Weston"', () => {
    expect(flagged('I spoke to Clifton about it.', 'name')).toEqual(['Clifton']);
  });
});

describe('words that are also names', () => {
  it('not "Summer holidays", "Favour of God", "Hope you know", "Precious time was lost"', () => {
    const story =
      'Our daughter Summer is 6. Summer holidays were hard. Our Favour came home. Favour of God be upon you. ' +
      'Our Hope is 4. Hope you know what you did. Our Precious is 5. Precious time was lost.';
    expect(flagged(story, 'name')).toEqual(['Summer', 'Favour', 'Hope', 'Precious']);
  });

  it('still the child where she does something: "Summer went", "Hope came home"', () => {
    expect(flagged('Our daughter Summer is 6. Summer went to the park. Hope came home and our Hope is 4.', 'name')).toEqual([
      'Summer',
      'Summer',
      'Hope',
      'Hope',
    ]);
  });
});

describe('estates and streets', () => {
  it('reads the Black Country "we\'m" before an estate: "we\'m on the Crows Nest still"', () => {
    expect(flagged("we'm on the Crows Nest still and she comes every week", 'address')).toEqual(['Crows Nest']);
  });

  it('not a region or a bus after "we\'m on the"', () => {
    expect(flagged("we'm on the bus most days and we'm on the Wirral now", 'address')).toEqual([]);
  });

  it('reads "Mount" as a street word (possible): "we moved from Harcourt Mount"', () => {
    expect(flagged('We moved from Harcourt Mount to a bigger flat.', 'address')).toEqual(['Harcourt Mount (check)']);
  });

  it('not "Mount" before a name or "St Michael\'s Mount"', () => {
    expect(flagged('We went up Mount Snowdon and saw St Michael’s Mount.', 'address')).toEqual([]);
    expect(flagged('The kids stayed at Brookfold Mount with their friends.', 'address')).toEqual([]);
  });

  it('not the chocolates: "a tin o Quality Street"', () => {
    expect(flagged('At Christmas she brought a tin o Quality Street for the kids.', 'address')).toEqual([]);
    expect(flagged('She brought Quality Street and Celebrations for the weans.', 'address')).toEqual([]);
  });
});

describe('children named in small letters', () => {
  it('joins a small-letter word to a small-letter name by "and" or "n" before a pause or a verb', () => {
    expect(flagged('my boys kayden and tj are at the academy now', 'name')).toEqual(['kayden', 'tj']);
    expect(flagged('our alfie n keeley came to us last year', 'name')).toEqual(['alfie', 'keeley']);
  });

  it('not an English word joined to a name', () => {
    expect(flagged('my son kayden and chips are his favourite', 'name')).toEqual(['kayden']);
  });

  it('reads a name after a relative before "who": "his little brother leo who was 2"', () => {
    expect(flagged('jayden came with his little brother leo who was 2', 'name')).toEqual(['jayden', 'leo']);
  });

  it('reads "laddie" and "lassie" as a child', () => {
    expect(childNames('when our laddie jack was in a bad place she came')).toEqual(['jack']);
  });

  it('reads an unfamiliar or place-like word after "our" that is got a place or put into care', () => {
    expect(flagged('she got our kaiyah a place at the high school', 'name')).toEqual(['kaiyah']);
    expect(flagged('after our brooklyn got took into care', 'name')).toEqual(['brooklyn']);
  });

  it('not "our area got worse", "our estate a place to avoid"', () => {
    expect(flagged('our area got worse and our estate a place nobody wants', 'name')).toEqual([]);
  });

  it('reads the Scots "an" as "and" before a name: "jack is 12 an lacey is 7"', () => {
    expect(flagged('our jack n lacey came tae us. jack is 12 an lacey is 7', 'name')).toEqual(['jack', 'lacey', 'jack', 'lacey']);
  });

  it('not "an" before a vowel', () => {
    expect(flagged('we had an orange and an apple', 'name')).toEqual([]);
  });

  it('reads a signature that is also a word with a kiss after it: "ma heart, jade x"', () => {
    expect(flagged('thank u fae the bottom of ma heart, jade x', 'name')).toEqual(['jade (check)']);
  });

  it('keeps a name before a noun it owns without the \'s: "Petra birthday is on"', () => {
    expect(flagged('Our Petra is 5. Petra birthday is on 11 June.', 'name')).toEqual(['Petra', 'Petra']);
  });
});

describe('words after a child word that also describes things', () => {
  it('not "the kids ward," or "the baby unit,"', () => {
    expect(flagged('we waited on the kids ward, Cotswold ward i think, and the baby unit, for hours', 'name')).toEqual([]);
  });

  it('still "my kids jack and rose came"', () => {
    expect(flagged('my kids jack and rose came home', 'name')).toEqual(['jack', 'rose']);
  });
});

describe('more names and streets', () => {
  it('reads a first name in small letters got or put into somewhere: "and poppy into the nursery"', () => {
    expect(flagged('she got us a house and poppy into the nursery', 'name')).toEqual(['poppy']);
  });

  it('not an ordinary word put into something', () => {
    expect(flagged('we got it into the car and put summer into the diary', 'name')).toEqual([]);
  });

  it('reads a relative\'s name before "have": "me and the missus pat have had the grandkids"', () => {
    expect(flagged('me and the missus pat have had the grandkids since', 'name')).toEqual(['pat']);
  });

  it('reads a name said twice with a hyphen, though its half is a month: "my son Jun-Jun"', () => {
    expect(flagged('when my son Jun-Jun was bullied. Jun-Jun is 12, he', 'name')).toEqual(['Jun-Jun', 'Jun-Jun']);
  });

  it('reads "Chase" as a street word: "on Robin Hood Chase"', () => {
    expect(flagged('she sat in my kitchen on Sherwood Lea Chase and went through every form', 'address')).toEqual(['Sherwood Lea Chase']);
  });

  it('not "a wild Goose Chase"', () => {
    expect(flagged('it was a wild Goose Chase from start to end', 'address')).toEqual([]);
  });
});
