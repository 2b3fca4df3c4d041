// Version 12's hospital rules: wards named after places, women's and children's hospitals said short, where
// someone died, stays said without "for", units at a listed town's hospital, initials where someone stayed.
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers/flags.ts';

const hospitals = (story: string) => flagged(story, 'hospital');

describe('a ward named after a place', () => {
  it.each([
    ['"on" and care in the sentence', 'after her seizure my girl was put on Cotswold ward overnight', ['Cotswold ward']],
    ['after the kind of ward', 'when he broke his leg we waited on the kids ward, Pembroke ward it was called', ['Pembroke ward']],
    ['"on" alone is possible', 'we sat on Pembroke Ward for hours', ['Pembroke Ward (check)']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['a council ward', 'she was the councillor for Cotswold ward when he was ill'],
    ['a place ward with nothing around it', 'Pembroke ward is where my cousin lives'],
  ])('not %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe("a women's and children's hospital said short", () => {
  it.each([
    ['capitalised, about care', 'she was on the neonatal at Womens and Childrens for a month', ['Womens and Childrens']],
    ['with possessives', "our son was born at the Women's and Children's in the end", ["Women's and Children's"]],
    ['a town and small letters', 'we ended up at derby womens and childrens with her chest', ['derby womens and childrens (check)']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['a service', "the Women's and Children's Services team rang me"],
    ['a refuge', 'she found a refuge for women and children when we were sick of moving'],
  ])('not %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe('where someone died or stayed', () => {
  it.each([
    ['"died in" a saint\'s name', "my husband died in St Gerard's after a long illness", ["St Gerard's"]],
    ['"passed away at" City Hospital, not the "I" after it', 'When mum passed away at City Hospital I was lost', ['City Hospital']],
    ['a stay said without "for"', 'we was in Central Middlesex three weeks with his asthma', ['Central Middlesex']],
    ['a burns unit at a listed town', 'he was moved to the burns unit at Morriston after the fire', ['Morriston']],
    ['initials after "being in"', 'things got bad after being in the RVH with my nerves', ['RVH']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['a country', 'my dad died in Somalia when I was small'],
    ['a month', 'my nan died in April and I was ill for weeks'],
    ['custody', 'her brother died in Custody and she was ill after'],
  ])('not %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });

  it('leaves a listed town a check without a stay', () => {
    expect(hospitals('we drove to the unit at Morriston to drop off his stroke notes')).toEqual(['Morriston (check)']);
  });
});

describe('a unit, ward or clinic at a place, and other stays', () => {
  it.each([
    ['a named ward at a listed house', 'he was sectioned and put on Larch ward at the Priory', ['Larch ward', 'the Priory']],
    ['a CAMHS clinic at a listed name', 'she self harmed so they sent us to the CAMHS clinic at Mile End', ['Mile End']],
    ['"is in" and "isnt well"', 'my nan isnt well and is in the Mater most weeks', ['the Mater']],
    ['taken to it with a burn', 'the baby was taken to the Ulster with a burn on her hand', ['the Ulster']],
    ['admitted to a ward named like a person', 'I was admitted to Brontë Ward after the birth', ['Brontë Ward']],
    ['"up and down to" the MRI', 'we were up and down to the MRI with his heart all year', ['MRI']],
    ['"seeing someone at"', 'the doctor got me seeing someone at the Laurels for my head', ['Laurels (check)']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['an MRI scan', 'they took him to the MRI scan and he was brave'],
    ['an MRI someone had', 'she had the MRI on Tuesday after the seizure'],
    ['the same ward at', 'we were on the same ward at first with her asthma'],
    ['seeing someone at a time', 'I was seeing someone at the time and it ended'],
  ])('not %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe('a listed name where someone stayed, after a sentence about care or with visits', () => {
  it.each([
    [
      'the sentence before speaks of care',
      'I had a breakdown after the birth. I ended up at Melbury Lodge with the baby',
      ['Melbury Lodge'],
    ],
    ['visits in the same sentence', 'When our girl was in Skye House her gran visited every Sunday', ['Skye House']],
    ['counselling at it', 'after the attack she got me counselling at the Havens straight away', ['the Havens']],
  ])('%s', (_name, story, expected) => {
    expect(hospitals(story)).toEqual(expected);
  });

  it.each([
    ['no care before and no visits', 'We were in Skye House for the weekend with the cousins'],
    ['care before, but no stay', 'He was poorly last year. We drove past Melbury Lodge on the way home'],
  ])('not %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe('a doctor by name speaks of care; a town named for a saint is not its hospital', () => {
  it('reads listed initials as a hospital where a doctor is named', () => {
    expect(hospitals('she came to GRI that night and stayed till Dr Okafor said I could go home')).toEqual(['GRI']);
    expect(hospitals('she came to GRI that night and stayed till I could go home')).toEqual(['GRI (check)']);
  });

  it.each([
    ['"died in" a saint\'s town', 'my grandad died in St Ives when I was little'],
    ['a doctor of letters and no hospital', 'Dr Evans taught me at college and said I could do it'],
  ])('not %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});

describe("a hospital's named wing", () => {
  it('reads a named wing in a sentence about care', () => {
    expect(hospitals('my son was born early in the Burdett Wing and was tiny')).toEqual(['Burdett Wing']);
  });

  it.each([
    ["a building's side", 'we had a tour of the East Wing after her op'],
    ['a wing with no care', 'the Lister Wing of the school has new windows'],
  ])('not %s', (_name, story) => {
    expect(hospitals(story)).toEqual([]);
  });
});
