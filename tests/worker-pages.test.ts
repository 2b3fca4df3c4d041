// The worker's own pages through the real app: every /worker route as nobody and as another worker,
// display choices, replies through moderation, registration, hide, thanks (page, PDF, check code),
// confirmation by hand, merges, the legal clocks, and the audit log of it all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { seedAuthorityDomains, signedInWorker, signInPathFor, useLink, workerCsrf, useMailbox } from './helpers/worker.ts';
import { auditLog, workerRegistrations, workerReplies, workers } from '../db/schema.ts';
import { stats } from '../server/counts/index.ts';

const mailbox = useMailbox();
let app: TestApp;
let jane: { slug: string; workerId: number };
let tom: { slug: string; workerId: number };
const JANE = 'jane.smith@eastsussex.gov.uk';
const TOM = 'tom.brown@eastsussex.gov.uk';

beforeEach(async () => {
  app = await makeApp(mailbox.env);
  seedAuthorityDomains(app);
  const j = seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'Hastings',
    quote: 'She listened to us every time.',
    qualities: ['listened', 'honest'],
  });
  seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'Hastings',
    workerId: j.workerId!,
    quote: 'She never gave up on our family.',
    qualities: ['listened'],
    relationship: 'carer',
  });
  jane = { slug: j.slug!, workerId: j.workerId! };
  const t = seedNomination(app, { workerName: 'Tom Brown', area: 'Hastings', quote: 'He stayed with us.' });
  tom = { slug: t.slug!, workerId: t.workerId! };
});
afterEach(async () => {
  await app.close();
});

const actions = () =>
  app.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .all()
    .map((a) => a.action);

/** Every form of /worker with the fields it takes, naming this profile. */
const forms = (slug: string, other = slug): [string, Record<string, string>][] => [
  ['/worker/display', { profile: slug, display: 'private' }],
  ['/worker/reply', { profile: slug, reply: 'Thank you all.' }],
  ['/worker/registration', { profile: slug, regulator: 'swe', number: 'SW123456' }],
  ['/worker/hide', { profile: slug, hidden: 'yes' }],
  ['/worker/merge', { from: slug, into: other, note: '' }],
];
const pages = (slug: string) => ['/worker', `/worker/thanks?profile=${slug}`, `/worker/thanks.pdf?profile=${slug}`];

describe('who may act', () => {
  it('nobody signed in: every /worker route sends to sign-in and changes nothing', async () => {
    const nobody = new Client(app);
    const _csrf = await nobody.csrf('/worker/sign-in');
    const before = JSON.stringify(app.db.select().from(workers).all());
    for (const url of pages(jane.slug)) {
      const res = await nobody.get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe('/worker/sign-in');
    }
    for (const [url, form] of [...forms(jane.slug, tom.slug), ['/worker/sign-out', {}], ['/worker/sign-out-everywhere', {}]] as const) {
      const res = await nobody.post(url, { _csrf, ...form });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe('/worker/sign-in');
    }
    expect(JSON.stringify(app.db.select().from(workers).all())).toBe(before);
    expect(app.db.select().from(workerReplies).all()).toHaveLength(0);
    expect(app.db.select().from(workerRegistrations).all()).toHaveLength(0);
  });

  it('another worker: every /worker route naming a profile that is not theirs answers 404 and changes nothing', async () => {
    await signedInWorker(app, mailbox, jane.slug, JANE);
    const other = await signedInWorker(app, mailbox, tom.slug, TOM);
    const _csrf = await workerCsrf(other);
    const before = JSON.stringify(app.db.select().from(workers).all());
    const audited = actions().length;
    for (const url of pages(jane.slug).slice(1)) expect((await other.get(url)).statusCode, url).toBe(404);
    for (const [url, form] of [...forms(jane.slug, tom.slug), ['/worker/merge', { from: tom.slug, into: jane.slug, note: '' }]] as const) {
      const res = await other.post(url, { _csrf, ...form });
      expect(res.statusCode, url).toBe(404);
    }
    expect(JSON.stringify(app.db.select().from(workers).all())).toBe(before);
    expect(app.db.select().from(workerReplies).all()).toHaveLength(0);
    expect(actions().length).toBe(audited);
    // their own page does not list the other's profile
    expect((await other.get('/worker')).body).not.toContain('Jane Smith');
  });

  it('a form without its CSRF token is refused', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    const res = await c.post('/worker/display', { profile: jane.slug, display: 'private' });
    expect(res.statusCode).toBe(403);
    expect(
      app.db
        .select()
        .from(workers)
        .all()
        .find((w) => w.id === jane.workerId)!.display,
    ).toBe('full');
  });
});

describe('how I am shown', () => {
  it('first name: the surname leaves the profile and JSON, a new slug, the old one answers 404; audited', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    const res = await c.post('/worker/display', { _csrf: await workerCsrf(c), profile: jane.slug, display: 'first_name' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/worker?done=display');
    const w = app.db
      .select()
      .from(workers)
      .all()
      .find((x) => x.id === jane.workerId)!;
    expect(w).toMatchObject({ name: 'Jane', fullName: 'Jane Smith', display: 'first_name', slug: 'jane-hastings' });
    expect((await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).statusCode).toBe(404);
    const page = await app.inject({ method: 'GET', url: '/workers/jane-hastings' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Smith');
    expect((await app.inject({ method: 'GET', url: '/api/workers/jane-hastings' })).json()).toMatchObject({
      name: 'Jane',
      confirmed: true,
    });
    expect((await c.get('/worker?done=display')).body).toContain('How you are shown has changed');
    expect(actions()).toContain('worker.display_changed');
    // back to the full name
    await c.post('/worker/display', { _csrf: await workerCsrf(c), profile: 'jane-hastings', display: 'full' });
    expect((await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/workers/jane-hastings' })).statusCode).toBe(404);
  });

  it('private: the profile answers 404, and the area and site counts stay the same', async () => {
    const before = stats(app.db, app.areas, app.now());
    const areasBefore = (await app.inject({ method: 'GET', url: '/api/areas' })).json();
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    await c.post('/worker/display', { _csrf: await workerCsrf(c), profile: jane.slug, display: 'private' });
    expect((await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).statusCode).toBe(404);
    expect(stats(app.db, app.areas, app.now())).toEqual(before);
    expect((await app.inject({ method: 'GET', url: '/api/areas' })).json()).toEqual(areasBefore);
    // their own page still has their thanks
    const home = await c.get('/worker');
    expect(home.body).toContain('Thanks in private only');
    expect(home.body).toContain('She listened to us every time.');
  });

  it('a value that is not one of the three is a 400 with the choices kept', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    const res = await c.post('/worker/display', { _csrf: await workerCsrf(c), profile: jane.slug, display: 'famous' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#display-0"');
    expect(res.body).toContain('Select how you want to be shown');
  });
});

describe('reply', () => {
  it('goes to the moderators first; once approved it shows on the profile and in the JSON; empty removes it', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    const long = await c.post('/worker/reply', { _csrf: await workerCsrf(c), profile: jane.slug, reply: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('500 characters or fewer');
    expect(long.body).toContain('href="#reply-0"');
    const sent = await c.post('/worker/reply', {
      _csrf: await workerCsrf(c),
      profile: jane.slug,
      reply: 'Thank you to every family. It was a privilege.',
    });
    expect(sent.headers.location).toBe('/worker?done=reply_sent');
    expect((await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).body).not.toContain('It was a privilege');
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json().reply).toBeNull();

    const { client: mod } = await signedInModerator(app);
    const queue = await mod.get('/moderate');
    expect(queue.body).toContain('It was a privilege');
    const id = app.db.select().from(workerReplies).all()[0]!.id;
    const ok = await mod.post(`/moderate/worker-replies/${id}`, { _csrf: csrfFrom(queue.body)!, action: 'approve' });
    expect(ok.statusCode).toBe(303);
    const again = await mod.post(`/moderate/worker-replies/${id}`, { _csrf: csrfFrom(queue.body)!, action: 'reject' });
    expect(again.statusCode).toBe(409);
    const profile = await app.inject({ method: 'GET', url: `/workers/${jane.slug}` });
    expect(profile.body).toContain('A reply from Jane Smith');
    expect(profile.body).toContain('Thank you to every family. It was a privilege.');
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json().reply).toBe(
      'Thank you to every family. It was a privilege.',
    );
    expect(actions()).toEqual(expect.arrayContaining(['worker.reply_sent', 'worker_reply.approved']));

    // an edit waits while the published one stays; a rejection leaves the published one
    await c.post('/worker/reply', { _csrf: await workerCsrf(c), profile: jane.slug, reply: 'A new reply.' });
    const q2 = await mod.get('/moderate');
    const id2 = app.db
      .select()
      .from(workerReplies)
      .all()
      .find((r) => r.status === 'pending')!.id;
    await mod.post(`/moderate/worker-replies/${id2}`, { _csrf: csrfFrom(q2.body)!, action: 'reject', reason: 'Names a child' });
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json().reply).toBe(
      'Thank you to every family. It was a privilege.',
    );
    expect((await c.get('/worker')).body).toContain('did not publish your last reply');

    const removed = await c.post('/worker/reply', { _csrf: await workerCsrf(c), profile: jane.slug, reply: '  ' });
    expect(removed.headers.location).toBe('/worker?done=reply_removed');
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json().reply).toBeNull();
    expect(actions()).toContain('worker.reply_removed');
  });

  it('a reply is shown as text, never as markup, on the queue, the profile and the worker page', async () => {
    const payload = '<script>alert(1)</script> "><img src=x onerror=alert(1)>';
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    await c.post('/worker/reply', { _csrf: await workerCsrf(c), profile: jane.slug, reply: payload });
    const { client: mod } = await signedInModerator(app);
    const queue = await mod.get('/moderate');
    const id = app.db.select().from(workerReplies).all()[0]!.id;
    await mod.post(`/moderate/worker-replies/${id}`, { _csrf: csrfFrom(queue.body)!, action: 'approve' });
    for (const body of [queue.body, (await app.inject(`/workers/${jane.slug}`)).body, (await c.get('/worker')).body]) {
      expect(body).not.toContain('<script>alert(1)');
      expect(body).not.toContain('<img src=x');
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});

describe('registration', () => {
  it.each([
    ['swe', 'SW123456', true],
    ['swe', 'sw 12345', true],
    ['swe', '123456', false],
    ['sssc', '1234567', true],
    ['sssc', 'SW12345', false],
    ['scw', '12345', true],
    ['scw', 'W12A', false],
    ['niscc', '7654321', true],
    ['niscc', 'N1234', false],
  ])('%s %s: accepted %s', async (regulator, number, ok) => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    const res = await c.post('/worker/registration', { _csrf: await workerCsrf(c), profile: jane.slug, regulator, number });
    if (!ok) {
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#number-0"');
      expect(res.body).toContain(`value="${number}"`);
      expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json().registration).toBeNull();
      return;
    }
    expect(res.statusCode).toBe(303);
    const stored = number.toUpperCase().replace(/\s/g, '');
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json().registration).toEqual({
      regulator,
      number: stored,
    });
    const page = (await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).body;
    expect(page).toContain('Registered with');
    expect(page).toContain(stored);
  });

  it('an empty number removes it; an unknown regulator is refused', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    await c.post('/worker/registration', { _csrf: await workerCsrf(c), profile: jane.slug, regulator: 'swe', number: 'SW1234' });
    const bad = await c.post('/worker/registration', { _csrf: await workerCsrf(c), profile: jane.slug, regulator: 'hcpc', number: '1234' });
    expect(bad.statusCode).toBe(400);
    await c.post('/worker/registration', { _csrf: await workerCsrf(c), profile: jane.slug, regulator: 'swe', number: '' });
    expect((await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json().registration).toBeNull();
    expect(actions()).toEqual(expect.arrayContaining(['worker.registration_set', 'worker.registration_removed']));
  });
});

describe('hide', () => {
  it('takes effect at once and reaches the moderators as a request already done', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    const res = await c.post('/worker/hide', { _csrf: await workerCsrf(c), profile: jane.slug, hidden: 'yes' });
    expect(res.headers.location).toBe('/worker?done=hidden');
    expect((await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).statusCode).toBe(410);
    const { client: mod } = await signedInModerator(app);
    const list = await mod.get('/moderate/requests');
    expect(list.body).toContain('profile hidden by the worker');
    expect((await mod.get('/moderate')).body).toContain('There are no change requests waiting');
    await c.post('/worker/hide', { _csrf: await workerCsrf(c), profile: jane.slug, hidden: 'no' });
    expect((await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).statusCode).toBe(200);
    expect(actions()).toEqual(expect.arrayContaining(['worker.hidden', 'worker.unhidden']));
  });
});

describe('my thanks', () => {
  it('a printable page and a PDF with every published quote, the counts and a check code that verifies', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    const page = await c.get(`/worker/thanks?profile=${jane.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('She listened to us every time.');
    expect(page.body).toContain('She never gave up on our family.');
    const code = /Check code: <span class="input-reference">([A-Z0-9-]{19})</.exec(page.body)![1]!;
    const pdf = await c.get(`/worker/thanks.pdf?profile=${jane.slug}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await new PDFParse({ data: pdf.rawPayload }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('She listened to us every time.');
    expect(text).toContain('She never gave up on our family.');
    expect(text).toContain('Listened to us and respected our views: 2 families');
    expect(text).toContain(code); // the same quotes: the same document
    const check = await app.inject({ method: 'GET', url: `/check?code=${code.toLowerCase()}` });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('This document is genuine');
    expect(check.body).toContain('She listened to us every time.');
    expect(check.body).toContain('March 2026');
    expect(check.body).not.toContain('Jane');
    expect(check.body).not.toContain('Hastings');
    expect((await app.inject({ method: 'GET', url: '/check?code=ABCD-EFGH-JKLM-NPQR' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/check?code=nonsense' })).statusCode).toBe(400);
    expect(actions()).toContain('worker.thanks_issued');
  });
});

describe('moderators', () => {
  it('confirm a worker by hand: audited, a sign-in link is mailed and the address is deleted', async () => {
    const c = new Client(app);
    const _csrf = await c.csrf(`/worker/claim?profile=${jane.slug}`);
    await c.post('/worker/claim/manual', {
      _csrf,
      profile: jane.slug,
      email: 'jane@agency.example',
      note: 'Agency worker placed with East Sussex.',
    });
    expect(await mailbox.to(app, 'jane@agency.example')).toHaveLength(0);
    const { client: mod } = await signedInModerator(app);
    const queue = await mod.get('/moderate');
    expect(queue.body).toContain('agency.example');
    expect(queue.body).not.toContain('jane@agency.example');
    const id = /\/moderate\/worker-confirmations\/(\d+)/.exec(queue.body)![1];
    const res = await mod.post(`/moderate/worker-confirmations/${id}`, { _csrf: csrfFrom(queue.body)!, action: 'confirm' });
    expect(res.statusCode).toBe(303);
    expect(app.db.$client.prepare('SELECT email FROM worker_confirmation_requests').pluck().get()).toBeNull();
    const signedIn = await useLink(c, await signInPathFor(app, mailbox, 'jane@agency.example'));
    expect(signedIn.statusCode).toBe(303);
    expect((await c.get('/worker')).body).toContain('Jane Smith, Hastings');
    expect(actions()).toEqual(
      expect.arrayContaining(['worker.confirmation_requested', 'worker_confirmation.confirmed', 'worker.confirmed']),
    );
  });

  it('merge two profiles of one worker: every quote kept, the old slug redirects 301', async () => {
    const sefton = seedNomination(app, { workerName: 'Jane Smith', area: 'Sefton', quote: 'In Sefton she helped us.' });
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    await c.get('/worker');
    // the earlier profile is added while signed in, with that council's address
    const _csrf0 = await c.csrf(`/worker/claim?profile=${sefton.slug}`);
    await c.post('/worker/claim', { _csrf: _csrf0, profile: sefton.slug!, email: 'jane.smith@sefton.gov.uk' });
    await useLink(c, await signInPathFor(app, mailbox, 'jane.smith@sefton.gov.uk'));
    const res = await c.post('/worker/merge', {
      _csrf: await workerCsrf(c),
      from: sefton.slug!,
      into: jane.slug,
      note: 'I moved from Sefton.',
    });
    expect(res.headers.location).toBe('/worker?done=merge');
    const { client: mod } = await signedInModerator(app);
    const queue = await mod.get('/moderate');
    const id = /\/moderate\/worker-merges\/(\d+)/.exec(queue.body)![1];
    expect((await mod.post(`/moderate/worker-merges/${id}`, { _csrf: csrfFrom(queue.body)!, action: 'merge' })).statusCode).toBe(303);
    const old = await app.inject({ method: 'GET', url: `/workers/${sefton.slug}` });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/workers/${jane.slug}`);
    const json = (await app.inject({ method: 'GET', url: `/api/workers/${jane.slug}` })).json();
    expect(json.nominations).toBe(3);
    expect(json.quotes.map((q: { text: string }) => q.text)).toContain('In Sefton she helped us.');
    expect((await app.inject({ method: 'GET', url: `/workers/${jane.slug}` })).body).toContain('Also recommended by families in Sefton');
    expect(actions()).toEqual(expect.arrayContaining(['worker.merge_requested', 'worker_merge.merged', 'worker.merged']));
  });

  it('objections and defamation notices are their own kinds, with their legal clock, overdue first', async () => {
    const sql = app.db.$client;
    const insert = (kind: string, at: number) =>
      sql
        .prepare(
          `INSERT INTO change_requests (worker_name, area_text, request, details, submitted_at) VALUES ('Jane Smith', 'Hastings', ?, 'Details of the request here.', ?)`,
        )
        .run(kind, at);
    const day = 24 * 3600_000;
    insert('hide', app.clock.now - 40 * day);
    insert('objection', app.clock.now - 10 * day);
    insert('defamation', app.clock.now - 3 * day);
    insert('defamation', app.clock.now - 1 * 3600_000);
    const { client: mod } = await signedInModerator(app);
    const body = (await mod.get('/moderate')).body;
    const order = [...body.matchAll(/(Notice of defamation about|Objection \(UK GDPR art\. 21\) about|Hide) the profile/g)].map(
      (m) => m[1],
    );
    expect(order).toEqual(['Notice of defamation about', 'Notice of defamation about', 'Objection (UK GDPR art. 21) about', 'Hide']);
    expect(body).toContain('Overdue by 24 hours');
    expect(body).toContain('Due in 47 hours');
    expect(body).toContain('Due in 21 days'); // one calendar month from 8 March
    // the public form offers both
    const form = (await app.inject({ method: 'GET', url: '/request-change' })).body;
    expect(form).toContain('value="objection"');
    expect(form).toContain('value="defamation"');
  });
});

describe('a moderator correcting a profile shown by first name only', () => {
  it('keeps the surname off: a new area keeps the full name, a new name is shortened again', async () => {
    const c = await signedInWorker(app, mailbox, jane.slug, JANE);
    await c.post('/worker/display', { _csrf: await workerCsrf(c), profile: jane.slug, display: 'first_name' });
    const { client: mod } = await signedInModerator(app);
    const correct = async (form: Record<string, string>) => {
      const id = Number(
        app.db.$client
          .prepare(
            `INSERT INTO change_requests (worker_name, area_text, worker_id, request, details, submitted_at) VALUES ('Jane Smith', 'Hastings', ?, 'correct', 'Please correct my profile details.', ?)`,
          )
          .run(jane.workerId, app.clock.now).lastInsertRowid,
      );
      const page = await mod.get(`/moderate/requests/${id}`);
      return mod.post(`/moderate/requests/${id}`, {
        _csrf: csrfFrom(page.body)!,
        action: 'correct',
        worker: String(jane.workerId),
        ...form,
      });
    };
    expect((await correct({ new_area: 'Sefton' })).statusCode).toBe(303);
    let w = app.db
      .select()
      .from(workers)
      .all()
      .find((x) => x.id === jane.workerId)!;
    expect(w).toMatchObject({ name: 'Jane', fullName: 'Jane Smith', slug: 'jane-sefton' });
    expect((await correct({ new_name: 'Jane Smythe', new_area: 'Sefton' })).statusCode).toBe(303);
    w = app.db
      .select()
      .from(workers)
      .all()
      .find((x) => x.id === jane.workerId)!;
    expect(w).toMatchObject({ name: 'Jane', fullName: 'Jane Smythe' });
    expect((await app.inject(`/workers/${w.slug}`)).body).not.toContain('Smyth');
  });
});
