// Version 8's name rules: fewer false checks (Scots words, greetings, place-shaped words) and more children's names.
import { describe, expect, it } from 'vitest';
import { findFlagsDetailed } from '../server/privacy/index.ts';
import { flagged, TEST_WORKER } from './helpers/flags.ts';

const names = (story: string) => flagged(story, 'name');
const children = (story: string) =>
  findFlagsDetailed(story, TEST_WORKER)
    .filter((f) => f.sub === 'child_name')
    .map((f) => f.text);

describe('words that are not names', () => {
  it('reads Scots as words, not names', () => {
    expect(names('We didnae ken whit tae dae. Ye got me a flat and I cannae thank ye enough.')).toEqual([]);
    expect(names('she is the only wan who stayed, and the wee teddy came home with us')).toEqual([]);
  });

  it('still finds Ken as a person', () => {
    expect(names('My husband Ken came to every meeting.')).toEqual(['Ken']);
    expect(names('me and ken went to court')).toEqual(['ken']);
  });

  it('leaves greetings said twice or in another language', () => {
    expect(names('Thank you from all of us. xie xie!!')).toEqual([]);
    expect(names('ola Michelle. thank you for everything')).toEqual(['Michelle']);
  });

  it('reads a place-shaped word as a place, but shows one after "at"', () => {
    expect(names('When we came to Northfield we had nothing.')).toEqual([]);
    expect(names('she got me into the team at Broadoak quickly')).toEqual(['Broadoak (check)']);
    expect(names('Sarah Whitfield was the judge, then Dr Whitfield came.')).toEqual(['Sarah Whitfield', 'Dr Whitfield']);
  });

  it('does not take a capitalised name for an organisation before a small-letter verb', () => {
    expect(names('she helped Bianca start at her new school')).toEqual(['Bianca']);
    expect(names('we went to the Oakwood Centre')).toEqual([]);
  });

  it('keeps helplines, legal roles and blessings', () => {
    expect(names('Jai Shri Krishna! ring Lifeline if you struggle. The Guardian ad Litem and our Connected Persons assessment.')).toEqual(
      [],
    );
  });
});

describe("children's names", () => {
  it('reads "little X" and "my X was born" as a child', () => {
    expect(children('When little Summer came to us she had nothing. This summer Summer started school.')).toEqual(['Summer', 'Summer']);
    expect(children('my paddy was born early and came home in May')).toEqual(['paddy']);
    expect(children('my little girl loves the summer')).toEqual([]);
  });

  it('finds a double first name in small letters as a check', () => {
    expect(names('i was left with lacey-mae overnight')).toEqual(['lacey-mae (check)']);
    expect(names('a well-known place for a day-trip')).toEqual([]);
  });

  it('finds a name signed with a kiss before a phone number', () => {
    expect(names('we wont forget u. Hetal x  07700 900472 if u need a reference')).toEqual(['Hetal']);
    expect(names('we wont forget u. Love x')).toEqual([]);
  });

  it('reads "our X" as a child, but not a parent of children or in a story about grandchildren', () => {
    expect(children('me and our jayden do everything together')).toEqual(['jayden']);
    expect(children('Our Caoimhe is home with me now.')).toEqual(['Caoimhe']);
    expect(children("oor Kirsty's bairns came tae bide wi us")).toEqual([]);
    expect(children('we look after our grandkids since our Kerry went off the rails')).toEqual([]);
  });

  it('reads the names after "mother of" and a sentence with "when she was 2" as children', () => {
    expect(children('Hello, I am Mihaela, mother of Andrei and Ioana.')).toEqual(['Andrei', 'Ioana']);
    expect(children('Mabli came home when she was 2 and she thrived.')).toEqual(['Mabli']);
    expect(children('Dean came round when he was 40 and fixed it.')).toEqual([]);
  });

  it("reads a young writer's signature as a child's name", () => {
    expect(children('im 15 and i look after me mam. thank u so much x kayla')).toEqual(['kayla']);
    expect(children('She sorted our house and the school for the kids. thank u so much, Karen')).toEqual([]);
  });

  it('shows a word-name signed after a kiss, and leaves a Welsh place word', () => {
    expect(names('cant thank her enough xx pat')).toEqual(['pat (check)']);
    expect(names('cant thank her enough xx')).toEqual([]);
    expect(names('she got him help through Afon Taf and Bryn Jones came too')).toEqual(['Bryn Jones']);
  });

  it("leaves Doric, Welsh 'ti'n seren', small-letter places and dances", () => {
    expect(
      names("A didna ken whit tae say. Diolch yn fawr, ti'n seren. we come from hong kong. in wan o the flats. she tried garba"),
    ).toEqual([]);
    expect(names('with zara and ayaan')).toEqual(['zara (check)', 'ayaan (check)']);
  });
});

describe('Welsh and Irish words for grandparents and parents before a name', () => {
  it('leave the relation word in the quote and take the name', () => {
    expect(flagged('The boys stayed with Bampi Gethin for a fortnight.', 'name')).toEqual(['Gethin']);
    expect(flagged('her mammy Siobhan rang me every night', 'name')).toEqual(['Siobhan']);
  });
});
