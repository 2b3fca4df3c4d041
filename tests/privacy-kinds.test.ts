// Issue 15: the new kinds, the two tiers and the keep-list, one behaviour per case.
import { describe, expect, it } from 'vitest';
import { findFlags, KIND_LABELS, FLAG_KINDS, suggestQuote } from '../server/privacy/index.ts';
import { mod11Valid } from '../server/privacy/identifiers.ts';
import { looksWelsh } from '../server/privacy/welsh.ts';
import { allFlagged, flagged, TEST_WORKER } from './helpers/flags.ts';

const WORKER = TEST_WORKER;
const all = allFlagged;

describe('ID numbers', () => {
  it('knows the NHS check digit', () => {
    expect(mod11Valid('4855260185')).toBe(true);
    expect(mod11Valid('4855260186')).toBe(false);
    expect(mod11Valid('123456789')).toBe(false);
  });

  it.each([
    ['an NHS number after its label', 'NHS number 485 777 3456', ['485 777 3456']],
    ['an NHS number with a good check digit, unlabelled', 'his number is 485 526 0185 if needed', ['485 526 0185']],
    ['a spaced ten-digit number with a bad check digit is only possible', 'it was 485 526 0186 then', ['485 526 0186 (check)']],
    ['a CHI number (date-led, 6-4)', 'her CHI is 020719 1948 and', ['020719 1948']],
    ['a CHI number run together', 'chi number 1403126283', ['1403126283']],
    ['a National Insurance number, spaced', 'My NI number is JT 48 29 61 B and', ['JT 48 29 61 B']],
    ['a National Insurance number in small letters', 'it was wrong on everything, ab123456c, and', ['ab123456c']],
    ['not a National Insurance prefix (QQ, GB)', 'codes QQ 12 34 56 C and GB 12 34 56 A', []],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'nhs_number')).toEqual(expected);
  });

  it('leaves a phone number a phone number', () => {
    expect(all('ring me on 01424 567890 please')).toEqual(['phone:01424 567890']);
  });
});

describe('vehicle registrations', () => {
  it.each([
    ['current format', 'a silver car, LM68 KPE, outside', ['LM68 KPE']],
    ['small letters after "reg"', 'his van, reg is yk19 xzt, was there', ['yk19 xzt']],
    ['small letters alone are only possible', 'i wrote down yk19 xzt on my hand', ['yk19 xzt (check)']],
    ['prefix format', 'he was in the P123 GKL every night', ['P123 GKL']],
    ['suffix format', 'an old ABC 123D parked up', ['ABC 123D']],
    ['Northern Irish', 'his Ford Focus (ABZ 4821) outside', ['ABZ 4821']],
    ['not a postcode', 'we live in SW1A 1AA now', []],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'vehicle_reg')).toEqual(expected);
  });
});

describe('social media handles', () => {
  it.each([
    ['an @handle', 'a fake account @zainab.h_x pretending', ['@zainab.h_x']],
    ['"his snap is"', 'his snap is kaiboi_2011 and', ['kaiboi_2011']],
    ['a WeChat ID', 'my WeChat ID is ming8899 and', ['ming8899']],
    ['a Facebook name', 'my fb is Kerry Jones Evans if anyone', ['Kerry Jones Evans']],
    ['not an ordinary word', 'my fb is private so', []],
    ['not an email address', 'email kerry@example.com', []],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'social_handle')).toEqual(expected);
  });
});

describe('hospitals, wards and clinics', () => {
  it.each([
    ['a hospital', 'she drove me to the Conquest Hospital when', ['Conquest Hospital']],
    ['a Welsh hospital', 'chased Ysbyty Gwynedd every day', ['Ysbyty Gwynedd']],
    ['"the Royal"', 'came to the Royal every day', ['the Royal']],
    ['not the Royal Mail', 'a parcel from the Royal Mail', []],
    ['a numbered ward', 'she was on ward 7 for weeks', ['ward 7']],
    ['a named ward', 'checked on us on Puffin Ward afterwards', ['Puffin Ward']],
    ['not a surname', 'Rebecca Ward was our worker', []],
    ['a known hospital with no head word', 'came with me to Alder Hey when', ['Alder Hey']],
    ['a GP surgery', 'a place at Parkside Surgery when', ['Parkside Surgery']],
    ['not "the hospital"', 'she sat with me at the hospital', []],
    ['an unknown one someone "was in", in a sentence about illness', 'when Nan was in Hazelmere with her hip', ['Hazelmere (check)']],
    ['"Royal X" without "the", after a breakdown', 'I was in Royal Dunmore for a month after my breakdown', ['Royal Dunmore']],
    ['not "Royal" at the races', 'went to Royal Ascot once', []],
    ['a kind of hospital and its nation', "he was in the Children's Hospital for Wales again", ["Children's Hospital for Wales"]],
    ['not a holiday of two weeks', 'he was in Portugal for two weeks', []],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'hospital', 'Rebecca Ward')).toEqual(expected);
  });
});

describe('workplaces', () => {
  it.each([
    ['a shop with its town', 'Dave now works at the Co-op in Rhyl and', ['Co-op in Rhyl']],
    ['a shop on a street (the street is an address)', 'my mum works at Tesco on Hamilton Road and', ['Tesco']],
    ['a named employer, with its town', 'I got a job at Hendersons Bakery in Ormskirk', ['Hendersons Bakery in Ormskirk']],
    ['a chain alone, said as work, is only possible', 'she works at Tesco now', ['Tesco (check)']],
    ['not a chain alone', 'we went to Tesco for nappies', []],
    ['an employer someone drives for', 'my husband drives for Arriva out of the depot', ['Arriva']],
    ['a naval base', 'he serves at HMS Neptune now', ['HMS Neptune']],
    ['an employer named like a place, in another place', 'she works at Bentley in Crewe', ['Bentley in Crewe']],
    ['a care home in small letters', 'I am a carer at Larkfield Court care home', ['Larkfield Court care home']],
    ['not a job in a town', 'she is a nurse in Stornoway', []],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'workplace')).toEqual(expected);
  });
});

describe('addresses without a number', () => {
  it.each([
    ['a Welsh street', 'a flat on Heol y Coed after', ['Heol y Coed']],
    ['Stryd, Lôn', 'we are on Stryd Fawr now, near Lôn Isaf', ['Stryd Fawr', 'Lôn Isaf']],
    ['an estate', 'moved off the Gurnos estate after', ['Gurnos estate']],
    ['a named house', 'from Rose Cottage into a place', ['Rose Cottage']],
    ['a block of flats', 'the flat in Churchill Tower and', ['Churchill Tower']],
    ['a street in small letters is only possible', 'a house off mill lane now', ['mill lane (check)']],
    ['not "down memory lane"', 'down memory lane now', []],
    ['not a court', 'at the Family Court and the Crown Court', []],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'address')).toEqual(expected);
  });
});

describe('schools without a school word', () => {
  it.each([
    ['a saint with RC', "goes to St Joseph's RC now", ["St Joseph's RC"]],
    ['a saint with C of E', "got into St Mary's C of E in", ["St Mary's C of E"]],
    ['an academy sponsor', 'a place at Ark Blacklands when', ['Ark Blacklands']],
    ['"in year 5 at"', 'she is in year 5 at Robsack Wood and', ['Robsack Wood']],
    ['a nursery chain', 'a place at Busy Bees for my eldest', ['Busy Bees']],
    ['"Saint …" for Year 7', "got us into Saint Richard's for Year 7", ["Saint Richard's"]],
    [
      'a child "got into" a school, in a sentence about school',
      'she got our Kayla into Greystones and the teachers there are kind',
      ['Greystones'],
    ],
    ['"kicked out of"', 'he was kicked out of Millfield Park for fighting', ['Millfield Park']],
    ['a small-letter head after a capitalised name', 'my youngest is at Tarnside primary now', ['Tarnside primary']],
    ['the second school of "from … to …"', 'from Hollins High to Brackenfield when he was 12', ['Hollins High', 'Brackenfield']],
    ['"the Tech in <town>"', 'at the Tech in Omagh on a joinery course', ['Tech in Omagh']],
    [
      "Girls' and Collegiate",
      "now at Ravenscroft Girls' and doing her A-levels at Kettlebrook Collegiate",
      ['Ravenscroft Girls', 'Kettlebrook Collegiate'],
    ],
    ['"is at" in a sentence about school', "she's at Foxhollow now and loves her class", ['Foxhollow']],
    ['not groups and services someone is got into', 'she got him into Scouts and Foster Care', []],
    ['a small-letter name after a year group is only possible', 'she is in p3 at sunnyside', ['sunnyside (check)']],
    ['not a level or a time after a year group', 'he is in year 5 at the moment and at Stage 3 in reading', []],
    ['a college and its town', 'he got into Methodist College Belfast', ['Methodist College Belfast']],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'school')).toEqual(expected);
  });
});

describe('names', () => {
  it.each([
    ['"our" + a small-letter name', 'our kayleigh was in a bad way', ['kayleigh']],
    ['"my fella" + a small-letter name', 'my fella ryan didnt trust anyone', ['ryan']],
    ['"aunty" + a name that is also a word', 'aunty pat looked after the kids and pat says hi', ['pat', 'pat']],
    ['a full name after a job title', 'The headteacher Sandra Lewis and Jane worked', ['Sandra Lewis']],
    [
      'names from many communities',
      'my son Oluwaseun and his dad Babatunde, my mum Gurpreet Kaur, Wojciech and Zuzanna',
      ['Oluwaseun', 'Babatunde', 'Gurpreet Kaur', 'Wojciech', 'Zuzanna'],
    ],
    ['a Welsh full name with ap', 'my grandad Dafydd ap Gwilym said', ['Dafydd ap Gwilym']],
  ])('%s', (_name, story, expected) => {
    expect(flagged(story, 'name')).toEqual(expected);
  });

  it('flags a name that is also a word, starting a sentence and doing something, as check', () => {
    expect(flagged('Dean came round most nights. We were fine.', 'name')).toEqual(['Dean (check)']);
    expect(flagged('Hope is what she gave us.', 'name')).toEqual([]);
  });

  it('makes a check name sure when the story names it surely elsewhere', () => {
    expect(flagged('Dean came round. My ex Dean was trouble.', 'name')).toEqual(['Dean', 'Dean']);
  });

  it('reads the age after a small-letter name', () => {
    expect(flagged('our kayleigh was in a bad way. kayleigh is 15 now', 'age')).toEqual(['is 15']);
  });
});

describe('the keep-list', () => {
  it.each([
    ['benefits', "Universal Credit, PIP and Carer's Allowance"],
    ['orders and legal terms', 'the Child Arrangements Order, the Special Guardianship Order, Section 20 and the EHCP'],
    ['programmes', 'Sure Start, Family Hubs, Troubled Families and Flying Start'],
    ['festivals', 'at Eid, Diwali, Ramadan, Hanukkah, Chinese New Year, Vaisakhi and Christmas'],
    ['Welsh phrases', 'Diolch o galon. Bore da! Iechyd da to you'],
    ['areas, with "&"', 'Brighton & Hove is lucky to have her'],
    ['cars', 'in his old Ford Fiesta when my Vauxhall Corsa and the Nissan Qashqai broke down'],
  ])('keeps %s', (_name, terms) => {
    expect(all(`Jane helped with ${terms}.`)).toEqual([]);
  });

  it('still flags a child whose name is a keep-list word when the words say so', () => {
    expect(flagged('my daughter Kia loves her', 'name')).toEqual(['Kia']);
  });
});

describe('tiers', () => {
  it('replaces redact flags in the suggested quote and leaves check flags', () => {
    const story = 'my son Tyler says she works at Tesco now, and we are off mill lane.';
    const flags = findFlags(story, WORKER);
    expect(flags.map((f) => `${f.text}:${f.tier}`)).toEqual(['Tyler:redact', 'Tesco:check', 'mill lane:check']);
    expect(suggestQuote(story, flags)).toBe("my son [child's name] says she works at Tesco now, and we are off mill lane.");
  });

  it('reads a stored flag without a tier as redact', () => {
    expect(suggestQuote('my son Tyler', [{ kind: 'name', start: 7, end: 12, text: 'Tyler' }])).toBe("my son [child's name]");
  });

  it('has a label in words for every kind', () => {
    for (const k of FLAG_KINDS) expect(KIND_LABELS[k]).toMatch(/^[a-zA-Z ,']+$/);
  });
});

describe('Welsh stories', () => {
  it('are told apart from English ones with a Welsh word or two', () => {
    expect(looksWelsh('Roedd hi yn wych gyda fy mab. Diolch yn fawr iawn i chi am bopeth.')).toBe(true);
    expect(looksWelsh('She was brilliant with my son. Diolch Jane, from all of us in Cardiff.')).toBe(false);
  });
});

describe('stored flags', () => {
  it('are read back while the story and the detector version are the same', async () => {
    const { flagsToStore, readStoredFlags } = await import('../server/privacy/stored.ts');
    const { DETECTOR_VERSION, findFlagsDetailed } = await import('../server/privacy/index.ts');
    const story = 'my son Tyler loved her. NHS number 485 526 0185';
    const json = flagsToStore(story, WORKER);
    expect(readStoredFlags(json, story, WORKER)).toEqual(findFlagsDetailed(story, WORKER));
    expect(readStoredFlags(json, story.replace('Tyler', 'Kai'), WORKER)).toBeUndefined();
    // an edit that moves no flag still shows
    expect(readStoredFlags(json, story.replace('loved', 'liked'), WORKER)).toBeUndefined();
    expect(readStoredFlags(json, story, 'Tyler Jones')).toBeUndefined();
    expect(readStoredFlags(JSON.stringify({ ...JSON.parse(json), version: DETECTOR_VERSION - 1 }), story, WORKER)).toBeUndefined();
    expect(readStoredFlags('not json', story, WORKER)).toBeUndefined();
    expect(readStoredFlags(null, story, WORKER)).toBeUndefined();
    expect(readStoredFlags(flagsToStore(null, WORKER), null, WORKER)).toEqual([]);
  });
});

describe('small letters, as typed on a phone', () => {
  it.each([
    ['ysgol glan clwyd is great', 'school:ysgol glan clwyd'],
    ['we moved to heol y coed last year', 'address:heol y coed'],
    ['born at ysbyty gwynedd', 'hospital:ysbyty gwynedd'],
    ['she was at the royal for weeks', 'hospital:the royal (check)'],
    ['my son goes to st josephs rc now', 'school:st josephs rc'],
    ['we went to alder hey', 'hospital:alder hey'],
  ])('%s', (story, expected) => {
    expect(all(story)).toEqual([expected]);
  });

  it('ends a Welsh name at "and"', () => {
    expect(all('Ysgol y Graig and Heol y Coed')).toEqual(['school:Ysgol y Graig', 'address:Heol y Coed']);
  });
});

describe('ages, references, plates, homes and false names (2026-12 round, priv-b)', () => {
  it.each([
    ['she was expelled from school at 15, then', '15'],
    ['he went into foster care at 12. He', '12'],
    ['our boy came to us at 6 and settled', '6'],
    ['I became a nan at 52 and', '52'],
    ['the wee lass was only 14 months.', '14 months'],
  ])('finds the age in "%s"', (story, age) => {
    expect(flagged(story, 'age')).toEqual([age]);
  });

  it("finds an adult relative's age", () => {
    expect(flagged('me mam was 38 when she', 'age')).toEqual(['38']);
    expect(flagged('my grandad, 79, still drives', 'age')).toEqual(['79']);
    expect(flagged('my dad is 10 minutes away and my mum was 1 of 7', 'age')).toEqual([]);
  });

  it('leaves times, amounts and house numbers after "at" alone', () => {
    expect(flagged('she rang at 15:45 and again at 16 minutes past', 'age')).toEqual([]);
    expect(flagged('we met at 17 Orchard Way and paid at 40 quid a week', 'age')).toEqual([]);
    expect(flagged('the bus came at 3 in the afternoon', 'age')).toEqual([]);
    expect(flagged('support at 24/7 and a bus at 20 to 6', 'age')).toEqual([]);
    expect(flagged('she was born at 31 weeks', 'age')).toEqual([]);
  });

  it('reads a baby milestone "at N months" as a possible age', () => {
    expect(flagged('she started crawling at 7 months', 'age')).toEqual(['7 months (check)']);
  });

  it.each([
    ['the injunction number was XY19F00921 and', 'XY19F00921'],
    ['the PNC ref is 88/551203. She', '88/551203'],
    ['they gave us DV/2024/11873 to quote', 'DV/2024/11873'],
    ['at the sheriff court, B12/19, she spoke', 'B12/19'],
  ])('finds the reference in "%s"', (story, ref) => {
    expect(flagged(story, 'case_ref')).toEqual([ref]);
  });

  it('does not read a year or a date after a label as a reference', () => {
    expect(flagged('the court, 2019 was a hard year', 'case_ref')).toEqual([]);
    expect(flagged('she saw the TV 2024 special', 'case_ref')).toEqual([]);
  });

  it('finds Northern Irish and dateless plates near a car word, not car models', () => {
    expect(flagged('his car was MXZ 412 every time', 'vehicle_reg')).toEqual(['MXZ 412']);
    expect(flagged('granda still drives his old van, RTW 88', 'vehicle_reg')).toEqual(['RTW 88']);
    expect(flagged('he drives a BMW 320 now', 'vehicle_reg')).toEqual([]);
  });

  it('reads a hospital number after its label as an ID number', () => {
    expect(flagged('his hospital no. is H448812 if needed', 'nhs_number')).toEqual(['H448812']);
    expect(flagged('we were in hospital 12345 times', 'nhs_number')).toEqual([]);
  });

  it('finds a handle said as "called"', () => {
    expect(flagged('a lad on insta called kyz_2009 kept messaging', 'social_handle')).toEqual(['kyz_2009']);
  });

  it('finds a postcode typed in capitals even with an unusual last letter', () => {
    expect(flagged('write to 4 Mill Street, LS9 7MK please', 'postcode')).toEqual(['LS9 7MK']);
  });

  it.each([
    ['we rent a farmhouse called Tyddyn Uchaf near Bala', 'Tyddyn Uchaf'],
    ['our home is Pen y Bryn on the hill', 'Pen y Bryn'],
    ['she came to our cottage, Hendre Fach, that night', 'Hendre Fach'],
    ['we live on Marsden Brow with the kids', 'Marsden Brow'],
    ['we stay just off Kelso Rd now', 'Kelso Rd'],
    ['we moved to Llys y Fedwen in May', 'Llys y Fedwen'],
    ['a flat on Albert Embankment', 'Albert Embankment'],
    ['she found me a room at Ashgrove Hall near uni', 'Ashgrove Hall'],
    ['we got a flat on an estate called Thornfield', 'Thornfield'],
    ['our block is Kestrel Court, the ugly one', 'Kestrel Court'],
  ])('finds the home in "%s"', (story, home) => {
    expect(flagged(story, 'address')).toEqual([home]);
  });

  it.each([
    'He joined the Army and then the Navy.',
    'She sat her Highers and went to College.',
    'What a Blessing she has been, by the Grace of God.',
    'Hope this gets to her in time.',
    'We are Travellers and proud of it.',
    'She found a Welsh-speaking school for us.',
    'Dear Sir/Madam, I write about Mrs Smith.',
    'His Autism got worse but he loves Rugby and Minecraft and passed Geography.',
    'We have a puppy called Waffles and a cat named Pickle.',
  ])('flags no name in "%s"', (story) => {
    expect(flagged(story, 'name')).toEqual([]);
  });

  it("knows short forms of the worker's name that start differently", () => {
    expect(flagged('Paddy came every week and Paddy listened', 'name', 'Patrick Doyle')).toEqual([]);
    expect(flagged('Sally was brilliant with our Jake', 'name', 'Sarah Hughes')).toEqual(['Jake']);
    expect(flagged('Huw helped us, thank you Huw', 'name', 'Hugh Roberts')).toEqual([]);
  });

  it("takes pet forms for the worker, but not another name that starts the same (a child's name must not be left in)", () => {
    expect(flagged('Jenny was brilliant and Katie too', 'name', 'Jennifer Lee')).toEqual(['Katie']);
    expect(flagged('Matty came round with Jo', 'name', 'Matthew Collins')).toEqual(['Jo']);
    expect(flagged('Sharon got our Shane into school', 'name', 'Sharon Bell')).toEqual(['Shane']);
    expect(flagged('Sam sat with Samira when she was scared', 'name', 'Sam Patel')).toEqual(['Samira']);
    expect(flagged('Marianne was kind to our Mark', 'name', 'Marianne Jones')).toEqual(['Mark']);
  });

  it('keeps a respectful word after a first name out of the name', () => {
    expect(flagged('Priti bhai and Meena ji helped, thank you Priti bhai', 'name')).toEqual(['Priti', 'Meena', 'Priti']);
  });

  it('reads spaced digits after a label as one reference', () => {
    expect(flagged('the claim ref is 4410 2291 07 now', 'case_ref')).toEqual(['4410 2291 07']);
  });

  it('finds an age said after "at just", in words, or put in with "now"', () => {
    expect(flagged('kicked out at just 15 she was', 'age')).toEqual(['15']);
    expect(flagged('in care at fourteen i learned', 'age')).toEqual(['fourteen']);
    expect(flagged('my nephew, now 11, is thriving', 'age')).toEqual(['11']);
  });

  it('finds a handle with an underscore wherever it stands', () => {
    expect(flagged('add me mo_bakes22 on there, or my psn is mo.the.baker', 'social_handle')).toEqual(['mo_bakes22', 'mo.the.baker']);
  });

  it('reads what follows "our address is" as the address, up to a pause', () => {
    expect(flagged('our new address is 9 elm tree way, if you write', 'address')).toEqual(['9 elm tree way']);
    expect(flagged('her address is the same as mine', 'address')).toEqual([]);
  });

  it('reads "we live at the X" as a possible estate or house, not a region', () => {
    expect(flagged('we live at the Beeches now', 'address')).toEqual(['Beeches (check)']);
    expect(flagged('we live in the Midlands now', 'address')).toEqual([]);
  });

  it('keeps Scottish flat positions and Welsh house numbers with the address', () => {
    expect(flagged('we are at 3/2, 41 Paisley Road West', 'address')).toEqual(['3/2, 41 Paisley Road']);
    expect(flagged('send it to 11 Heol y Nant please', 'address')).toEqual(['11 Heol y Nant']);
  });

  it('still finds a season name after "our" and a place-named child after "my son"', () => {
    expect(flagged('our Autumn was born early', 'name')).toEqual(['Autumn']);
    expect(flagged('my son Dallas and my daughter Skye', 'name')).toEqual(['Dallas', 'Skye']);
  });

  it('finds small-letter month dates with an ordinal, ISO dates, and "on d/m" as possible', () => {
    expect(flagged('it was october 9th when', 'date')).toEqual(['october 9th']);
    expect(flagged('the hearing on 2025-01-20 went well', 'date')).toEqual(['2025-01-20']);
    expect(flagged('she came on 7/10 with the forms', 'date')).toEqual(['7/10 (check)']);
    expect(flagged('we may 3rd it later, on 2/3 of days', 'date')).toEqual([]);
  });

  it('finds children named in text-speak: "kids x and y", "name, age,"', () => {
    expect(all('we moved. kids amber and tyler love it')).toEqual(['name:amber', 'name:tyler']);
    expect(all('thanks. ruby, 11, Year 7')).toEqual(['name:ruby', 'age:11']);
  });

  it('finds a name typed again in small letters at the start of a sentence', () => {
    expect(flagged('my ex Callum left. i got over it. callum still rings', 'name')).toEqual(['Callum', 'callum']);
  });

  it('takes a surname that is also a word after a title and a first name', () => {
    expect(flagged('the reviewing officer was Mrs Sandra Baker', 'name')).toEqual(['Mrs Sandra Baker']);
  });

  it('does not pull a place after "in" into a name joined by "and"', () => {
    expect(flagged('we live in Gorbals and Kayden loves it', 'name')).toEqual(['Kayden']);
  });
});
