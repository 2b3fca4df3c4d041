import { describe, expect, it } from 'vitest';
import type { FlagKind } from '../server/privacy/index.ts';
import { flagged } from './helpers/flags.ts';

const found = (story: string, kind: FlagKind) => flagged(story, kind, 'Jo Bloggs');

describe('phone numbers in odd shapes', () => {
  it('reads a number typed digit by digit, or with a lone digit in a group', () => {
    expect(found('her number is 0 7 7 0 0 9 0 0 1 2 7 if you need it', 'phone')).toEqual(['0 7 7 0 0 9 0 0 1 2 7']);
    expect(found('the office is 0131 496 0 218. thanks', 'phone')).toEqual(['0131 496 0 218']);
  });

  it('reads dashes with spaces round them, dots, slashes and brackets', () => {
    expect(found('her phone 07700 900 – 503. Thank you', 'phone')).toEqual(['07700 900 – 503']);
    expect(found('ring 0161.496.0000 or 07700/900/123', 'phone')).toEqual(['0161.496.0000', '07700/900/123']);
    expect(found('ring +44 (0)20 7946 0559 or 0044 7700 900 123', 'phone')).toEqual(['+44 (0)20 7946 0559', '0044 7700 900 123']);
  });

  it('keeps an extension with its number', () => {
    expect(found('call (01632) 960 123 ext 45 any time', 'phone')).toEqual(['(01632) 960 123 ext 45']);
  });

  it('reads a number said in words', () => {
    expect(found('it is oh seven seven double oh nine double oh one two seven', 'phone')).toEqual([
      'oh seven seven double oh nine double oh one two seven',
    ]);
  });

  it('flags helplines, and a service number after a call only as possible', () => {
    expect(found('call childline on 0800 1111 or samaritans on 116 123', 'phone')).toEqual(['0800 1111', '116 123']);
    expect(found('we called 999 straight away', 'phone')).toEqual(['999 (check)']);
  });

  it('leaves money, times, counts, dates and references alone', () => {
    const story = 'it cost £1 200, 3 4 times a week at 7 30, on 01/02/2024 10 30 we met. the crime ref 0123 4567 890 came.';
    expect(found(story, 'phone')).toEqual([]);
    expect(found('one two three four five six seven eight nine ten', 'phone')).toEqual([]);
  });

  it('does not run a number on across a full stop', () => {
    expect(found('crime ref WM-26-114590. 0121 4960388', 'phone')).toEqual(['0121 4960388']);
  });
});

describe('case references in odd shapes', () => {
  it('reads a police serial with a short date, and lower-case office labels', () => {
    expect(found('the 999 call was logged as 1234 of 12/3 by the police', 'case_ref')).toEqual(['1234 of 12/3']);
    expect(found('serial 0443 of 14MAR was on the letter', 'case_ref')).toEqual(['0443 of 14MAR']);
    expect(found('the scra number 22314 came through', 'case_ref')).toEqual(['22314']);
    expect(found('the referral number 00453321 was sent', 'case_ref')).toEqual(['00453321']);
  });

  it('does not take a year or round-the-clock for a reference', () => {
    expect(found('the referral 2019 was when it started and the police 24/7 help', 'case_ref')).toEqual([]);
  });
});

describe('ages said in other ways', () => {
  it('reads Scots forms of "I am", a relative named in small letters, and an age at a diagnosis', () => {
    expect(found('she helped me when a wis 12 and still does', 'age')).toEqual(['12']);
    expect(found('it was hard. am 16 noo an daein fine', 'age')).toEqual(['16']);
    expect(found('our youngest, gruffydd, was 4 and needed a nursery', 'age')).toEqual(['4']);
    expect(found('mali was diagnosed with type 1 diabetes at 9 and we struggled', 'age')).toEqual(['9']);
    expect(found('i was in the unit at 15 after i tried to end it', 'age')).toEqual(['15']);
  });

  it('leaves times, prices and durations alone', () => {
    expect(found('my son, it was 4 o clock and the bus was 12 pounds; we meet at 8 am 16 people came', 'age')).toEqual([]);
    expect(found('we got there at 15 after the hour', 'age')).toEqual([]);
  });
});
