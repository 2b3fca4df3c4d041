// GET /api/workers/:slug: the spec's JSON shape, published data only, and its 301/404/410 answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { QUALITY_KEYS } from '../server/qualities.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const DAY = 24 * 3600_000;

describe('/api/workers/:slug', () => {
  it('has exactly the spec shape, quotes newest first with published as YYYY-MM', async () => {
    const { workerId, slug } = seedNomination(app, {
      workerName: 'Siân Evans',
      area: 'Cardiff',
      team: 'Cardiff East',
      qualities: ['listened', 'honest'],
      quote: 'She told us straight what had to change.',
      relationship: 'carer',
      submittedAt: Date.UTC(2025, 11, 31, 23, 30),
    });
    seedNomination(app, {
      workerName: 'Siân Evans',
      area: 'Cardiff',
      workerId: workerId!,
      qualities: ['listened'],
      quote: 'She came to court with us.',
      relationship: 'young_person',
    });
    const res = await app.inject(`/api/workers/${encodeURIComponent(slug!)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    // the second round's contract added confirmed, reply and registration (the named worker's side)
    expect(Object.keys(body)).toEqual([
      'slug',
      'name',
      'area',
      'team',
      'nominations',
      'qualities',
      'quotes',
      'confirmed',
      'reply',
      'registration',
    ]);
    expect(body).toEqual({
      slug: 'sian-evans-cardiff',
      name: 'Siân Evans',
      area: { slug: 'cardiff', name: 'Cardiff', authority: 'Cardiff' },
      team: 'Cardiff East',
      nominations: 2,
      qualities: Object.fromEntries(QUALITY_KEYS.map((k) => [k, k === 'listened' ? 2 : k === 'honest' ? 1 : 0])),
      quotes: [
        { text: 'She came to court with us.', relationship: 'young_person', published: '2026-03' },
        { text: 'She told us straight what had to change.', relationship: 'carer', published: '2025-12' },
      ],
      confirmed: false,
      reply: null,
      registration: null,
    });
  });

  it('gives team as null when none was given and counts only live quotes', async () => {
    const { workerId, slug } = seedNomination(app, { workerName: 'Tom Reed', area: 'Sefton', submittedAt: app.clock.now - 3 * DAY });
    const second = seedNomination(app, { workerName: 'Tom Reed', area: 'Sefton', workerId: workerId!, quote: 'Taken down later.' });
    app.db.$client.prepare('UPDATE quotes SET unpublished_at = ? WHERE nomination_id = ?').run(app.clock.now, second.nominationId);
    const body = (await app.inject(`/api/workers/${slug}`)).json();
    expect(body.team).toBeNull();
    expect(body.nominations).toBe(1);
    expect(body.quotes).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('Taken down later.');
  });

  it('answers JSON errors: 404 unknown, 410 hidden, and 301 from an old slug', async () => {
    const { workerId, slug } = seedNomination(app, { workerName: 'Tom Reed', area: 'Sefton' });
    const unknown = await app.inject('/api/workers/nobody');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ status: 404 });

    app.db.$client.prepare('INSERT INTO worker_slug_redirects (old_slug, worker_id) VALUES (?, ?)').run('tom-read-sefton', workerId);
    const moved = await app.inject('/api/workers/tom-read-sefton');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/api/workers/${slug}`);

    app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(workerId);
    const hidden = await app.inject(`/api/workers/${slug}`);
    expect(hidden.statusCode).toBe(410);
    expect(hidden.headers['content-type']).toMatch(/^application\/json/);
    expect(hidden.json()).toMatchObject({ status: 410 });
    expect(hidden.body).not.toContain('Tom Reed');
    // the old slug no longer redirects: the new one would still say who it was
    const oldSlug = await app.inject('/api/workers/tom-read-sefton');
    expect(oldSlug.statusCode).toBe(410);
    expect(oldSlug.headers.location).toBeUndefined();
  });
});
