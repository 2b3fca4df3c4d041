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
