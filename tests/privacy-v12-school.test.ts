// Version 12's school rules, tuned on 12n + 12p: a child (named as a son, a sister, or by an age) at a school,
// "go X" without "to", staying on at a school, a school that shares its street's name, and career words.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a child at a school', () => {
  it('is sure where the sentence names the child as a brother, sister or son', () => {
    expect(flagged('His sister Amara is at Park View and loves it.', 'school')).toEqual(['Park View']);
    expect(flagged('my wee brother Tiernan is at Meadow Bank now', 'school')).toEqual(['Meadow Bank']);
  });

  it('stays possible for a brother with no name, who may be grown up', () => {
    expect(flagged('My brother is at Park View.', 'school')).toEqual(['Park View (check)']);
    expect(flagged('Amara is at Witton Park now.', 'school')).toEqual(['Witton Park (check)']);
  });

  it('is sure after a child\'s age and "goes to"', () => {
    expect(flagged('Ali is 8 and goes to Meadow Bank.', 'school')).toEqual(['Meadow Bank']);
    expect(flagged('Ali goes to Meadow Bank.', 'school')).toEqual(['Meadow Bank (check)']);
  });
});

describe('"go X" with no "to"', () => {
  it("reads a school after a child or a child's age", () => {
    expect(flagged('Tomas is 11 and he go Braeburn, his English is good now.', 'school')).toEqual(['Braeburn']);
    expect(flagged('my son Kacper goes Thornleigh and likes it', 'school')).toEqual(['Thornleigh']);
    expect(flagged('Sadia is 12 and her sis go Notre Dame', 'school')).toEqual(['Notre Dame']);
  });

  it('leaves a grown-up going somewhere alone', () => {
    expect(flagged('my husband goes Thornleigh for work', 'school')).toEqual([]);
    expect(flagged('We go Braeburn for the shopping on Friday.', 'school')).toEqual([]);
  });
});

describe('staying on at a school', () => {
  it('is a school in a sentence about school, even when named like a street', () => {
    expect(flagged('Zuri moved up to the academy but Kemi stayed at Orchard Street with her friends from school.', 'school')).toEqual([
      'Orchard Street',
    ]);
    expect(flagged('Zuri moved up to the academy but Kemi stayed at Orchard Street with her friends from school.', 'address')).toEqual([]);
  });

  it('is the street where nothing says school', () => {
    expect(flagged('We stayed at Orchard Street with my mum for a week.', 'school')).toEqual([]);
    expect(flagged('We stayed at Orchard Street with my mum for a week.', 'address')).toEqual(['Orchard Street']);
  });
});

describe('a school named for its street', () => {
  it('is the school after a sure school lead', () => {
    expect(flagged('She was 6 when she started reception at Paxton Avenue.', 'school')).toEqual(['Paxton Avenue']);
    expect(flagged('She was 6 when she started reception at Paxton Avenue.', 'address')).toEqual([]);
  });

  it('is the street where the family lives', () => {
    expect(flagged('We moved to a flat on Paxton Avenue last year.', 'school')).toEqual([]);
  });
});

describe('a job a child hopes for is not an illness', () => {
  it('reads "wants to be a doctor" as no illness', () => {
    expect(flagged("She is 13 and wants to be a doctor, she goes St Aidan's now.", 'school')).toEqual(["St Aidan's"]);
  });

  it('still reads a doctor who saw her as illness', () => {
    expect(flagged("She is 13 and was seen by a doctor, she goes St Aidan's now.", 'school')).toEqual([]);
  });
});

describe('a child the story names, later at a school', () => {
  it("is sure where the story said before that the name is a child's", () => {
    expect(flagged('My daughter Lana was 12 then. Now Lana is at Park View and loves it.', 'school')).toEqual(['Park View']);
    expect(flagged('My kids Femi and Ola are lovely. Femi goes to Park View.', 'school')).toEqual(['Park View']);
    expect(flagged('The boys Harvey and Archie settled at Park View.', 'school')).toEqual(['Park View']);
  });

  it("stays possible where nothing says the name is a child's", () => {
    expect(flagged('Lana is at Park View and loves it.', 'school')).toEqual(['Park View (check)']);
    expect(flagged('Harvey and Archie settled at Park View.', 'school')).toEqual(['Park View (check)']);
  });

  it('reads "and Nia at X" after a child of the story', () => {
    expect(flagged('My girls Dev and Nia are doing well. Dev is at Meadow Bank and Nia at Park View now.', 'school')).toEqual([
      'Meadow Bank',
      'Park View (check)',
    ]);
    expect(flagged('my sis rukhsana at Thornleigh said he helped her with her forms', 'school')).toEqual(['Thornleigh']);
  });

  it('leaves a child at a time or seen at a place alone', () => {
    expect(flagged('My girls Dev and Nia are doing well. Dev is at work and Nia at Easter.', 'school')).toEqual([]);
    expect(flagged('My girls Dev and Nia are fine. We saw Dev and Nia at Park View.', 'school')).toEqual([]);
  });
});

describe('doing well at a school, and got into one', () => {
  it("is sure after a child's age or a child of the story", () => {
    expect(flagged("zara is 10 and doing great at St Brendan's.", 'school')).toEqual(["St Brendan's"]);
    expect(flagged('My son Kemar was struggling. She got Kemar into Park View.', 'school')).toEqual(['Park View']);
  });

  it('stays possible with no child said', () => {
    expect(flagged("We were doing great at St Brendan's.", 'school')).toEqual(["St Brendan's (check)"]);
    expect(flagged('She got Kemar into Park View.', 'school')).toEqual(['Park View (check)']);
  });
});

describe('a college named with a compass word', () => {
  it('reads "South and City College", "North West College"', () => {
    expect(flagged('she went to South and City College last year', 'school')).toEqual(['South and City College']);
    expect(flagged('he goes to North West College now', 'school')).toEqual(['North West College']);
  });

  it('leaves a direction and an academy trust alone', () => {
    expect(flagged('we drove south and City College was shut', 'school')).toEqual([]);
    expect(flagged('the South West Academy Trust runs it', 'school')).toEqual([]);
  });
});

describe('a place at a school, and a teacher at one', () => {
  it('is sure for a place in a sentence about school', () => {
    expect(flagged('She came to the EHCP review and argued for a place at Park View, where he is happy.', 'school')).toEqual(['Park View']);
    expect(flagged('She argued for a place at Park View, where he is happy.', 'school')).toEqual(['Park View (check)']);
  });

  it('reads a teacher "Mrs X at Y" in a sentence about a child', () => {
    expect(flagged('She spoke to Mrs Okafor at Park View about my son.', 'school')).toEqual(['Park View (check)']);
    expect(flagged('She spoke to Mrs Okafor at Park View about my benefits.', 'school')).toEqual([]);
  });
});

describe('a child "is in" a school', () => {
  it('reads a name that is no place after a child "is in" (possible)', () => {
    expect(flagged('my daughter Ugne is in Thornleigh now, she is 8', 'school')).toEqual(['Thornleigh (check)']);
  });

  it('leaves a town, a year group, a unit and a grown-up alone', () => {
    for (const s of [
      'my daughter Ugne is in Leeds now',
      'my son is in Year 5 now',
      'my son is in Foster Care now',
      'my son was in Skye House for a month',
      'my husband is in Thornleigh now',
    ])
      expect(flagged(s, 'school'), s).toEqual([]);
  });
});
