// Version 13's school rules, tuned on 12q + 12u: a list of schools in one sentence, a second child "at" a second
// school, "goes every day to", trouble or silence at a school after a child's age, "kicked off at", a school named
// for its road in a sentence about school, "X TEC", Irish names after "na" ("Gaelscoil na bhFál"), "10 n at",
// "hadnt been to X" after a child, colleges by their initials (NWRC, UWE), "moved him from X to Bishop Y".
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

describe('a list of schools in one sentence', () => {
  it('makes a name a child "is at" sure beside a school named by its school word', () => {
    expect(flagged('Ruby goes to Hillside Primary and Noah is at Acton Park.', 'school')).toEqual(['Hillside Primary', 'Acton Park']);
    expect(flagged('Our Finn is at Greenacre Academy and his wee sister Maeve is at Forge.', 'school')).toEqual([
      'Greenacre Academy',
      'Forge',
    ]);
  });

  it('leaves a name possible where no school is named in the sentence', () => {
    expect(flagged('Noah is at Acton Park.', 'school')).toEqual(['Acton Park (check)']);
    expect(flagged('Her wee sister Maeve is at Forge.', 'school')).toEqual([]);
  });
});

describe('a second child at a second school', () => {
  it('reads "and Bonnie at X" after a school found after "at" (possible)', () => {
    expect(flagged('Ellis is at Tregarth now and Bonnie at Hollybrook, both settled.', 'school')).toEqual([
      'Tregarth',
      'Hollybrook (check)',
    ]);
  });

  it("needs a person's name between, and a school before", () => {
    expect(flagged('Ellis is at Tregarth and Dad at Heathrow.', 'school')).toEqual(['Tregarth']);
    expect(flagged('We ate at Frankie and Benny at Luigi.', 'school')).toEqual([]);
  });
});

describe('leads after a child', () => {
  it('reads "goes every day to" as "goes to"', () => {
    expect(flagged('Milan is 11 and now he goes every day to Wyke Hollins with his friends.', 'school')).toEqual(['Wyke Hollins']);
    expect(flagged('He goes every day to the gym.', 'school')).toEqual([]);
  });

  it("reads trouble or silence at a place after a child's age", () => {
    expect(flagged('our boy Kai aged 12 kept getting into trouble at Duke Humfrey.', 'school')).toEqual(['Duke Humfrey']);
    expect(flagged('Our son Leo, aged 7, stopped talking at Orchard Gates.', 'school')).toEqual(['Orchard Gates']);
    expect(flagged('My husband got into trouble at Tesco.', 'school')).toEqual([]);
  });

  it('reads "kicked off at" in a sentence about school', () => {
    expect(flagged('i kicked off at Thornbury Vale and got excluded for a week', 'school')).toEqual(['Thornbury Vale']);
    expect(flagged('he kicked off at Asda and we had to leave', 'school')).toEqual([]);
  });

  it('reads "10 n at" as "10 and at"', () => {
    expect(flagged('Aisha is 10 n at Moorcroft', 'school')).toEqual(['Moorcroft']);
    expect(flagged('Aisha is 10 n at work', 'school')).toEqual([]);
  });
});

describe('a child who has not been to a place', () => {
  it('is missing school there, after a child or an age', () => {
    expect(flagged('our Jayden was 8 and hadnt been to Oakmere in weeks', 'school')).toEqual(['Oakmere']);
    expect(flagged("I hadn't been to Spain in years.", 'school')).toEqual([]);
  });
});

describe('a child moved from one school to another', () => {
  it('reads a saint\'s or a bishop\'s name "him" or "her" was moved to, and the name before it', () => {
    expect(flagged('Dave got her moved from Westcote to Bishop Ramsey, and she loves it.', 'school')).toEqual([
      'Westcote',
      'Bishop Ramsey',
    ]);
  });

  it('leaves a family moving from one town to another', () => {
    expect(flagged('we moved from Luton to Bishop Auckland', 'school')).toEqual([]);
    expect(flagged('the council moved him from Leeds to St Helens', 'school')).toEqual([]);
  });
});

describe('small letters after a sure lead in a sentence about school', () => {
  it("makes a saint's name or an unknown word sure", () => {
    expect(flagged('shannon is 15 now an doin her gcses at st brigids', 'school')).toEqual(['st brigids']);
    expect(flagged('she got tyler into kirk-hallam when his old school gave up on him', 'school')).toEqual(['kirk-hallam']);
  });

  it('leaves them possible without a word about school', () => {
    expect(flagged('she got him back into st brigids after all that', 'school')).toEqual(['st brigids (check)']);
    expect(flagged('she got him into kickboxing when school was bad', 'school')).toEqual([]);
  });
});

describe('a school named for its road', () => {
  it('is a school a child goes to in a sentence about school', () => {
    expect(flagged('he goes to Blackness Road now and his teacher says he is thriving.', 'school')).toEqual(['Blackness Road']);
    expect(flagged('he goes to Blackness Road now to see his dad.', 'school')).toEqual([]);
  });
});

describe('school words', () => {
  it('reads "X TEC" in capitals as a college', () => {
    expect(flagged('i nearly dropped out of Whitehaven TEC last year', 'school')).toEqual(['Whitehaven TEC']);
    expect(flagged('he wears Hi Tec trainers', 'school')).toEqual([]);
  });

  it('reads colleges and universities by their initials', () => {
    expect(flagged('she got me a place at NWRC on the childcare course', 'school')).toEqual(['NWRC']);
    expect(flagged('my eldest is in her second year at UWE', 'school')).toEqual(['UWE']);
    expect(flagged('he wants to work for the LSE one day', 'school')).toEqual([]);
  });

  it('reads Irish names after "na" with their small prefix', () => {
    expect(flagged('Our Cathal goes to Gaelscoil na bhFál now.', 'school')).toEqual(['Gaelscoil na bhFál']);
    expect(flagged('She is at Coláiste na nGael in Derry.', 'school')).toEqual(['Coláiste na nGael']);
    expect(flagged('We went to the Gaeltacht na summer.', 'school')).toEqual([]);
  });
});
