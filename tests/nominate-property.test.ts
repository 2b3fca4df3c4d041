// Property test: thousands of random bodies at POST /nominate and POST /nominate/confirm.
// Never a 5xx; the database gains a row exactly when the body is a valid, confirmed nomination.
// Each field is drawn from values whose validity is known by construction (an oracle independent
// of the validator), plus wholly random bodies that must simply never break anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Client, makeApp, type TestApp } from './helpers/app.ts';
import { QUALITY_KEYS } from '../server/qualities.ts';

let app: TestApp;
let client: Client;
let csrf: string;
beforeAll(async () => {
  app = await makeApp();
  client = new Client(app);
  csrf = await client.csrf('/nominate');
});
afterAll(async () => {
  await app.close();
});

type Value = string | string[] | undefined;
/** A field value and whether the spec's rule accepts it. */
type Drawn = { value: Value; ok: boolean };
const ok = (a: fc.Arbitrary<Value>) => a.map((value): Drawn => ({ value, ok: true }));
const bad = (a: fc.Arbitrary<Value>) => a.map((value): Drawn => ({ value, ok: false }));

const LETTERS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéâüñçøßŁłŞğİ',
  'Ẽ',
  'ễ',
  'ŵ',
  'ع',
  'م',
  'ح',
  'ب',
  'а',
  'б',
  'Ж',
  'λ',
  'Ω',
  '中',
  '李',
  'ก',
  'अ',
  '𝒜',
];
const SEPARATORS = [' ', '-', "'", '’', '.', '. '];
const cp = (s: string) => [...s].length;

const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 20 }).map((l) => l.join(''));
const validName = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 4, maxLength: 4 }))
  .map(([words, seps]) => words.map((w, i) => (i === 0 ? w : seps[i - 1]!.replace(/ $/, ' ') + w)).join(''))
  .filter((s) => cp(s) >= 2 && cp(s) <= 100);

const workerName = fc.oneof(
  { weight: 6, arbitrary: ok(validName) },
  {
    weight: 1,
    arbitrary: bad(
      fc.constantFrom(undefined, '', '   ', 'A', 'a'.repeat(101), 'Agent 007', 'Sam <b>', "'-.", 'sam@example.org', [
        'Sam Taylor',
        'Sam Taylor',
      ]),
    ),
  },
);

const area = fc.oneof(
  {
    weight: 6,
    arbitrary: ok(fc.constantFrom('hastings', 'Hull', 'E07000062', 'St Helens', 'sefton', 'Bristol', 'cardiff', 'highland', 'belfast')),
  },
  { weight: 1, arbitrary: bad(fc.constantFrom(undefined, '', 'Atlantis', 'hastings-x', ['hastings', 'sefton'])) },
);
// The typed box, when filled, wins over the select.
const areaText = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Drawn | null>(null) },
  { weight: 1, arbitrary: ok(fc.constantFrom('Hull', 'St. Helens', 'Brighton & Hove', 'Derry')) },
  { weight: 1, arbitrary: bad(fc.constantFrom('Nowhere-on-Sea', 'London Town')) },
);

const team = fc.oneof(
  { weight: 6, arbitrary: ok(fc.oneof(fc.constant(undefined), fc.constant(''), fc.string({ unit: 'binary', maxLength: 30 }))) },
  { weight: 1, arbitrary: bad(fc.constantFrom('t'.repeat(101), ['a', 'b'])) },
);

const relationship = fc.oneof(
  { weight: 6, arbitrary: ok(fc.constantFrom('parent', 'carer', 'young_person', 'relative', 'professional', 'other')) },
  { weight: 1, arbitrary: bad(fc.constantFrom(undefined, '', 'Parent', 'boss', ['parent', 'carer'])) },
);
const stillInvolved = fc.oneof(
  { weight: 6, arbitrary: ok(fc.constantFrom('yes', 'moved_on', 'case_closed', 'not_sure')) },
  { weight: 1, arbitrary: bad(fc.constantFrom(undefined, '', 'YES', 'maybe')) },
);
const qualities = fc.oneof(
  { weight: 6, arbitrary: ok(fc.oneof(fc.constant(undefined), fc.subarray([...QUALITY_KEYS]), fc.constantFrom(...QUALITY_KEYS))) },
  { weight: 1, arbitrary: bad(fc.subarray([...QUALITY_KEYS]).map((q) => [...q, 'magic'])) },
);

const STORY_CHARS = ['a', 'b', 'é', 'ß', '中', 'ع', '😀', '👍🏽', '<', '>', '&', '"', "'", ';', '-', ' ', ' ', '\n', '\r\n', '\t'];
const storyOf = (min: number, max: number) =>
  fc.array(fc.constantFrom(...STORY_CHARS), { minLength: min, maxLength: max }).map((chars) => {
    // Ends are letters so trimming never changes the count; a CRLF counts as one character.
    const inner = chars.slice(0, -2).join('');
    return `x${inner}x`;
  });
const storyLength = (s: string) => cp(s.replace(/\r\n/g, '\n'));
const story = fc.oneof(
  {
    weight: 6,
    arbitrary: ok(fc.oneof(storyOf(20, 200), storyOf(2900, 3000)).filter((s) => storyLength(s) >= 20 && storyLength(s) <= 3000)),
  },
  {
    weight: 1,
    arbitrary: bad(
      fc.oneof(
        fc.constantFrom(undefined, '', ' \n\t ', 'x'.repeat(19), 'x'.repeat(3001), '😀'.repeat(3001)),
        storyOf(2, 19).filter((s) => storyLength(s) < 20),
      ),
    ),
  },
);
const consent = fc.oneof(
  { weight: 6, arbitrary: ok(fc.constant('yes')) },
  { weight: 1, arbitrary: bad(fc.constantFrom(undefined, '', 'no', 'YES', 'on')) },
);
const independent = fc.oneof(
  { weight: 6, arbitrary: ok(fc.constant('yes')) },
  { weight: 1, arbitrary: bad(fc.constantFrom(undefined, '', 'no', 'on')) },
);
const email = fc.oneof(
  { weight: 6, arbitrary: ok(fc.constantFrom(undefined, '', 'parent@example.org', "o'brien@example.co.uk", '  spaced@example.org  ')) },
  { weight: 1, arbitrary: bad(fc.constantFrom('nope', 'a@b', '@example.org', 'two@@example.org', `${'a'.repeat(250)}@example.org`)) },
);
const website = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Value>(undefined, '') },
  { weight: 1, arbitrary: fc.constantFrom<Value>('http://spam.example', ' ') },
);

let keySeq = 0;
const submissionKey = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null).map((): Drawn => ({ value: `key-${String(++keySeq).padStart(20, '0')}`, ok: true })) },
  { weight: 1, arbitrary: bad(fc.constantFrom(undefined, '', 'short', 'k'.repeat(65), 'has spaces in it, not allowed!!')) },
);

const nominationBody = fc.record({
  worker_name: workerName,
  area,
  area_text: areaText,
  team,
  relationship,
  still_involved: stillInvolved,
  qualities,
  story,
  independent,
  consent,
  contact_email: email,
});

function build(fields: Record<string, Drawn | null>) {
  const form: Record<string, Value> = {};
  let valid = true;
  for (const [k, d] of Object.entries(fields)) {
    if (d === null) continue;
    form[k] = d.value;
    // The typed area, when filled, decides the area on its own.
    if (k === 'area' && fields.area_text) continue;
    valid &&= d.ok;
  }
  return { form, valid };
}

async function post(url: string, form: Record<string, Value>, withCsrf: boolean) {
  const body = new URLSearchParams();
  if (withCsrf) body.append('_csrf', csrf);
  for (const [k, v] of Object.entries(form)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: body.toString(),
  });
}

const rows = () => app.db.$client.prepare('SELECT COUNT(*) FROM nominations').pluck().get() as number;
const withCsrf = fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

describe('random bodies', () => {
  it('POST /nominate: 200 exactly for valid answers, 400 otherwise, 403 without a token; never a 5xx; never stores', async () => {
    let sawValid = 0;
    await fc.assert(
      fc.asyncProperty(nominationBody, website, withCsrf, async (fields, hp, token) => {
        const { form, valid } = build(fields);
        form.website = hp;
        const before = rows();
        const res = await post('/nominate', form, token);
        const expected = !token ? 403 : hp ? 400 : valid ? 200 : 400;
        if (res.statusCode !== expected)
          throw new Error(
            `expected ${expected}, got ${res.statusCode} for ${JSON.stringify(form).slice(0, 400)}\n${res.body.match(/<li><a href="#[^"]+">[^<]+/g)}`,
          );
        if (expected === 200) sawValid++;
        expect(rows()).toBe(before);
      }),
      { numRuns: 700, seed: 20260318 },
    );
    expect(sawValid).toBeGreaterThan(50);
  });

  it('POST /nominate/confirm: 303 and exactly one new row for valid answers with a key; otherwise no row; never a 5xx', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(nominationBody, website, withCsrf, submissionKey, async (fields, hp, token, key) => {
        const { form, valid } = build(fields);
        form.website = hp;
        form.submission_key = key.value;
        const before = rows();
        const res = await post('/nominate/confirm', form, token);
        const accepted = token && !hp && key.ok && valid;
        const expected = !token ? 403 : accepted ? 303 : 400;
        if (res.statusCode !== expected)
          throw new Error(
            `expected ${expected}, got ${res.statusCode} for ${JSON.stringify(form).slice(0, 400)}\n${res.body.match(/<li><a href="#[^"]+">[^<]+/g)}`,
          );
        expect(rows()).toBe(before + (accepted ? 1 : 0));
        if (accepted) stored++;
      }),
      { numRuns: 700, seed: 20260319 },
    );
    expect(stored).toBeGreaterThan(50);
  });

  const junkValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }));
  const junkBody = fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'worker_name',
        'area',
        'area_text',
        'team',
        'relationship',
        'still_involved',
        'qualities',
        'story',
        'consent',
        'contact_email',
        'website',
        'submission_key',
        'edit',
        'started',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 12 }),
    ),
    junkValue,
    { maxKeys: 14 },
  );

  for (const url of ['/nominate', '/nominate/confirm']) {
    it(`${url}: wholly random bodies never give a 5xx and never store a row`, async () => {
      await fc.assert(
        fc.asyncProperty(junkBody, async (form) => {
          const before = rows();
          const res = await post(url, form as Record<string, Value>, true);
          expect(res.statusCode).toBeLessThan(500);
          expect(res.statusCode).not.toBe(303);
          expect(rows()).toBe(before);
        }),
        { numRuns: 300, seed: 42 },
      );
    });
  }
});
