// "Hide or correct my profile" requests, for the moderators' queue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { escapeHtml } from './helpers/nominate.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const requests = () => app.db.$client.prepare('SELECT * FROM change_requests ORDER BY id').all() as Record<string, unknown>[];
const valid = (over: Record<string, string | undefined> = {}) => ({
  worker_name: 'Alex Morgan',
  area: 'Sefton',
  request: 'correct',
  details: 'My surname is spelt wrongly on my profile.',
  contact_email: 'alex.morgan@example.org',
  ...over,
});

async function send(form: Record<string, string | undefined>, client = new Client(app)) {
  const csrf = await client.csrf('/request-change');
  return client.post('/request-change', { _csrf: csrf, ...form });
}

describe('GET /request-change', () => {
  it('has every field labelled', async () => {
    const res = await app.inject('/request-change');
    expect(res.statusCode).toBe(200);
    for (const id of ['worker_name', 'area', 'request', 'details', 'contact_email']) expect(res.body).toContain(`<label for="${id}"`);
  });

  it('?worker=<slug> prefills the name and area from a published profile, and nothing from a hidden or unknown one', async () => {
    const { slug } = seedNomination(app, { workerName: 'Siân Evans', area: 'Hull' });
    const res = await app.inject(`/request-change?worker=${slug}`);
    expect(res.body).toContain('value="Siân Evans"');
    expect(res.body).toContain('value="Kingston upon Hull, City of"');
    app.db.$client.prepare("UPDATE workers SET status = 'hidden'").run();
    expect((await app.inject(`/request-change?worker=${slug}`)).body).not.toContain('Siân Evans');
    expect((await app.inject('/request-change?worker=nobody')).statusCode).toBe(200);
  });
});

describe('POST /request-change', () => {
  it('stores a pending request matched to the profile by area and folded name, and shows the done page', async () => {
    const { workerId } = seedNomination(app, { workerName: 'Siân Evans', area: 'Hull' });
    seedNomination(app, { workerName: 'Siân Evans', area: 'hastings' });
    const res = await send(valid({ worker_name: 'sian  EVANS', area: 'Hull', request: 'hide' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Request sent');
    expect(requests()).toEqual([
      expect.objectContaining({
        worker_name: 'sian EVANS',
        area_text: 'Hull',
        area_id: app.areas.resolve('Hull')!.id,
        worker_id: workerId,
        request: 'hide',
        details: 'My surname is spelt wrongly on my profile.',
        contact_email: 'alex.morgan@example.org',
        status: 'pending',
        submitted_at: app.clock.now,
      }),
    ]);
  });

  it('still goes to the moderators when the area or the worker cannot be matched; email is optional', async () => {
    const res = await send(valid({ area: 'Somewhere in Kent', contact_email: '' }));
    expect(res.statusCode).toBe(200);
    expect(requests()[0]).toMatchObject({ area_text: 'Somewhere in Kent', area_id: null, worker_id: null, contact_email: null });
  });

  const cases: [string, Record<string, string | undefined>, string | null][] = [
    ['no name', { worker_name: '' }, "Enter the social worker's name"],
    ['no area', { area: ' ' }, 'Enter the council area, for example Hastings or Sefton'],
    ['area of 101', { area: 'a'.repeat(101) }, 'Council area must be 100 characters or fewer'],
    ['no request', { request: undefined }, 'Select whether the profile should be hidden or corrected'],
    ['made-up request', { request: 'delete' }, 'Select whether the profile should be hidden or corrected'],
    ['details of 9', { details: 'x'.repeat(9) }, 'Details must be 10 characters or more'],
    ['details of 10', { details: 'x'.repeat(10) }, null],
    ['details of 2000', { details: 'x'.repeat(2000) }, null],
    ['details of 2001', { details: 'x'.repeat(2001) }, 'Details must be 2,000 characters or fewer'],
    ['bad email', { contact_email: 'alex@' }, 'Enter an email address in the correct format, like name@example.com'],
  ];
  for (const [name, over, message] of cases) {
    it(`${name}: ${message ? 'refused' : 'accepted'}`, async () => {
      const res = await send(valid(over));
      if (message === null) {
        expect(res.statusCode).toBe(200);
        expect(requests()).toHaveLength(1);
      } else {
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('class="error-summary"');
        expect(res.body).toContain(escapeHtml(message));
        expect(requests()).toHaveLength(0);
      }
    });
  }

  it('an error keeps every value, escaped', async () => {
    const form = valid({
      worker_name: '<script>x</script>',
      area: '"Sefton" & co',
      request: 'hide',
      details: 'short',
      contact_email: "o'brien@example.org",
    });
    const res = await send(form);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`value="${escapeHtml(form.worker_name!)}"`);
    expect(res.body).toContain(`value="${escapeHtml(form.area!)}"`);
    expect(res.body).toContain(`>${escapeHtml(form.details!)}</textarea>`);
    expect(res.body).toContain(`value="${escapeHtml(form.contact_email!)}"`);
    expect(res.body).toMatch(/value="hide" checked/);
    expect(res.body).not.toContain('<script>x</script>');
  });

  it('refuses a filled honeypot (plain 400) and a missing CSRF token (403); nothing stored', async () => {
    expect((await send(valid({ website: 'http://spam.example' }))).statusCode).toBe(400);
    const client = new Client(app);
    await client.get('/request-change');
    expect((await client.post('/request-change', valid())).statusCode).toBe(403);
    expect(requests()).toHaveLength(0);
  });
});
