// The named worker's claim and sign-in, through the real app: the same answer whether or not a mail
// is sent, single-use 30-minute links bound to one profile, sessions like the moderators', rate limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { Client, makeApp, type TestApp } from './helpers/app.ts';
import { logSafeUrl } from '../server/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { claim, seedAuthorityDomains, useMailbox, signedInWorker, signInPathFor, useLink } from './helpers/worker.ts';
import {
  outbox,
  workerAccountProfiles,
  workerAccounts,
  workerClaimAttempts,
  workerConfirmationRequests,
  workerSessions,
  workerSignInTokens,
} from '../db/schema.ts';

const mailbox = useMailbox();
let app: TestApp;
let slug: string;
let otherSlug: string;

beforeEach(async () => {
  app = await makeApp(mailbox.env);
  seedAuthorityDomains(app);
  slug = seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings', quote: 'She listened to us.' }).slug!;
  otherSlug = seedNomination(app, { workerName: 'Tom Brown', area: 'Hastings', quote: 'He stayed with us.' }).slug!;
});
afterEach(async () => {
  await app.close();
});

const rows = (t: SQLiteTable) => app.db.select({ n: count() }).from(t).get()!.n;
const stored = () => ({
  tokens: rows(workerSignInTokens),
  mails: rows(outbox),
  accounts: rows(workerAccounts),
  links: rows(workerAccountProfiles),
  sessions: rows(workerSessions),
  requests: rows(workerConfirmationRequests),
});

describe('claim', () => {
  it('every public profile links to its claim page', async () => {
    const res = await app.inject({ method: 'GET', url: `/workers/${slug}` });
    expect(res.body).toContain(`href="/worker/claim?profile=${slug}"`);
    expect(res.body).not.toContain('Confirmed by the social worker');
  });

  it('mails a single-use link to a matching work address, and answers exactly as for one that does not match', async () => {
    const a = await claim(new Client(app), slug, 'jane.smith@eastsussex.gov.uk');
    const b = await claim(new Client(app), slug, 'jane.smith@example.com');
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    const strip = (html: string, email: string) =>
      html
        .replace(/name="_csrf" value="[^"]+"/g, '')
        .split(email)
        .join('EMAIL');
    expect(strip(a.body, 'jane.smith@eastsussex.gov.uk')).toBe(strip(b.body, 'jane.smith@example.com'));
    expect(await mailbox.to(app, 'jane.smith@eastsussex.gov.uk')).toHaveLength(1);
    expect(await mailbox.to(app, 'jane.smith@example.com')).toHaveLength(0);
    const mail = (await mailbox.to(app, 'jane.smith@eastsussex.gov.uk'))[0]!;
    // delivered over SMTP: a neutral subject, the link and how long it works, nothing about the profile
    expect(mail.subject).toBe('Your sign-in link for The Good Social Worker directory');
    expect(mail.text).toContain('30 minutes');
    expect(mail.text).not.toContain('Jane Smith');
    expect(mail.text).not.toContain('listened');
    // only the token's hash is stored
    const token = (await signInPathFor(app, mailbox, 'jane.smith@eastsussex.gov.uk')).split('/').pop()!;
    const tokens = app.db.select().from(workerSignInTokens).all();
    expect(tokens).toHaveLength(1);
    expect(JSON.stringify(tokens)).not.toContain(token);
  });

  it('a non-matching domain: nothing stored (no link, no mail, no account)', async () => {
    const before = stored();
    const res = await claim(new Client(app), slug, 'someone@sefton.gov.uk'); // another authority's domain
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Check your email');
    expect(stored()).toEqual(before);
  });

  it('signs in with the link: GET only shows a button, POST uses it, starts a session and redirects to /worker', async () => {
    const client = new Client(app);
    await claim(client, slug, 'jane.smith@eastsussex.gov.uk');
    const path = await signInPathFor(app, mailbox, 'jane.smith@eastsussex.gov.uk');
    // a mail scanner fetching the link twice uses nothing up
    for (let i = 0; i < 2; i++) {
      const page = await new Client(app).get(path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('>Sign in</button>');
    }
    expect(stored().sessions).toBe(0);
    const res = await useLink(client, path);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/worker');
    const cookie = res.cookies.find((c) => c.name === 'gsw_worker')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/worker');
    expect(
      app.db
        .select()
        .from(workerSessions)
        .all()
        .map((s) => s.idHash),
    ).not.toContain(cookie.value);
    const home = await client.get('/worker');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Jane Smith, Hastings');
    expect(home.headers['cache-control']).toBe('no-store');
    // the public profile carries the mark
    const profile = await app.inject({ method: 'GET', url: `/workers/${slug}` });
    expect(profile.body).toContain('Confirmed by the social worker');
    const json = (await app.inject({ method: 'GET', url: `/api/workers/${slug}` })).json();
    expect(json).toMatchObject({ confirmed: true, reply: null, registration: null });
  });

  it('a reused link is refused with a way to ask again, and starts no session', async () => {
    await claim(new Client(app), slug, 'jane.smith@eastsussex.gov.uk');
    const path = await signInPathFor(app, mailbox, 'jane.smith@eastsussex.gov.uk');
    const first = await useLink(new Client(app), path);
    expect(first.statusCode).toBe(303);
    const sessions = stored().sessions;
    const again = new Client(app);
    const page = await again.get(path);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('already been used');
    expect(page.body).toContain(`/worker/claim?profile=${slug}`);
    // and a POST with a token from another form does not use it either
    const _csrf = await again.csrf('/worker/sign-in');
    const post = await again.post(path, { _csrf });
    expect(post.statusCode).toBe(410);
    expect(stored().sessions).toBe(sessions);
    expect(again.cookies.has('gsw_worker')).toBe(false);
  });

  it('an expired link (after 30 minutes) is refused, and starts no session', async () => {
    await claim(new Client(app), slug, 'jane.smith@eastsussex.gov.uk');
    const path = await signInPathFor(app, mailbox, 'jane.smith@eastsussex.gov.uk');
    const client = new Client(app);
    const page = await client.get(path);
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    app.clock.now += 30 * 60_000;
    const res = await client.post(path, { _csrf });
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('expired');
    expect(res.body).toContain('Ask for a new sign-in link');
    expect(stored()).toMatchObject({ sessions: 0, accounts: 0, links: 0 });
    expect((await client.get(path)).statusCode).toBe(410);
  });

  it('a sign-in token never reaches the request log', () => {
    expect(logSafeUrl(`/worker/sign-in/${'A'.repeat(43)}`)).toBe('/worker/sign-in/[token]');
    expect(logSafeUrl(`/cy/worker/sign-in/${'A'.repeat(43)}`)).toBe('/cy/worker/sign-in/[token]');
    expect(logSafeUrl('/cy/nominate/done/K7MD-PQ4X-ZR2N-H')).toBe('/cy/nominate/done/[ref]');
    expect(logSafeUrl('/check?code=ABCDEFGHJKLMNPQR')).toBe('/check');
  });

  it('an unknown link is a clear 404', async () => {
    const res = await app.inject({ method: 'GET', url: `/worker/sign-in/${'A'.repeat(43)}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('This link cannot be used');
    const bad = await app.inject({ method: 'GET', url: '/worker/sign-in/nonsense' });
    expect(bad.statusCode).toBe(404);
  });

  it('a link signs in only to the profile it was sent for', async () => {
    const client = await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    const home = await client.get('/worker');
    expect(home.body).toContain('Jane Smith, Hastings');
    expect(home.body).not.toContain('Tom Brown');
    const links = app.db.select().from(workerAccountProfiles).all();
    expect(links).toHaveLength(1);
    expect(links[0]!.confirmedBy).toBe('work_email');
    // a link for another profile, used while signed in, adds that profile, and only that one
    await claim(client, otherSlug, 'tom.brown@eastsussex.gov.uk');
    const res = await useLink(client, await signInPathFor(app, mailbox, 'tom.brown@eastsussex.gov.uk'));
    expect(res.statusCode).toBe(303);
    expect((await client.get('/worker')).body).toContain('Tom Brown, Hastings');
    expect(app.db.select().from(workerAccountProfiles).all()).toHaveLength(2);
  });

  it('a profile confirmed by one worker cannot be taken by another address: no link is sent', async () => {
    await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    const before = app.db.select().from(workerSignInTokens).all().length;
    const res = await claim(new Client(app), slug, 'colleague@eastsussex.gov.uk');
    expect(res.statusCode).toBe(200);
    expect(app.db.select().from(workerSignInTokens).all().length).toBe(before);
    const mail = await mailbox.to(app, 'colleague@eastsussex.gov.uk');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('already been confirmed');
    expect(mail[0]!.text).not.toContain('/worker/sign-in/');
  });

  it('a confirmed worker signs in again with their address alone; an unknown address gets the same answer and no mail', async () => {
    await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    const c = new Client(app);
    const _csrf = await c.csrf('/worker/sign-in');
    const known = await c.post('/worker/sign-in', { _csrf, email: 'Jane.Smith@EastSussex.gov.uk' });
    const unknown = await c.post('/worker/sign-in', { _csrf, email: 'nobody@eastsussex.gov.uk' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(await mailbox.to(app, 'nobody@eastsussex.gov.uk')).toHaveLength(0);
    expect(await mailbox.to(app, 'jane.smith@eastsussex.gov.uk')).toHaveLength(2);
    const res = await useLink(c, await signInPathFor(app, mailbox, 'jane.smith@eastsussex.gov.uk'));
    expect(res.statusCode).toBe(303);
  });

  it('bad input re-renders the form with the value kept and a linked error', async () => {
    const c = new Client(app);
    const _csrf = await c.csrf(`/worker/claim?profile=${slug}`);
    const res = await c.post('/worker/claim', { _csrf, profile: slug, email: 'not an email' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#email"');
    expect(res.body).toContain('value="not an email"');
    const unknown = await c.post('/worker/claim', { _csrf, profile: 'no-such-worker', email: 'a@eastsussex.gov.uk' });
    expect(unknown.statusCode).toBe(404);
    expect(stored().tokens).toBe(0);
  });
});

describe('sessions', () => {
  it('end after 30 minutes idle, 12 hours in all, at sign-out, and everywhere at once', async () => {
    const a = await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    app.clock.now += 29 * 60_000;
    expect((await a.get('/worker')).statusCode).toBe(200);
    app.clock.now += 30 * 60_000;
    const idle = await a.get('/worker');
    expect(idle.statusCode).toBe(303);
    expect(idle.headers.location).toBe('/worker/sign-in?ended=1');

    const b = await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    for (let i = 0; i < 25; i++) {
      app.clock.now += 29 * 60_000;
      await b.get('/worker');
    }
    expect((await b.get('/worker')).statusCode).toBe(303);

    const c = await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    const d = await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    const _csrf = await c.csrf('/worker');
    const out = await c.post('/worker/sign-out', { _csrf });
    expect(out.statusCode).toBe(303);
    expect((await c.get('/worker')).statusCode).toBe(303);
    expect((await d.get('/worker')).statusCode).toBe(200);
    const e = await signedInWorker(app, mailbox, slug, 'jane.smith@eastsussex.gov.uk');
    const all = await d.post('/worker/sign-out-everywhere', { _csrf: await d.csrf('/worker') });
    expect(all.headers.location).toBe('/worker/signed-out?everywhere=1');
    expect((await d.get('/worker')).statusCode).toBe(303);
    expect((await e.get('/worker')).statusCode).toBe(303);
    expect(stored().sessions).toBe(0);
  });
});

describe('rate limits', () => {
  it('a sixth claim within an hour from one client is refused with a clear message, nothing stored or sent', async () => {
    const c = new Client(app);
    for (let i = 0; i < 5; i++) expect((await claim(c, i % 2 ? slug : otherSlug, `w${i}@eastsussex.gov.uk`)).statusCode).toBe(200);
    const before = { ...stored(), attempts: rows(workerClaimAttempts) };
    const res = await claim(c, slug, 'jane.smith@eastsussex.gov.uk');
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('too many sign-in links in the last hour');
    expect({ ...stored(), attempts: rows(workerClaimAttempts) }).toEqual(before);
    expect(await mailbox.to(app, 'jane.smith@eastsussex.gov.uk')).toHaveLength(0);
    // the manual request is refused too
    const _csrf = await c.csrf(`/worker/claim?profile=${slug}`);
    const manual = await c.post('/worker/claim/manual', {
      _csrf,
      profile: slug,
      email: 'jane@agency.example',
      note: 'Agency worker for East Sussex',
    });
    expect(manual.statusCode).toBe(429);
    expect(stored().requests).toBe(0);
    app.clock.now += 60 * 60_000 + 1;
    expect((await claim(c, slug, 'jane.smith@eastsussex.gov.uk')).statusCode).toBe(200);
    expect(await mailbox.to(app, 'jane.smith@eastsussex.gov.uk')).toHaveLength(1);
  });

  it('claims count the same in either language: a sixth from the Welsh page after five is refused', async () => {
    const c = new Client(app);
    for (let i = 0; i < 5; i++) {
      const prefix = i % 2 ? '/cy' : '';
      const _csrf = await c.csrf(`${prefix}/worker/claim?profile=${slug}`);
      expect((await c.post(`${prefix}/worker/claim`, { _csrf, profile: slug, email: `w${i}@eastsussex.gov.uk` })).statusCode).toBe(200);
    }
    const _csrf = await c.csrf(`/cy/worker/claim?profile=${slug}`);
    const res = await c.post('/cy/worker/claim', { _csrf, profile: slug, email: 'jane.smith@eastsussex.gov.uk' });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('<h1>Gormod o geisiadau</h1>');
    expect(await mailbox.to(app, 'jane.smith@eastsussex.gov.uk')).toHaveLength(0);
  });

  it('a sixth claim within an hour for one profile is refused whoever sends it', async () => {
    for (let i = 0; i < 5; i++) {
      // each from its own address
      const c = new Client(app);
      const _csrf = await c.csrf(`/worker/claim?profile=${slug}`);
      const post = await app.inject({
        method: 'POST',
        url: '/worker/claim',
        remoteAddress: `10.0.0.${i + 1}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        payload: new URLSearchParams({ _csrf, profile: slug, email: `x${i}@example.com` }).toString(),
      });
      expect(post.statusCode).toBe(200);
    }
    const before = stored();
    const res = await claim(new Client(app), slug, 'jane.smith@eastsussex.gov.uk');
    expect(res.statusCode).toBe(429);
    expect(stored()).toEqual(before);
    expect(await mailbox.to(app, 'jane.smith@eastsussex.gov.uk')).toHaveLength(0);
    // another profile is not held up
    expect((await claim(new Client(app), otherSlug, 'tom@eastsussex.gov.uk')).statusCode).toBe(200);
  });
});

describe('confirmation by a moderator', () => {
  it('an address that does not match can ask a moderator; nothing happens until they confirm', async () => {
    const c = new Client(app);
    const answer = await claim(c, slug, 'jane@agency.example');
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(answer.body)![1]!;
    const empty = await c.post('/worker/claim/manual', { _csrf, profile: slug, email: 'jane@agency.example', note: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#note"');
    const res = await c.post('/worker/claim/manual', {
      _csrf,
      profile: slug,
      email: 'jane@agency.example',
      note: 'Agency social worker placed with East Sussex.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Request sent to the moderators');
    expect(stored()).toMatchObject({ requests: 1, tokens: 0, mails: 0, links: 0 });
  });
});
