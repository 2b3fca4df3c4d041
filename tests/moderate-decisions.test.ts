import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csrfFrom, makeApp, type Client, type TestApp } from './helpers/app.ts';
import { watchWorkerChanges } from './helpers/changes.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { seedNomination } from './helpers/seed.ts';
import { stats, areaCounts } from '../server/counts/index.ts';
import { findFlags } from '../server/privacy/index.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const sql = () => app.db.$client;
const count = (query: string, ...params: unknown[]) =>
  sql()
    .prepare(query)
    .pluck()
    .get(...params) as number;

function pending(workerName: string, story: string, extra: Parameters<typeof seedNomination>[1] extends infer S ? Partial<S> : never = {}) {
  return seedNomination(app, { workerName, area: 'hastings', status: 'pending', story, contactEmail: 'family@example.org', ...extra })
    .nominationId;
}

async function review(client: Client, id: number) {
  const page = await client.get(`/moderate/nominations/${id}`);
  expect(page.statusCode).toBe(200);
  return { page, _csrf: csrfFrom(page.body)! };
}

async function approve(client: Client, id: number, form: Record<string, string>) {
  const { _csrf } = await review(client, id);
  return client.post(`/moderate/nominations/${id}`, { _csrf, action: 'approve', ...form });
}

const STORY = 'Jane Smith listened to us when nobody else would. She came to every meeting and helped us get our family back together.';
const QUOTE = 'She listened to us when nobody else would and helped us get our family back together.';

describe('reviewing a nomination', () => {
  it('shows the story with flagged spans marked (not by colour alone), the suggested quote, the answers and the concerns', async () => {
    const story = 'Jane Smith was brilliant. You can email me at mum.of.three+sw@example.com if you need to. She gave us <b>hope</b>.';
    const id = pending('Jane Smith', story, {
      qualities: ['listened', 'hope'],
      relationship: 'carer',
      stillInvolved: 'moved_on',
      team: 'Hastings North',
    });
    sql().prepare(`UPDATE nominations SET flags = '["safeguarding","complaint"]' WHERE id = ?`).run(id);
    const { client } = await signedInModerator(app);
    const { page } = await review(client, id);
    const html = page.body;
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toMatch(
      /<mark class="flag" data-kind="email address">mum\.of\.three\+sw@example\.com<span class="visually-hidden"> \(flagged: email address\)<\/span><\/mark>/,
    );
    // Story text is escaped, never markup.
    expect(html).toContain('&lt;b&gt;hope&lt;/b&gt;');
    expect(html).not.toContain('<b>hope</b>');
    const textarea = /<textarea id="quote" name="quote"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!;
    expect(textarea).toContain('[email]');
    expect(textarea).not.toContain('example.com');
    expect(html).toContain('Possible safeguarding concern');
    expect(html).toContain('Reads like a complaint');
    expect(html).toContain('Listened to us and respected our views');
    expect(html).toContain('Gave us hope that things could change');
    expect(html).toContain('No, the social worker has moved on');
    expect(html).toContain('Hastings North');
    expect(html).toContain('family@example.org');
    expect(html).toContain("children's services: East Sussex");
    // No profile like it yet: "new" is chosen.
    expect(html).toMatch(/<input type="radio" id="worker" name="worker" value="new" checked/);
    expect(html).toContain('name="action" value="approve"');
    expect(html).toContain('name="action" value="reject"');
    expect(html).toContain('<option value="not_about_worker"');
  });

  it('offers similar profiles in the same area and preselects a confident match (Jon ≈ John, Smyth ≈ Smith, initials)', async () => {
    const john = seedNomination(app, { workerName: 'John Smith', area: 'hastings' });
    const jane = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' });
    seedNomination(app, { workerName: 'John Smith', area: 'sefton' });
    const { client } = await signedInModerator(app);
    const jon = await review(client, pending('Jon Smith', STORY));
    expect(jon.page.body).toMatch(new RegExp(`name="worker" value="${john.workerId}" checked`));
    expect(jon.page.body).toContain(`/workers/${john.slug}`);
    expect(jon.page.body).not.toContain('john-smith-sefton');
    const initial = await review(client, pending('J. Smith', STORY));
    // Both are possible; neither is preselected.
    expect(initial.page.body).toContain(`value="${john.workerId}"`);
    expect(initial.page.body).toContain(`value="${jane.workerId}"`);
    expect(initial.page.body).toMatch(/value="new" checked/);
    const smyth = await review(client, pending('Jane Smyth', STORY));
    expect(smyth.page.body).toContain(`value="${jane.workerId}"`);
  });

  it('lists likely duplicates: the same story, or the same worker in the same area', async () => {
    const first = pending('Jane Smith', STORY);
    const same = pending('Jane Smith', STORY);
    const other = pending('Jane Smyth', 'A different story about the same social worker, who helped a lot.');
    const { client } = await signedInModerator(app);
    const { page } = await review(client, same);
    expect(page.body).toContain('Possible duplicates');
    expect(page.body).toContain(`/moderate/nominations/${first}`);
    expect(page.body).toContain('same story');
    expect(page.body).toContain(`/moderate/nominations/${other}`);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const { client } = await signedInModerator(app);
    expect((await client.get('/moderate/nominations/999999')).statusCode).toBe(404);
    expect((await client.get('/moderate/nominations/abc')).statusCode).toBe(404);
    expect((await client.get('/moderate/nominations/-1')).statusCode).toBe(404);
    expect((await client.get(`/moderate/nominations/${'9'.repeat(40)}`)).statusCode).toBe(404);
  });
});

describe('approving', () => {
  it('creates a new profile, publishes the edited quote, deletes the contact email, audits it, and updates the counts', async () => {
    const id = pending('Jane Smith', STORY);
    const { client, moderator } = await signedInModerator(app);
    const before = stats(app.db, app.areas, app.now());
    expect(before.workers).toBe(0);
    const changed = watchWorkerChanges(app);

    const res = await approve(client, id, { quote: `  ${QUOTE}  `, worker: 'new', new_name: 'Jane Smith' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/moderate?decided=${id}`);

    const n = sql()
      .prepare(
        'SELECT status, worker_id AS workerId, decided_by AS decidedBy, decided_at AS decidedAt, contact_email AS email FROM nominations WHERE id = ?',
      )
      .get(id) as Record<string, unknown>;
    expect(n).toMatchObject({ status: 'approved', decidedBy: moderator.id, decidedAt: app.clock.now, email: null });
    const w = sql().prepare('SELECT id, slug, name, status FROM workers WHERE id = ?').get(n.workerId) as {
      id: number;
      slug: string;
      name: string;
      status: string;
    };
    expect(w).toMatchObject({ slug: 'jane-smith-hastings', name: 'Jane Smith', status: 'published' });
    const q = sql().prepare('SELECT text, relationship, published_at AS publishedAt FROM quotes WHERE nomination_id = ?').get(id);
    expect(q).toEqual({ text: QUOTE, relationship: 'parent', publishedAt: app.clock.now });
    expect(changed.take()).toEqual([w.id]);

    const entry = sql()
      .prepare(`SELECT moderator_id AS by, before, after FROM audit_log WHERE action = 'nomination.approved' AND subject_id = ?`)
      .get(id) as { by: number; before: string; after: string };
    expect(entry.by).toBe(moderator.id);
    expect(JSON.parse(entry.before).quote).toBe(STORY);
    expect(JSON.parse(entry.after)).toMatchObject({ quote: QUOTE, workerId: w.id, workerSlug: w.slug, newWorker: true });

    const after = stats(app.db, app.areas, app.now());
    expect(after).toMatchObject({ workers: 1, nominations: 1, areasWithWorkers: 1 });
    expect(after.thisWeek.nominations).toBe(1);
    expect(areaCounts(app.db, app.areas, app.now()).find((a) => a.slug === 'hastings')).toMatchObject({
      workers: 1,
      nominations: 1,
      thisWeek: 1,
    });

    // The queue says what happened and links to the profile.
    const queue = await client.get(res.headers.location as string);
    expect(queue.body).toContain('The quote for Jane Smith is published.');
    expect(queue.body).toContain(`href="/workers/${w.slug}"`);

    // The public pages show it.
    const profile = await app.inject(`/workers/${w.slug}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain(QUOTE);
    const apiStats = await app.inject('/api/stats');
    expect(apiStats.json()).toMatchObject({ workers: 1, nominations: 1, areas_with_workers: 1 });
    const area = await app.inject('/areas/hastings');
    expect(area.statusCode).toBe(200);
    expect(area.body).toContain(`href="/workers/${w.slug}"`);
    const apiArea = (await app.inject('/api/areas')).json() as { slug: string; workers: number; nominations: number }[];
    expect(apiArea.find((a) => a.slug === 'hastings')).toMatchObject({ workers: 1, nominations: 1 });
  });

  it('attaches to the chosen existing profile', async () => {
    const existing = seedNomination(app, { workerName: 'John Smith', area: 'hastings' });
    const id = pending('Jon Smith', STORY);
    const { client } = await signedInModerator(app);
    const res = await approve(client, id, { quote: QUOTE, worker: String(existing.workerId) });
    expect(res.statusCode).toBe(303);
    expect(count('SELECT COUNT(*) FROM workers')).toBe(1);
    expect(count('SELECT worker_id FROM nominations WHERE id = ?', id)).toBe(existing.workerId);
    expect(count('SELECT COUNT(*) FROM quotes WHERE worker_id = ?', existing.workerId)).toBe(2);
    expect(stats(app.db, app.areas, app.now())).toMatchObject({ workers: 1, nominations: 2 });
  });

  it('refuses a quote that is too short, too long, or without a profile choice, keeping what the moderator typed', async () => {
    const id = pending('Jane Smith', STORY);
    const { client } = await signedInModerator(app);
    const short = await approve(client, id, { quote: 'Too short', worker: 'new' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('at least 10 characters');
    expect(short.body).toContain('>Too short</textarea>');
    expect(short.body).toContain('href="#quote"');
    const long = await approve(client, id, { quote: 'a'.repeat(1501), worker: 'new' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('1,500 characters or fewer');
    const exact = 'b'.repeat(1500);
    const noWorker = await approve(client, id, { quote: exact, worker: '' });
    expect(noWorker.statusCode).toBe(400);
    expect(noWorker.body).toContain('Choose an existing profile or a new profile');
    const gone = await approve(client, id, { quote: exact, worker: '424242' });
    expect(gone.statusCode).toBe(400);
    const badName = await approve(client, id, { quote: exact, worker: 'new', new_name: '<script>' });
    expect(badName.statusCode).toBe(400);
    expect(badName.body).toContain('value="&lt;script&gt;"');
    expect(count(`SELECT COUNT(*) FROM quotes`)).toBe(0);
    expect(count(`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'nomination.%'`)).toBe(0);
    const ok = await approve(client, id, { quote: exact, worker: 'new' });
    expect(ok.statusCode).toBe(303);
  });

  it('refuses a quote that still contains flagged text unless the moderator ticks the override, which is audited', async () => {
    const story = 'Jane Smith helped us so much. Contact me on jo.bloggs+1@example.com any time, she was amazing.';
    const id = pending('Jane Smith', story);
    const { client, moderator } = await signedInModerator(app);
    const leaky = 'She helped us so much. Write to jo.bloggs+1@example.com to hear more.';
    const refused = await approve(client, id, { quote: leaky, worker: 'new' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('may still identify someone');
    expect(refused.body).toContain(`>${leaky}</textarea>`);
    expect(refused.body).toContain('name="override_flags" value="yes"');
    // A different email typed into the quote is caught by scanning the quote itself.
    const other = await approve(client, id, { quote: 'She helped us so much, ask me at other.person@example.net', worker: 'new' });
    expect(other.statusCode).toBe(400);
    expect(count('SELECT COUNT(*) FROM quotes')).toBe(0);

    const forced = await approve(client, id, { quote: leaky, worker: 'new', override_flags: 'yes' });
    expect(forced.statusCode).toBe(303);
    expect(sql().prepare('SELECT text FROM quotes WHERE nomination_id = ?').pluck().get(id)).toBe(leaky);
    const entry = sql()
      .prepare(`SELECT moderator_id AS by, after FROM audit_log WHERE action = 'nomination.flags_overridden' AND subject_id = ?`)
      .get(id) as { by: number; after: string };
    expect(entry.by).toBe(moderator.id);
    expect(JSON.parse(entry.after).flags).toEqual([{ kind: 'email', text: 'jo.bloggs+1@example.com' }]);
    expect(findFlags(leaky, 'Jane Smith').length).toBeGreaterThan(0);
  });

  it('tells the second of two moderators deciding at once that it was already decided; one quote exists', async () => {
    const id = pending('Jane Smith', STORY);
    const { client: a } = await signedInModerator(app, { email: 'first@example.org' });
    const { client: b } = await signedInModerator(app, { email: 'second@example.org' });
    const pageA = await review(a, id);
    const pageB = await review(b, id);
    const [ra, rb] = await Promise.all([
      a.post(`/moderate/nominations/${id}`, { _csrf: pageA._csrf, action: 'approve', quote: QUOTE, worker: 'new' }),
      b.post(`/moderate/nominations/${id}`, { _csrf: pageB._csrf, action: 'approve', quote: `${QUOTE} Thank you.`, worker: 'new' }),
    ]);
    const statuses = [ra.statusCode, rb.statusCode].sort();
    expect(statuses).toEqual([303, 409]);
    const loser = ra.statusCode === 409 ? ra : rb;
    expect(loser.body).toContain('already decided');
    expect(loser.body).toMatch(/approved by (first|second)@example\.org/);
    expect(count('SELECT COUNT(*) FROM quotes')).toBe(1);
    expect(count('SELECT COUNT(*) FROM workers')).toBe(1);
    expect(count(`SELECT COUNT(*) FROM audit_log WHERE action = 'nomination.approved'`)).toBe(1);
    // A reject arriving after the approval is refused in the same way.
    const late = await a.post(`/moderate/nominations/${id}`, { _csrf: pageA._csrf, action: 'reject', reason: 'spam' });
    expect(late.statusCode).toBe(409);
    expect(count(`SELECT COUNT(*) FROM nominations WHERE status = 'approved'`)).toBe(1);
  });

  it('never lets the original story, contact email or reference reach a public page after approval', async () => {
    const story = 'Jane Smith helped our family. Our secret marker is ZQXSTORYMARK and my son Tobias loved her.';
    const { nominationId: id } = seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'hastings',
      status: 'pending',
      story,
      contactEmail: 'zqx-email-marker@example.org',
    });
    const ref = sql().prepare('SELECT ref FROM nominations WHERE id = ?').pluck().get(id) as string;
    const { client } = await signedInModerator(app);
    const res = await approve(client, id, {
      quote: 'She helped our family and we will never forget it.',
      worker: 'new',
      override_flags: 'yes',
    });
    expect(res.statusCode).toBe(303);
    const slug = sql()
      .prepare('SELECT w.slug FROM workers w JOIN nominations n ON n.worker_id = w.id WHERE n.id = ?')
      .pluck()
      .get(id) as string;
    const pages = [
      '/',
      '/search?q=Jane+Smith',
      `/workers/${slug}`,
      '/areas',
      '/areas/hastings',
      '/insights',
      '/feed.xml',
      `/api/workers/${slug}`,
      '/api/search?q=Jane',
      '/api/areas',
      '/api/areas.csv',
      '/api/stats',
    ];
    let seen = 0;
    for (const url of pages) {
      const page = await app.inject(url);
      if (page.statusCode === 404) continue;
      seen++;
      for (const marker of ['ZQXSTORYMARK', 'zqx-email-marker', ref, 'Tobias'])
        expect(page.body, `${url} leaks ${marker}`).not.toContain(marker);
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('rejecting', () => {
  it('publishes nothing, deletes the contact email and records the reason', async () => {
    const id = pending('Jane Smith', STORY);
    const { client, moderator } = await signedInModerator(app);
    const { _csrf } = await review(client, id);
    const noReason = await client.post(`/moderate/nominations/${id}`, { _csrf, action: 'reject', reason: '', note: 'kept note' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Choose a reason for rejecting');
    expect(noReason.body).toContain('>kept note</textarea>');
    const otherNoNote = await client.post(`/moderate/nominations/${id}`, { _csrf, action: 'reject', reason: 'other' });
    expect(otherNoNote.statusCode).toBe(400);
    expect(otherNoNote.body).toContain('Say why in the note');
    const bogus = await client.post(`/moderate/nominations/${id}`, { _csrf, action: 'reject', reason: 'because' });
    expect(bogus.statusCode).toBe(400);
    const unknownAction = await client.post(`/moderate/nominations/${id}`, { _csrf, action: 'publish-everything' });
    expect(unknownAction.statusCode).toBe(400);

    const res = await client.post(`/moderate/nominations/${id}`, {
      _csrf,
      action: 'reject',
      reason: 'complaint_or_concern',
      note: 'Reads as a complaint.',
    });
    expect(res.statusCode).toBe(303);
    const n = sql()
      .prepare(
        'SELECT status, reject_reason AS reason, reject_note AS note, contact_email AS email, decided_by AS by, worker_id AS workerId FROM nominations WHERE id = ?',
      )
      .get(id);
    expect(n).toEqual({
      status: 'rejected',
      reason: 'complaint_or_concern',
      note: 'Reads as a complaint.',
      email: null,
      by: moderator.id,
      workerId: null,
    });
    expect(count('SELECT COUNT(*) FROM quotes')).toBe(0);
    expect(count('SELECT COUNT(*) FROM workers')).toBe(0);
    expect(stats(app.db, app.areas, app.now())).toMatchObject({ workers: 0, nominations: 0 });
    const entry = sql()
      .prepare(`SELECT moderator_id AS by, after, note FROM audit_log WHERE action = 'nomination.rejected' AND subject_id = ?`)
      .get(id) as { by: number; after: string; note: string };
    expect(entry.by).toBe(moderator.id);
    expect(JSON.parse(entry.after)).toMatchObject({ status: 'rejected', reason: 'complaint_or_concern' });
    const queue = await client.get(res.headers.location as string);
    expect(queue.body).toContain('was rejected. Nothing was published.');
    // The review page now shows the decision and no forms.
    const after = await client.get(`/moderate/nominations/${id}`);
    expect(after.body).toContain('<strong>rejected</strong>');
    expect(after.body).not.toContain('name="action"');
  });
});

describe('the queue', () => {
  it('lists pending nominations oldest first with age, area, flags, and pending change requests, with counts', async () => {
    const day = 24 * 60 * 60_000;
    const newer = pending('Newer Person', 'A newer story, she was great with us and the kids.', { submittedAt: app.clock.now - 1 * day });
    const older = pending('Older Person', 'An older story: email me at old@example.com please, she was great.', {
      submittedAt: app.clock.now - 3 * day,
      area: 'sefton',
    });
    sql().prepare(`UPDATE nominations SET flags = '["safeguarding"]' WHERE id = ?`).run(newer);
    seedNomination(app, { workerName: 'Done Already', area: 'hastings' });
    sql()
      .prepare(
        `INSERT INTO change_requests (worker_name, area_text, request, details, submitted_at) VALUES ('Pat Jones', 'Cardiff', 'correct', 'My name is spelt wrong.', ?)`,
      )
      .run(app.clock.now);
    const { client } = await signedInModerator(app);
    const res = await client.get('/moderate');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html.indexOf(`/moderate/nominations/${older}`)).toBeLessThan(html.indexOf(`/moderate/nominations/${newer}`));
    expect(html).not.toContain('Done Already');
    expect(html).toContain('3 days');
    expect(html).toContain('Sefton');
    expect(html).toContain('Possible safeguarding concern');
    expect(html).toContain('1 × email address');
    expect(html).toMatch(/<strong>2<\/strong> nominations waiting/);
    expect(html).toMatch(/<strong>1<\/strong> change request waiting/);
    expect(html).toContain('Correct the profile of Pat Jones');
    expect(html).toContain('<title>Queue (2)');
  });
});

describe('flag labels', () => {
  it("labels a child's name as such on the review page", async () => {
    const id = pending('Jane Smith', 'Jane Smith was wonderful with my daughter Poppy and with all of us.');
    const { client } = await signedInModerator(app);
    const { page } = await review(client, id);
    expect(page.body).toContain('(flagged: child&#39;s name)');
    expect(page.body).toContain('[child&#39;s name]');
  });
});
