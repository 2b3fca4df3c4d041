// Planted markers: private text (stories, emails, references, unapproved or unpublished
// nominations, hidden profiles, change requests) must never reach any public page, JSON or feed.
// Routes owned by other parts of the site are included; until they exist they answer 404.
import { withoutSearchEchoes } from './helpers/search-echoes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';

let app: TestApp;
const M = {
  story: 'zqstorymarker',
  email: 'zqemailmarker@example.org',
  pendingName: 'Zqpending Quillfeather',
  pendingStory: 'zqpendingstory',
  pendingTeam: 'Zqpendingteam',
  rejectedName: 'Zqrejected Marrowbone',
  rejectedStory: 'zqrejectedstory',
  unpublishedQuote: 'zqunpublishedquote',
  hiddenName: 'Zqhidden Applethwaite',
  hiddenQuote: 'zqhiddenquote',
  requestDetails: 'zqrequestdetails',
  requestEmail: 'zqrequestemail@example.org',
  rejectNote: 'zqrejectnote',
};
let publicSlug = '';
let hiddenSlug = '';
const refs: string[] = [];

beforeAll(async () => {
  app = await makeApp();
  const sqlite = app.db.$client;
  const pub = seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'Hastings',
    story: `Jane helped us. ${M.story} lives at 12 Acacia Road.`,
    contactEmail: M.email,
    quote: 'She listened to us.',
    qualities: ['listened'],
  });
  publicSlug = pub.slug!;
  const unpub = seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'Hastings',
    workerId: pub.workerId!,
    quote: `Quote ${M.unpublishedQuote}.`,
  });
  sqlite.prepare('UPDATE quotes SET unpublished_at = ? WHERE nomination_id = ?').run(app.clock.now, unpub.nominationId);
  seedNomination(app, {
    workerName: M.pendingName,
    area: 'Hastings',
    status: 'pending',
    team: M.pendingTeam,
    story: `Our worker was brilliant. ${M.pendingStory} and my son goes to St Mary's.`,
    contactEmail: M.email,
  });
  const rejected = seedNomination(app, {
    workerName: M.rejectedName,
    area: 'Sefton',
    status: 'rejected',
    story: `Something ${M.rejectedStory} happened.`,
  });
  sqlite
    .prepare('UPDATE nominations SET reject_reason = ?, reject_note = ? WHERE id = ?')
    .run('complaint', M.rejectNote, rejected.nominationId);
  const hidden = seedNomination(app, { workerName: M.hiddenName, area: 'Hastings', quote: `They said ${M.hiddenQuote}.` });
  hiddenSlug = hidden.slug!;
  sqlite.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(hidden.workerId);
  sqlite
    .prepare(
      `INSERT INTO change_requests (worker_name, area_text, request, details, contact_email, submitted_at, worker_id)
       VALUES (?, ?, 'hide', ?, ?, ?, ?)`,
    )
    .run('Jane Smith', 'Hastings', M.requestDetails, M.requestEmail, app.clock.now, pub.workerId);
  refs.push(...(sqlite.prepare('SELECT ref FROM nominations').pluck().all() as string[]));
});
afterAll(async () => {
  await app.close();
});

const q = (s: string) => encodeURIComponent(s);

function publicUrls(): string[] {
  const terms = ['Jane', 'Smith', 'Hastings', M.pendingName, 'Zqpending', M.rejectedName, M.hiddenName, M.story, M.pendingTeam, 'zq'];
  return [
    '/',
    `/workers/${publicSlug}`,
    `/workers/${publicSlug}?page=2`,
    `/workers/${hiddenSlug}`,
    `/api/workers/${publicSlug}`,
    `/api/workers/${hiddenSlug}`,
    '/areas',
    '/areas?sort=workers',
    '/areas?sort=nominations',
    '/areas/hastings',
    '/areas/sefton',
    '/search',
    ...terms.flatMap((t) => [`/search?q=${q(t)}`, `/search?q=${q(t)}&area=hastings`, `/api/search?q=${q(t)}`]),
    '/api/areas',
    '/api/areas.csv',
    '/api/stats',
    '/feed.xml',
    '/insights',
    '/about',
    '/privacy',
    '/house-rules',
    '/help',
    '/healthz',
    '/nominate',
    '/withdraw',
    '/request-change',
    `/request-change?worker=${publicSlug}`,
    '/named',
    '/check',
    '/worker/claim',
    `/worker/claim?profile=${publicSlug}`,
    `/worker/claim?profile=${hiddenSlug}`,
    '/worker/sign-in',
    '/no-such-page',
  ];
}

describe('planted markers never reach a public page, JSON or feed', () => {
  it('finds none of them in any body or header', async () => {
    const markers = [...Object.values(M), ...refs].map((m) => m.toLowerCase());
    const seen: string[] = [];
    for (const url of publicUrls()) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      seen.push(`${url} ${res.statusCode}`);
      const text = withoutSearchEchoes((res.body + JSON.stringify(res.headers)).toLowerCase(), url);
      for (const m of markers) expect(text.includes(m), `${m} on ${url}`).toBe(false);
    }
    // the pages that must carry data did (so the test would notice a broken seed)
    const profile = await app.inject(`/workers/${publicSlug}`);
    expect(profile.body).toContain('She listened to us.');
    expect((await app.inject('/api/search?q=Jane')).body).toContain(publicSlug);
    expect((await app.inject('/feed.xml')).body).toContain('She listened to us.');
    expect(seen.length).toBeGreaterThan(40);
  });
});
