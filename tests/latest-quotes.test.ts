import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { latestQuotes } from '../server/workers/profile.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

it('finds the newest visible quotes even when a hidden profile owns the newest hundreds', () => {
  const t0 = app.clock.now;
  for (let i = 0; i < 8; i++)
    seedNomination(app, {
      workerName: `Visible Worker${'abcdefgh'[i]}`,
      area: 'hastings',
      submittedAt: t0 + i,
      quote: `visible quote ${i}`,
    });
  const hidden = seedNomination(app, { workerName: 'Hidden Person', area: 'sefton', submittedAt: t0 + 100 });
  for (let i = 1; i < 500; i++)
    seedNomination(app, { workerName: 'Hidden Person', area: 'sefton', submittedAt: t0 + 100 + i, workerId: hidden.workerId! });
  app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(hidden.workerId);
  const quotes = latestQuotes(app.db, 6);
  expect(quotes.map((q) => q.text)).toEqual([
    'visible quote 7',
    'visible quote 6',
    'visible quote 5',
    'visible quote 4',
    'visible quote 3',
    'visible quote 2',
  ]);
  expect(latestQuotes(app.db, 20)).toHaveLength(8);
});
