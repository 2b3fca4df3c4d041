// Rendered pages and API answers are compressed for clients that ask, and read back the same.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { chooseEncoding } from '../server/plugins/compress-responses.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
  seedNomination(app, { workerName: 'Zipped Worker', area: 'hastings' });
});
afterEach(async () => {
  await app.close();
});

const decoded = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) => {
  const enc = res.headers['content-encoding'];
  return (enc === 'gzip' ? gunzipSync(res.rawPayload) : enc === 'br' ? brotliDecompressSync(res.rawPayload) : res.rawPayload).toString(
    'utf8',
  );
};

it('compresses a rendered (uncached) page for a browser with brotli, byte for byte the same page', async () => {
  // each search URL is rendered once, then comes from the page cache: two different ones
  const plain = await app.inject('/search?q=zipped&area=hastings');
  expect(plain.statusCode).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  const browser = await app.inject({ url: '/search?area=hastings&q=zipped', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  expect(browser.statusCode).toBe(200);
  expect(browser.headers['content-encoding']).toBe('br');
  expect(String(browser.headers.vary)).toMatch(/accept-encoding/i);
  expect(Number(browser.headers['content-length'])).toBe(browser.rawPayload.length);
  expect(browser.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  expect(decoded(browser)).toBe(plain.body);
  expect(decoded(browser)).toContain('Zipped Worker');
});

it('uses gzip or brotli when that is all the client takes, and nothing when it takes neither', async () => {
  const page = await app.inject('/search?q=zipped+worker');
  const gzipped = await app.inject({ url: '/search?q=worker+zipped', headers: { 'accept-encoding': 'gzip, deflate' } });
  expect(gzipped.headers['content-encoding']).toBe('gzip');
  expect(decoded(gzipped).replaceAll('worker zipped', 'zipped worker').replaceAll('worker+zipped', 'zipped+worker')).toBe(page.body);
  const plain = await app.inject('/api/areas');
  const br = await app.inject({ url: '/api/areas', headers: { 'accept-encoding': 'br' } });
  expect(br.headers['content-encoding']).toBe('br');
  expect(JSON.parse(decoded(br))).toEqual(JSON.parse(plain.body));
  const none = await app.inject({ url: '/api/areas', headers: { 'accept-encoding': 'deflate;q=1, gzip;q=0, br;q=0' } });
  expect(['deflate', undefined]).toContain(none.headers['content-encoding']);
  expect(
    JSON.parse(
      decoded({
        ...none,
        rawPayload: none.headers['content-encoding'] ? (await import('node:zlib')).inflateSync(none.rawPayload) : none.rawPayload,
        headers: {},
      }),
    ),
  ).toEqual(JSON.parse(plain.body));
});

it('leaves small answers, 304s and x-no-compression alone', async () => {
  const small = await app.inject({ url: '/healthz', headers: { 'accept-encoding': 'gzip' } });
  expect(small.headers['content-encoding']).toBeUndefined();
  const opted = await app.inject({ url: '/search?q=zipped', headers: { 'accept-encoding': 'gzip', 'x-no-compression': '1' } });
  expect(opted.headers['content-encoding']).toBeUndefined();
  expect(opted.body).toContain('Zipped Worker');
  const first = await app.inject({ url: '/api/areas', headers: { 'accept-encoding': 'gzip' } });
  const etag = first.headers.etag;
  expect(etag).toBeTruthy();
  const again = await app.inject({ url: '/api/areas', headers: { 'accept-encoding': 'gzip', 'if-none-match': String(etag) } });
  expect(again.statusCode).toBe(304);
  expect(again.rawPayload.length).toBe(0);
});

it('compresses error pages too, and never turns them into something else', async () => {
  const res = await app.inject({ url: '/workers/nobody-at-all', headers: { 'accept-encoding': 'gzip' } });
  expect(res.statusCode).toBe(404);
  expect(decoded(res)).toContain('<h1');
});

it('chooses encodings the way Accept-Encoding means them', async () => {
  expect(chooseEncoding(undefined, 5000)).toBe('identity');
  expect(chooseEncoding('gzip, deflate, br, zstd', 5000)).toBe('br');
  expect(chooseEncoding('gzip', 5000)).toBe('gzip');
  expect(chooseEncoding('BR;Q=0.5, gzip;q=1', 5000)).toBe('br');
  expect(chooseEncoding('br;q=0, gzip;q=0', 5000)).toBe('identity');
  expect(chooseEncoding('*', 5000)).toBe('br');
  expect(chooseEncoding('*;q=0, gzip', 5000)).toBe('gzip');
  expect(chooseEncoding('br;q=nonsense, gzip', 5000)).toBe('gzip');
  expect(chooseEncoding('gzip, br', 500)).toBe('identity');
});
