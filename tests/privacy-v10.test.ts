// Version 10's rules (issue 15), tuned on 12x + 12y: small-letter employers after the work, streets after "on the",
// blocks of towers, and the school that excluded a child.
import { describe, expect, it } from 'vitest';
import { allFlagged, flagged } from './helpers/flags.ts';

describe('employers typed in small letters, just after the work', () => {
  it('finds "work at X in Y" where X is a word no lexicon holds', () => {
    expect(flagged('i work shifts at brynmor foods in wrexham and she fitted round my rota', 'workplace')).toEqual([]);
    expect(flagged('i work shifts at kwikpak in wrexham and she fitted round my rota', 'workplace')).toEqual(['kwikpak in wrexham']);
    expect(flagged('my job at zentek in swindon is nights', 'workplace')).toEqual(['zentek in swindon']);
  });

  it('takes a small-letter shopping street or quay as the place', () => {
    expect(flagged('now i work at costa in west quay and i got my provisional', 'workplace')).not.toEqual([]);
  });

  it('leaves work at home, at night and at work alone', () => {
    for (const s of ['i work at home in the evenings', 'my dad works at night in the garage', 'she was at work in leeds'])
      expect(allFlagged(s), s).toEqual([]);
  });
});

describe('streets and blocks in small letters', () => {
  it('finds one name-like word after "on the", "up the", "down the" before a street word (possible)', () => {
    expect(flagged("she drives me to my nan's on the tanfield road every sunday", 'address')).toEqual(['tanfield road (check)']);
    expect(flagged('we went down the glen road', 'address')).toEqual(['glen road (check)']);
  });

  it('not "on the main road", "the ring road", "off the road"', () => {
    for (const s of ['we live on the main road', 'he lives on the ring road', 'he ran off the road', 'she was on the phone'])
      expect(flagged(s, 'address'), s).toEqual([]);
  });

  it('finds towers with or without "the" where the family lives', () => {
    expect(flagged('when i got kicked out of my flat in canberra towers he found me a room', 'address')).toEqual([
      'canberra towers (check)',
    ]);
  });
});

describe('the school that excluded a child', () => {
  it('finds a capitalised name before "excluded him", sure with two words', () => {
    expect(flagged('she got him a place at Dylan Thomas when Bishop Vaughan excluded him', 'school')).toContain('Bishop Vaughan');
    expect(flagged('before Oakfield expelled her she was doing well', 'school').map((f) => f.replace(' (check)', ''))).toEqual([
      'Oakfield',
    ]);
  });

  it('finds two name-like small-letter words after "when" (possible)', () => {
    expect(flagged('got him a place at dylan thomas when bishop vaughan excluded him', 'school')).toContain('bishop vaughan (check)');
  });

  it('not a teacher, a parent or "the school"', () => {
    for (const s of ['after mr jones suspended her', 'when the school excluded him', 'when his dad suspended him from the football'])
      expect(flagged(s, 'school'), s).toEqual([]);
  });
});

describe('names after a relative, typed in small letters', () => {
  it('takes an unfamiliar word after a partner or relative before a verb or a pause', () => {
    expect(flagged('my fella davy had walked out and the bailiffs were at the door', 'name')).toEqual(['davy']);
    expect(flagged('me n my partner gaz were in a bad way', 'name')).toEqual(['gaz']);
  });

  it('not an ordinary word after them', () => {
    for (const s of ['my partner works nights', 'my husband kicked off', 'my fella sorted it']) expect(flagged(s, 'name'), s).toEqual([]);
  });

  it('reads "judge" in small letters as a title', () => {
    expect(flagged('at the final hearing judge mccartan said it was a fair report', 'name')).toEqual(['judge mccartan']);
    expect(flagged('the judge said no', 'name')).toEqual([]);
  });
});

describe('Welsh months', () => {
  it('finds a day and a Welsh month with its capital', () => {
    expect(flagged('when he had his big seizure on 17 Hydref we were in the Heath', 'date')).toEqual(['17 Hydref']);
    expect(flagged('ar 3ydd Mehefin 2024 daeth hi', 'date')).toEqual(['3ydd Mehefin 2024']);
  });

  it('not a small-letter word that is also a month', () => {
    expect(flagged('we had 2 medi appointments', 'date')).toEqual([]);
  });
});

describe('a hospital named again', () => {
  it('finds every other mention of a hospital found once, in the same case', () => {
    expect(
      flagged('she was in and out of the ulster with her chest. she even drove me to the ulster herself', 'hospital').map((f) =>
        f.replace(' (check)', ''),
      ),
    ).toEqual(['the ulster', 'ulster']);
  });
});

describe('a child named with "who is" and an age', () => {
  it('takes a name that is also a word when ", who was 11" follows', () => {
    expect(flagged('we took in a sibling group: Summer, who was 11, and her brother', 'name')).toEqual(['Summer']);
    expect(flagged('the house, who is 4', 'name')).toEqual([]);
  });
});

describe('a code of capitals and digits after a reference label', () => {
  it('finds it a few words after "claim number", "case"', () => {
    expect(flagged('The claim number from the eviction was K3NR0412.', 'case_ref')).toEqual(['K3NR0412']);
    expect(flagged('my case number is 4B7781XQ', 'case_ref')).toEqual(['4B7781XQ']);
  });

  it('not a benefit and a year, nor a number plate', () => {
    expect(flagged('the claim was for PIP2024 money', 'case_ref')).toEqual([]);
    expect(allFlagged('the number plate was AB12CDE')).toEqual(['vehicle_reg:AB12CDE']);
  });
});

describe('small-letter number plates near more kinds of vehicle', () => {
  it('reads a people carrier, a minibus or a motability car as a car word', () => {
    expect(flagged('the minibus ab12cde picked him up', 'vehicle_reg')).toEqual(['ab12cde']);
    expect(flagged('the motability car nk67 wdx was gone', 'vehicle_reg')).toEqual(['nk67 wdx']);
  });
});
