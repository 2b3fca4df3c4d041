// Version 7's school rules: schools named bare after a child's age, after "my school", "her school is", in small
// letters, and the well-known schools named without a head word; each with an ordinary sentence left alone.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

const schools = (story: string) => flagged(story, 'school');

describe("a child's age before 'at'", () => {
  it.each([
    ['an unknown name', 'my son rodrigo is 10 and at Gonville, the teachers are kind', ['Gonville']],
    ['without "and"', 'my daughter berfin is 7 at Shirley Junior and she loves it', ['Shirley Junior']],
    ['"hes ... now and at" with a saint', 'hes 7 now and at St Patricks Pennyburn, the teachers adore him', ['St Patricks Pennyburn']],
    ['a saint and a denomination', 'Aoife is 7 and at St Marys RC in Kilburn, and', ['St Marys RC']],
    ['an area after "started at", in a sentence about school', 'Niamh is 13 and started at Sydenham in year 8', ['Sydenham']],
    ['an area alone is only possible', 'she is 15 and at Leeds now', ['Leeds (check)']],
    ['in small letters, possible', 'joy is 6 and at pye bank and she loves it', ['pye bank (check)']],
  ])('%s', (_, story, expected) => {
    expect(schools(story)).toEqual(expected);
  });

  it.each([
    ['at home', 'she is 15 and at home all day'],
    ['at a festival', 'she was 15 and at Christmas she ran away'],
    ['at a place of worship', "she's 15 and at Gurdwara every week"],
    ['at a service', 'he is 13 and at CAMHS now'],
    ['at a relative’s house', "she is 14 and at Nan's most weekends"],
    ['at a plain word that is no name', 'she is 4 and at Gymnastics on Saturdays'],
    ['an adult', 'my dad is 60 and at Oakfield now'],
    ['a home or a unit', 'she is 15 and at Oakwood House, a care home'],
    ['a place of worship with two words', 'he is 14 and at Kingdom Hall with his gran'],
  ])('not %s', (_, story) => {
    expect(schools(story)).toEqual([]);
  });

  it('finds the same school again where it is written the same', () => {
    expect(schools('my eldest Cerys is 15 and at Trinity, and Trinity were brilliant with her.')).toHaveLength(2);
  });

  it('leaves a hospital to the hospital rules', () => {
    expect(schools('she is 3 and at Alder Hey with her heart')).toEqual([]);
  });
});

describe('leads before a bare name', () => {
  it.each([
    ['"my school X" (possible)', 'she talked to my school Alperton Community and now i get extra time', ['Alperton Community (check)']],
    ['"her school is X"', 'her school is Holte and they are great', ['Holte']],
    ['"his new school is called X"', 'his new school is called Fitzalan and he likes it', ['Fitzalan']],
    ['"her school is St X\'s"', "her school is St Mary's and", ["St Mary's"]],
    ['"her school is x" in small letters (possible)', 'her school is holte and', ['holte (check)']],
    // (a possible school that the name rules also find becomes sure)
    ['"excluded him from"', 'they excluded him from Addey and Stanhope. Then', ['Addey', 'Stanhope']],
    ['"was at" in a sentence about school', 'before that tasnim was at Djanogly and she was always top of the class.', ['Djanogly']],
    ['"shes at"', 'shes at St Giles now and its the best thing', ['St Giles (check)']],
    ['"the breakfast club at"', 'becky got her into the breakfast club at Tanners Brook so', ['Tanners Brook']],
    ['"in 3rd year" makes a sentence about school', 'went tae Craigroyston then got flung oot in 3rd year.', ['Craigroyston']],
    ['"since year 7"', "he's been at Whitmore since year 7", ['Whitmore']],
    ['"moved schools to"', 'she moved schools to Greenfield last year', ['Greenfield']],
    ['"drop them at" without "off"', 'i drop them at Kilmorie every morning', ['Kilmorie']],
    ["a place-shaped name's staff", "Pye Bank's teachers were lovely", ['Pye Bank']],
  ])('%s', (_, story, expected) => {
    expect(schools(story)).toEqual(expected);
  });

  it.each([
    ['an event of the school', 'our school Sports Day was lovely'],
    ['a teacher after "my school"', 'his school Mrs Patel said he could stay'],
    ['a verdict on the school', 'my school is shite tbh'],
    ['"was at" a shop', 'I was at Tesco when the teacher rang'],
    ['"moved her to" near illness', 'then they moved her to Mile End for rehab and she got better'],
    ['"got me into" near illness', 'she got me into Grangewood for my outpatient stuff'],
    ['a year group after "starts"', 'his sister starts P1 in September.'],
    ['someone\'s house after "collect him from"', "i collect him from Dave's on Sunday"],
    ["a child's teachers", "Kayden's teachers were lovely"],
  ])('not %s', (_, story) => {
    expect(schools(story)).toEqual([]);
  });
});

describe('church schools and names in small letters', () => {
  it.each([
    ['a devotional name with a head', 'she goes to sacred heart primary', ['sacred heart primary']],
    ['with a denomination', 'my daughter goes to our ladys rc', ['our ladys rc']],
    ['after a lead (possible)', 'she is in year 3 at holy family', ['holy family (check)']],
    ["a bishop's name (possible)", 'they moved him to bishop challoner', ['bishop challoner (check)']],
    ["a person's full name before a head (possible)", 'my son goes to harry gosling primary', ['harry gosling primary (check)']],
    ['one name before "college" (possible)', 'she is at carmel college now', ['carmel college (check)']],
    ['a full name after "is at" (possible)', 'ayaan is at harry gosling and my sister', ['harry gosling (check)']],
  ])('%s', (_, story, expected) => {
    expect(schools(story)).toEqual(expected);
  });

  it.each([
    ['a church service', 'we went to holy family for mass'],
    ['a child taken to school', 'i take kayden to school every day'],
    ['a person someone goes to', 'i go to jane smith for help'],
    ['a child sent to college', 'we took ellie to college'],
    ["a story's first word", 'harry potter is good'],
    ['the bishop at church', 'we went to see the bishop at church'],
  ])('not %s', (_, story) => {
    expect(schools(story)).toEqual([]);
  });
});

describe('schools named bare (schools.txt)', () => {
  it.each([
    ['a Welsh-medium school', 'he goes to Glantaf now', ['Glantaf']],
    ['in small letters, where safe', "he's at plasmawr", ['plasmawr']],
    ['a Merseyside school after "into"', 'she got into Archbishop Blanch', ['Archbishop Blanch']],
    ['a West Midlands school in a sentence about school', 'his teachers at Ninestiles have been brilliant', ['Ninestiles']],
  ])('%s', (_, story, expected) => {
    expect(schools(story).map((s) => s.replace(' (check)', ''))).toEqual(expected);
  });

  it.each([
    ['a teacher with a listed surname', 'her teacher Miss Alsop was kind'],
    ['a listed town after "moved to"', 'we moved to Harrow last year'],
  ])('not %s', (_, story) => {
    expect(schools(story)).toEqual([]);
  });
});
