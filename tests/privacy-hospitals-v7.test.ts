// Version 7's hospital rules: names in small letters, short names, ward codes, A&E, and the places they are not.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

const hospitals = (story: string) => flagged(story, 'hospital');

describe('hospitals named in small letters', () => {
  it.each([
    ['a place and a hospital word after "the royal"', 'my mum was in the royal london for months after her stroke', ['royal london']],
    ['a listed one-word name after "in"', 'he was in fazakerley for a month with his chest', ['fazakerley']],
    ['listed initials after "in"', 'we was in cuh so many times with his asthma', ['cuh']],
    ['two-letter initials only after "the", as a check', 'she was in the qe with covid for a week', ['qe (check)']],
    ['a surname-like name only after "the"', 'he was born at 28 weeks at the jessop', ['jessop (check)']],
    ['a listed name that is also a town is a check', 'rojin was in singleton for her eye operation', ['singleton (check)']],
    ['a town before a small-letter infirmary', 'she was in leigh infirmary with her chest', ['leigh infirmary (check)']],
    ["a saint's hospice in small letters", "nan was in st ann's hospice at the end", ["st ann's hospice (check)"]],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['a listed word with no illness around it', 'we went for a walk in fazakerley on sunday'],
    ['a town someone moved to', 'after the illness we moved to poole'],
    ['a programme, not the Simpson Centre', 'we watched the simpsons while he was poorly'],
    ['"the royal" that is the post', 'my mum was in the royal mail sorting office when she got ill'],
    ['a kind of hospital', 'we went to the local hospital when he was ill'],
  ])('leaves alone %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe('short names and places named like hospitals', () => {
  it('reads "the Childrens" in a sentence about illness as the children\'s hospital', () => {
    expect(hospitals('Rhys was a long time on Ward 3 at the Childrens with his chest.')).toEqual(['Ward 3', 'Childrens']);
    expect(hospitals('we went to the childrens centre for a play session')).toEqual([]);
  });

  it('reads a place-named hospital as sure only where someone was admitted or stayed there', () => {
    expect(hospitals('he was admitted to Mile End after his stroke')).toEqual(['Mile End']);
    expect(hospitals('then they moved her to Mile End for rehab')).toEqual(['Mile End (check)']);
    expect(hospitals('we live in Mile End near the park')).toEqual([]);
  });

  it('finds well-known short names and initials', () => {
    expect(hospitals('rodrigo has bad asthma and we was in CUH so many times')).toEqual(['CUH']);
    expect(hospitals('he got stabbed and he was in Kings for one week')).toEqual(['Kings']);
    expect(hospitals('she was poorly at Kings Cross station')).toEqual([]);
    expect(hospitals('My husband passed away at St Christophers in March after a long illness.')).toEqual(['St Christophers']);
  });

  it('takes "check ups" for a clinic visit, not the UPS depot', () => {
    expect(hospitals('we had the check ups at the Barkantine and she came to every one')).toEqual(['Barkantine']);
  });
});

describe("wards' codes and A&E", () => {
  it.each([
    ['a code just after a hospital', 'Tobi has bad asthma and we were always in QMC, E39 became our second home', ['QMC', 'E39']],
    ['a code after "on"', 'she is in Southampton General loads, mostly on D4 with her sickle cell', ['Southampton General', 'D4 (check)']],
    ['a three-digit ward', 'we were on ward 101 for ages after his operation', ['ward 101']],
    ['a town before A&E', 'we ended up at Wrexham A&E with his arm', ['Wrexham (check)']],
    ['a listed name before A&E', 'she was in Aintree A&E all night', ['Aintree']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['a vitamin', 'she was on B12 injections for her anaemia'],
    ['a paper size', 'he was on A4 paper with his diagnosis'],
    ['A&E with no name', 'we sat in A&E for hours with his arm'],
  ])('leaves alone %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe('wards, practices and places a patient was moved to', () => {
  it.each([
    ['a ward\'s small-letter name after "on the"', 'he was on the rainbow ward for weeks', ['rainbow ward (check)']],
    ['a GP practice in small letters', 'the gp at the beacon medical centre was rubbish', ['beacon medical centre (check)']],
    ['a practice called "X surgery"', 'we go to parkside surgery for his meds', ['parkside surgery (check)']],
    ['a place a patient was moved to', 'then they moved her to Walkergate for rehab', ['Walkergate']],
    ['a listed "Royal" name after "the"', 'the nurses at the Royal Albert Edward were amazing when he was poorly', ['Royal Albert Edward']],
    ["a town's children's hospital said short", "he was in Carlisle Children's with sepsis", ["Carlisle Children's"]],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['a side ward', 'she was put on the side ward overnight'],
    ['a kind of operation', 'he was referred to bariatric surgery'],
    ['the Royal Albert Hall', 'we went to the Royal Albert Hall after his op'],
    ["a children's centre", "she was at the Leeds children's centre when ill"],
  ])('leaves alone %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});
