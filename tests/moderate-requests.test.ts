import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csrfFrom, makeApp, type Client, type TestApp } from './helpers/app.ts';
import { watchWorkerChanges } from './helpers/changes.ts';
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

function request(kind: 'hide' | 'correct', workerId: number | null, opts: { name?: string; area?: string; email?: string } = {}) {
  return Number(
    sql()
      .prepare(
        `INSERT INTO change_requests (worker_name, area_text, area_id, worker_id, request, details, contact_email, submitted_at)
         VALUES (?, ?, ?, ?, ?, 'Please change my profile, it is wrong.', ?, ?)`,
      )
      .run(
        opts.name ?? 'Jane Smith',
        opts.area ?? 'Hastings',
        app.areas.resolve(opts.area ?? 'Hastings')?.id ?? null,
        workerId,
        kind,
        opts.email ?? 'worker@example.org',
        app.clock.now,
      ).lastInsertRowid,
  );
}

async function decide(client: Client, id: number, form: Record<string, string>) {
  const page = await client.get(`/moderate/requests/${id}`);
  expect(page.statusCode).toBe(200);
  return client.post(`/moderate/requests/${id}`, { _csrf: csrfFrom(page.body)!, ...form });
}

describe('change requests', () => {
  it('lists pending requests and shows one with the matched profile chosen', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    const id = request('hide', jane.workerId);
    const { client } = await signedInModerator(app);
    const list = await client.get('/moderate/requests');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/moderate/requests/${id}"`);
    const page = await client.get(`/moderate/requests/${id}`);
    expect(page.body).toContain('Please change my profile, it is wrong.');
    expect(page.body).toContain('worker@example.org');
    expect(page.body).toMatch(new RegExp(`name="worker" value="${jane.workerId}" checked`));
    expect((await client.get('/moderate/requests/99999')).statusCode).toBe(404);
  });

  it('finds profiles by name and area when none was matched', async () => {
    const smyth = seedNomination(app, { workerName: 'Jane Smyth', area: 'sefton' });
    const id = request('correct', null, { name: 'Jane Smith', area: 'Somewhere odd' });
    const { client } = await signedInModerator(app);
    const none = await client.get(`/moderate/requests/${id}?find=Jane+Smith&find_area=Hastings`);
    expect(none.body).toContain('No profile found');
    const found = await client.get(`/moderate/requests/${id}?find=Jane+Smith&find_area=Sefton`);
    expect(found.body).toContain(`value="${smyth.workerId}"`);
    const anywhere = await client.get(`/moderate/requests/${id}?find=Jane+Smyth`);
    expect(anywhere.body).toContain(`value="${smyth.workerId}"`);
  });

  it('hides a profile: it answers 410, leaves the counts, and the request is closed with its email deleted', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    const id = request('hide', jane.workerId);
    const { client, moderator } = await signedInModerator(app);
    expect(stats(app.db, app.areas, app.now()).workers).toBe(1);
    const changed = watchWorkerChanges(app);
    const res = await decide(client, id, { action: 'hide', worker: String(jane.workerId), note: 'Asked by the worker.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/moderate?request=${id}`);
    expect(sql().prepare('SELECT status FROM workers WHERE id = ?').pluck().get(jane.workerId)).toBe('hidden');
    expect(sql().prepare('SELECT status, contact_email AS email, decided_by AS by FROM change_requests WHERE id = ?').get(id)).toEqual({
      status: 'done',
      email: null,
      by: moderator.id,
    });
    expect(changed.take()).toEqual([jane.workerId]);
    expect(stats(app.db, app.areas, app.now()).workers).toBe(0);
    const profile = await app.inject(`/workers/${jane.slug}`);
    expect(profile.statusCode).toBe(410);
    expect((await app.inject(`/api/workers/${jane.slug}`)).statusCode).toBe(410);
    const hidden = sql()
      .prepare(`SELECT before, after FROM audit_log WHERE action = 'worker.hidden' AND subject_id = ?`)
      .get(jane.workerId) as { before: string; after: string };
    expect(JSON.parse(hidden.before)).toEqual({ status: 'published' });
    expect(JSON.parse(hidden.after)).toEqual({ status: 'hidden' });
    expect(sql().prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'change_request.done' AND subject_id = ?`).pluck().get(id)).toBe(1);
    const queue = await client.get(`/moderate?request=${id}`);
    expect(queue.body).toContain('profile hidden');
    // Deciding again is refused.
    const again = await client.post(`/moderate/requests/${id}`, { _csrf: csrfFrom(queue.body)!, action: 'decline', note: 'x' });
    expect(again.statusCode).toBe(409);
  });

  it('corrects name, area and team: a new slug, and the old one redirects (301)', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    const id = request('correct', jane.workerId);
    const { client } = await signedInModerator(app);
    const bad = await decide(client, id, {
      action: 'correct',
      worker: String(jane.workerId),
      new_name: 'Jane Smithe',
      new_area: 'Atlantis',
      new_team: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an area we know');
    expect(bad.body).toContain('value="Jane Smithe"');
    const same = await decide(client, id, {
      action: 'correct',
      worker: String(jane.workerId),
      new_name: 'Jane Smith',
      new_area: 'Hastings',
      new_team: '',
    });
    expect(same.statusCode).toBe(400);
    const res = await decide(client, id, {
      action: 'correct',
      worker: String(jane.workerId),
      new_name: 'Jane Smithe',
      new_area: 'Rother',
      new_team: 'Bexhill Family Support',
    });
    expect(res.statusCode).toBe(303);
    const w = sql().prepare('SELECT slug, name, team, area_id AS areaId FROM workers WHERE id = ?').get(jane.workerId);
    expect(w).toEqual({
      slug: 'jane-smithe-rother',
      name: 'Jane Smithe',
      team: 'Bexhill Family Support',
      areaId: app.areas.resolve('rother')!.id,
    });
    expect(sql().prepare('SELECT worker_id FROM worker_slug_redirects WHERE old_slug = ?').pluck().get(jane.slug)).toBe(jane.workerId);
    const old = await app.inject(`/workers/${jane.slug}`);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/workers/jane-smithe-rother');
    expect((await app.inject('/workers/jane-smithe-rother')).statusCode).toBe(200);
    const entry = sql().prepare(`SELECT before, after FROM audit_log WHERE action = 'worker.corrected'`).get() as {
      before: string;
      after: string;
    };
    expect(JSON.parse(entry.before)).toMatchObject({ name: 'Jane Smith', area: 'Hastings', slug: jane.slug });
    expect(JSON.parse(entry.after)).toMatchObject({ name: 'Jane Smithe', area: 'Rother', slug: 'jane-smithe-rother' });
    const areaCounts = stats(app.db, app.areas, app.now());
    expect(areaCounts.workers).toBe(1);
  });

  it('a correction back to an earlier name gets its old slug back', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    const { client } = await signedInModerator(app);
    await decide(client, request('correct', jane.workerId), {
      action: 'correct',
      worker: String(jane.workerId),
      new_name: 'Jane Smyth',
      new_area: 'Hastings',
    });
    await decide(client, request('correct', jane.workerId), {
      action: 'correct',
      worker: String(jane.workerId),
      new_name: 'Jane Smith',
      new_area: 'Hastings',
    });
    expect(sql().prepare('SELECT slug FROM workers WHERE id = ?').pluck().get(jane.workerId)).toBe('jane-smith-hastings');
    expect(sql().prepare('SELECT worker_id FROM worker_slug_redirects WHERE old_slug = ?').pluck().get('jane-smyth-hastings')).toBe(
      jane.workerId,
    );
  });

  it('unpublishes one quote: it leaves the profile and the counts, the row stays', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings', quote: 'First quote, kind words about her.' });
    seedNomination(app, { workerName: 'Jane Smith', area: 'hastings', quote: 'Second quote that should come down.' });
    const quoteId = sql().prepare(`SELECT id FROM quotes WHERE text LIKE 'Second%'`).pluck().get() as number;
    const id = request('correct', jane.workerId);
    const { client } = await signedInModerator(app);
    const page = await client.get(`/moderate/requests/${id}`);
    expect(page.body).toContain('Second quote that should come down.');
    const missing = await client.post(`/moderate/requests/${id}`, {
      _csrf: csrfFrom(page.body)!,
      action: 'unpublish_quote',
      worker: String(jane.workerId),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose the published quote to remove');
    const res = await client.post(`/moderate/requests/${id}`, {
      _csrf: csrfFrom(page.body)!,
      action: 'unpublish_quote',
      worker: String(jane.workerId),
      quote: String(quoteId),
    });
    expect(res.statusCode).toBe(303);
    expect(sql().prepare('SELECT unpublished_at FROM quotes WHERE id = ?').pluck().get(quoteId)).toBe(app.clock.now);
    expect(stats(app.db, app.areas, app.now())).toMatchObject({ workers: 1, nominations: 1 });
    const profile = await app.inject(`/workers/${jane.slug}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('First quote, kind words about her.');
    expect(profile.body).not.toContain('Second quote that should come down.');
    const entry = sql()
      .prepare(`SELECT before, after FROM audit_log WHERE action = 'quote.unpublished' AND subject_id = ?`)
      .get(quoteId) as { before: string; after: string };
    expect(JSON.parse(entry.before)).toMatchObject({ quote: 'Second quote that should come down.', published: true });
  });

  it('declines with a note; nothing changes on the profile', async () => {
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    const id = request('hide', jane.workerId);
    const { client } = await signedInModerator(app);
    const noNote = await decide(client, id, { action: 'decline' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Say why the request is declined');
    const noAction = await decide(client, id, { note: 'hmm' });
    expect(noAction.statusCode).toBe(400);
    const res = await decide(client, id, { action: 'decline', note: 'Could not confirm who sent it.' });
    expect(res.statusCode).toBe(303);
    expect(sql().prepare('SELECT status, outcome, contact_email AS email FROM change_requests WHERE id = ?').get(id)).toEqual({
      status: 'declined',
      outcome: 'declined: Could not confirm who sent it.',
      email: null,
    });
    expect(sql().prepare('SELECT status FROM workers WHERE id = ?').pluck().get(jane.workerId)).toBe('published');
    const entry = sql().prepare(`SELECT note FROM audit_log WHERE action = 'change_request.declined' AND subject_id = ?`).pluck().get(id);
    expect(entry).toBe('Could not confirm who sent it.');
  });
});
