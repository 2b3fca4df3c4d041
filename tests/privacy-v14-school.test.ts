// Version 14 school rules: schools named without a school word, read from the words around them.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('schools after a child aged in Scots', () => {
  it('reads "wis", "then" and "an" between the age and "at"', () => {
    expect(flagged('Oor Callum, who wis 11 then an at Kinnoull, was aye greetin.', 'school')).toEqual(['Kinnoull']);
  });
  it('reads "strugglin" after a child aged', () => {
    expect(flagged('Her brother Ewan is 14 an was strugglin at Dalvey wi the worry.', 'school')).toEqual(['Dalvey']);
  });
  it('leaves a time after the age', () => {
    expect(flagged('She wis 9 then an at Christmas we flitted tae Dundee.', 'school')).toEqual([]);
  });
});

describe('a school the worker spoke to, in a sentence about school', () => {
  it('flags the name spoken to', () => {
    expect(flagged('She spoke to Rowanfield so the teachers knew what was going on.', 'school')).toEqual(['Rowanfield']);
  });
  it('does not flag a person spoken to', () => {
    expect(flagged('She spoke to Sarah so the teachers knew what was going on.', 'school')).toEqual([]);
  });
  it('does not flag without a school word', () => {
    expect(flagged('She spoke to Rowanfield about the rent arrears.', 'school')).toEqual([]);
  });
});

describe("a name before a school's teachers", () => {
  it('flags "the Dunmore teachers"', () => {
    expect(flagged('He rang the Dunmore teachers every week so Kai could go back slowly.', 'school')).toEqual(['Dunmore']);
  });
  it('does not flag a subject', () => {
    expect(flagged('He rang the Maths teachers every week about her homework.', 'school')).toEqual([]);
  });
});

describe('a nursery named as nurseries are, in a sentence about a nursery', () => {
  it('flags "Little X" after "at"', () => {
    expect(flagged('She found a nursery place for Mia at Busy Bumbles near the flat.', 'school')).toEqual(['Busy Bumbles']);
  });
  it('does not flag it without a nursery word', () => {
    expect(flagged('We had a day out at Little Haven with the dog.', 'school')).toEqual([]);
  });
});

describe('where a child was, then where they are now', () => {
  it('flags the past one', () => {
    expect(flagged('He was at Dunmore Vale then and now hes at Kirkton Hill and happy.', 'school')).toContain('Dunmore Vale');
  });
  it('does not flag it where they are now at home', () => {
    expect(flagged('He was at Dunmore Vale then and now he is at home with me.', 'school')).toEqual([]);
  });
});

describe('a college someone studies at', () => {
  it('flags a name before "studying" (possible)', () => {
    expect(flagged("I'm at Brackenfield Park studying hair and beauty now.", 'school')).toEqual(['Brackenfield Park (check)']);
  });
  it('does not flag a shop someone is training at', () => {
    expect(flagged("I'm at Tesco training to be a manager.", 'school')).toEqual([]);
  });
  it('flags a small-letter college after "course at" (possible)', () => {
    expect(flagged('she got me on the bricklaying course at marshwood hall last year.', 'school')).toEqual(['marshwood hall (check)']);
  });
  it('does not flag a course at a service', () => {
    expect(flagged('She sent me on a parenting course at Sure Start.', 'school')).toEqual([]);
  });
});

describe('a name after "the" where exams are sat', () => {
  it('flags "my highers at da X" (Shetland "da")', () => {
    expect(flagged('so i can sit my highers at da Brae still, jamie sorted it.', 'school')).toEqual(['Brae']);
  });
  it('does not flag "the X" without exams', () => {
    expect(flagged('We met at the Brae for a cup of tea.', 'school')).toEqual([]);
  });
});

describe('a town and a compass point a child goes to, in a sentence about school', () => {
  it('flags it (possible)', () => {
    expect(flagged('Ana goes to Lincoln North and her sister is in reception at St Luke.', 'school')).toContain('Lincoln North (check)');
  });
  it('does not flag a family moving there', () => {
    expect(flagged('We moved to Lincoln North last year and the school is nice.', 'school')).toEqual([]);
  });
});

describe('a child kept on or sorted somewhere', () => {
  it('flags a saint a child is kept at (possible)', () => {
    expect(flagged('He fought to keep her at St Aidan Wells though it meant two buses.', 'school')).toEqual(['St Aidan Wells (check)']);
  });
  it('does not flag keeping a child at home', () => {
    expect(flagged('He fought to keep her at home with me.', 'school')).toEqual([]);
  });
  it('flags a small-letter place a named child was sorted at (possible)', () => {
    expect(flagged('my wee sister niamh is 6. shauna got niamh sorted at brackenhill and she settled.', 'school')).toEqual([
      'brackenhill (check)',
    ]);
  });
  it('does not flag "sorted at" without a child', () => {
    expect(flagged('my car got sorted at brackenhill garage in the end.', 'school')).toEqual([]);
  });
});
