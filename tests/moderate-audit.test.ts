import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { seedNomination } from './helpers/seed.ts';
import { AUDIT_PAGE_SIZE } from '../server/moderation/audit-log.ts';
import { audit } from '../server/audit.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

describe('the audit log', () => {
  it('records every kind of moderation action, and shows who, what, when, before and after', async () => {
    const { client, moderator } = await signedInModerator(app, { role: 'admin', email: 'boss@example.org' });
    const a = seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'hastings',
      status: 'pending',
      story: 'Jane Smith was kind and fair to us all the way through.',
    }).nominationId;
    const b = seedNomination(app, { workerName: 'Tom Hughes', area: 'sefton', status: 'pending' }).nominationId;
    let page = await client.get(`/moderate/nominations/${a}`);
    await client.post(`/moderate/nominations/${a}`, {
      _csrf: csrfFrom(page.body)!,
      action: 'approve',
      worker: 'new',
      quote: 'Kind and fair to us all the way <through>.',
    });
    await client.post(`/moderate/nominations/${b}`, { _csrf: csrfFrom(page.body)!, action: 'reject', reason: 'spam' });
    page = await client.get('/moderate/moderators');
    await client.post('/moderate/moderators', {
      _csrf: csrfFrom(page.body)!,
      email: 'helper@example.org',
      role: 'moderator',
      password: 'a long enough pass phrase',
    });
    const helperId = app.db.$client.prepare(`SELECT id FROM moderators WHERE email = 'helper@example.org'`).pluck().get() as number;
    await client.post(`/moderate/moderators/${helperId}`, { _csrf: csrfFrom(page.body)!, action: 'disable' });

    const actions = app.db.$client.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions).toEqual([
      'moderator.created',
      'session.login',
      'nomination.approved',
      'nomination.rejected',
      'moderator.created',
      'moderator.disabled',
    ]);

    const res = await client.get('/moderate/audit');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // Newest first.
    expect(html.indexOf('moderator.disabled')).toBeLessThan(html.indexOf('nomination.approved'));
    expect(html).toContain('boss@example.org');
    expect(html).toContain('Kind and fair to us all the way &lt;through&gt;.');
    expect(html).toContain(`href="/moderate/nominations/${a}"`);

    const byAction = await client.get('/moderate/audit?action=nomination.rejected');
    expect(byAction.body).toContain('nomination.rejected');
    expect(byAction.body).not.toContain('<strong>nomination.approved</strong>');
    expect(byAction.body).toContain('1 entry');
    const byModerator = await client.get(`/moderate/audit?moderator=${moderator.id}`);
    expect(byModerator.body).toContain('5 entries');
    const system = await client.get('/moderate/audit?moderator=system');
    expect(system.body).toContain('1 entry'); // the first moderator was made outside the site
    // Rubbish filters are ignored, not errors.
    for (const q of ['?moderator=abc', '?action=%3Cscript%3E', '?page=-4', '?page=999999', `?moderator=${'9'.repeat(30)}`]) {
      expect((await client.get(`/moderate/audit${q}`)).statusCode, q).toBe(200);
    }
  });

  it('pages through a long log, keeping the filter in the links', async () => {
    const { client } = await signedInModerator(app);
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++)
      audit(app.db, { at: app.clock.now + i, moderatorId: null, action: 'test.entry', subjectType: 'system', note: `entry ${i}` });
    const first = await client.get('/moderate/audit?action=test.entry');
    expect(first.body).toContain('page 1 of 2');
    expect(first.body).toContain(`entry ${AUDIT_PAGE_SIZE + 4}`);
    expect(first.body).toContain('href="/moderate/audit?action=test.entry&amp;page=2"');
    const second = await client.get('/moderate/audit?action=test.entry&page=2');
    expect(second.body).toContain('entry 0<');
    expect(second.body).not.toContain(`entry ${AUDIT_PAGE_SIZE + 4}`);
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    await signedInModerator(app);
    const sqlite = app.db.$client;
    expect(sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBeGreaterThan(0);
    expect(() => sqlite.prepare(`UPDATE audit_log SET note = 'changed'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
