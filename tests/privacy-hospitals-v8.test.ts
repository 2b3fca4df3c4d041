// Version 8's hospital rules: initials where someone went, care "at" a place, health teams, and the cues they need.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

const hospitals = (story: string) => flagged(story, 'hospital');

describe('hospitals named by initials', () => {
  it.each([
    ['listed initials after "at", with no illness word', 'our worker met us at RACH and stayed till midnight', ['RACH (check)']],
    ['listed initials after "goes to"', 'my dad goes to ARI every month for his check', ['ARI (check)']],
    // (version 12: sure, a stay: "was in LRI", "after being in the RVH")
    ['listed initials after "was in"', 'she drove me up there when my nan was in LRI', ['LRI']],
    [
      'initials the list does not know, shaped like a hospital, where someone was ill',
      'she was poorly so they took her to the PDH',
      ['PDH (check)'],
    ],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['a scan, not a hospital', 'he had an MRI at last after the seizure'],
    ['a word written in capitals', 'she was ill and we went to HIGH street for her'],
    ['initials that are not a hospital', 'he was ill so we stayed with the NHS dentist'],
    ['the initials of a venue, with no illness word', 'we saw a concert at the RAH last year'],
    ['initials before a word that makes them something else', 'we went to the QEII centre for a conference'],
    ['a name, not initials', 'we met Ari at the park on Sunday'],
  ])('%s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe('care at a place, and health teams', () => {
  it.each([
    ['CAMHS at a place that is no town', 'she got me into CAMHS at Riverside and came with me', ['Riverside (check)']],
    ['physio at a place', 'he got physio at Parkside twice a week', ['Parkside (check)']],
    // sure: an unknown capitalised word the name lexicon also finds
    ['a mental health team at a place', 'he got me into the mental health team at Woodview and stuck by me', ['Woodview']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['CAMHS in a town', 'she got me into CAMHS at Leeds and came with me'],
    ['a place someone stayed, not a service', 'after her op we stayed at Brookside caravan park'],
    ['a team that is not a health team', 'he plays for the football team at Woodview on Saturdays'],
  ])('%s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe('new cues: death, a wheelchair, a febrile fit', () => {
  it.each([
    ['"died in the Queen Elizabeth"', 'when my husband died suddenly in the Queen Elizabeth I fell apart', ['Queen Elizabeth']],
    ['midwives: a listed saint is the hospital', "the midwives at St Richard's were lovely to us", ["St Richard's"]],
    ['a hospice at a name the lists do not know', 'nan was in the hospice at Treetops for a week', ['Treetops']],
    ['a wheelchair from a listed saint', "me mam got a wheelchair from St James's after a year", ["St James's"]],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['the queen who died', 'the day Queen Elizabeth died we watched it on telly'],
    ['the queen who passed away', 'when Queen Elizabeth passed away my son was sad'],
    ['a saint with no care around it', "we went to St Richard's for the carol service"],
    ['"fits in", not a fit', 'he fits in well at Lister now and has friends'],
  ])('%s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});
