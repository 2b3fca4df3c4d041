import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { addModerator, login, signedInModerator, TEST_PASSWORD } from './helpers/moderator.ts';
import { seedNomination } from './helpers/seed.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../server/moderation/passwords.ts';
import { AccountError, createModerator } from '../server/moderation/accounts.ts';
import { LOGIN_FAILED } from '../server/routes/moderate/auth.ts';
import { purgeExpiredSessions } from '../server/moderation/sessions.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const MIN = 60_000;

/** Every moderation route, with a real id where the route takes one. */
function moderationRoutes(ids: { nomination: number; request: number; moderator: number }) {
  return [
    ['GET', '/moderate'],
    ['GET', `/moderate/nominations/${ids.nomination}`],
    ['POST', `/moderate/nominations/${ids.nomination}`],
    ['GET', '/moderate/requests'],
    ['GET', `/moderate/requests/${ids.request}`],
    ['POST', `/moderate/requests/${ids.request}`],
    ['GET', '/moderate/audit'],
    ['GET', '/moderate/moderators'],
    ['POST', '/moderate/moderators'],
    ['POST', `/moderate/moderators/${ids.moderator}`],
    ['POST', '/moderate/logout'],
  ] as const;
}

function seedRequest(app: TestApp): number {
  return Number(
    app.db.$client
      .prepare(
        `INSERT INTO change_requests (worker_name, area_text, request, details, submitted_at) VALUES ('Jane Smith', 'Hastings', 'hide', 'Please hide my profile.', ?)`,
      )
      .run(app.clock.now).lastInsertRowid,
  );
}

describe('moderation sign-in', () => {
  it('comes back to the page a moderator was on when the session ended, and never goes off the site', async () => {
    const { nominationId } = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings', status: 'pending' });
    const { client, moderator } = await signedInModerator(app);
    app.clock.now += 31 * MIN;
    const page = `/moderate/nominations/${nominationId}`;
    const ended = await client.get(page);
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe(`/moderate/login?next=${encodeURIComponent(page)}&ended=1`);
    const form = await client.get(ended.headers.location as string);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('You were signed out');
    expect(form.body).toContain(`name="next" value="${page}"`);
    const again = await client.post('/moderate/login', {
      _csrf: csrfFrom(form.body),
      email: moderator.email,
      password: TEST_PASSWORD,
      next: page,
    });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(page);
    expect((await client.get(page)).statusCode).toBe(200);
    // a form posted after the session ended: back to the form's page (the browser's Referer, this site only)
    app.clock.now += 31 * MIN;
    const posted = await client.post(page, { action: 'reject' }, { referer: `http://localhost:80${page}?x=1` });
    expect(posted.headers.location).toBe(`/moderate/login?next=${encodeURIComponent(`${page}?x=1`)}&ended=1`);
    const elsewhere = await client.post(page, { action: 'reject' }, { referer: `http://evil.example${page}` });
    expect(elsewhere.headers.location).toBe('/moderate/login');
    await client.post('/moderate/login', {
      _csrf: csrfFrom((await client.get('/moderate/login')).body),
      email: moderator.email,
      password: TEST_PASSWORD,
    });
    // already signed in: the login page sends on to `next` too
    expect((await client.get(`/moderate/login?next=${encodeURIComponent('/moderate/audit?action=session.login')}`)).headers.location).toBe(
      '/moderate/audit?action=session.login',
    );
  });

  it.each([
    'https://evil.example/',
    '//evil.example/moderate',
    '/moderate/../x',
    '/moderate//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/moderate/login',
    '/moderatex',
    '/search?q=x',
    '',
  ])('refuses %j as a place to return to, going to the queue instead', async (next) => {
    const moderator = await addModerator(app);
    const client = new Client(app);
    const form = await client.get(`/moderate/login?next=${encodeURIComponent(next)}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('name="next"');
    const res = await client.post('/moderate/login', { _csrf: csrfFrom(form.body), email: moderator.email, password: TEST_PASSWORD, next });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/moderate');
  });

  it('sends every /moderate route to the login page without a session, GET and POST, with or without a CSRF token', async () => {
    const { nominationId } = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings', status: 'pending' });
    const moderator = await addModerator(app);
    const ids = { nomination: nominationId, request: seedRequest(app), moderator: moderator.id };
    const visitor = new Client(app);
    const token = await visitor.csrf('/moderate/login');
    for (const [method, url] of moderationRoutes(ids)) {
      for (const form of [{}, { _csrf: token, action: 'approve', quote: 'A quote that would publish', worker: 'new' }]) {
        const res = method === 'GET' ? await visitor.get(url) : await visitor.post(url, form);
        expect(res.statusCode, `${method} ${url}`).toBe(303);
        // back to the page after signing in (the queue and sign-out need no reminder; a form's page is not known here)
        const back = url === '/moderate' || method === 'POST' ? '/moderate/login' : `/moderate/login?next=${encodeURIComponent(url)}`;
        expect(res.headers.location, `${method} ${url}`).toBe(back);
      }
    }
    // A forged or stale session cookie is no better.
    visitor.cookies.set('gsw_session', 'not-a-real-session-token');
    const res = await visitor.get('/moderate');
    expect(res.statusCode).toBe(303);
    // Nothing was decided.
    expect(app.db.$client.prepare(`SELECT status FROM nominations WHERE id = ?`).pluck().get(nominationId)).toBe('pending');
    expect(app.db.$client.prepare('SELECT COUNT(*) FROM quotes').pluck().get()).toBe(0);
  });

  it('signs in with a session cookie that is HttpOnly, SameSite=Strict, scoped to /moderate, and only its hash stored', async () => {
    const m = await addModerator(app, { email: 'Sam@Example.org' });
    const client = new Client(app);
    const res = await login(client, 'sam@example.org', TEST_PASSWORD);
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === 'gsw_session')!;
    expect(cookie).toBeDefined();
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/moderate');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = app.db.$client.prepare('SELECT id_hash FROM moderator_sessions WHERE moderator_id = ?').pluck().all(m.id) as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(cookie.value);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
    const queue = await client.get('/moderate');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Signed in as');
    expect(queue.body).toContain('sam@example.org');
    expect(queue.body).toContain('<meta name="robots" content="noindex">');
    expect(queue.headers['cache-control']).toBe('no-store');
  });

  it('marks the cookie Secure when COOKIE_SECURE is set', async () => {
    const secure = await makeApp({ COOKIE_SECURE: '1' });
    try {
      await addModerator(secure, { email: 'secure@example.org' });
      const res = await login(new Client(secure), 'secure@example.org', TEST_PASSWORD);
      expect(res.cookies.find((c) => c.name === 'gsw_session')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('gives a new session id at every login and ends the session the browser had', async () => {
    const { client, moderator } = await signedInModerator(app);
    const first = client.cookies.get('gsw_session')!;
    // The same browser signs in again (e.g. a shared computer): its old session must not survive.
    const browser = new Client(app);
    const _csrf = await browser.csrf('/moderate/login');
    browser.cookies.set('gsw_session', first);
    const res = await browser.post('/moderate/login', { _csrf, email: moderator.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(303);
    const second = browser.cookies.get('gsw_session')!;
    expect(second).not.toBe(first);
    expect((await browser.get('/moderate')).statusCode).toBe(200);
    expect((await client.get('/moderate')).statusCode).toBe(303);
  });

  it('refuses a wrong password and an unknown email with the same message, keeping the email typed', async () => {
    await addModerator(app, { email: 'known@example.org' });
    const wrong = await login(new Client(app), 'known@example.org', 'not the password at all');
    const unknown = await login(new Client(app), 'nobody@example.org', 'not the password at all');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain(LOGIN_FAILED);
      expect(res.body).toContain('class="error-summary"');
      expect(res.cookies.find((c) => c.name === 'gsw_session')).toBeUndefined();
    }
    expect(wrong.body).toContain('value="known@example.org"');
    expect(wrong.body.replace('known@example.org', 'X')).toBe(
      unknown.body.replace('nobody@example.org', 'X').replace(csrfFrom(unknown.body)!, csrfFrom(wrong.body)!),
    );
    const empty = await login(new Client(app), '', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your email address');
    expect(empty.body).toContain('Enter your password');
  });

  it('refuses a login post with a wrong CSRF token (403)', async () => {
    await addModerator(app, { email: 'csrf@example.org' });
    const client = new Client(app);
    await client.csrf('/moderate/login');
    const res = await client.post('/moderate/login', { _csrf: 'forged', email: 'csrf@example.org', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === 'gsw_session')).toBeUndefined();
  });

  it('refuses a moderation POST with a wrong CSRF token even when signed in (403)', async () => {
    const { nominationId } = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings', status: 'pending' });
    const { client } = await signedInModerator(app);
    await client.get(`/moderate/nominations/${nominationId}`);
    const res = await client.post(`/moderate/nominations/${nominationId}`, { _csrf: 'forged', action: 'reject', reason: 'spam' });
    expect(res.statusCode).toBe(403);
    const none = await client.post(`/moderate/nominations/${nominationId}`, { action: 'reject', reason: 'spam' });
    expect(none.statusCode).toBe(403);
    expect(app.db.$client.prepare('SELECT status FROM nominations WHERE id = ?').pluck().get(nominationId)).toBe('pending');
  });

  it('locks an account for 15 minutes after five wrong passwords, with the same message, then lets it in again', async () => {
    const m = await addModerator(app, { email: 'lock@example.org' });
    for (let i = 0; i < 5; i++) {
      const res = await login(new Client(app), 'lock@example.org', `wrong password ${i}!`);
      expect(res.statusCode).toBe(401);
    }
    const locked = await login(new Client(app), 'lock@example.org', TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toContain(LOGIN_FAILED);
    expect(
      app.db.$client.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'moderator.locked' AND subject_id = ?`).pluck().get(m.id),
    ).toBe(1);
    app.clock.now += 14 * MIN;
    expect((await login(new Client(app), 'lock@example.org', TEST_PASSWORD)).statusCode).toBe(401);
    app.clock.now += 1 * MIN + 1;
    const ok = await login(new Client(app), 'lock@example.org', TEST_PASSWORD);
    expect(ok.statusCode).toBe(303);
  });

  it('rate-limits login posts per client with a friendly 429 page', async () => {
    const limited = await makeApp({ RATE_LIMIT_MAX: '3' });
    try {
      const client = new Client(limited);
      const _csrf = await client.csrf('/moderate/login');
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await client.post('/moderate/login', { _csrf, email: 'a@example.org', password: 'wrong password here' })).statusCode,
        );
      expect(statuses).toEqual([401, 401, 401, 429]);
      const res = await client.post('/moderate/login', { _csrf, email: 'a@example.org', password: 'wrong password here' });
      expect(res.body).toContain('Too many tries');
    } finally {
      await limited.close();
    }
  });

  it('counts only consecutive failures: a good login resets the count', async () => {
    await addModerator(app, { email: 'reset@example.org' });
    for (let i = 0; i < 4; i++) await login(new Client(app), 'reset@example.org', 'a wrong password');
    expect((await login(new Client(app), 'reset@example.org', TEST_PASSWORD)).statusCode).toBe(303);
    for (let i = 0; i < 4; i++) await login(new Client(app), 'reset@example.org', 'a wrong password');
    expect((await login(new Client(app), 'reset@example.org', TEST_PASSWORD)).statusCode).toBe(303);
  });

  it('ends a session after 30 minutes idle', async () => {
    const { client } = await signedInModerator(app);
    app.clock.now += 29 * MIN;
    expect((await client.get('/moderate')).statusCode).toBe(200);
    app.clock.now += 29 * MIN; // 29 minutes since the last request: still in
    expect((await client.get('/moderate')).statusCode).toBe(200);
    app.clock.now += 30 * MIN;
    const res = await client.get('/moderate');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/moderate/login?ended=1');
    expect(app.db.$client.prepare('SELECT COUNT(*) FROM moderator_sessions').pluck().get()).toBe(0);
  });

  it('clears away expired sessions of moderators who never come back', async () => {
    await signedInModerator(app);
    await signedInModerator(app);
    expect(purgeExpiredSessions(app.db, app.clock.now + 29 * MIN)).toBe(0);
    expect(purgeExpiredSessions(app.db, app.clock.now + 30 * MIN)).toBe(2);
  });

  it('ends a session 12 hours after sign-in however busy', async () => {
    const { client } = await signedInModerator(app);
    for (let t = 0; t < 12 * 60 - 20; t += 20) {
      app.clock.now += 20 * MIN;
      if (t + 20 >= 12 * 60) break;
      expect((await client.get('/moderate')).statusCode, `after ${t + 20} minutes`).toBe(200);
    }
    app.clock.now += 20 * MIN;
    expect((await client.get('/moderate')).statusCode).toBe(303);
  });

  it('signs out: the session row is deleted and the cookie no longer works', async () => {
    const { client } = await signedInModerator(app);
    const stolen = client.cookies.get('gsw_session')!;
    const page = await client.get('/moderate');
    const res = await client.post('/moderate/logout', { _csrf: csrfFrom(page.body)! });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/moderate/login?signed_out=1');
    expect(app.db.$client.prepare('SELECT COUNT(*) FROM moderator_sessions').pluck().get()).toBe(0);
    const thief = new Client(app);
    thief.cookies.set('gsw_session', stolen);
    expect((await thief.get('/moderate')).statusCode).toBe(303);
    expect((await client.get('/moderate/login?signed_out=1')).body).toContain('You have signed out');
  });

  it('a disabled moderator loses access at once, and cannot sign in again', async () => {
    const { client: admin } = await signedInModerator(app, { role: 'admin', email: 'admin@example.org' });
    const { client: mod, moderator } = await signedInModerator(app, { email: 'leaver@example.org' });
    expect((await mod.get('/moderate')).statusCode).toBe(200);
    const page = await admin.get('/moderate/moderators');
    expect(page.body).toContain('leaver@example.org');
    const res = await admin.post(`/moderate/moderators/${moderator.id}`, { _csrf: csrfFrom(page.body)!, action: 'disable' });
    expect(res.statusCode).toBe(303);
    expect((await mod.get('/moderate')).statusCode).toBe(303);
    expect((await login(new Client(app), 'leaver@example.org', TEST_PASSWORD)).statusCode).toBe(401);
    const audit = app.db.$client
      .prepare(`SELECT moderator_id AS by, subject_id AS subject FROM audit_log WHERE action = 'moderator.disabled'`)
      .get();
    expect(audit).toMatchObject({ subject: moderator.id });
  });

  it('only admins manage moderators; an admin can add one who can then sign in', async () => {
    const { client: mod } = await signedInModerator(app);
    const denied = await mod.get('/moderate/moderators');
    expect(denied.statusCode).toBe(403);
    expect(denied.body).toContain('Only admins');
    const queue = await mod.get('/moderate');
    expect(queue.body).not.toContain('href="/moderate/moderators"');
    const postDenied = await mod.post('/moderate/moderators', {
      _csrf: csrfFrom(queue.body)!,
      email: 'x@example.org',
      role: 'admin',
      password: TEST_PASSWORD,
    });
    expect(postDenied.statusCode).toBe(403);
    expect(app.db.$client.prepare(`SELECT COUNT(*) FROM moderators WHERE email = 'x@example.org'`).pluck().get()).toBe(0);

    const { client: admin } = await signedInModerator(app, { role: 'admin' });
    const page = await admin.get('/moderate/moderators');
    expect(page.body).toContain('href="/moderate/moderators"');
    const weak = await admin.post('/moderate/moderators', {
      _csrf: csrfFrom(page.body)!,
      email: 'new@example.org',
      role: 'moderator',
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('at least 12 characters');
    expect(weak.body).toContain('value="new@example.org"');
    const added = await admin.post('/moderate/moderators', {
      _csrf: csrfFrom(page.body)!,
      email: 'new@example.org',
      role: 'moderator',
      password: 'a long enough pass phrase',
    });
    expect(added.statusCode).toBe(303);
    expect((await login(new Client(app), 'new@example.org', 'a long enough pass phrase')).statusCode).toBe(303);
    const dup = await admin.post('/moderate/moderators', {
      _csrf: csrfFrom(page.body)!,
      email: 'NEW@example.org',
      role: 'moderator',
      password: 'another long pass phrase',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('already a moderator');
  });
});

describe('passwords', () => {
  it('hashes with scrypt N=2^15 r=8 p=1, 16-byte salt, 64-byte key, and verifies', async () => {
    const h = await hashPassword('a good long password');
    const [scheme, n, r, p, salt, key] = h.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(64);
    expect(await verifyPassword('a good long password', h)).toBe(true);
    expect(await verifyPassword('a good long passwore', h)).toBe(false);
    expect(await hashPassword('a good long password')).not.toBe(h);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$AAAA$AAAA')).toBe(false);
  });

  it('refuses short, common and email-like passwords', () => {
    expect(passwordProblem('elevenchars')).toMatch(/12 characters/);
    expect(passwordProblem('password1234')).toMatch(/too common/);
    expect(passwordProblem('Password1234')).toMatch(/too common/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/too common/);
    expect(passwordProblem('1234567890123456')).toMatch(/too common/);
    expect(passwordProblem('jane.smith@example.org', 'jane.smith@example.org')).toMatch(/email/);
    expect(passwordProblem('jane.smithson1', 'jane.smithson@example.org')).toMatch(/email/);
    expect(passwordProblem('kettle orbit velvet 9')).toBeUndefined();
  });

  it('createModerator refuses a weak password and a taken email', async () => {
    await expect(createModerator(app.db, { email: 'a@example.org', password: 'short', now: 0 })).rejects.toThrow(AccountError);
    await createModerator(app.db, { email: 'a@example.org', password: 'kettle orbit velvet 9', now: 0 });
    await expect(createModerator(app.db, { email: 'A@example.org', password: 'kettle orbit velvet 9', now: 0 })).rejects.toThrow(/already/);
  });
});
