// Confirms that arrive together are committed together (one fsync), each still on its own.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { checkAnswers, confirmFormOf, validNomination } from './helpers/nominate.ts';
import type { NominationInput } from '../server/nominations/form.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const rows = () => app.db.$client.prepare('SELECT COUNT(*) FROM nominations').pluck().get() as number;

/** A client that has been through the form to "check your answers", and its confirm form. */
async function readyToConfirm(over: Record<string, string> = {}) {
  const { client, check } = await checkAnswers(app, validNomination(over));
  expect(check.statusCode).toBe(200);
  return { client, body: confirmFormOf(check.body) };
}

it('stores twenty confirms sent at once, in fewer commits, each with its own reference', async () => {
  const names = [
    'Ann',
    'Bea',
    'Cal',
    'Dot',
    'Eve',
    'Fay',
    'Gus',
    'Hal',
    'Ivy',
    'Jo',
    'Kit',
    'Lou',
    'Max',
    'Ned',
    'Ola',
    'Pip',
    'Quin',
    'Ros',
    'Sam',
    'Tam',
  ];
  const ready = [];
  for (const n of names)
    ready.push(
      await readyToConfirm({ worker_name: `${n} Example`, story: `${n} helped our family more than we can say, week after week.` }),
    );
  const committer = app.committer;
  const before = { commits: committer.commits, committed: committer.committed };
  const answers = await Promise.all(ready.map(({ client, body }) => client.post('/nominate/confirm', body)));
  expect(answers.map((a) => a.statusCode)).toEqual(names.map(() => 303));
  const refs = new Set(answers.map((a) => String(a.headers.location)));
  expect(refs.size).toBe(20);
  expect(rows()).toBe(20);
  expect(committer.committed - before.committed).toBe(20);
  expect(committer.commits - before.commits).toBeLessThan(20);
  for (const ref of refs) expect((await app.inject(ref)).statusCode).toBe(200);
});

it('stores a double confirm in the same batch once, and sends both to the same reference', async () => {
  const { client, body } = await readyToConfirm();
  const [a, b] = await Promise.all([client.post('/nominate/confirm', body), client.post('/nominate/confirm', body)]);
  expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
  expect(a.headers.location).toBe(b.headers.location);
  expect(rows()).toBe(1);
});

it('fails only the one nomination that cannot be stored; the others in its batch are kept', async () => {
  const committer = app.committer;
  const area = app.areas.resolve('hastings')!;
  const input = (workerName: string, areaId = area.id): NominationInput =>
    ({
      workerName,
      area: { ...area, id: areaId },
      team: null,
      relationship: 'parent',
      qualities: ['listened'],
      stillInvolved: 'yes',
      story: `${workerName} stood by us.`,
      contactEmail: null,
    }) as unknown as NominationInput;
  const opts = (k: string) => ({ submissionKey: `batchtestsubmissionkey-${k}`, now: app.clock.now, hashKey: 'k', lang: 'en' as const });
  const results = await Promise.allSettled([
    committer.store(input('Good One'), opts('1')),
    committer.store(input('No Such Area', 987654), opts('2')), // breaks the area foreign key
    committer.store(input('Good Two'), opts('3')),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(app.db.$client.prepare('SELECT worker_name FROM nominations ORDER BY id').pluck().all()).toEqual(['Good One', 'Good Two']);
});

it('answers every confirm in a batch with an error, and stores none, when the database refuses writes', async () => {
  const ready = [await readyToConfirm({ worker_name: 'Una Example' }), await readyToConfirm({ worker_name: 'Vic Example' })];
  app.db.$client.pragma('query_only = 1');
  const answers = await Promise.all(ready.map(({ client, body }) => client.post('/nominate/confirm', body)));
  app.db.$client.pragma('query_only = 0');
  for (const a of answers) {
    expect(a.statusCode).toBeGreaterThanOrEqual(500);
    expect(a.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  }
  expect(rows()).toBe(0);
  // and the next one goes through
  const again = await readyToConfirm({ worker_name: 'Wyn Example' });
  expect((await again.client.post('/nominate/confirm', again.body)).statusCode).toBe(303);
});
