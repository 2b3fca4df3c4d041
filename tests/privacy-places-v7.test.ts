// Version 7's address and workplace rules: homes said to be lived in, small-letter blocks and places, one behaviour per case.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('addresses where the family lives', () => {
  it.each([
    ['a block after "we live in"', 'we live in Wexford House and the lift is broken', ['Wexford House']],
    ['a court after "a flat in"', 'she got us a flat in Kestrel Court with a garden', ['Kestrel Court']],
    ['a row after "a flat in"', 'Craig got us a flat in Bingham Row last year', ['Bingham Row']],
    ["a town's name before Court where a home is said", 'we got a flat in Lincoln Court near the park', ['Lincoln Court']],
    ['a block after "we were in"', 'we were in Castleton House on the 14th floor', ['Castleton House']],
    ['an estate after "moved off the"', 'we moved off the Aylesbury estate last spring', ['Aylesbury estate']],
    ['a block after "in X flats"', 'we lived in Millbrook flats for years', ['Millbrook']],
    ['a view after "moved to"', 'then we moved to Park View near my mum', ['Park View']],
    ['an approach after "moved to"', 'the council moved us to Station Approach last year', ['Station Approach']],
    ['a b&b named before the word', 'we were homeless at the Ocean View b&b for months', ['Ocean View']],
    ['a block before a postcode', 'write to us at Sauchiehall Court, G3 7PX please', ['Sauchiehall Court']],
    ['a Gaelic house', 'she drove out to Tigh na Mara every week', ['Tigh na Mara']],
    ['"St" after a name is a street', 'we got a flat on Hope St in the end', ['Hope St']],
    ['a small-letter brae after "on"', 'we live on kirk brae now', ['kirk brae (check)']],
    ['a quarter joins the street', 'we live on Moss Lane East now', ['Moss Lane East']],
    ['a three-word street in small letters', 'we live on kilburn high road near the shops', ['kilburn high road (check)']],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'address')).toEqual(expected);
  });

  it.each([
    ['a court with no home said stays possible', 'the meeting was at Pemberton House on Friday', ['Pemberton House (check)']],
    ['a hearing is no home', 'we were at Snaresbrook Court for the hearing', ['Snaresbrook Court (check)']],
    ['a park may be a district', 'we live in Finsbury Park now', ['Finsbury Park (check)']],
    ['a town before another street word, after "on"', 'he found me a place on Canterbury Row to live', ['Canterbury Row (check)']],
    ['a block in small letters', 'we live in kestrel court now', ['kestrel court (check)']],
    ['a small-letter lane where the family lives stays possible', 'she got us into a house off mill lane at last', ['mill lane (check)']],
    [
      'a Welsh house named where home is talked of (the names pass agrees: sure)',
      'the ramp went in at Bron Haul, our house, last week',
      ['Bron Haul'],
    ],
    ['an estate "up on the" (a district name kept)', 'we was up on the Gurnos with no heating', ['Gurnos (check)']],
    ['an estate moved off', 'we moved off Penrhys down to the valley', ['Penrhys (check)']],
    ['a park in small letters where the family lives', 'we live in glenowen park with my granda', ['glenowen park (check)']],
    ['a Scottish housing scheme', 'we grew up in the Pilton scheme and', ['Pilton scheme (check)']],
    ['the flats in small letters', 'we lived in the kelvin flats for years', ['kelvin flats (check)']],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'address')).toEqual(expected);
  });

  it.each([
    ['a bigger house', 'we moved to bigger house last year'],
    ["a relative's house", 'we stay at nans house on Sundays'],
    ['a council house', 'we live in council house with the kids'],
    ['the council flats', 'we lived in the council flats for years'],
    ['a high road', 'we live off the high road now'],
    ['a day', 'we went on Boxing Day to see them'],
    ['a scheme that is a programme', 'we were on the Sure Start scheme for a year'],
    ['the park', 'we live near the park so the kids play out'],
    ['"St" before a name is a saint', 'we went to St Helens for the day'],
    ["a town's court with no home said", 'we were in London Court for the hearing'],
    ['a ward "up on the"', 'she was up on the ward all night'],
    ['a Welsh name with no home talked of', 'we met at Bron Haul for the meeting'],
    ['an approach that is no street', 'she had a new Approach to the meetings'],
  ])('leaves %s alone', (_name, story) => {
    expect(flagged(story, 'address')).toEqual([]);
  });
});

describe('workplaces', () => {
  it.each([
    ['a chain in a small-letter place', 'i work at asda in walton now part time', ['asda in walton']],
    ['a two-word small-letter place', 'i was working at weetabix in burton latimer then', ['weetabix in burton latimer']],
    ['a shopping centre after "the"', 'he got me a job at jd sports in the arndale', ['jd sports in the arndale']],
    ['a branch word before the place', 'I work at the Arla dairy in Stourton and', ['Arla dairy in Stourton']],
    ['"works out at" an employer in a place', 'my husband works out at Seagate at Springtown on shifts', ['Seagate at Springtown']],
    ['"the depot" is no place of its own', 'my husband drives for Arriva out of the depot', ['Arriva']],
    ['a gig platform with no place is only possible', 'so my husband could work for Uber again', ['Uber (check)']],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'workplace')).toEqual(expected);
  });

  it.each([
    ['check-ups are no courier', 'we had the check ups at the clinic every week'],
    ['a time of day', 'i work at tesco in the morning'],
  ])('leaves %s alone', (_name, story) => {
    expect(flagged(story, 'workplace').filter((f) => !f.endsWith('(check)'))).toEqual([]);
  });
});
