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
