// "Check your recommendation" (/status) through the real app, in every state, with the send back ->
// edit -> resubmit -> approve journey on one reference, and what the page must never show.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { escapeHtml, hidden, nominate, validNomination, unescapeHtml } from './helpers/nominate.ts';
import { referenceHash } from '../server/families/status.ts';
import { SEND_BACK_REASONS } from '../server/families/reasons.ts';
import { NOT_PUBLISHED_WORDS } from '../server/families/reasons.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const sql = () => app.db.$client;
const row = (ref: string) =>
  sql()
    .prepare(
      'SELECT id, status, story, story_hash AS storyHash, flags, opened_at AS openedAt, resubmitted_at AS resubmittedAt, independent FROM nominations WHERE ref = ?',
    )
    .get(ref.replace(/-/g, '')) as
    | {
        id: number;
        status: string;
        story: string | null;
        storyHash: string;
        flags: string;
        openedAt: number | null;
        resubmittedAt: number | null;
        independent: number | null;
      }
    | undefined;
const auditActions = (id: number) =>
  sql()
    .prepare("SELECT action FROM audit_log WHERE subject_type = 'nomination' AND subject_id = ? ORDER BY id")
    .pluck()
    .all(id) as string[];

async function checkStatus(reference: string, client = new Client(app)) {
  const _csrf = await client.csrf('/status');
  return client.post('/status', { _csrf, reference });
}
/** The data-status of the page's status element (exactly one). */
function stateOf(html: string): string | undefined {
  const all = [...html.matchAll(/data-status="([a-z_]+)"/g)].map((m) => m[1]);
  expect(all.length, 'one element states the status').toBeLessThanOrEqual(1);
  return all[0];
}

async function moderatorReview(client: Client, id: number) {
  const page = await client.get(`/moderate/nominations/${id}`);
  expect(page.statusCode).toBe(200);
  return { page, _csrf: csrfFrom(page.body)! };
}

describe('GET /status', () => {
  it('is a form with a labelled reference field and a CSRF token, never cached', async () => {
    const res = await app.inject('/status');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="reference">Your reference</label>');
    expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is linked from the done page, the withdraw page and the footer', async () => {
    const { ref, client } = await nominate(app);
    expect((await client.get(`/nominate/done/${ref}`)).body).toContain('href="/status"');
    expect((await app.inject('/withdraw')).body).toContain('href="/status"');
    expect((await app.inject('/')).body).toMatch(/<footer[\s\S]*href="\/status"/);
  });
});

describe('POST /status', () => {
  it('says "waiting" for a new nomination, however the reference is typed', async () => {
    const { ref } = await nominate(app);
    for (const typed of [ref!, ref!.toLowerCase(), ` ${ref!.replace(/-/g, ' ')} `, ref!.replace(/-/g, ''), ref!.replace(/-/g, '–')]) {
      const res = await checkStatus(typed);
      expect(res.statusCode, typed).toBe(200);
      expect(stateOf(res.body), typed).toBe('waiting');
    }
    expect(row(ref!)!.independent).toBe(1);
  });

  it('says "checking" once a moderator has opened it, and stores when', async () => {
    const { ref } = await nominate(app);
    const { client } = await signedInModerator(app);
    app.clock.now += 60_000;
    await moderatorReview(client, row(ref!)!.id);
    expect(row(ref!)!.openedAt).toBe(app.clock.now);
    expect(stateOf((await checkStatus(ref!)).body)).toBe('checking');
  });

  it("a post without a valid form token is the site's 403 page", async () => {
    const res = await new Client(app).post('/status', { _csrf: 'stale', reference: 'AAAA-BBBB-CCCC-D' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired');
  });

  it('answers an unknown or empty reference with the form, the typed value kept, and a message', async () => {
    await nominate(app);
    const res = await checkStatus('zzzz-yyyy-xxxx-w<b>');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('We could not find that reference. Check it and try again.');
    expect(res.body).toContain(`value="${escapeHtml('zzzz-yyyy-xxxx-w<b>')}"`);
    expect(res.body).toContain('<a href="#reference">');
    expect(stateOf(res.body)).toBeUndefined();
    const empty = await checkStatus('   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your reference');
  });

  it('says "not_published" with a kind, general reason after a rejection, never the note', async () => {
    const { ref } = await nominate(app);
    const { client } = await signedInModerator(app);
    const id = row(ref!)!.id;
    const { _csrf } = await moderatorReview(client, id);
    const rejected = await client.post(`/moderate/nominations/${id}`, {
      _csrf,
      action: 'reject',
      reason: 'complaint_or_concern',
      note: 'NOTE-MARKER the family sounds angry',
    });
    expect(rejected.statusCode).toBe(303);
    const res = await checkStatus(ref!);
    expect(stateOf(res.body)).toBe('not_published');
    expect(res.body).toContain(escapeHtml(NOT_PUBLISHED_WORDS.complaint_or_concern));
    expect(res.body).not.toContain('NOTE-MARKER');
  });

  it('says "withdrawn" after a withdrawal, from a tombstone holding only the reference hash and the time', async () => {
    const { ref } = await nominate(app);
    const client = new Client(app);
    const _csrf = await client.csrf('/withdraw');
    expect((await client.post('/withdraw', { _csrf, reference: ref })).statusCode).toBe(200);
    expect(row(ref!)).toBeUndefined();
    const tomb = sql().prepare('SELECT * FROM withdrawn_references').all();
    expect(tomb).toEqual([{ ref_hash: referenceHash(ref!.replace(/-/g, '')), withdrawn_at: app.clock.now }]);
    expect(stateOf((await checkStatus(ref!.toLowerCase())).body)).toBe('withdrawn');
  });
});

describe('send back, edit, send again, approve: one reference throughout', () => {
  it('walks the whole journey, audited, with the story replaced and flags worked out again', async () => {
    const { ref } = await nominate(
      app,
      validNomination({ story: 'She was great with my son Tom at Oakfield Primary and we will never forget what she did for us.' }),
    );
    const id = row(ref!)!.id;
    const { client: mod, moderator } = await signedInModerator(app);

    // No reason chosen: the review page again, 400, with the error tied to the field.
    let { _csrf } = await moderatorReview(mod, id);
    const noReason = await mod.post(`/moderate/nominations/${id}`, { _csrf, action: 'send_back' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('<a href="#send_back_reason">Choose why you are sending it back</a>');
    expect(row(ref!)!.status).toBe('pending');

    ({ _csrf } = await moderatorReview(mod, id));
    const sent = await mod.post(`/moderate/nominations/${id}`, { _csrf, action: 'send_back', send_back_reason: 'names_someone' });
    expect(sent.statusCode).toBe(303);
    expect(row(ref!)!.status).toBe('sent_back');
    const entry = sql()
      .prepare(`SELECT moderator_id AS by, after FROM audit_log WHERE action = 'nomination.sent_back' AND subject_id = ?`)
      .get(id) as { by: number; after: string };
    expect(entry.by).toBe(moderator.id);
    expect(JSON.parse(entry.after)).toEqual({ status: 'sent_back', reason: 'names_someone' });
    // A second moderator's send back (or approval) of the same nomination is refused.
    const again = await mod.post(`/moderate/nominations/${id}`, { _csrf, action: 'send_back', send_back_reason: 'too_short' });
    expect(again.statusCode).toBe(409);

    // The family sees why, and a way to edit.
    const family = new Client(app);
    const status = await checkStatus(ref!, family);
    expect(stateOf(status.body)).toBe('sent_back');
    expect(status.body).toContain(escapeHtml(SEND_BACK_REASONS.names_someone.family));
    expect(status.body).toContain('action="/status/edit"');
    expect(status.body).not.toContain('Oakfield');

    // The edit page: only the story, filled in with their current words.
    const edit = await family.post('/status/edit', { _csrf: csrfFrom(status.body)!, reference: hidden(status.body, 'reference') });
    expect(edit.statusCode).toBe(200);
    expect(edit.headers['cache-control']).toBe('no-store');
    expect(edit.body).toContain(`>${escapeHtml(row(ref!)!.story!)}</textarea>`);
    expect(edit.body).not.toMatch(/name="(worker_name|area|contact_email|relationship)"/);

    // Too short: the same rule and error summary as the form, what they typed kept.
    const short = await family.post('/status/edit/send', {
      _csrf: csrfFrom(edit.body)!,
      reference: unescapeHtml(hidden(edit.body, 'reference')!),
      story: 'too short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('<a href="#story">Story must be 20 characters or more. You have written 9.</a>');
    expect(short.body).toContain('>too short</textarea>');
    expect(row(ref!)!.status).toBe('sent_back');

    const before = row(ref!)!;
    app.clock.now += 10 * 60_000;
    const newStory = 'She listened to us and never gave up. She was scared for us at first but she kept coming back every week.';
    const done = await family.post('/status/edit/send', { _csrf: csrfFrom(short.body)!, reference: ref!.toLowerCase(), story: newStory });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(ref!);
    const after = row(ref!)!;
    expect(after).toMatchObject({ id, status: 'pending', story: newStory, openedAt: null, resubmittedAt: app.clock.now });
    expect(after.storyHash).not.toBe(before.storyHash);
    expect(JSON.parse(after.flags)).toContain('safeguarding'); // "scared for" is worked out again on the new words
    expect(sql().prepare('SELECT COUNT(*) FROM nominations').pluck().get()).toBe(1);
    const resubmitted = sql()
      .prepare(`SELECT moderator_id AS by, before, after FROM audit_log WHERE action = 'nomination.resubmitted' AND subject_id = ?`)
      .get(id) as { by: number | null; before: string; after: string };
    expect(resubmitted.by).toBeNull();
    expect(resubmitted.before + resubmitted.after).not.toContain('listened'); // the audit log never holds the story
    expect(stateOf((await checkStatus(ref!)).body)).toBe('waiting');

    // Sending it again twice (a double click) changes nothing the second time: the page explains.
    const twice = await family.post('/status/edit/send', {
      _csrf: csrfFrom(done.body) ?? csrfFrom(short.body)!,
      reference: ref!,
      story: 'Something else entirely that is long enough.',
    });
    expect(twice.statusCode).toBe(200);
    expect(stateOf(twice.body)).toBe('waiting');
    expect(row(ref!)!.story).toBe(newStory);

    // Back in the queue; approve it.
    const queue = await mod.get('/moderate');
    expect(queue.body).toContain(`/moderate/nominations/${id}`);
    ({ _csrf } = await moderatorReview(mod, id));
    expect(stateOf((await checkStatus(ref!)).body)).toBe('checking');
    const approved = await mod.post(`/moderate/nominations/${id}`, {
      _csrf,
      action: 'approve',
      worker: 'new',
      new_name: 'Priya Okafor',
      quote: 'She listened to us and never gave up on our family.',
      override_flags: 'yes',
    });
    expect(approved.statusCode).toBe(303);
    const published = await checkStatus(ref!);
    expect(stateOf(published.body)).toBe('published');
    const link = /href="(\/workers\/[^"#]+)#(quote-\d+)"/.exec(published.body);
    expect(link, 'a link to the quote on the profile').not.toBeNull();
    const profile = await app.inject(link![1]!);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain(`id="${link![2]}"`);
    expect(auditActions(id)).toEqual(['nomination.sent_back', 'nomination.resubmitted', 'nomination.approved']);
  });

  it('sending back a nomination withdrawn meanwhile is "not found" for the moderator, and nothing is stored', async () => {
    const { ref } = await nominate(app);
    const id = row(ref!)!.id;
    const { client: mod } = await signedInModerator(app);
    const { _csrf } = await moderatorReview(mod, id);
    const family = new Client(app);
    await family.post('/withdraw', { _csrf: await family.csrf('/withdraw'), reference: ref });
    const res = await mod.post(`/moderate/nominations/${id}`, { _csrf, action: 'send_back', send_back_reason: 'too_short' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Nomination not found');
    expect(auditActions(id)).toEqual(['nomination.withdrawn']);
  });

  it('an edit page for a reference that was not sent back shows its status instead; an unknown one is not found', async () => {
    const { ref } = await nominate(app);
    const client = new Client(app);
    const _csrf = await client.csrf('/status');
    const res = await client.post('/status/edit', { _csrf, reference: ref });
    expect(res.statusCode).toBe(200);
    expect(stateOf(res.body)).toBe('waiting');
    expect(res.body).not.toContain('<textarea');
    const unknown = await client.post('/status/edit/send', {
      _csrf,
      reference: 'AAAA-BBBB-CCCC-D',
      story: 'A long enough story about a social worker.',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('what the status page never shows', () => {
  it('no story, email or moderator note in any state (planted markers)', async () => {
    const STORY = 'STORYMARKER she listened to us and helped us so much, more than anyone.';
    const EMAIL = 'emailmarker@example.org';
    const NOTE = 'NOTEMARKER private words between moderators';
    const { client: mod } = await signedInModerator(app);
    const pages: string[] = [];
    const look = async (ref: string) => {
      const res = await checkStatus(ref);
      pages.push(res.body);
      return stateOf(res.body);
    };
    const make = async () => {
      const { ref } = await nominate(app, validNomination({ story: STORY, contact_email: EMAIL }));
      return { ref: ref!, id: row(ref!)!.id };
    };
    const decide = async (id: number, form: Record<string, string>) => {
      const { _csrf } = await moderatorReview(mod, id);
      return mod.post(`/moderate/nominations/${id}`, { _csrf, ...form });
    };

    const a = await make();
    expect(await look(a.ref)).toBe('waiting');
    await moderatorReview(mod, a.id);
    expect(await look(a.ref)).toBe('checking');
    await decide(a.id, { action: 'send_back', send_back_reason: 'too_short' });
    expect(await look(a.ref)).toBe('sent_back');
    const b = await make();
    await decide(b.id, { action: 'reject', reason: 'other', note: NOTE });
    expect(await look(b.ref)).toBe('not_published');
    const c = await make();
    await decide(c.id, { action: 'approve', worker: 'new', new_name: 'Priya Okafor', quote: 'She listened to us and helped us so much.' });
    expect(await look(c.ref)).toBe('published');
    const client = new Client(app);
    await client.post('/withdraw', { _csrf: await client.csrf('/withdraw'), reference: b.ref });
    expect(await look(b.ref)).toBe('withdrawn');

    expect(pages).toHaveLength(6);
    for (const html of pages) {
      for (const marker of ['STORYMARKER', 'emailmarker', 'NOTEMARKER', 'Priya', 'Okafor']) expect(html).not.toContain(marker);
      expect(html).not.toMatch(/moderator\d*@example\.org/);
    }
  });
});

describe('rate limit', () => {
  it('30 guesses from one client meet a clear 429 page, the typed reference kept, from the 21st on', async () => {
    await app.close();
    app = await makeApp({ RATE_LIMIT_MAX: '20' });
    const client = new Client(app);
    const _csrf = await client.csrf('/status');
    const codes: number[] = [];
    let last = '';
    for (let i = 0; i < 30; i++) {
      const res = await client.post('/status', { _csrf, reference: `GUESS-${String(i).padStart(4, '0')}-AAAA-B` });
      codes.push(res.statusCode);
      last = res.body;
    }
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
    expect(last).toContain('You have tried a lot of times. Wait 10 minutes, then try again.');
    expect(last).toContain('value="GUESS-0029-AAAA-B"');
    expect(last).toMatch(/<title>Error: Check your recommendation/);
  });
});

describe('a published recommendation that is no longer on show', () => {
  it('a hidden profile: still "published", without a link; a quote taken down: "not_published"', async () => {
    const { ref } = await nominate(app);
    const id = row(ref!)!.id;
    const { client: mod } = await signedInModerator(app);
    const { _csrf } = await moderatorReview(mod, id);
    await mod.post(`/moderate/nominations/${id}`, {
      _csrf,
      action: 'approve',
      worker: 'new',
      new_name: 'Priya Okafor',
      quote: 'She listened to us and helped us so much.',
    });
    const workerId = sql().prepare('SELECT worker_id FROM nominations WHERE id = ?').pluck().get(id) as number;
    sql().prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(workerId);
    const hiddenPage = await checkStatus(ref!);
    expect(stateOf(hiddenPage.body)).toBe('published');
    expect(hiddenPage.body).not.toContain('/workers/');
    sql().prepare('UPDATE quotes SET unpublished_at = ? WHERE nomination_id = ?').run(app.clock.now, id);
    const down = await checkStatus(ref!);
    expect(stateOf(down.body)).toBe('not_published');
    expect(down.body).toContain('a moderator has now taken it off');
  });
});

describe('retention of a story that was sent back', () => {
  it('a story never edited is deleted on the usual schedule after it was sent back; the edit page then starts empty', async () => {
    const { runRetention } = await import('../server/moderation/retention.ts');
    const { ref } = await nominate(app);
    const id = row(ref!)!.id;
    const { client: mod } = await signedInModerator(app);
    const { _csrf } = await moderatorReview(mod, id);
    await mod.post(`/moderate/nominations/${id}`, { _csrf, action: 'send_back', send_back_reason: 'too_short' });
    runRetention(app.db, app.clock.now + 179 * 86_400_000, app.config.RETENTION_DAYS);
    expect(row(ref!)!.story).not.toBeNull();
    runRetention(app.db, app.clock.now + 181 * 86_400_000, app.config.RETENTION_DAYS);
    expect(row(ref!)!.story).toBeNull();
    const family = new Client(app);
    const edit = await family.post('/status/edit', { _csrf: await family.csrf('/status'), reference: ref });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toMatch(/<textarea id="story" name="story"[^>]*><\/textarea>/);
  });
});
