// Version 12's age, phone and handle rules, tuned on 12n + 12p: ages said with the person left out ("and is 6"),
// in brackets with "is", on a birthday, after "when I was", a baby's months with no verb, small-letter names;
// "nine hundred" in a phone number read out; handles after "snap me", "if u want", "its", and before "on snap".
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('ages said with the person earlier in the sentence', () => {
  it('finds "and is 8" when the sentence starts with a person', () => {
    expect(flagged('My nephew Bartek has asthma and is 8, and she never gave up on him.', 'age')).toEqual(['8']);
    expect(flagged('Oluwaseun is in the juniors now and is 9.', 'age')).toEqual(['9']);
  });

  it('not when the sentence is about a thing or the number is a count', () => {
    for (const s of [
      'The flat is tiny and is 5 floors up with no lift.',
      'The bus was late and is 10 minutes from us anyway.',
      'The meeting was moved and is 3.',
    ])
      expect(flagged(s, 'age'), s).toEqual([]);
  });
});

describe('ages in brackets, on a birthday and after "when"', () => {
  it('finds "(is 15)" after a name', () => {
    expect(flagged('Our eldest Tendai (is 15) wrote a card for her.', 'age')).toEqual(['15']);
  });

  it('not a number in brackets after a room or page word', () => {
    expect(flagged('Room (is 12) was always cold.', 'age')).toEqual([]);
  });

  it('finds "is 6 on the 3rd of May"', () => {
    expect(flagged('Poppy is 6 on the 3rd of May and wants a party.', 'age')).toEqual(['6']);
  });

  it('not a sum on a day', () => {
    expect(flagged('The rent is 10 on the 5th of April.', 'age')).toEqual([]);
  });

  it('finds "when I was 15 in the ..."', () => {
    expect(flagged('When I was 15 in the back of a van I did not know where I was.', 'age')).toEqual(['15']);
  });

  it('not "when we were 4 in the car" or "when it was 2 in the morning"', () => {
    for (const s of ['When we were 4 in the car it was a squeeze.', 'When it was 2 in the morning she still answered.'])
      expect(flagged(s, 'age'), s).toEqual([]);
  });
});

describe("a baby's months with no verb", () => {
  it('finds "the baby only 9 months"', () => {
    expect(flagged('I had two at school and the baby only 9 months.', 'age')).toEqual(['9 months']);
    expect(flagged('the youngest just 7 weeks, and no heating', 'age')).toEqual(['7 weeks']);
  });

  it('not how long or how early', () => {
    for (const s of ['we kept the baby for 6 months with us.', 'she had the baby 6 weeks early', 'the baby 3 months later was crawling'])
      expect(flagged(s, 'age'), s).toEqual([]);
  });
});

describe('a small-letter first name and an age', () => {
  it('finds "lacey is 7"', () => {
    // (the name rules may flag the age with its "is")
    const ages = (s: string) => flagged(s, 'age').map((f) => f.replace(/^is /u, ''));
    expect(ages('our house is full noo, lacey is 7 and loves the park')).toEqual(['7']);
    expect(ages('its a wee flat but kezia is 11 an morgan is 6 an they share')).toEqual(['11', '6']);
  });

  it('not a word after "the" or "his", nor a count', () => {
    for (const s of ['the bill is 12 quid a week', 'his mark was 12 out of 20', 'mark is 10 minutes away'])
      expect(flagged(s, 'age'), s).toEqual([]);
  });
});

describe('phone numbers read out with "hundred"', () => {
  it('finds "oh seven seven double oh nine hundred ..."', () => {
    expect(flagged('ring me on oh seven seven double oh nine hundred four five six, any time', 'phone')).toEqual([
      'oh seven seven double oh nine hundred four five six',
    ]);
  });

  it('not an amount', () => {
    for (const s of ['it cost oh nine hundred pounds', 'we paid nine hundred one two three times over'])
      expect(flagged(s, 'phone'), s).toEqual([]);
  });
});

describe('handles typed every way', () => {
  it('finds a handle after "snap me", "if u want", "its", a plural and a dash', () => {
    expect(flagged('snap me jess.xo.leeds if u like', 'social_handle')).toEqual(['jess.xo.leeds']);
    expect(flagged('add me on insta if u want lou.b2009 haha', 'social_handle')).toEqual(['lou.b2009']);
    expect(flagged('find me on tiktok its mo.dance22 lol', 'social_handle')).toEqual(['mo.dance22']);
    expect(flagged('my snaps tayz.2010', 'social_handle')).toEqual(['tayz.2010']);
    expect(flagged('snapchat – ruby.k07', 'social_handle')).toEqual(['ruby.k07']);
  });

  it('finds a handle said before its platform', () => {
    expect(flagged('follow me cakes.by.aimee on insta', 'social_handle')).toEqual(['cakes.by.aimee']);
  });

  it('not a time after "snap me", a snapped temper, a web address or "e.g."', () => {
    for (const s of [
      'snap me at 9.30 tonight',
      'snap me at 9pm',
      'she didnt snap at me once in 3.5 years',
      'see childline.org.uk on facebook',
      'groups e.g. on facebook',
    ])
      expect(flagged(s, 'social_handle'), s).toEqual([]);
  });
});

describe('ages typed short, in Welsh and in Scots', () => {
  it('finds "hes 4yrs", "is 18mths", "age: 14", "i wz 14", "was like 13"', () => {
    expect(flagged('hes 4yrs and full of beans', 'age')).toEqual(['4yrs']);
    expect(flagged('the wee one is 18mths now', 'age')).toEqual(['18mths']);
    expect(flagged('Child: Ffion. Age: 14.', 'age')).toEqual(['14']);
    expect(flagged('i wz 14 when she came', 'age')).toEqual(['14']);
    expect(flagged('honestly i was like 13 and scared', 'age')).toEqual(['13']);
  });

  it('not years or months that are how long', () => {
    for (const s of ['she was 4yrs in foster care', 'we waited 18mths for the review', 'the age - it was 14 miles away'])
      expect(flagged(s, 'age'), s).toEqual([]);
  });

  it('finds a number before "oed" in Welsh', () => {
    expect(flagged('Mae Gethin yn 7 oed ac mae e wrth ei fodd', 'age')).toEqual(['7 oed']);
    expect(flagged('roedd hi yn bedair oed', 'age')).toEqual(['bedair oed']);
  });

  it('not "oedd" (was)', () => {
    expect(flagged('Roedd 7 oedd yno', 'age')).toEqual([]);
  });

  it('finds "the wee yin is 4"', () => {
    expect(flagged('the wee yin is 4 an loves her', 'age')).toEqual(['4']);
  });
});

describe('phone numbers typed with a letter o for a nought', () => {
  it('finds "o7700 900456" and "07700 9OO 456"', () => {
    expect(flagged('text me on o7700 900456 x', 'phone')).toEqual(['o7700 900456']);
    expect(flagged('her mobile is 07700 9OO 456', 'phone')).toEqual(['07700 9OO 456']);
  });

  it('not the network O2 or a score', () => {
    for (const s of ['my O2 contract ran out in May', 'I scored 10o on the test', 'call 1oo times'])
      expect(flagged(s, 'phone'), s).toEqual([]);
  });
});

describe('handles under, after a spaced @, after "snap me on", in camel case', () => {
  it('finds them', () => {
    expect(flagged('find me on insta under nails.by.tash', 'social_handle')).toEqual(['nails.by.tash']);
    expect(flagged('insta @ nails.by.tash', 'social_handle')).toEqual(['nails.by.tash']);
    expect(flagged('snap me on tashb07', 'social_handle')).toEqual(['tashb07']);
    expect(flagged('her youtube channel TashBakesCakes is lovely', 'social_handle')).toEqual(['TashBakesCakes']);
  });

  it('not an ordinary word after "under" or a plain name with no handle shape', () => {
    for (const s of ['my insta is under review', 'my youtube channel Tasha is new', 'the insta post got 200 likes'])
      expect(flagged(s, 'social_handle'), s).toEqual([]);
  });
});
