// Every page type, public and moderation, in real Chromium: zero axe violations at WCAG 2.2 A/AA,
// one h1, landmarks, a meaningful and unique title, and zero Nu Html Checker errors on the HTML the
// server sent — including forms in their error state. Also saves screenshots of the main public
// pages at 375 and 1280 px to test-results/screenshots/ for people to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { startServer, ROOT, type RunningServer } from './helpers/server.ts';
import { seedDatabase } from './helpers/seed-db.ts';
import { launchBrowser, newContext, VIEWPORTS } from './helpers/browser.ts';
import { axeViolations, formatVnu, structure, structureProblems, validateHtml, type HtmlDoc } from './helpers/checks.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { queueMail } from '../../server/mail/outbox.ts';
import { outbox } from '../../db/schema.ts';
import { ADMIN, fillNomination, GOOD_NOMINATION, logIn, readReference, submit } from './helpers/flows.ts';
import { seedDomains, signInLinkFor } from './helpers/worker-mail.ts';
import { TestSmtpServer } from '../helpers/smtp.ts';

// axe on a long page (/areas lists 361 areas) takes seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

let server: RunningServer;
const smtp = new TestSmtpServer();
let browser: Browser;
let context: BrowserContext;
let page: Page;
let profileSlug: string;
let hiddenSlug: string;
let pendingId: number;
let pendingRef: string;
let requestId: number;
let reference: string;
const docs: HtmlDoc[] = [];
const titles = new Map<string, string>();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsw-e2e-pages-'));
  const dbPath = join(dir, 'directory.db');
  const now = Date.now();
  ({ profileSlug, hiddenSlug, pendingId, pendingRef, requestId } = await seedDatabase(
    dbPath,
    async (s) => {
      const day = 86_400_000;
      const main = s.nominate({
        workerName: 'Jane Smith',
        area: 'hastings',
        team: 'Family Support Team',
        qualities: ['listened', 'honest', 'hope'],
        quote: 'She listened to us and never gave up on our family.',
        submittedAt: now - 2 * day,
      });
      s.nominate({
        workerName: 'Jane Smith',
        area: 'hastings',
        relationship: 'young_person',
        qualities: ['listened'],
        quote: 'She explained everything so I understood it.',
        submittedAt: now - 40 * day,
      });
      s.nominate({
        workerName: 'Mohammed Khan',
        area: 'hastings',
        qualities: ['advocate'],
        quote: 'He stood up for us in court.',
        submittedAt: now - 3 * day,
      });
      s.nominate({
        workerName: 'Siân Evans',
        area: 'sefton',
        relationship: 'carer',
        quote: 'She made a plan that made sense to us.',
        submittedAt: now - day,
      });
      s.nominate({
        workerName: "Siobhan O'Neill",
        area: 'cardiff',
        quote: 'Always called back when she said she would.',
        submittedAt: now - 90 * day,
      });
      const hidden = s.nominate({ workerName: 'Hidden Person', area: 'sefton', submittedAt: now - 5 * day });
      s.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(hidden.workerId);
      const pending = s.nominate({
        workerName: 'Jane Smyth',
        area: 'hastings',
        status: 'pending',
        qualities: ['listened'],
        story:
          'Our social worker Jane helped my son Tom at Oakfield Primary School. Call me on 07700 900123 or write to 12 Acacia Road, TN34 1AA.',
        contactEmail: 'family@example.org',
      });
      const request = s.db.$client
        .prepare(
          `INSERT INTO change_requests (worker_name, area_text, area_id, worker_id, request, details, contact_email, status, submitted_at)
         VALUES ('Jane Smith', 'Hastings', ?, ?, 'correct', 'My team name is wrong on the profile.', NULL, 'pending', ?)`,
        )
        .run(s.areas.resolve('hastings')!.id, main.workerId, now - day);
      await s.moderator(ADMIN, 'admin');
      seedDomains(s);
      // a mail that failed, for the admins' mail page
      queueMail(s.db, { to: 'a.worker@eastsussex.gov.uk', subject: 'Sign in', text: 'Your link', kind: 'worker_sign_in' }, now - day);
      s.db
        .update(outbox)
        .set({ status: 'failed', attempts: 6, lastError: '550: Mailbox unavailable', toAddress: 'a•••@eastsussex.gov.uk', bodyText: '' })
        .run();
      const ref = s.db.$client.prepare('SELECT ref FROM nominations WHERE id = ?').pluck().get(pending.nominationId) as string;
      return {
        profileSlug: main.slug!,
        hiddenSlug: hidden.slug!,
        pendingId: pending.nominationId,
        pendingRef: ref,
        requestId: Number(request.lastInsertRowid),
      };
    },
    now,
  ));
  server = await startServer({ dir, removeDir: true, env: { SMTP_URL: await smtp.start() } });
  browser = await launchBrowser();
  ({ context } = await newContext(browser, server.url));
  page = await context.newPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
  await smtp.stop();
});

/**
 * The checks every page gets. `name` identifies the page type in messages; pass `sameTitleAs` for a
 * page that legitimately shares its title with another (a form and its error state, prefixed "Error:").
 */
async function checkPage(name: string, res: Response | null, status: number | number[] = 200) {
  expect(res, `${name}: no response`).not.toBeNull();
  expect([status].flat(), `${name}: status`).toContain(res!.status());
  docs.push({ name, html: await res!.text() });
  const s = await structure(page);
  expect(structureProblems(s), `${name}: structure`).toEqual([]);
  titles.set(name, s.title);
  expect(await axeViolations(page), `${name}: axe violations`).toEqual([]);
}

/** After a failed submit the error summary has focus (autofocus: no JavaScript needed). */
async function expectErrorSummaryFocused(name: string) {
  const focused = await page.evaluate(() => document.activeElement?.className ?? '');
  expect(focused, `${name}: focus after a failed submit`).toContain('error-summary');
}

async function screenshots(name: string) {
  for (const [label, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    // Full page, but at most 4,000 px tall (the areas list is ~30,000 px at 375 px wide).
    const height = Math.min(4000, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({
      path: join(SCREENSHOTS, `${name}-${viewport.width}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: viewport.width, height },
    });
    void label;
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

describe('public pages', () => {
  it('home', async () => {
    await checkPage('home', await page.goto('/'));
    await screenshots('home');
  });

  it('profile', async () => {
    await checkPage('profile', await page.goto(`/workers/${profileSlug}`));
    await screenshots('profile');
  });

  it('areas, grouped and sorted', async () => {
    await checkPage('areas', await page.goto('/areas'));
    await screenshots('areas');
    await checkPage('areas sorted', await page.goto('/areas?sort=nominations'));
    titles.delete('areas sorted');
  });

  it('one area', async () => {
    await checkPage('area', await page.goto('/areas/hastings'));
    await screenshots('area');
  });

  it('search: results, no results, with an area', async () => {
    await checkPage('search', await page.goto('/search?q=smith'));
    await screenshots('search');
    await checkPage('search, no results', await page.goto('/search?q=zzqxw'));
    await checkPage('search, empty', await page.goto('/search'));
    await checkPage('search, in an area', await page.goto('/search?q=&area=hastings'));
    for (const t of ['search, no results', 'search, empty', 'search, in an area']) titles.delete(t);
  });

  it('insights', async () => {
    await checkPage('insights', await page.goto('/insights'));
    await screenshots('insights');
  });

  it('about, privacy, house rules, help, staying safe, accessibility', async () => {
    for (const p of ['about', 'privacy', 'house-rules', 'help', 'staying-safe', 'accessibility'])
      await checkPage(p, await page.goto(`/${p}`));
  });

  it('not found (404) and removed (410)', async () => {
    await checkPage('404', await page.goto('/no-such-page'), 404);
    await checkPage('410', await page.goto(`/workers/${hiddenSlug}`), 410);
  });
});

describe('public forms, including their error states', () => {
  it('nominate: the form, with errors, check your answers, sent', async () => {
    await checkPage('nominate', await page.goto('/nominate'));
    await checkPage('nominate error', await submit(page, '/nominate'), 400);
    await expectErrorSummaryFocused('nominate error');
    await fillNomination(page, { ...GOOD_NOMINATION, story: 'Too short' });
    await checkPage('nominate error (one field)', await submit(page, '/nominate'), 400);
    await fillNomination(page, { story: GOOD_NOMINATION.story });
    await checkPage('check your answers', await submit(page, '/nominate'));
    await checkPage('nomination sent', await submit(page, '/nominate/confirm'));
    reference = await readReference(page);
    for (const t of ['nominate error', 'nominate error (one field)']) titles.delete(t);
  });

  it('status: the form, an unknown reference, waiting', async () => {
    await checkPage('status', await page.goto('/status'));
    await page.locator('[name="reference"]').fill('AAAA-BBBB-CCCC-D');
    await checkPage('status not found', await submit(page, '/status'), 404);
    await expectErrorSummaryFocused('status not found');
    titles.delete('status not found');
    await page.locator('[name="reference"]').fill(reference.toLowerCase());
    await checkPage('status waiting', await submit(page, '/status'));
    await expect(page.locator('[data-status]').getAttribute('data-status')).resolves.toBe('waiting');
  });

  it('withdraw: the form, a wrong reference, withdrawn', async () => {
    await checkPage('withdraw', await page.goto('/withdraw'));
    await page.locator('[name="reference"]').fill('AAAA-BBBB-CCCC-D');
    await checkPage('withdraw error', await submit(page, '/withdraw'), [400, 404]);
    await expectErrorSummaryFocused('withdraw error');
    titles.delete('withdraw error');
    await page.locator('[name="reference"]').fill(reference);
    await checkPage('withdrawn', await submit(page, '/withdraw'));
    await page.goto('/status');
    await page.locator('[name="reference"]').fill(reference);
    await checkPage('status withdrawn', await submit(page, '/status'));
    await expect(page.locator('[data-status]').getAttribute('data-status')).resolves.toBe('withdrawn');
    titles.delete('status withdrawn');
  });

  it('request a change: the form, with errors, sent', async () => {
    await checkPage('request change', await page.goto(`/request-change?worker=${profileSlug}`));
    await page.locator('[name="details"]').fill('');
    await checkPage('request change error', await submit(page, '/request-change'), 400);
    await expectErrorSummaryFocused('request change error');
    titles.delete('request change error');
    await page.locator('input[name="request"][value="hide"]').check();
    await page.locator('[name="details"]').fill('Please hide my profile, I have left social work.');
    await checkPage('request change sent', await submit(page, '/request-change'));
  });
});

describe('named worker pages, including their error states', () => {
  const EMAIL = 'jane.smith@eastsussex.gov.uk';

  it('claim: the form, with an error, the answer, asking a moderator with an error, sent', async () => {
    await checkPage('claim', await page.goto(`/worker/claim?profile=${profileSlug}`));
    await checkPage('claim error', await submit(page, '/worker/claim'), 400);
    await expectErrorSummaryFocused('claim error');
    titles.delete('claim error');
    await page.locator('form[action="/worker/claim"] [name="email"]').fill(EMAIL);
    await checkPage('claim answer', await submit(page, '/worker/claim'));
    await checkPage('claim by hand error', await submit(page, '/worker/claim/manual'), 400);
    await expectErrorSummaryFocused('claim by hand error');
    titles.delete('claim by hand error');
    await page
      .locator('form[action="/worker/claim/manual"] [name="note"]')
      .fill('Agency social worker placed with East Sussex since 2025.');
    await checkPage('claim by hand sent', await submit(page, '/worker/claim/manual'));
    await checkPage('claim, no profile named', await page.goto('/worker/claim'));
    titles.delete('claim, no profile named');
    await checkPage('claim, unknown profile', await page.goto('/worker/claim?profile=nobody-here'), 404);
  });

  it('sign in again: the form, with an error, sent', async () => {
    await checkPage('worker sign in', await page.goto('/worker/sign-in'));
    await checkPage('worker sign in error', await submit(page, '/worker/sign-in'), 400);
    await expectErrorSummaryFocused('worker sign in error');
    titles.delete('worker sign in error');
    await page.locator('form[action="/worker/sign-in"] [name="email"]').fill('someone@eastsussex.gov.uk');
    await checkPage('worker sign in sent', await submit(page, '/worker/sign-in'));
    // the same "Check your email" heading as the claim's answer
    titles.delete('worker sign in sent');
  });

  it("the mailed link, the worker's page with an error, thanks, the check page, a used link, signed out", async () => {
    const link = await signInLinkFor(smtp, EMAIL);
    await checkPage('sign-in link', await page.goto(link));
    await checkPage('worker page', await submit(page, link));
    await page.locator('form[action="/worker/reply"] [name="reply"]').fill('x'.repeat(501));
    await checkPage('worker page error', await submit(page, '/worker/reply'), 400);
    await expectErrorSummaryFocused('worker page error');
    titles.delete('worker page error');
    await page.locator('form[action="/worker/reply"] [name="reply"]').fill('Thank you to every family I worked with.');
    await checkPage('worker page, reply sent', await submit(page, '/worker/reply'));
    titles.delete('worker page, reply sent');
    await checkPage('thanks', await page.goto(`/worker/thanks?profile=${profileSlug}`));
    const code = await page.locator('.panel .input-reference').innerText();
    await checkPage('check', await page.goto('/check'));
    await page.locator('[name="code"]').fill('ABCD-EFGH-JKLM-NPQR');
    await checkPage('check error', await submit(page, '/check'), 404);
    titles.delete('check error');
    await page.locator('[name="code"]').fill(code);
    await checkPage('check result', await submit(page, '/check'));
    await checkPage('used link', await page.goto(link), 410);
    await page.goto('/worker');
    await checkPage('signed out', await submit(page, '/worker/sign-out'));
  });

  it('named on this site', async () => {
    await checkPage('named', await page.goto('/named'));
  });
});

describe('moderation pages', () => {
  it('login, and login with a wrong password', async () => {
    await checkPage('moderator login, after a session ended', await page.goto('/moderate/login?next=%2Fmoderate%2Faudit&ended=1'));
    titles.delete('moderator login, after a session ended');
    await checkPage('moderator login', await page.goto('/moderate/login'));
    await page.locator('[name="email"]').fill(ADMIN.email);
    await page.locator('[name="password"]').fill('not the password at all');
    await checkPage('moderator login error', await submit(page, '/moderate/login'), [400, 401]);
    await expectErrorSummaryFocused('moderator login error');
    titles.delete('moderator login error');
  });

  it('queue', async () => {
    const res = await logIn(page, ADMIN);
    expect(res.url()).toMatch(/\/moderate$/);
    await checkPage('queue', res);
  });

  it('review a nomination, and a refused quote', async () => {
    await checkPage('review', await page.goto(`/moderate/nominations/${pendingId}`));
    // An email address is flagged by any version of the privacy flags, so the quote must be refused.
    await page.locator('[name="quote"]').fill('Jane helped us so much. Write to family.name@example.org to hear more.');
    await checkPage('review error', await submit(page, `/moderate/nominations/${pendingId}`, /approve/i), 400);
    await expectErrorSummaryFocused('review error');
    titles.delete('review error');
  });

  it("send back, then the family's status, edit page, its error and sent pages", async () => {
    await page.goto(`/moderate/nominations/${pendingId}`);
    await page.locator('input[name="send_back_reason"][value="names_someone"]').check();
    const sent = await submit(page, `/moderate/nominations/${pendingId}`, /send back/i);
    expect(sent.url()).toMatch(/\/moderate\?decided=/);
    await page.goto('/status');
    await page.locator('[name="reference"]').fill(pendingRef);
    await checkPage('status sent back', await submit(page, '/status'));
    titles.delete('status sent back');
    await expect(page.locator('[data-status]').getAttribute('data-status')).resolves.toBe('sent_back');
    await checkPage('status edit', await submit(page, '/status/edit'));
    await page.locator('[name="story"]').fill('');
    await checkPage('status edit error', await submit(page, '/status/edit/send'), 400);
    await expectErrorSummaryFocused('status edit error');
    titles.delete('status edit error');
    await page.locator('[name="story"]').fill('She helped our family so much and never gave up on us, week after week.');
    await checkPage('status edit sent', await submit(page, '/status/edit/send'));
  });

  it('change requests, one request', async () => {
    await checkPage('requests', await page.goto('/moderate/requests'));
    await checkPage('request', await page.goto(`/moderate/requests/${requestId}`));
    await page.locator('input[name="action"][value="decline"]').check();
    await checkPage('request error', await submit(page, `/moderate/requests/${requestId}`, /confirm/i), 400);
    await expectErrorSummaryFocused('request error');
    titles.delete('request error');
  });

  it('hidden profiles, and showing one again without a reason', async () => {
    await checkPage('hidden profiles', await page.goto('/moderate/hidden'));
    const action = await page.locator('form[action^="/moderate/hidden/"]').first().getAttribute('action');
    expect(action).toBeTruthy();
    await checkPage('hidden profiles error', await submit(page, action!, /show this profile again/i), 400);
    await expectErrorSummaryFocused('hidden profiles error');
    titles.delete('hidden profiles error');
  });

  it('audit log, moderators (admin)', async () => {
    await checkPage('audit', await page.goto('/moderate/audit'));
    await checkPage('moderators', await page.goto('/moderate/moderators'));
    await page.locator('form[action="/moderate/moderators"] [name="email"]').fill('new.moderator@example.org');
    await page.locator('form[action="/moderate/moderators"] [name="password"]').fill('password');
    await checkPage('moderators error', await submit(page, '/moderate/moderators'), 400);
    await expectErrorSummaryFocused('moderators error');
    titles.delete('moderators error');
    await checkPage('mail (admin)', await page.goto('/moderate/mail'));
  });

  it('an expired form (403)', async () => {
    await page.goto('/withdraw');
    // What a stale or forged token looks like to the server.
    await page.locator('input[name="_csrf"]').evaluate((el) => ((el as HTMLInputElement).value = 'stale-token'));
    await page.locator('[name="reference"]').fill('AAAA-BBBB-CCCC-D');
    await checkPage('403', await submit(page, '/withdraw'), 403);
  });
});

describe('across all pages', () => {
  it('titles are unique', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [name, title] of titles) {
      if (seen.has(title)) dupes.push(`${name} and ${seen.get(title)} share "${title}"`);
      seen.set(title, name);
    }
    expect(dupes).toEqual([]);
  });

  it('the HTML the server sent is valid (Nu Html Checker)', async () => {
    expect(docs.length).toBeGreaterThan(5);
    expect(formatVnu(await validateHtml(docs))).toEqual([]);
  }, 120_000);
});
