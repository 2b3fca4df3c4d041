// queueMail: a plain insert that joins the caller's transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema.ts';
import { queueMail } from '../server/mail/outbox.ts';
import { makeApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const msg = { to: 'j.smith@eastsussex.gov.uk', subject: 'Sign in', text: 'Your link', kind: 'worker_sign_in' };

describe('queueMail', () => {
  it('queues a message due now', () => {
    queueMail(app.db, msg, 1000);
    const rows = app.db.select().from(outbox).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ toAddress: msg.to, status: 'queued', attempts: 0, nextAttemptAt: 1000, bodyHtml: null });
  });

  it('is rolled back with the drizzle transaction it was queued in', () => {
    expect(() =>
      app.db.transaction((tx) => {
        queueMail(tx, msg, 1000);
        throw new Error('the action failed');
      }),
    ).toThrow('the action failed');
    expect(app.db.select().from(outbox).all()).toHaveLength(0);
  });

  it('is rolled back with a better-sqlite3 transaction on the same connection', () => {
    const run = app.db.$client.transaction(() => {
      queueMail(app.db, msg, 1000);
      throw new Error('the action failed');
    });
    expect(() => run()).toThrow('the action failed');
    expect(app.db.select().from(outbox).all()).toHaveLength(0);
  });

  it('queues one message per dedupe key', () => {
    queueMail(app.db, { ...msg, dedupeKey: 'published:1' }, 1000);
    queueMail(app.db, { ...msg, dedupeKey: 'published:1' }, 2000);
    queueMail(app.db, msg, 3000);
    queueMail(app.db, msg, 4000);
    expect(app.db.select().from(outbox).all()).toHaveLength(3);
  });
});
