// Profile slugs are ASCII: new ones by transliteration, old non-ASCII ones moved at start-up with a 301.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { backfillAsciiSlugs, nameSlug } from '../server/workers/slug.ts';
import { csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { seedNomination } from './helpers/seed.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const slugs = () => app.db.$client.prepare('SELECT slug FROM workers ORDER BY id').pluck().all();

/** The same database file opened again, as a restart would. */
async function restart() {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: join(app.dir, 'test.db'),
    SESSION_SECRET: 'test-secret-test-secret-test-secret-1234',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    MIN_FILL_SECONDS: '0',
  });
  const again = await buildApp({ config, now: () => app.clock.now, logger: false });
  await again.ready();
  return again;
}

describe('ASCII slugs', () => {
  it('transliterates names that do not fold to ASCII, and keeps the slugs of those that do', () => {
    expect(nameSlug('Kılıç Yılmaz')).toBe('kilic-yilmaz');
    expect(nameSlug('王小明')).toBe('wang-xiao-ming');
    expect(nameSlug('محمد علي')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(nameSlug("Siân O'Neill")).toBe('sian-oneill');
    expect(nameSlug('Anne‐Marie Zoë Groß')).toBe('anne-marie-zoe-gross');
  });

  it('a new profile approved by a moderator gets an ASCII slug, unique beside an old one', async () => {
    const first = seedNomination(app, { workerName: 'Kılıç Yılmaz', area: 'hastings' });
    expect(first.slug).toBe('kilic-yilmaz-hastings');
    const id = seedNomination(app, {
      workerName: 'Kilic Yilmaz',
      area: 'hastings',
      status: 'pending',
      story: 'Kilic listened to us when nobody else would and helped.',
    }).nominationId;
    const { client } = await signedInModerator(app);
    const page = await client.get(`/moderate/nominations/${id}`);
    const res = await client.post(`/moderate/nominations/${id}`, {
      _csrf: csrfFrom(page.body)!,
      action: 'approve',
      quote: 'They listened to us when nobody else would.',
      worker: 'new',
      new_name: 'Kılıç Yılmaz',
    });
    expect(res.statusCode).toBe(303);
    expect(slugs()).toEqual(['kilic-yilmaz-hastings', 'kilic-yilmaz-hastings-2']);
  });

  it('at start-up an old non-ASCII slug is replaced, answers 301 to the new one, and slugs stay unique', async () => {
    const taken = seedNomination(app, { workerName: 'Wang Xiao Ming', area: 'hastings' });
    expect(taken.slug).toBe('wang-xiao-ming-hastings');
    const a = seedNomination(app, { workerName: 'Kılıç Yılmaz', area: 'hastings' });
    const b = seedNomination(app, { workerName: '王小明', area: 'hastings' });
    // As the code before ASCII slugs made them.
    const set = app.db.$client.prepare('UPDATE workers SET slug = ? WHERE id = ?');
    set.run('kılıç-yılmaz-hastings', a.workerId);
    set.run('王小明-hastings', b.workerId);

    const again = await restart();
    try {
      const now = again.db.$client.prepare('SELECT slug FROM workers ORDER BY id').pluck().all();
      expect(now).toEqual(['wang-xiao-ming-hastings', 'kilic-yilmaz-hastings', 'wang-xiao-ming-hastings-2']);
      const moved = await again.inject(`/workers/${encodeURIComponent('kılıç-yılmaz-hastings')}`);
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toMatch(/^\/workers\/kilic-yilmaz-hastings(\?|$)/);
      const movedToo = await again.inject(`/workers/${encodeURIComponent('王小明-hastings')}`);
      expect(movedToo.statusCode).toBe(301);
      expect(movedToo.headers.location).toMatch(/^\/workers\/wang-xiao-ming-hastings-2(\?|$)/);
      expect((await again.inject('/workers/kilic-yilmaz-hastings')).statusCode).toBe(200);
      // Idempotent: nothing left to do the second time.
      expect(backfillAsciiSlugs(again.db)).toBe(0);
    } finally {
      await again.close();
    }
  });
});
