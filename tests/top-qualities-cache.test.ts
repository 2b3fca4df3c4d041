// Top qualities are remembered in memory between requests: a change to a recommendation's answers
// must show on the very next search, whether written through the app's connection or another one.
import Database from 'better-sqlite3';
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

const search = async () => (await app.inject('/search?q=jane%20smith')).body;
const LISTENED = 'Listened to us and respected our views';
const HOPE = 'Gave us hope that things could change';
const HONEST = 'Open and honest, including about what had to change';

it('shows changed qualities on the next search, after a write on this connection or another', async () => {
  const { nominationId } = seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings', qualities: ['listened'] });
  let html = await search();
  expect(html).toContain(LISTENED);
  expect(html).not.toContain(HOPE);

  app.db.$client.prepare('UPDATE nominations SET qualities = ? WHERE id = ?').run(JSON.stringify(['hope']), nominationId);
  html = await search();
  expect(html).toContain(HOPE);
  expect(html).not.toContain(LISTENED);

  const other = new Database(app.config.DATABASE_PATH);
  try {
    other.prepare('UPDATE nominations SET qualities = ? WHERE id = ?').run(JSON.stringify(['honest']), nominationId);
  } finally {
    other.close();
  }
  html = await search();
  expect(html).toContain(HONEST);
  expect(html).not.toContain(HOPE);
});

it('leaves out the qualities of a recommendation taken down', async () => {
  const { workerId } = seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings', qualities: ['listened'] });
  const second = seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings', workerId: workerId!, qualities: ['hope'] });
  expect(await search()).toContain(HOPE);
  app.db.$client.prepare('UPDATE quotes SET unpublished_at = ? WHERE nomination_id = ?').run(app.clock.now, second.nominationId);
  const html = await search();
  expect(html).toContain(LISTENED);
  expect(html).not.toContain(HOPE);
});
