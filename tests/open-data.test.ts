// Open data through the real app: shapes, caching headers, ETag/304, CORS, CSV round trip.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { parseCsv } from '../server/text.ts';
import { etagMatches } from '../server/open-data/cacheable.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const DAY = 24 * 3600_000;

function seedSome() {
  seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
  seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
  seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings', submittedAt: app.clock.now - 30 * DAY });
  seedNomination(app, { workerName: 'Cat Dunn', area: 'Sefton' });
  seedNomination(app, { workerName: 'Dan Eve', area: 'Sefton' });
  seedNomination(app, { workerName: 'Eve Ford', area: 'Bristol', submittedAt: app.clock.now - 60 * DAY });
  seedNomination(app, {
    workerName: 'Pending Person',
    area: 'Cardiff',
    status: 'pending',
    contactEmail: 'secret@example.org',
    story: 'A private story that must never be published anywhere.',
  });
}

describe('GET /api/areas', () => {
  it('lists every area with the contract fields', async () => {
    seedSome();
    const res = await app.inject('/api/areas');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const rows = res.json() as Record<string, unknown>[];
    expect(rows).toHaveLength(361);
    for (const r of rows)
      expect(Object.keys(r)).toEqual(['slug', 'name', 'ons_code', 'nation', 'region', 'authority', 'workers', 'nominations', 'this_week']);
    expect(rows.find((r) => r.slug === 'hastings')).toEqual({
      slug: 'hastings',
      name: 'Hastings',
      ons_code: 'E07000062',
      nation: 'England',
      region: 'South East',
      authority: 'East Sussex',
      workers: 2,
      nominations: 3,
      this_week: 2,
    });
    expect(rows.find((r) => r.slug === 'sefton')).toMatchObject({ workers: 2, nominations: 2, this_week: 2 });
    expect(rows.find((r) => r.slug === 'cardiff')).toMatchObject({ workers: 0, nominations: 0, this_week: 0 });
    expect(res.body).not.toContain('secret@example.org');
    expect(res.body).not.toContain('Pending Person');
  });

  it('is cacheable: public max-age, a strong ETag, and 304 on If-None-Match', async () => {
    seedSome();
    const first = await app.inject('/api/areas');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);

    const again = await app.inject({ url: '/api/areas', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['access-control-allow-origin']).toBe('*');

    const list = await app.inject({ url: '/api/areas', headers: { 'if-none-match': `"nope", W/${etag}` } });
    expect(list.statusCode).toBe(304);
    const other = await app.inject({ url: '/api/areas', headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);

    // A new approval changes the body and so the ETag: the old one no longer matches.
    seedNomination(app, { workerName: 'New Person', area: 'Wirral' });
    const changed = await app.inject({ url: '/api/areas', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('is open to cross-site reading (CORS) for GET, with a preflight answer', async () => {
    const res = await app.inject({ url: '/api/areas', headers: { origin: 'https://research.example' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe('ETag');
    const pre = await app.inject({
      method: 'OPTIONS',
      url: '/api/stats',
      headers: { origin: 'https://research.example', 'access-control-request-method': 'GET' },
    });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect((await app.inject('/feed.xml')).headers['access-control-allow-origin']).toBe('*');
    // pages are not
    const page = await app.inject('/healthz');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('GET /api/areas.csv', () => {
  it('parses back to the same data as the JSON', async () => {
    seedSome();
    const csv = await app.inject('/api/areas.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('inline; filename="areas.csv"');
    expect(csv.headers['access-control-allow-origin']).toBe('*');
    expect(csv.body).toContain('\r\n');
    // names with commas are quoted (RFC 4180)
    expect(csv.body).toContain('"Bristol, City of"');

    const [header, ...rows] = parseCsv(csv.body);
    const json = (await app.inject('/api/areas')).json() as Record<string, unknown>[];
    expect(header).toEqual(Object.keys(json[0]!));
    const back = rows.map((r) =>
      Object.fromEntries(header!.map((k, i) => [k, ['workers', 'nominations', 'this_week'].includes(k) ? Number(r[i]) : r[i]])),
    );
    expect(back).toEqual(json);

    const etag = csv.headers.etag as string;
    expect((await app.inject({ url: '/api/areas.csv', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect(etag).not.toBe((await app.inject('/api/areas')).headers.etag);
  });
});

describe('GET /api/stats', () => {
  it('has the totals and this week’s leading areas', async () => {
    seedSome();
    const res = await app.inject('/api/stats');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toEqual({
      workers: 5,
      nominations: 6,
      areas_with_workers: 3,
      this_week: {
        nominations: 4,
        workers: 3,
        leading_areas: [
          { slug: 'sefton', name: 'Sefton', workers: 2, nominations: 2 },
          { slug: 'hastings', name: 'Hastings', workers: 1, nominations: 2 },
        ],
      },
    });
    const etag = res.headers.etag as string;
    expect((await app.inject({ url: '/api/stats', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
  });

  it('follows a hide at once', async () => {
    const { workerId } = seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings' });
    expect((await app.inject('/api/stats')).json()).toMatchObject({ workers: 1, this_week: { nominations: 1 } });
    app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(workerId);
    expect((await app.inject('/api/stats')).json()).toEqual({
      workers: 0,
      nominations: 0,
      areas_with_workers: 0,
      this_week: { nominations: 0, workers: 0, leading_areas: [] },
    });
  });

  it('answers an empty directory with zeros', async () => {
    expect((await app.inject('/api/stats')).json()).toEqual({
      workers: 0,
      nominations: 0,
      areas_with_workers: 0,
      this_week: { nominations: 0, workers: 0, leading_areas: [] },
    });
  });
});

describe('etagMatches', () => {
  it('uses the weak comparison If-None-Match asks for', () => {
    expect(etagMatches(undefined, '"a"')).toBe(false);
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", "a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"ab"', '"a"')).toBe(false);
  });
});
