// Withdrawing a nomination with its reference.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, makeApp, type TestApp } from './helpers/app.ts';
import { watchWorkerChanges } from './helpers/changes.ts';
import { seedNomination } from './helpers/seed.ts';
import { escapeHtml, nominate } from './helpers/nominate.ts';
import { and, eq } from 'drizzle-orm';
import { workers } from '../db/schema.ts';
import { publicWorker } from '../server/workers/visibility.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const NOT_FOUND = 'We could not find a recommendation with that reference. Check it and try again.';
const count = (table: string) => app.db.$client.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const refOf = (nominationId: number) =>
  app.db.$client.prepare('SELECT ref FROM nominations WHERE id = ?').pluck().get(nominationId) as string;

async function withdraw(reference: string | undefined, client = new Client(app)) {
  const csrf = await client.csrf('/withdraw');
  return client.post('/withdraw', { _csrf: csrf, reference });
}

describe('GET /withdraw', () => {
  it('has a labelled reference field and a CSRF token', async () => {
    const res = await app.inject('/withdraw');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="reference">Your reference</label>');
    expect(res.body).toContain('name="_csrf"');
  });
});

describe('POST /withdraw', () => {
  it('with the right reference deletes a pending nomination, however the reference is typed', async () => {
    const { ref } = await nominate(app);
    const other = await nominate(app);
    const typed = ` ${ref!.toLowerCase().replace(/-/g, ' ')} `;
    const res = await withdraw(typed);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Your recommendation has been withdrawn');
    expect(count('nominations')).toBe(1);
    expect(app.db.$client.prepare('SELECT ref FROM nominations').pluck().get()).toBe(other.ref!.replace(/-/g, ''));
    // Its done page is gone too.
    expect((await app.inject(`/nominate/done/${ref}`)).statusCode).toBe(404);
    const entry = app.db.$client.prepare("SELECT * FROM audit_log WHERE action = 'nomination.withdrawn'").get() as Record<string, unknown>;
    expect(entry).toMatchObject({ moderator_id: null, subject_type: 'nomination', subject_id: 1 });
  });

  it('with a wrong reference says so neutrally (400), keeps what was typed, deletes nothing', async () => {
    await nominate(app);
    for (const typed of ['ABCD-EFGH-JKLM-N', 'nonsense <b>', '0000']) {
      const res = await withdraw(typed);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(NOT_FOUND);
      expect(res.body).toContain(`value="${escapeHtml(typed)}"`);
      expect(res.body).toContain('<a href="#reference">');
    }
    const empty = await withdraw('  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your reference');
    expect(count('nominations')).toBe(1);
    expect(count('audit_log')).toBe(0);
  });

  it('the message is the same whether or not any nomination exists at all', async () => {
    const none = await withdraw('ABCD-EFGH-JKLM-N');
    await nominate(app);
    const some = await withdraw('ABCD-EFGH-JKLM-N');
    const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/value="[^"]*"/g, '');
    expect(main(some.body)).toBe(main(none.body));
  });

  it('withdrawing a published one unpublishes its quote, writes an audit entry without its words, and tells search/counts', async () => {
    const story = 'PRIVATE-STORY-MARKER she was wonderful to us all along';
    const quote = 'PUBLISHED-QUOTE-MARKER she never gave up on us';
    const kept = seedNomination(app, { workerName: 'Jo Bloggs', area: 'hastings', quote: 'Another family: she was kind' });
    const seeded = seedNomination(app, { workerName: 'Alex Morgan', area: 'sefton', story, quote });
    const changed = watchWorkerChanges(app);
    const isPublic = (id: number) =>
      !!app.db
        .select({ id: workers.id })
        .from(workers)
        .where(and(eq(workers.id, id), publicWorker))
        .get();
    expect(isPublic(seeded.workerId!)).toBe(true);
    const before = await app.inject(`/workers/${seeded.slug}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('PUBLISHED-QUOTE-MARKER');

    const res = await withdraw(refOf(seeded.nominationId));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("taken off the social worker's profile");
    expect(count('quotes')).toBe(1);
    expect(isPublic(seeded.workerId!)).toBe(false);
    expect(isPublic(kept.workerId!)).toBe(true);
    expect(changed.take()).toEqual([seeded.workerId]);
    const after = await app.inject(`/workers/${seeded.slug}`);
    expect(after.body).not.toContain('PUBLISHED-QUOTE-MARKER');

    const entries = app.db.$client.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'nomination.withdrawn',
      moderator_id: null,
      subject_type: 'nomination',
      subject_id: seeded.nominationId,
      at: app.clock.now,
    });
    expect(JSON.stringify(entries)).not.toContain('MARKER');
  });

  it('missing CSRF token -> 403 and nothing deleted', async () => {
    const { ref } = await nominate(app);
    const client = new Client(app);
    await client.get('/withdraw');
    expect((await client.post('/withdraw', { reference: ref })).statusCode).toBe(403);
    expect(count('nominations')).toBe(1);
  });
});

describe('rate limit', () => {
  it('with RATE_LIMIT_MAX=3, the fourth try in a minute gets a friendly 429 page', async () => {
    const limited = await makeApp({ RATE_LIMIT_MAX: '3' });
    try {
      const client = new Client(limited);
      const csrf = await client.csrf('/withdraw');
      const statuses: number[] = [];
      let last = '';
      for (let i = 0; i < 4; i++) {
        const res = await client.post('/withdraw', { _csrf: csrf, reference: 'ABCD-EFGH-JKLM-N' });
        statuses.push(res.statusCode);
        last = res.body;
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
      expect(last).toContain('Too many tries');
      expect(last).toContain('<main');
    } finally {
      await limited.close();
    }
  });
});
