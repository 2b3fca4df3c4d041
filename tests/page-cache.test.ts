// The rendered-page cache must never serve a page older than the data under it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const get = async (url: string) => (await app.inject(url)).body;

it('serves a cached profile until the worker changes, however the change is made', async () => {
  const { workerId, slug } = seedNomination(app, { workerName: 'Cache Tester', area: 'hastings', team: 'Team Alpha' });
  const first = await get(`/workers/${slug}`);
  expect(first).toContain('Team Alpha');
  expect(await get(`/workers/${slug}`)).toBe(first);
  // a write that tells nobody (no event) is still seen
  app.db.$client.prepare("UPDATE workers SET team = 'Team Beta' WHERE id = ?").run(workerId);
  expect(await get(`/workers/${slug}`)).toContain('Team Beta');
  app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(workerId);
  expect((await app.inject(`/workers/${slug}`)).statusCode).toBe(410);
});

it('drops cached counts pages when a recommendation is approved or withdrawn', async () => {
  seedNomination(app, { workerName: 'First Person', area: 'hastings' });
  expect(await get('/areas/hastings')).not.toContain('Second Person');
  const home = await get('/');
  const second = seedNomination(app, { workerName: 'Second Person', area: 'hastings' });
  expect(await get('/areas/hastings')).toContain('Second Person');
  expect(await get('/')).not.toBe(home);
  app.db.$client.prepare('DELETE FROM nominations WHERE id = ?').run(second.nominationId);
  expect(await get('/areas/hastings')).not.toContain('Second Person');
});

it('renders again after London midnight, when "this week" moves', async () => {
  seedNomination(app, { workerName: 'Week Person', area: 'sefton' });
  expect(await get('/')).toMatch(/Sefton<\/a>\s*lead/);
  app.clock.now += 8 * 24 * 3600_000;
  expect(await get('/')).not.toMatch(/Sefton<\/a>\s*lead/);
});

it('sets no cookies on cached pages and keeps errors out of the cache', async () => {
  const { slug } = seedNomination(app, { workerName: 'No Cookie', area: 'hastings' });
  for (let i = 0; i < 2; i++) {
    const res = await app.inject(`/workers/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
  }
  expect((await app.inject(`/workers/${slug}?page=abc`)).statusCode).toBe(400);
  expect((await app.inject(`/workers/${slug}?page=abc`)).statusCode).toBe(400);
});

it('serves cached pages compressed once, in the encoding the browser asks for', async () => {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  seedNomination(app, { workerName: 'Squeeze Tester', area: 'hastings' });
  const plain = await app.inject('/areas'); // renders and caches
  const again = await app.inject('/areas'); // from the cache
  expect(again.body).toBe(plain.body);
  expect(again.headers['content-encoding']).toBeUndefined();
  expect(again.headers.vary).toMatch(/accept-encoding/i);

  const br = await app.inject({ url: '/areas', headers: { 'accept-encoding': 'gzip, deflate, br' } });
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['content-type']).toMatch(/^text\/html/);
  expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
  expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

  const gz = await app.inject({ url: '/areas', headers: { 'accept-encoding': 'br;q=0, gzip' } });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);

  const none = await app.inject({ url: '/areas', headers: { 'accept-encoding': 'identity, *;q=0' } });
  expect(none.headers['content-encoding']).toBeUndefined();
  expect(none.body).toBe(plain.body);
});

it('compresses a cached page once per encoding, not per request', async () => {
  const { Entry } = await import('../server/plugins/page-cache.ts');
  const entry = new Entry(Buffer.from('<p>hello</p>'.repeat(200)), 'text/html; charset=utf-8');
  expect(entry.bytes('br')).toBe(entry.bytes('br'));
  expect(entry.bytes('gzip')).toBe(entry.bytes('gzip'));
  expect(entry.bytes('identity')).toBe(entry.body);
});

it('serves repeated searches from the cache until a profile changes', async () => {
  seedNomination(app, { workerName: 'Prudence Cache', area: 'hastings' });
  const first = await get('/search?q=prudence');
  expect(first).toContain('Prudence Cache');
  expect(first).not.toContain('Prudence Second');
  expect(await get('/search?q=prudence')).toBe(first);
  const second = seedNomination(app, { workerName: 'Prudence Second', area: 'sefton' });
  expect(await get('/search?q=prudence')).toContain('Prudence Second');
  app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(second.workerId);
  expect(await get('/search?q=prudence')).not.toContain('Prudence Second');
  // errors are never cached
  expect((await app.inject('/search?q=prudence&page=x')).statusCode).toBe(400);
  expect((await app.inject('/search?q=prudence&page=x')).statusCode).toBe(400);
});

it('holds a bounded number of bytes, dropping the least recently used page first', async () => {
  const { PageCache, Entry } = await import('../server/plugins/page-cache.ts');
  const cache = new PageCache(app.db, () => app.clock.now);
  try {
    const page = () => new Entry(Buffer.alloc(1024 * 1024, 'x'), 'text/html');
    for (let i = 0; i < 20; i++) cache.set(`/p${i}`, page());
    expect(cache.size.bytes).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(cache.size.pages).toBeLessThan(20);
    expect(cache.get('/p0')).toBeUndefined();
    expect(cache.get('/p19')).toBeDefined();
    cache.set('/p19', page()); // replacing an entry does not count it twice
    const before = cache.size.bytes;
    cache.set('/p19', page());
    expect(cache.size.bytes).toBe(before);
  } finally {
    cache.close();
  }
});

it('keeps a page from its second request on, so searches asked once never fill the cache', async () => {
  seedNomination(app, { workerName: 'Popular Person', area: 'hastings' });
  const pages = () => app.pageCache.size.pages;
  expect(pages()).toBe(0);
  for (let i = 0; i < 50; i++) expect((await app.inject(`/search?q=once${i}`)).statusCode).toBe(200);
  expect(pages()).toBe(0);
  const first = await get('/search?q=popular');
  expect(pages()).toBe(0);
  expect(await get('/search?q=popular')).toBe(first);
  expect(pages()).toBe(1);
  // the third request is the cached page, and a change still drops it
  expect(await get('/search?q=popular')).toBe(first);
  app.db.$client.prepare("UPDATE workers SET name = 'Popular Renamed'").run();
  expect(await get('/search?q=popular')).toContain('Popular Renamed');
  expect(pages()).toBe(0);
});
