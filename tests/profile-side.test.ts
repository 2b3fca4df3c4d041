// The profile's one lookup reads what the worker added (confirmed mark, published reply, registration)
// as subqueries: each must be about the worker looked up, not any row of its table. Two workers, one
// with everything and one with nothing, ids chosen so that a subquery comparing a table's own columns
// ("worker_id" = "id") would answer the same for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { lookupWorker } from '../server/workers/profile.ts';
import { workerAccountProfiles, workerAccounts, workerRegistrations, workerReplies } from '../db/schema.ts';

let app: TestApp;
let plain: { id: number; slug: string };
let added: { id: number; slug: string };

beforeAll(async () => {
  app = await makeApp();
  const a = seedNomination(app, { workerName: 'Nia Plainfield', area: 'hastings' });
  const b = seedNomination(app, { workerName: 'Owen Addedale', area: 'hastings' });
  plain = { id: a.workerId!, slug: a.slug! };
  added = { id: b.workerId!, slug: b.slug! };
  const now = app.clock.now;
  const account = app.db
    .insert(workerAccounts)
    .values({ email: 'owen@eastsussex.gov.uk', createdAt: now, lastSignInAt: now })
    .returning()
    .get();
  app.db
    .insert(workerAccountProfiles)
    .values({ accountId: account.id, workerId: added.id, confirmedAt: now, confirmedBy: 'work_email' })
    .run();
  app.db
    .insert(workerReplies)
    .values([
      { workerId: added.id, text: 'An older reply.', status: 'replaced', submittedAt: now - 2 },
      { workerId: added.id, text: 'Thank you, all of you.', status: 'published', submittedAt: now - 1 },
      { workerId: added.id, text: 'Not yet approved.', status: 'pending', submittedAt: now },
    ])
    .run();
  app.db.insert(workerRegistrations).values({ workerId: added.id, regulator: 'swe', number: 'SW123456', updatedAt: now }).run();
});

afterAll(() => app?.close());

describe('the profile lookup', () => {
  it('gives a worker with nothing added no mark, no reply and no registration', () => {
    const found = lookupWorker(app.db, plain.slug);
    expect(found.kind).toBe('public');
    if (found.kind === 'public') expect(found.side).toEqual({ confirmed: false, reply: null, registration: null });
  });

  it('gives the other worker their own mark, published reply and registration', () => {
    const found = lookupWorker(app.db, added.slug);
    expect(found.kind).toBe('public');
    if (found.kind === 'public')
      expect(found.side).toEqual({
        confirmed: true,
        reply: 'Thank you, all of you.',
        registration: { regulator: 'swe', number: 'SW123456' },
      });
  });
});
