import { describe, expect, it } from 'vitest';
import { FLAG_KINDS, findFlags, findFlagsDetailed, suggestQuote, type FlagKind } from '../server/privacy/index.ts';

const WORKER = 'Jane Smith';
/** The flagged texts of one kind, in order. */
const flagged = (story: string, kind: FlagKind, worker = WORKER) =>
  findFlags(story, worker)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);
const names = (story: string, worker = WORKER) =>
  findFlagsDetailed(story, worker)
    .filter((f) => f.kind === 'name')
    .map((f) => `${f.text}${f.sub ? ' (child)' : ''}`);

describe('privacy flags: structured kinds', () => {
  it.each([
    ['a plain address', 'email me at kerry@example.com please', ['kerry@example.com']],
    ['a plus sign and dots', 'write to kerry.wilson+sw@gmail.com.', ['kerry.wilson+sw@gmail.com']],
    ['an underscore and a .co.uk domain', 'my email is dawn_p@hotmail.co.uk', ['dawn_p@hotmail.co.uk']],
    ['capitals and digits', 'Contact: Mark.Jones84@Live.co.uk', ['Mark.Jones84@Live.co.uk']],
    ['not an @ mention', 'she is @ the office on Mondays', []],
  ])('emails: %s', (_name, story, expected) => {
    expect(flagged(story, 'email')).toEqual(expected);
  });

  it.each([
    ['a mobile with a space', 'call 07712 345678 any time', ['07712 345678']],
    ['a mobile with no spaces', 'my phone is 07700900456.', ['07700900456']],
    ['a mobile with dashes', 'or 07999-123-456 after six', ['07999-123-456']],
    ['+44 with spaces', 'ring +44 7700 900123', ['+44 7700 900123']],
    ['+44 with (0)', 'ring +44 (0)7700 900123', ['+44 (0)7700 900123']],
    ['+44 run together', 'my mobile is +447712000111', ['+447712000111']],
    ['a landline with a bracketed code', 'Phone (01273) 456789 in the evenings', ['(01273) 456789']],
    ['a London number', 'reach me at 020 7946 0123.', ['020 7946 0123']],
    ['a helpline (the moderator decides)', 'NSPCC helpline 0808 800 5000', ['0808 800 5000']],
    ['two numbers', 'Ring 01424 567890 or 07999 123456 if you want', ['01424 567890', '07999 123456']],
    ['not a date', 'born 03.04.2015', []],
    ['not a year range', 'from 2015 - 2019 we struggled', []],
    ['not too short', 'room 0123 4567', []],
  ])('phones: %s', (_name, story, expected) => {
    expect(flagged(story, 'phone')).toEqual(expected);
  });

  it.each([
    ['full, with a space', 'our postcode is SW1A 1AA', ['SW1A 1AA']],
    ['short area', 'we live in M1 1AE.', ['M1 1AE']],
    ['lower case', 'I live in Sefton, postcode l20 3ab.', ['l20 3ab']],
    ['no space', "I'm at se154qj now", ['se154qj']],
    ['after a town', 'Bexhill TN39 3AB', ['TN39 3AB']],
    ['an outward code the words call a postcode', 'my post code is TN34 if that helps', ['TN34']],
    ['an outward code "area"', 'anyone in the TN34 area', ['TN34']],
    ['not an ordinal', 'she came top2 3rd time', []],
    ['not a road or a vitamin alone', 'on the M25 with B12 tablets', []],
  ])('postcodes: %s', (_name, story, expected) => {
    expect(flagged(story, 'postcode')).toEqual(expected);
  });

  it.each([
    ['number and road', 'We live at 12 Acacia Road, Bexhill', ['12 Acacia Road']],
    ['flat, number and street', 'a place at Flat 3, 45 High Street, Rye', ['Flat 3, 45 High Street']],
    ['a house number with a letter', 'our flat at 14a Church Lane every week', ['14a Church Lane']],
    ['two-word street name', 'at 22 Priory Park Road today', ['22 Priory Park Road']],
    ['typed in small letters', 'we moved to 7 beech grove last year', ['7 beech grove']],
    ['a street without a number', 'the Sure Start centre on Mill Lane', ['Mill Lane']],
    ['"at number 27"', 'from all of us at number 27!', ['number 27']],
    ['not a year and a court', 'since 2019 Family Court has', []],
    ['not a count of things', 'she came 3 times a week', []],
    ['"The" and no street word', 'Our old address was 3 The Coppice, Ore, so', ['3 The Coppice']],
    ['not "The" in a sentence', 'we had 3 The Gruffalo books and 2 The End signs', []],
  ])('addresses: %s', (_name, story, expected) => {
    expect(flagged(story, 'address')).toEqual(expected);
  });

  it.each([
    ['numeric with slashes', 'they were born 3/4/2015 and', ['3/4/2015']],
    ['numeric with dots', 'the hearing on 14.05.2019.', ['14.05.2019']],
    ['ordinal day and month and year', 'born on 3rd April 2015', ['3rd April 2015']],
    ['day and month', 'He visited on 12 March, the day after', ['12 March']],
    ['"the 14th of June"', 'on his birthday, the 14th of June.', ['the 14th of June']],
    ['month then day', 'it was March 12th when', ['March 12th']],
    ['an abbreviated month', 'on 5 Sept. 2015 we', ['5 Sept. 2015']],
    ['"born in 2015"', 'my son was born in 2015', ['2015']],
    ['not a score', 'Would recommend. 10/10.', []],
    ['not month and year', 'we came off the plan in March 2020', []],
    ['not "may" the verb', 'I hope 2 may be enough', []],
  ])('dates: %s', (_name, story, expected) => {
    expect(flagged(story, 'date')).toEqual(expected);
  });

  it.each([
    ['"my 6 year old"', 'My 6 year old loves her', ['6 year old']],
    ['"six-year-old"', 'my six-year-old nephew', ['six-year-old']],
    ['months old', 'Jessica was 3 months old when', ['3 months old']],
    ['"aged 4"', 'Aged 4 she was placed', ['4']],
    ['"at the age of"', 'at the age of 15 I left', ['15']],
    ['"she was 2"', 'she was 2 at the time', ['2']],
    ['"I\'m 19"', "I'm 19 now and at college", ['19']],
    ['"who is 15"', 'my son, who is 15, stays', ['15']],
    ['two ages', 'My kids are 6 and 8 and they', ['6 and 8']],
    ['a name then the age', 'Connor was 8. Trish got him', ['8']],
    ['"turned three"', 'until he turned three.', ['three']],
    ['not a time', "She was 10 minutes late and it was 5 o'clock", []],
    ['not a duration', 'for 2 years; it was 3 weeks', []],
    ['not a count', 'there were 3 of us and we were 4 kids', []],
    ['not a percentage or ordinal', 'I was 100% sure she was 2nd', []],
    ['months, without "old"', 'My little one is 8 months now and', ['8 months']],
    ['weeks, without "old"', 'when she was 6 weeks we moved', ['6 weeks']],
    ['not months of a case', 'We were 8 months into the case and I was 6 months pregnant', []],
    ['not a length of time', 'It was 8 months before anyone came', []],
    ['in brackets after a child', 'my boy (6) and my girl (9) and Leo (4)', ['6', '9', '4']],
    ['not brackets after a label', 'in Year (7), see Section (2) and reasons (3)', []],
    ['a list', 'My three are 2, 5 and 11 now', ['2, 5 and 11']],
  ])('ages: %s', (_name, story, expected) => {
    expect(flagged(story, 'age')).toEqual(expected);
  });

  it.each([
    ['a saint and Primary', "kept going to St Mary's Primary and", ["St Mary's Primary"]],
    ['an academy', 'his GCSEs at Oakfield Academy.', ['Oakfield Academy']],
    ['a nursery', 'into Little Acorns Nursery. She rang', ['Little Acorns Nursery']],
    ['a town High School', 'struggling at Hastings High School and', ['Hastings High School']],
    ['a pre-school', 'my two girls into Riverside Pre-school.', ['Riverside Pre-school']],
    ['Primary School', 'places at Greenwood Primary School.', ['Greenwood Primary School']],
    ['a Catholic college', "Erin's school, St Joseph's Catholic College, and", ["St Joseph's Catholic College"]],
    ['a Welsh school', 'bullied at Ysgol y Graig she met', ['Ysgol y Graig']],
    ['a Welsh school with an accent', 'to Ysgol Gyfun Gŵyr, to explain', ['Ysgol Gyfun Gŵyr']],
    ['"University of"', 'she is at the University of Sussex now', ['University of Sussex']],
    ['a small-letter nursery after a name', 'she goes to Little Stars nursery', ['Little Stars nursery']],
    ['not a generic school', 'the school raised concerns at Primary School level', []],
    ["not a child's school", "She came to Rhys's school to explain", []],
  ])('schools: %s', (_name, story, expected) => {
    expect(flagged(story, 'school')).toEqual(expected);
  });

  it.each([
    ['a family court number after its label', 'Case number ZC19C00123 finally closed', ['ZC19C00123']],
    ['a family court number alone', 'our case LJ21C00456 is over', ['LJ21C00456']],
    ['"claim no."', 'Claim no. SE12P3456 was closed in 2022.', ['SE12P3456']],
    ['"court ref"', 'court ref: BR18/1234 was', ['BR18/1234']],
    ['a police reference', 'police reference 46/12345/19 was given', ['46/12345/19']],
    ['not a court name (decided: courts are public and the area is shown)', 'the Family Court at Brighton', []],
    ['not a reference to a person', 'they can ask me for a reference for her', []],
  ])('case references: %s', (_name, story, expected) => {
    expect(flagged(story, 'case_ref')).toEqual(expected);
  });

  it.each([
    ['https', 'The website https://www.contact.org.uk/help-for-families, was useful', ['https://www.contact.org.uk/help-for-families']],
    ['www', 'find the refuge on www.womensaid.org.uk if', ['www.womensaid.org.uk']],
    ['a bare domain with a path', 'my blog is at mumtalks.co.uk/our-story and', ['mumtalks.co.uk/our-story']],
    ['a social media page', 'We share it at facebook.com/ourlittlewarrior to help', ['facebook.com/ourlittlewarrior']],
    ['example.co.uk/path', 'see example.co.uk/path.', ['example.co.uk/path']],
    ['not "e.g." or a sentence run together', 'e.g. the plan.It helped', []],
  ])('links: %s', (_name, story, expected) => {
    expect(flagged(story, 'url')).toEqual(expected);
  });
});

describe('privacy flags: names', () => {
  it.each([
    ['a son', 'She helped my son Tyler at school.', WORKER, ['Tyler (child)']],
    ['a daughter, mentioned again', 'our daughter Grace. Grace has autism.', WORKER, ['Grace (child)', 'Grace (child)']],
    ['a name that is also a word', 'My daughter Hope is now 4. Jane gave us hope.', WORKER, ['Hope (child)']],
    [
      '"Will" the son, not "will" the verb',
      'my son Will was excluded. Will can be hard work. She will always care.',
      WORKER,
      ['Will (child)', 'Will (child)'],
    ],
    ['twins with hyphenated names', 'My twins Ella-Rose and Jacob-James were born', WORKER, ['Ella-Rose (child)', 'Jacob-James (child)']],
    ['a partner, with a possessive later', "My partner Dean and I. Dean's voice was heard.", WORKER, ['Dean', 'Dean']],
    ['titles', 'my teacher Mrs Kaur and the judge, HHJ Morgan, and Mr Trần', WORKER, ['Mrs Kaur', 'HHJ Morgan', 'Mr Trần']],
    ['a double-barrelled name with a title', 'a family support worker, Mrs Ellis-Brown, came', WORKER, ['Mrs Ellis-Brown']],
    ['an apostrophe name', "the reviewing officer, Gillian O'Connor, who", WORKER, ["Gillian O'Connor"]],
    ['the writer', 'My name is Donna Fletcher and I', WORKER, ['Donna Fletcher']],
    ['"called"', 'a lovely carer called Brenda.', WORKER, ['Brenda']],
    ['a family name', 'We are the Kowalski family from Peterborough.', WORKER, ['Kowalski']],
    ['an appositive child', 'Rose, my eldest, said so.', WORKER, ['Rose (child)']],
    ['a sibling whose age says child', 'my sister Rose was 9. Rose is 16 now', WORKER, ['Rose (child)', 'Rose (child)']],
    [
      'a name typed in small letters after "my little girl"',
      'me and my little girl lily-mae. lily is 3',
      WORKER,
      ['lily-mae (child)', 'lily (child)'],
    ],
    [
      'names in other scripts',
      'my daughter Siân and my son Nguyễn and my niece Zoë',
      WORKER,
      ['Siân (child)', 'Nguyễn (child)', 'Zoë (child)'],
    ],
    ['a mid-sentence first name', 'made sure Tiana and Marley could stay', WORKER, ['Tiana', 'Marley']],
  ])('finds %s', (_name, story, worker, expected) => {
    expect(names(story, worker)).toEqual(expected);
  });

  it.each([
    ['the worker, possessive and repeated', "Jane was great. Jane's patience changed everything. Thank you Jane!", 'Jane Smith'],
    ['the worker by title and surname', 'Ms Smith never gave up on us.', 'Jane Smith'],
    ['the worker without the accent', 'Siân went above and beyond. Sian always called back.', 'Siân Hughes'],
    ['the worker by a short form', 'Jo helped us. Jo was different.', 'Joanne Price'],
    ['the worker by a shortened name', 'Matt was different. Matt copied me into every email.', 'Matthew Collins'],
    ['the worker by a nickname', 'Trish was our social worker. Trish got him counselling.', 'Patricia Byrne'],
    ['a double-barrelled worker', 'Mrs Carter-Smith was amazing.', 'Denise Carter-Smith'],
    ['the worker after "social worker"', 'Our social worker Michael Brown was fantastic.', 'Michael Brown'],
    ['sentence starts', 'Honestly I was scared. Thats all. Would recommend.', 'Mark Davies'],
    [
      'places, months, days, services',
      'We live in Hastings near Croydon. In March on a Sunday, Social Services and CAMHS came.',
      'Jane Smith',
    ],
    ['an organisation', "She got us bereavement counselling through Winston's Wish and the Chailey Heritage Foundation.", 'Jane Smith'],
    ['a town after an address', 'at 45 High Street, Rye and', 'Jane Smith'],
    ['contractions', "I'll admit I've said I'd never", 'Jane Smith'],
    ['a worker named Hope', 'Hope was our social worker. She gave us hope.', 'Hope Williams'],
  ])('leaves alone %s', (_name, story, worker) => {
    expect(names(story, worker)).toEqual([]);
  });

  it('tells a daughter from the worker who share a name', () => {
    const story = 'Sarah was brilliant with my daughter, who is also called Sarah. My Sarah is 9 now.';
    const flags = findFlagsDetailed(story, 'Sarah Thompson').filter((f) => f.kind === 'name');
    expect(flags.map((f) => [f.start, f.sub])).toEqual([
      [story.indexOf('Sarah', 10), 'child_name'],
      [story.lastIndexOf('Sarah'), 'child_name'],
    ]);
  });

  it('finds a known first name after "me and" or a relative, in small letters too', () => {
    expect(names('me and dave went to see her', WORKER)).toEqual(['dave']);
    expect(names('Me and Dave went to see her', WORKER)).toEqual(['Dave']);
    expect(names('my partner gary and my nan sandra came too', WORKER)).toEqual(['gary', 'sandra']);
    // not a name: "me and my", "me and her", a word that is not a first name
    expect(names('me and my mum, me and her, me and everyone went to see her', WORKER)).toEqual([]);
  });

  it('marks a word known only as a first name, typed in small letters with no clue around it, for a check', () => {
    const flags = findFlags('we went with dave to see her', WORKER);
    expect(flags.map((f) => [f.text, f.tier])).toEqual([['dave', 'check']]);
    expect(findFlags('we went with dave and he said', WORKER).map((f) => f.tier)).toEqual(['check']);
    expect(findFlags('then dave said no', WORKER).map((f) => [f.text, f.tier])).toEqual([['dave', 'redact']]);
  });

  it('finds small-letter names the sentence makes a person: an age after them, "our" and a verb, a double name', () => {
    expect(names('kayla is 9 and mason is 6 now', WORKER)).toEqual(['kayla (child)', 'mason (child)']);
    expect(names('when our kayden got excluded', WORKER)).toEqual(['kayden (child)']);
    expect(names('our tayla-mai was little', WORKER)).toEqual(['tayla-mai']);
    expect(names('our area is lovely and our story is long', WORKER)).toEqual([]);
    expect(names('our Will was in care. Will is 15', WORKER)).toEqual(['Will (child)', 'Will (child)']);
    expect(names('our daughter Summer started nursery last summer', WORKER)).toEqual(['Summer (child)']);
  });
});

describe('schools typed in small letters', () => {
  it.each([
    ['my son goes to westfield primary now', ['westfield primary']],
    ['he got kicked out of oakbank high', ['oakbank high']],
    ["he's at leeds city college", ['leeds city college']],
    ['at forest school and night school, then a special school', []],
  ])('%s', (story, expected) => {
    expect(flagged(story, 'school')).toEqual(expected);
  });
});

describe('findFlags with several names of the worker', () => {
  it('flags neither the nominated nor the published name, in one pass, and still flags everyone else', () => {
    const story = 'Jo and Joanne Okafor helped us, and Mrs Pickersgill too. My son Kyle loves Jo.';
    const both = findFlags(story, ['Joanne Pickersgill', 'Jo Okafor']).map((f) => f.text);
    expect(both).toEqual(['Kyle']);
    // one name only: the other is someone else
    expect(findFlags(story, 'Joanne Pickersgill').map((f) => f.text)).toContain('Okafor');
    expect(findFlags(story, ['Joanne Pickersgill'])).toEqual(findFlags(story, 'Joanne Pickersgill'));
  });
});

describe('findFlags', () => {
  it('returns sorted, non-overlapping spans whose text is the story at those offsets', () => {
    const story =
      'We live at 12 Acacia Road, Bexhill TN39 3AB. My son Tyler (born 3/4/2015) is at Hastings High School; email kerry+x@gmail.com or 07712 345678. Case ZC19C00123.';
    const flags = findFlags(story, WORKER);
    expect(flags.map((f) => f.kind)).toEqual(['address', 'postcode', 'name', 'date', 'school', 'email', 'phone', 'case_ref']);
    for (const [i, f] of flags.entries()) {
      expect(f.text).toBe(story.slice(f.start, f.end));
      expect(FLAG_KINDS).toContain(f.kind);
      if (i > 0) expect(f.start).toBeGreaterThanOrEqual(flags[i - 1]!.end);
      expect(Object.keys(f).sort()).toEqual(['end', 'kind', 'start', 'text', 'tier']);
    }
  });

  it('uses JavaScript string offsets even after astral characters', () => {
    const story = '😀😀 my son Tyler 😀 email a@b.co.uk';
    for (const f of findFlags(story, WORKER)) expect(story.slice(f.start, f.end)).toBe(f.text);
    expect(findFlags(story, WORKER).map((f) => f.text)).toEqual(['Tyler', 'a@b.co.uk']);
  });

  // A bound that only a pathological rule breaks (typical: 1-3 ms on a quiet machine, 6-7 under load);
  // the figure itself is `npm run eval:privacy`'s "ms of CPU per story", and linearity is the fuzz test's.
  it('is never slow: under 50 ms of CPU for a 3,000-character story', () => {
    const sentence =
      'Jane helped my son Tyler at Hastings High School; call 07712 345678 or write to kerry@example.com. We live at 12 Acacia Road, TN39 3AB, and he was 6. ';
    const story = sentence.repeat(Math.ceil(3000 / sentence.length)).slice(0, 3000);
    for (let i = 0; i < 20; i++) findFlags(story, WORKER);
    // CPU time, not wall time: the machine is shared
    const runs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const c0 = process.cpuUsage();
      findFlags(story, WORKER);
      const c = process.cpuUsage(c0);
      runs.push((c.user + c.system) / 1000);
    }
    runs.sort((a, b) => a - b);
    expect(runs[15]).toBeLessThan(50);
  });
});

describe('suggestQuote', () => {
  it('puts placeholders in, with "[child\'s name]" for children, and tidies spacing', () => {
    const story = 'Jane helped my son Tyler and my partner Gary. Email me at  kerry@example.com , or ring 07712 345678.';
    expect(suggestQuote(story, findFlags(story, WORKER))).toBe(
      "Jane helped my son [child's name] and my partner [name]. Email me at [email], or ring [phone number].",
    );
  });

  it('uses the placeholders findFlagsDetailed chose, and the kind placeholders for plain flags', () => {
    const story = 'Our eldest, Lacey, loves it at Oakfield Academy.';
    expect(suggestQuote(story, findFlagsDetailed(story, WORKER))).toBe("Our eldest, [child's name], loves it at [school].");
    expect(suggestQuote(story, [{ kind: 'school', start: 31, end: 47, text: 'Oakfield Academy' }])).toBe(
      'Our eldest, Lacey, loves it at [school].',
    );
  });

  it('never throws on stale, overlapping or out-of-range flags', () => {
    const story = 'short story';
    const bad = [
      { kind: 'name' as const, start: 0, end: 50, text: 'x' },
      { kind: 'name' as const, start: 0, end: 5, text: 'short' },
      { kind: 'name' as const, start: 2, end: 4, text: 'or' },
      { kind: 'name' as const, start: -1, end: 2, text: 'x' },
    ];
    expect(suggestQuote(story, bad)).toBe('[name] story');
  });
});

describe('quotePrivacyProblems with a published name that differs from the nominated one', () => {
  it('reports a name in the quote only if it is neither name of the worker', async () => {
    const { quotePrivacyProblems } = await import('../server/moderation/decisions.ts');
    const quote = 'Jo Okafor and Joanne were brilliant, and so was Dr Reid.';
    const problems = quotePrivacyProblems(quote, '', 'Joanne Pickersgill', 'Jo Okafor', []).map((f) => f.text);
    expect(problems).toEqual(['Dr Reid']);
    expect(quotePrivacyProblems(quote, '', 'Joanne Pickersgill', 'Joanne Pickersgill', []).map((f) => f.text)).toContain('Okafor');
  });
});
