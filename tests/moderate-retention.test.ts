import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { runRetention } from '../server/moderation/retention.ts';

const DAY = 24 * 60 * 60_000;
let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ RETENTION_DAYS: '180' });
});
afterEach(async () => {
  await app.close();
});

const sql = () => app.db.$client;
const row = (id: number) =>
  sql()
    .prepare('SELECT story, story_hash AS hash, contact_email AS email, story_deleted_at AS deletedAt FROM nominations WHERE id = ?')
    .get(id) as {
    story: string | null;
    hash: string;
    email: string | null;
    deletedAt: number | null;
  };

describe('retention', () => {
  it('deletes contact emails after 90 days (pending too) and stories RETENTION_DAYS after the decision, keeping quotes and audit', () => {
    const t0 = app.clock.now;
    const pendingOld = seedNomination(app, {
      workerName: 'Pat Old',
      area: 'hastings',
      status: 'pending',
      contactEmail: 'old@example.org',
      submittedAt: t0 - 91 * DAY,
    }).nominationId;
    const pendingNew = seedNomination(app, {
      workerName: 'Pat New',
      area: 'hastings',
      status: 'pending',
      contactEmail: 'new@example.org',
      submittedAt: t0 - 89 * DAY,
    }).nominationId;
    // seedNomination decides at submission time.
    const approvedOld = seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'hastings',
      submittedAt: t0 - 181 * DAY,
      quote: 'A quote that must stay published.',
    }).nominationId;
    const approvedNew = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings', submittedAt: t0 - 179 * DAY }).nominationId;
    const rejectedOld = seedNomination(app, {
      workerName: 'Sam Reject',
      area: 'hastings',
      status: 'rejected',
      submittedAt: t0 - 200 * DAY,
    }).nominationId;
    const oldPendingStory = seedNomination(app, {
      workerName: 'Never Decided',
      area: 'hastings',
      status: 'pending',
      submittedAt: t0 - 400 * DAY,
    }).nominationId;
    sql()
      .prepare(
        `INSERT INTO change_requests (worker_name, area_text, request, details, contact_email, submitted_at) VALUES ('A B', 'Hastings', 'hide', 'Please hide.', 'cr@example.org', ?)`,
      )
      .run(t0 - 100 * DAY);
    const hashBefore = row(approvedOld).hash;

    const result = runRetention(app.db, t0, 180);
    expect(result).toEqual({ nominationEmails: 1, requestEmails: 1, stories: 2 });
    expect(row(pendingOld).email).toBeNull();
    expect(row(pendingNew).email).toBe('new@example.org');
    expect(row(approvedOld)).toMatchObject({ story: null, deletedAt: t0, hash: hashBefore });
    expect(row(rejectedOld).story).toBeNull();
    expect(row(approvedNew).story).not.toBeNull();
    expect(row(oldPendingStory).story).not.toBeNull();
    expect(sql().prepare('SELECT text FROM quotes WHERE nomination_id = ?').pluck().get(approvedOld)).toBe(
      'A quote that must stay published.',
    );
    expect(sql().prepare('SELECT contact_email FROM change_requests').pluck().get()).toBeNull();

    const entries = sql().prepare(`SELECT moderator_id AS by, after FROM audit_log WHERE action = 'retention.run'`).all() as {
      by: null;
      after: string;
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.by).toBeNull();
    expect(JSON.parse(entries[0]!.after)).toEqual(result);

    // Nothing left to delete: no new audit entry.
    expect(runRetention(app.db, t0 + 1000, 180)).toEqual({ nominationEmails: 0, requestEmails: 0, stories: 0 });
    expect(sql().prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run'`).pluck().get()).toBe(1);
    // Two days later the next story is due.
    app.clock.now += 2 * DAY;
    expect(runRetention(app.db, app.clock.now, 180).stories).toBe(1);
    expect(row(approvedNew).story).toBeNull();
  });

  it('runs at start-up with the configured RETENTION_DAYS and the injected clock', async () => {
    const start = Date.UTC(2026, 5, 1);
    const other = await makeApp({ RETENTION_DAYS: '30' }, start);
    try {
      const id = seedNomination(other, { workerName: 'Jane Smith', area: 'hastings', submittedAt: start - 31 * DAY }).nominationId;
      // The start-up run has already happened (before the seed); restart the app over the same file.
      expect(other.db.$client.prepare('SELECT story IS NOT NULL FROM nominations WHERE id = ?').pluck().get(id)).toBe(1);
      const { buildApp } = await import('../server/app.ts');
      const again = await buildApp({ config: other.config, now: () => start, logger: false });
      await again.ready();
      expect(again.db.$client.prepare('SELECT story FROM nominations WHERE id = ?').pluck().get(id)).toBeNull();
      expect(again.db.$client.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run'`).pluck().get()).toBe(1);
      await again.close();
    } finally {
      await other.close();
    }
  });
});
