// Planted markers for the display choices: "thanks in private only" takes the name, the profile and
// its quotes off every public page, the feed, the JSON, the CSV and the search, while the area and
// site counts stay the same; "first name only" takes the surname off all of them. Every page is
// fetched twice first, so a page kept in the page cache or a stale search index would be caught.
import { withoutSearchEchoes } from './helpers/search-echoes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeApp, type TestApp } from './helpers/app.ts';
import { workers } from '../db/schema.ts';
import { seedNomination } from './helpers/seed.ts';
import { seedAuthorityDomains, signedInWorker, workerCsrf, useMailbox } from './helpers/worker.ts';

const mailbox = useMailbox();
let app: TestApp;
const P = { first: 'Zqprivate', last: 'Quillonby', quote: 'zqprivatequote', team: 'Zqprivteam' };
const F = { first: 'Marigold', last: 'Zqsurnamely', quote: 'zqfirstquote' };
let privateSlug = '';
let firstSlug = '';
let firstNewSlug = '';
const q = encodeURIComponent;

function publicUrls(): string[] {
  const terms = [P.first, P.last, `${P.first} ${P.last}`, F.first, F.last, `${F.first} ${F.last}`, 'Hastings', 'zq'];
  return [
    '/',
    `/workers/${privateSlug}`,
    `/api/workers/${privateSlug}`,
    `/workers/${firstSlug}`,
    `/api/workers/${firstSlug}`,
    `/workers/${firstNewSlug || firstSlug}`,
    `/api/workers/${firstNewSlug || firstSlug}`,
    '/areas',
    '/areas?sort=workers',
    '/areas/hastings',
    '/search',
    ...terms.flatMap((t) => [`/search?q=${q(t)}`, `/search?q=${q(t)}&area=hastings`, `/api/search?q=${q(t)}`]),
    '/api/areas',
    '/api/areas.csv',
    '/api/stats',
    '/feed.xml',
    '/insights',
    '/request-change',
    `/request-change?worker=${privateSlug}`,
    `/request-change?worker=${firstSlug}`,
    `/worker/claim?profile=${privateSlug}`,
    `/worker/claim?profile=${firstSlug}`,
    '/named',
  ];
}

async function bodies(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const url of publicUrls()) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBeLessThan(500);
    const text = withoutSearchEchoes((res.body + JSON.stringify(res.headers)).toLowerCase(), url);
    out.set(url, text);
  }
  return out;
}

let before: { areas: unknown; stats: unknown; csv: string };

beforeAll(async () => {
  app = await makeApp(mailbox.env);
  seedAuthorityDomains(app);
  const p = seedNomination(app, { workerName: `${P.first} ${P.last}`, area: 'Hastings', team: P.team, quote: `She was ${P.quote} kind.` });
  seedNomination(app, {
    workerName: `${P.first} ${P.last}`,
    area: 'Hastings',
    workerId: p.workerId!,
    quote: 'Second quote for the private one.',
  });
  privateSlug = p.slug!;
  const f = seedNomination(app, { workerName: `${F.first} ${F.last}`, area: 'Hastings', quote: `He was ${F.quote} patient.` });
  firstSlug = f.slug!;
  seedNomination(app, { workerName: 'Control Person', area: 'Hastings', quote: 'The control quote.' });
  seedNomination(app, { workerName: 'Sefton Person', area: 'Sefton', quote: 'A Sefton quote.' });

  // warm every page (twice: the page cache keeps a page from its second request)
  const warm = await bodies();
  await bodies();
  expect(warm.get(`/workers/${privateSlug}`)).toContain(P.last.toLowerCase());
  expect(warm.get('/feed.xml')).toContain(F.last.toLowerCase());
  expect(warm.get(`/api/search?q=${q(P.last)}`)).toContain(privateSlug);
  before = {
    areas: (await app.inject('/api/areas')).json(),
    stats: (await app.inject('/api/stats')).json(),
    csv: (await app.inject('/api/areas.csv')).body,
  };

  const pc = await signedInWorker(app, mailbox, privateSlug, 'zq.private@eastsussex.gov.uk');
  expect((await pc.post('/worker/display', { _csrf: await workerCsrf(pc), profile: privateSlug, display: 'private' })).statusCode).toBe(
    303,
  );
  const fc = await signedInWorker(app, mailbox, firstSlug, 'marigold@eastsussex.gov.uk');
  expect((await fc.post('/worker/display', { _csrf: await workerCsrf(fc), profile: firstSlug, display: 'first_name' })).statusCode).toBe(
    303,
  );
  firstNewSlug = app.db
    .select({ slug: workers.slug })
    .from(workers)
    .where(eq(workers.fullName, `${F.first} ${F.last}`))
    .get()!.slug;
  expect(firstNewSlug).toBe('marigold-hastings');
});
afterAll(async () => {
  await app.close();
});

describe('display choices on every public page', () => {
  it('private: no name, quote, team or old slug anywhere public', async () => {
    const markers = [P.first, P.last, P.quote, P.team, privateSlug, 'second quote for the private one'].map((m) => m.toLowerCase());
    for (const [url, text] of await bodies()) for (const m of markers) expect(text.includes(m), `${m} on ${url}`).toBe(false);
  });

  it('first name: no surname anywhere public; the first name, the quote and the new slug are shown', async () => {
    const all = await bodies();
    for (const [url, text] of all) {
      expect(text.includes(F.last.toLowerCase()), `surname on ${url}`).toBe(false);
      expect(text.includes(firstSlug), `old slug on ${url}`).toBe(false);
    }
    expect(all.get(`/workers/${firstNewSlug}`)).toContain(F.first.toLowerCase());
    expect(all.get(`/workers/${firstNewSlug}`)).toContain(F.quote);
    expect(all.get('/feed.xml')).toContain(`/workers/${firstNewSlug}`);
    expect(all.get(`/api/search?q=${q(F.first)}`)).toContain(firstNewSlug);
    expect(all.get('/areas/hastings')).toContain(firstNewSlug);
  });

  it('old slugs answer 404 like unknown ones, not 410 or a redirect', async () => {
    for (const slug of [privateSlug, firstSlug]) {
      const page = await app.inject(`/workers/${slug}`);
      const unknown = await app.inject('/workers/no-such-worker-hastings');
      expect(page.statusCode).toBe(404);
      expect(page.headers.location).toBeUndefined();
      expect(page.body.replace(slug, '')).toBe(unknown.body.replace('no-such-worker-hastings', ''));
      expect((await app.inject(`/api/workers/${slug}`)).statusCode).toBe(404);
    }
  });

  it('the area and site counts, JSON and CSV, are unchanged', async () => {
    expect((await app.inject('/api/areas')).json()).toEqual(before.areas);
    expect((await app.inject('/api/stats')).json()).toEqual(before.stats);
    expect((await app.inject('/api/areas.csv')).body).toBe(before.csv);
    const hastings = ((await app.inject('/api/areas')).json() as { slug: string; workers: number; nominations: number }[]).find(
      (a) => a.slug === 'hastings',
    )!;
    expect(hastings).toMatchObject({ workers: 3, nominations: 4 });
  });
});
