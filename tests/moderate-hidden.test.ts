// Hidden profiles: listed for moderators, and shown again only with a reason, audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { seedNomination } from './helpers/seed.ts';
import { stats } from '../server/counts/index.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const sql = () => app.db.$client;

/** Hide a profile the way moderators do: a change request, decided "hide". */
async function hideThroughRequest(client: Client, workerId: number) {
  const id = Number(
    sql()
      .prepare(
        `INSERT INTO change_requests (worker_name, area_text, worker_id, request, details, submitted_at) VALUES ('Jane Smith', 'Hastings', ?, 'hide', 'Please hide me.', ?)`,
      )
      .run(workerId, app.clock.now).lastInsertRowid,
  );
  const page = await client.get(`/moderate/requests/${id}`);
  const res = await client.post(`/moderate/requests/${id}`, {
    _csrf: csrfFrom(page.body)!,
    action: 'hide',
    worker: String(workerId),
    note: '',
  });
  expect(res.statusCode).toBe(303);
}

async function unhide(client: Client, workerId: number, reason: string) {
  const page = await client.get('/moderate/hidden');
  expect(page.statusCode).toBe(200);
  return client.post(`/moderate/hidden/${workerId}`, { _csrf: csrfFrom(page.body)!, reason });
}

describe('hidden profiles', () => {
  it('lists hidden profiles with who hid them, and shows one again with a reason: public, counted, searchable, audited', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    const { client, moderator } = await signedInModerator(app);
    expect((await client.get('/moderate/hidden')).body).toContain('No profile is hidden.');
    await hideThroughRequest(client, jane.workerId!);
    expect((await app.inject(`/workers/${jane.slug}`)).statusCode).toBe(410);
    expect((await app.inject('/api/search?q=jane')).json().total).toBe(0);

    const list = await client.get('/moderate/hidden');
    expect(list.body).toContain('<h2>Jane Smith</h2>');
    expect(list.body).toContain(`by ${moderator.email}`);
    expect(list.body).toContain(`action="/moderate/hidden/${jane.workerId}"`);

    const res = await unhide(client, jane.workerId!, '  The worker asked to be listed again.  ');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/moderate/hidden?unhidden=${jane.workerId}`);
    const after = await client.get(res.headers.location as string);
    expect(after.body).toContain(`The profile of Jane Smith is shown again: <a href="/workers/${jane.slug}">see the public profile</a>.`);
    expect(after.body).toContain('No profile is hidden.');

    expect((await app.inject(`/workers/${jane.slug}`)).statusCode).toBe(200);
    expect((await app.inject('/api/search?q=jane')).json().total).toBe(1);
    expect(stats(app.db, app.areas, app.now()).workers).toBe(1);
    const entry = sql()
      .prepare(`SELECT moderator_id AS by, subject_id AS worker, before, after, note FROM audit_log WHERE action = 'worker.unhidden'`)
      .get();
    expect(entry).toEqual({
      by: moderator.id,
      worker: jane.workerId,
      before: '{"status":"hidden"}',
      after: '{"status":"published"}',
      note: 'The worker asked to be listed again.',
    });
  });

  it('asks for a reason and keeps what was typed; refuses a profile that is not hidden; needs a session and a token', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    const { client } = await signedInModerator(app);
    await hideThroughRequest(client, jane.workerId!);

    const empty = await unhide(client, jane.workerId!, '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(`href="#reason-${jane.workerId}"`);
    expect(empty.body).toContain('Say why this profile can be shown again');
    expect(empty.body).toContain('<title>Error: Hidden profiles');

    const long = `<script>alert(1)</script> ${'x'.repeat(600)}`;
    const tooLong = await unhide(client, jane.workerId!, long);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(tooLong.body).not.toContain('<script>alert(1)');
    expect(sql().prepare('SELECT status FROM workers WHERE id = ?').pluck().get(jane.workerId)).toBe('hidden');

    expect((await unhide(client, jane.workerId!, 'Hidden by mistake.')).statusCode).toBe(303);
    // the second of two moderators (or a repeated post) is told, and nothing more is written
    const again = await unhide(client, jane.workerId!, 'Hidden by mistake.');
    expect(again.statusCode).toBe(409);
    expect((await unhide(client, 999999, 'No such profile.')).statusCode).toBe(409);
    expect((await unhide(client, 'abc' as unknown as number, 'Not an id.')).statusCode).toBe(409);
    expect(sql().prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'worker.unhidden'`).pluck().get()).toBe(1);

    const visitor = new Client(app);
    const noSession = await visitor.post(`/moderate/hidden/${jane.workerId}`, { reason: 'x' });
    expect(noSession.statusCode).toBe(303);
    expect(noSession.headers.location).toBe('/moderate/login');
    const noToken = await client.post(`/moderate/hidden/${jane.workerId}`, { reason: 'Forged.' });
    expect(noToken.statusCode).toBe(403);
  });
});
