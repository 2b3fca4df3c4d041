// The HTTP layer's answers to odd requests and its defences: router errors as the site's own page
// with the security headers, schema failures before the handler, messages from server state only,
// form tokens that expire and are bound to the client, and secure defaults in production.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { escapeHtml, hidden, validNomination } from './helpers/nominate.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { loadConfig } from '../server/config.ts';
import { MAX_FORM_AGE_MS } from '../server/nominations/fill-time.ts';
import { buildApp } from '../server/app.ts';
import { ConflictError, InvalidError, NotFoundError } from '../server/errors.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
};

describe('router errors', () => {
  it('a URL that does not decode is the site 400 page with the security headers, not Fastify JSON echoing the URL', async () => {
    const res = await app.inject('/moderate/%ff');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers).toMatchObject(HEADERS);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.body).toContain('Sorry, we could not understand that request');
    expect(res.body).toContain('<main id="main"');
    expect(res.body).not.toContain('FST_ERR_BAD_URL');
    expect(res.body).not.toContain('%ff');
  });

  it('a slug over 200 characters is the site 414 page (JSON under /api/), with the security headers', async () => {
    const long = 'a'.repeat(201);
    const page = await app.inject(`/workers/${long}`);
    expect(page.statusCode).toBe(414);
    expect(page.headers).toMatchObject(HEADERS);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('That web address is too long');
    expect(page.body).not.toContain(long);
    const api = await app.inject(`/api/workers/${long}`);
    expect(api.statusCode).toBe(414);
    expect(api.headers).toMatchObject(HEADERS);
    expect(api.json()).toEqual({ error: 'That web address is too long', status: 414 });
  });
});

describe('the one error handler', () => {
  it('maps the shared domain errors to the 404, 409 and 400 pages (JSON under /api/), never a 500', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_PATH: `${app.dir}/errors.db`,
      SESSION_SECRET: 's'.repeat(40),
      LOG_LEVEL: 'silent',
    });
    const own = await buildApp({ config, logger: false });
    const thrown = {
      missing: new NotFoundError(),
      decided: new ConflictError('already decided', { id: 1 }),
      bad: new InvalidError([{ field: 'x', message: 'Enter x' }]),
    };
    for (const [name, err] of Object.entries(thrown)) {
      own.get(`/thrown/${name}`, async () => {
        throw err;
      });
      own.get(`/api/thrown/${name}`, async () => {
        throw err;
      });
    }
    try {
      for (const [name, status, title] of [
        ['missing', 404, 'Page not found'],
        ['decided', 409, 'That has already been done'],
        ['bad', 400, 'Sorry, we could not understand that request'],
      ] as const) {
        const page = await own.inject(`/thrown/${name}`);
        expect(page.statusCode, name).toBe(status);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.headers).toMatchObject(HEADERS);
        expect(page.body).toContain(title);
        expect((await own.inject(`/api/thrown/${name}`)).json()).toEqual({ error: title, status });
      }
    } finally {
      await own.close();
    }
  });
});

describe('route schemas', () => {
  it('refuse a malformed page number before the handler: the site page, or JSON under /api/', async () => {
    const page = await app.inject('/search?q=x&page=zero');
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('That page number is not right');
    const api = await app.inject('/api/search?q=x&page=zero');
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({ error: 'page must be a whole number from 1', status: 400 });
  });

  it('a form post that is not text (JSON objects) is a 400 page, never a 500 or a schema dump', async () => {
    const client = new Client(app);
    const csrf = await client.csrf('/withdraw');
    const res = await app.inject({
      method: 'POST',
      url: '/withdraw',
      headers: { 'content-type': 'application/json', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: JSON.stringify({ _csrf: csrf, reference: { $ne: '' } }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Sorry, we could not understand that request');
    expect(res.body).not.toContain('invalid_type');
  });
});

describe('moderators page', () => {
  it('never echoes ?added=: the notice comes once, from the moderator the server just added', async () => {
    const { client: admin } = await signedInModerator(app, { role: 'admin' });
    const forged = await admin.get(`/moderate/moderators?added=${encodeURIComponent('Call 0800 000 000 to verify')}`);
    expect(forged.statusCode).toBe(200);
    expect(forged.body).not.toContain('0800 000 000');
    expect(forged.body).not.toContain('Added ');

    const page = await admin.get('/moderate/moderators');
    const added = await admin.post('/moderate/moderators', {
      _csrf: csrfFrom(page.body)!,
      email: 'new@example.org',
      role: 'moderator',
      password: 'a long enough pass phrase',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/moderate/moderators');
    const after = await admin.get('/moderate/moderators');
    expect(after.body).toContain('Added new@example.org.');
    const again = await admin.get('/moderate/moderators');
    expect(again.body).not.toContain('Added new@example.org.');
  });
});

describe('form tokens', () => {
  let slow: TestApp;
  beforeEach(async () => {
    slow = await makeApp({ MIN_FILL_SECONDS: '3' });
  });
  afterEach(async () => {
    await slow.close();
  });

  it('a nomination form older than a day is shown again with the answers and a notice, and can then be sent', async () => {
    const client = new Client(slow);
    const page = await client.get('/nominate');
    const answers = validNomination({
      worker_name: "Siân O'Neill",
      story: 'She listened to us & never gave up on our family, even when it was hard.',
    });
    slow.clock.now += MAX_FORM_AGE_MS + 60_000;
    const old = await client.post('/nominate', { _csrf: hidden(page.body, '_csrf')!, started: hidden(page.body, 'started')!, ...answers });
    expect(old.statusCode).toBe(400);
    expect(old.body).toContain('open for more than a day');
    expect(old.body).toContain('error-summary');
    expect(old.body).toContain(escapeHtml("Siân O'Neill"));
    expect(old.body).toContain(escapeHtml(String(answers.story)));
    const fresh = hidden(old.body, 'started')!;
    expect(fresh).not.toBe(hidden(page.body, 'started'));
    slow.clock.now += 4000;
    const check = await client.post('/nominate', { _csrf: hidden(old.body, '_csrf')!, started: fresh, ...answers });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check your answers');
  });

  it('a started token is bound to the client that was served the form', async () => {
    const alice = new Client(slow);
    const alicePage = await alice.get('/nominate');
    const bob = new Client(slow);
    const bobPage = await bob.get('/nominate');
    slow.clock.now += 4000;
    // Bob's own CSRF token, Alice's timestamp: refused as a bot.
    const swapped = await bob.post('/nominate', {
      _csrf: hidden(bobPage.body, '_csrf')!,
      started: hidden(alicePage.body, 'started')!,
      ...validNomination(),
    });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.body).toContain('faster than a person');
    const own = await alice.post('/nominate', {
      _csrf: hidden(alicePage.body, '_csrf')!,
      started: hidden(alicePage.body, 'started')!,
      ...validNomination(),
    });
    expect(own.statusCode).toBe(200);
  });

  it('/request-change checks the fill time too, and keeps the honeypot', async () => {
    const count = () => slow.db.$client.prepare('SELECT COUNT(*) FROM change_requests').pluck().get();
    const form = {
      worker_name: 'Alex Morgan',
      area: 'Sefton',
      request: 'correct',
      details: 'My surname is spelt wrongly on my profile.',
      contact_email: '',
    };
    const client = new Client(slow);
    const page = await client.get('/request-change');
    const csrf = hidden(page.body, '_csrf')!;
    const started = hidden(page.body, 'started')!;
    expect(started).toMatch(/^\d+\.[\w-]{32}$/);
    const quick = await client.post('/request-change', { _csrf: csrf, started, ...form });
    expect(quick.statusCode).toBe(400);
    expect(quick.body).toContain('faster than a person');
    expect((await client.post('/request-change', { _csrf: csrf, ...form })).statusCode).toBe(400);
    slow.clock.now += 4000;
    expect((await client.post('/request-change', { _csrf: csrf, started, ...form, website: 'spam' })).statusCode).toBe(400);
    expect(count()).toBe(0);
    const bad = await client.post('/request-change', { _csrf: csrf, started, ...form, details: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(hidden(bad.body, 'started')).toBe(started);
    const ok = await client.post('/request-change', { _csrf: csrf, started, ...form });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Request sent');
    expect(count()).toBe(1);
  });
});

describe('production defaults', () => {
  const prod = { NODE_ENV: 'production', DATABASE_PATH: ':memory:', SESSION_SECRET: 'p'.repeat(40) };

  it('COOKIE_SECURE is on with NODE_ENV=production unless turned off; off elsewhere', () => {
    expect(loadConfig(prod).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ ...prod, COOKIE_SECURE: '0' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ ...prod, NODE_ENV: 'development' }).COOKIE_SECURE).toBe(false);
    expect(app.config.COOKIE_SECURE).toBe(false);
  });

  it('so production answers carry HSTS and Secure form cookies', async () => {
    const secure = await makeApp({ NODE_ENV: 'production' });
    try {
      const res = await secure.inject('/nominate');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.cookies.find((c) => c.name === '_csrf_secret')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});
