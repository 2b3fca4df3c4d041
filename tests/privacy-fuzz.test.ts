import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLAG_KINDS, findFlags, suggestQuote, type Flag } from '../server/privacy/index.ts';
import { fromRoot } from '../server/paths.ts';

function cpuMs<T>(f: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const out = f();
  const c = process.cpuUsage(c0);
  return [out, (c.user + c.system) / 1000];
}

function wellFormed(story: string, flags: Flag[]): void {
  let last = 0;
  for (const f of flags) {
    expect(FLAG_KINDS).toContain(f.kind);
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(last);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(story.length);
    expect(f.text).toBe(story.slice(f.start, f.end));
    last = f.end;
  }
}

// 50 ms for 10,000 hostile characters is the budget on a quiet machine; these machines are noisy (the same
// commit measured 20 ms and 70 ms an hour apart), so the budget is also read against 10,000 characters of
// ordinary stories scanned in the same run: hostile text may cost at most 3 times as much (a quadratic rule
// costs hundreds of times as much at this length), whichever bound is larger.
const ORDINARY = (
  JSON.parse(readFileSync(fromRoot('tests', 'fixtures', 'privacy-stories.json'), 'utf8')) as { stories: { story: string }[] }
).stories
  .map((s) => s.story)
  .join('\n\n')
  .slice(0, 10000);
let budget10k = 50;
beforeAll(() => {
  findFlags(ORDINARY, 'Jane Smith');
  const ordinary = Math.min(...[0, 1, 2, 3, 4].map(() => cpuMs(() => findFlags(ORDINARY, 'Jane Smith'))[1]));
  budget10k = Math.max(50, 3 * ordinary);
});

// Pieces that each pattern leans on, repeated and jumbled: the inputs most likely to make a regex backtrack.
const HOSTILE = [
  'a',
  'A',
  'Aa',
  '0',
  '7',
  '12',
  ' ',
  '\t',
  '\n',
  '.',
  ',',
  '-',
  "'",
  '’',
  '@',
  '+44',
  '/',
  ':',
  '(',
  ')',
  '%',
  'Mr ',
  'Mrs ',
  'my son ',
  'my daughter ',
  'called ',
  'only ',
  'was ',
  'is ',
  'aged ',
  'turned ',
  'born ',
  'the ',
  'and ',
  'Road',
  'Street',
  'Flat ',
  'number ',
  'St ',
  'Ysgol ',
  'School',
  'Primary',
  'case ref ',
  'Claim no. ',
  'www.',
  'https://',
  '.co.uk',
  'March ',
  '3rd ',
  'year old',
  'SW1A',
  '1AA',
  'ZC19C',
  'é',
  '\u0301',
  'ŵ',
  '😀',
  '\ud800',
  '\u00a0',
  'Nguyễn',
  "O'Neill",
  'Ella-Rose',
  // the issue-15 detectors: ID numbers, registrations, handles, venues, streets, relatives, keep-list terms
  '485 526 0185',
  '4855260185',
  'JT 48 29 61 B',
  'ab123456c',
  'LM68 KPE',
  'yk19',
  'ABZ 4821',
  'P123 GKL',
  '@',
  '@x_',
  'insta is ',
  'my fb is ',
  'WeChat ID ',
  'Hospital',
  'Ward ',
  'ward 7',
  'the Royal ',
  'Ysbyty ',
  'Alder Hey',
  'Co-op',
  'Tesco',
  ' in ',
  ' on ',
  'works at ',
  'Heol ',
  'y ',
  'Stryd ',
  'Lôn ',
  'estate',
  'Cottage',
  'Court',
  'Lane',
  'lane',
  'off ',
  "St Joseph's ",
  'RC',
  'C of E',
  'Ark ',
  'year 5 at ',
  'Busy Bees',
  'our ',
  'aunty ',
  'my fella ',
  'pat ',
  'Dean ',
  'came ',
  'Headteacher ',
  'ap ',
  'Universal Credit',
  'Child Arrangements Order',
  'Brighton & Hove',
  'Ford Fiesta',
  'Eid',
  'Diolch',
];

// These take the best of several timed scans each: seconds on a quiet machine, and several times
// that when CI shares the cores with other work (the figures are CPU time; only the wall clock stretches).
const TIMING_TIMEOUT = 180_000;

describe('privacy flags are total', () => {
  it('never throw and return well-formed flags on any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ maxLength: 60 }), (story, worker) => {
        const flags = findFlags(story, worker);
        wellFormed(story, flags);
        expect(typeof suggestQuote(story, flags)).toBe('string');
      }),
      { numRuns: 150 },
    );
  });

  it('stay fast on long, regex-hostile text (no catastrophic backtracking)', () => {
    let worst = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1000, max: 10000 }),
        (pieces, length) => {
          const unit = pieces.join('');
          const story = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          const [flags, ms] = cpuMs(() => findFlags(story, 'Jane Smith'));
          worst = Math.max(worst, ms);
          wellFormed(story, flags);
          suggestQuote(story, flags);
        },
      ),
      { numRuns: 80 },
    );
    // linear work is ~10-40 ms for 10,000 characters; quadratic or exponential work would be seconds
    expect(worst).toBeLessThan(1000);
  });

  it(
    'scan 10,000 characters of hostile text in under 50 ms (or 3 times ordinary stories, on a slow machine)',
    () => {
      findFlags(HOSTILE.join(' ').repeat(20), 'Jane Smith'); // warm up the compiled patterns
      let worst = 0;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 60 }), (pieces) => {
          const unit = pieces.join('');
          const story = unit.repeat(Math.ceil(10000 / unit.length)).slice(0, 10000);
          // the best of five runs: the detector's own cost, not a garbage collection or another process sharing the core
          const ms = Math.min(...[0, 1, 2, 3, 4].map(() => cpuMs(() => findFlags(story, 'Jane Smith'))[1]));
          worst = Math.max(worst, ms);
          expect(ms, `${ms.toFixed(1)} ms for ${JSON.stringify(unit.slice(0, 80))} (budget ${budget10k.toFixed(1)})`).toBeLessThan(
            budget10k,
          );
        }),
        { numRuns: 60 },
      );
      expect(worst).toBeGreaterThan(0);
    },
    TIMING_TIMEOUT,
  );

  it(
    'scan 10,000 characters of any one hostile piece repeated (10,000 spaces once cost 50 ms) in under 50 ms (or 3 times ordinary stories)',
    () => {
      findFlags(HOSTILE.join(' ').repeat(20), 'Jane Smith');
      for (const unit of [' ', '\t', ' \t', ...HOSTILE]) {
        const story = unit.repeat(Math.ceil(10000 / unit.length)).slice(0, 10000);
        const ms = Math.min(...[0, 1, 2].map(() => cpuMs(() => findFlags(story, 'Jane Smith'))[1]));
        expect(ms, `${ms.toFixed(1)} ms for ${JSON.stringify(unit.slice(0, 80))} (budget ${budget10k.toFixed(1)})`).toBeLessThan(budget10k);
      }
    },
    TIMING_TIMEOUT,
  );

  it(
    'grow linearly on long runs of one short piece: 10,000 characters under 50 ms, 40,000 under 200 ms and at most 8 times 10,000',
    () => {
      findFlags(HOSTILE.join(' ').repeat(20), 'Jane Smith');
      // the two lengths measured in turn, the best of seven each: load from another process then falls on both alike
      const bestOfPairs = (a: string, b: string): [number, number] => {
        let [ta, tb] = [Infinity, Infinity];
        for (let k = 0; k < 7; k++) {
          ta = Math.min(ta, cpuMs(() => findFlags(a, 'Jane Smith'))[1]);
          tb = Math.min(tb, cpuMs(() => findFlags(b, 'Jane Smith'))[1]);
        }
        return [ta, tb];
      };
      for (const unit of [
        ' ',
        '\t',
        'Ab ',
        'at ',
        'our ',
        'is ',
        'Mr ',
        'St ',
        'the ',
        'Heol ',
        'Ward ',
        'works at ',
        'born at ',
        '1 ',
        'my son ',
      ]) {
        const [ten, forty] = bestOfPairs(
          ...([10000, 40000].map((n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)) as [string, string]),
        );
        const what = `${JSON.stringify(unit)}: ${ten.toFixed(1)} ms for 10,000, ${forty.toFixed(1)} ms for 40,000`;
        expect(ten, `${what} (budget ${budget10k.toFixed(1)})`).toBeLessThan(budget10k);
        expect(forty, what).toBeLessThan(4 * budget10k);
        // linear work is 4 times, quadratic 16: at 8 a noisy run is not read as quadratic (at 20,000 against
        // 10,000, 2 against 4, one slow set of samples under CI's load failed a linear rule at 3.3 times);
        // a millisecond of slack for timer noise on tiny figures
        expect(forty, what).toBeLessThanOrEqual(8 * ten + 1);
      }
    },
    TIMING_TIMEOUT,
  );

  it('cope with non-string input from a careless caller', () => {
    expect(findFlags(undefined as unknown as string, undefined as unknown as string)).toEqual([]);
    expect(findFlags('my son Tyler', null as unknown as string).map((f) => f.text)).toEqual(['Tyler']);
    expect(suggestQuote(undefined as unknown as string, [])).toBe('');
    expect(suggestQuote('text', undefined as unknown as Flag[])).toBe('text');
  });
});

// Stories made from templates with planted personal details: the suggested quote must contain none of them.
const CHILD_NAMES = [
  'Tyler',
  'Amelia',
  'Kayden',
  'Poppy-Mae',
  'Rhys',
  'Siân',
  'Zoë',
  'Callum',
  'Ffion',
  'Jakub',
  'Hope',
  'Grace',
  'Will',
  'Rose',
  'DeShawn',
  'Aoife',
  'Nguyễn',
];
const ADULT_NAMES = ['Gary', 'Dean', 'Marcus', 'Linda', 'Brenda', 'Shannon', 'Kelly', 'Jason', 'Diane'];
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const phone = fc
  .tuple(digits(3), digits(6), fc.constantFrom('07{a} {b}', '07{a}{b}', '07{a}-{b3}-{b4}', '+44 7{a} {b}', '+447{a}{b}', '(07{a}) {b}'))
  .map(([a, b, fmt]) => fmt.replace('{a}', a).replace('{b3}', b.slice(0, 3)).replace('{b4}', b.slice(3)).replace('{b}', b));
const postcode = fc
  .tuple(
    fc.constantFrom('TN', 'SW', 'M', 'B', 'L', 'PE', 'LS', 'CF', 'G', 'BT'),
    fc.integer({ min: 1, max: 39 }),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom('AB', 'DL', 'RQ', 'YW', 'HT', 'JP'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([area, district, sector, unit, space, lower]) => {
    const pc = `${area}${district}${space ? ' ' : ''}${sector}${unit}`;
    return lower ? pc.toLowerCase() : pc;
  });
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{1,8}(?:[._+][a-z0-9]{1,6})?$/),
    fc.constantFrom('gmail.com', 'hotmail.co.uk', 'btinternet.com', 'yahoo.com', 'outlook.com'),
  )
  .map(([local, domain]) => `${local}@${domain}`);
const street = fc
  .tuple(
    fc.integer({ min: 1, max: 250 }),
    fc.constantFrom('', 'a', 'b'),
    fc.constantFrom('Acacia', 'Church', 'Mill', 'Priory', 'Beech', 'High', 'Station', 'Lincoln'),
    fc.constantFrom('Road', 'Street', 'Lane', 'Avenue', 'Close', 'Grove', 'Crescent'),
  )
  .map(([n, letter, name, suffix]) => `${n}${letter} ${name} ${suffix}`);

describe('suggestQuote', () => {
  it('never keeps a planted child name, adult name, email, phone number, postcode or address', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHILD_NAMES),
        fc.constantFrom(...ADULT_NAMES),
        email,
        phone,
        postcode,
        street,
        fc.constantFrom('son', 'daughter', 'grandson', 'little girl', 'eldest', 'foster son'),
        fc.constantFrom('partner', 'husband', 'wife', 'mum', 'ex', 'cousin'),
        (child, adult, mail, tel, pc, addr, rel, adultRel) => {
          const story =
            `Jane helped my ${rel} ${child} through the worst year. ${child} still talks about her. ` +
            `My ${adultRel} ${adult} says the same. We live at ${addr}, ${pc}. Email ${mail} or call ${tel}.`;
          const quote = suggestQuote(story, findFlags(story, 'Jane Smith'));
          for (const planted of [child, adult, mail, tel, pc, addr]) {
            expect(quote.includes(planted), `${JSON.stringify(planted)} survived in: ${quote}`).toBe(false);
          }
          expect(quote.startsWith('Jane helped')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
