// Cross-site scripting in a real browser. Classic payloads go into every free-text field people can
// fill (nomination, change request, search, the moderator's quote), a moderator approves them (with
// the audited override), and every page that shows them is opened: no dialog fires, no script or
// event-handler attribute or javascript: link appears in the DOM, and the text shows literally.
// The context bypasses the site's CSP on purpose: escaping, not the CSP, must be what stops them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { seedDatabase } from './helpers/seed-db.ts';
import { launchBrowser, newContext } from './helpers/browser.ts';
import { fillNomination, GOOD_NOMINATION, logIn, MODERATOR, submit } from './helpers/flows.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';
const SVG = '<svg onload=alert(1)>';
const ALL = `${SCRIPT} ${IMG} ${JS_URL} ${SVG}`;

const WORKER = "Xavier O'Brien-Test";
const STORY = `He helped us so much. ${ALL} Thank you for everything you did.`;
const QUOTE = `He helped us so much ${ALL} and we are grateful.`;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dialogs: string[];
let pageErrors: string[];
let nominationId = '';
let profilePath = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsw-e2e-xss-'));
  await seedDatabase(join(dir, 'directory.db'), async (s) => {
    await s.moderator(MODERATOR);
  });
  server = await startServer({ dir, removeDir: true });
  browser = await launchBrowser();
  ({ context, dialogs, pageErrors } = await newContext(browser, server.url, { bypassCSP: true }));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

/** Nothing from the payloads became live markup, and nothing ran. */
async function expectInert(where: string) {
  const live = await page.evaluate(() => {
    const out: string[] = [];
    // The site ships one script, Exit this page, in the head of public pages: any other script element is an injection.
    const ours = (s: HTMLScriptElement) =>
      s.parentElement === document.head &&
      /^\/static\/exit-this-page\.js\?v=[0-9a-f]{10}$/.test(s.getAttribute('src') ?? '') &&
      !s.textContent;
    const scripts = Array.from(document.querySelectorAll('script'));
    if (scripts.some((s) => !ours(s)) || scripts.length > 1) out.push('a <script> element');
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) out.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value))
          out.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
    }
    if (document.querySelector('img[src="x"], svg[onload]')) out.push('an injected img or svg');
    return out;
  });
  expect(live, `${where}: live markup from a payload`).toEqual([]);
  expect(dialogs, `${where}: a dialog fired`).toEqual([]);
  expect(pageErrors, `${where}: page errors`).toEqual([]);
}

async function expectLiteral(where: string, ...texts: string[]) {
  const shown = await page.locator('main').innerText();
  for (const t of texts) expect(shown, `${where}: shows ${JSON.stringify(t)} literally`).toContain(t);
}

describe('payloads submitted by a family', () => {
  it('are kept literally in a form re-rendered with errors', async () => {
    await page.goto('/nominate');
    await fillNomination(page, {
      ...GOOD_NOMINATION,
      worker_name: IMG,
      area_text: SCRIPT,
      team: IMG,
      story: STORY,
      contact_email: SVG,
    });
    const res = await submit(page, '/nominate');
    expect(res.status()).toBe(400);
    await expectInert('nomination form with errors');
    await expect(page.locator('[name="worker_name"]').inputValue()).resolves.toBe(IMG);
    await expect(page.locator('[name="area_text"]').inputValue()).resolves.toBe(SCRIPT);
    await expect(page.locator('[name="team"]').inputValue()).resolves.toBe(IMG);
    await expect(page.locator('[name="story"]').inputValue()).resolves.toBe(STORY);
    await expect(page.locator('[name="contact_email"]').inputValue()).resolves.toBe(SVG);
  });

  it('show literally on check your answers and are stored', async () => {
    await fillNomination(page, { worker_name: WORKER, area: 'hastings', area_text: '', contact_email: '' });
    const check = await submit(page, '/nominate');
    expect(check.status()).toBe(200);
    await expectInert('check your answers');
    await expectLiteral('check your answers', IMG, STORY);
    const done = await submit(page, '/nominate/confirm');
    expect(done.status()).toBe(200);
    await expectInert('nomination sent');
  });

  it('in a change request and a search', async () => {
    await page.goto('/request-change');
    await page.locator('[name="worker_name"]').fill(SCRIPT);
    await page.locator('[name="area"]').fill(IMG);
    await page.locator('input[name="request"][value="correct"]').check();
    await page.locator('[name="details"]').fill(`Please fix this: ${ALL}`);
    await page.locator('[name="contact_email"]').fill(SVG);
    const failed = await submit(page, '/request-change');
    expect(failed.status()).toBe(400);
    await expectInert('change request with errors');
    await expect(page.locator('[name="worker_name"]').inputValue()).resolves.toBe(SCRIPT);
    await expect(page.locator('[name="details"]').inputValue()).resolves.toBe(`Please fix this: ${ALL}`);
    // Accepted once the email is valid (the name and area are the requester's own words).
    await page.locator('[name="contact_email"]').fill('');
    await page.locator('[name="worker_name"]').fill(WORKER);
    await page.locator('[name="area"]').fill('Hastings');
    const sent = await submit(page, '/request-change');
    expect(sent.status()).toBe(200);
    await expectInert('change request sent');

    for (const q of [SCRIPT, IMG, SVG, JS_URL]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expectInert(`search for ${q}`);
      await expect(page.locator('main input[name="q"]').first().inputValue()).resolves.toBe(q);
    }
  });
});

describe('approved through moderation', () => {
  it('the moderator sees them literally and publishes a quote carrying them (with the override)', async () => {
    await logIn(page, MODERATOR);
    await expectInert('queue');
    await expectLiteral('queue', WORKER);
    await Promise.all([page.waitForNavigation(), page.locator('main a', { hasText: WORKER }).first().click()]);
    nominationId = /\/moderate\/nominations\/(\d+)/.exec(page.url())![1]!;
    await expectInert('review');
    await expectLiteral('review', SCRIPT, IMG, JS_URL, SVG);

    await page.locator('[name="quote"]').fill(QUOTE);
    await page.locator('input[name="worker"][value="new"]').check();
    let res = await submit(page, `/moderate/nominations/${nominationId}`, /approve/i);
    if (res.status() === 400) {
      // The flags caught the link; the moderator checked it and publishes anyway (audited).
      await expectInert('review with a refused quote');
      await expect(page.locator('[name="quote"]').inputValue()).resolves.toBe(QUOTE);
      await page.locator('input[name="override_flags"][value="yes"]').check();
      res = await submit(page, `/moderate/nominations/${nominationId}`, /approve/i);
    }
    expect(res.status()).toBe(200);
    expect(page.url()).toContain('/moderate?decided=');
    await expectInert('queue after approval');
    profilePath = (await page.locator('main a[href^="/workers/"]').first().getAttribute('href'))!;
    expect(profilePath).toMatch(/^\/workers\//);
  });

  it('the public pages show them literally and nothing runs', async () => {
    await page.goto(profilePath);
    await expectInert('profile');
    // The team the family typed becomes the profile's team.
    await expectLiteral('profile', QUOTE, WORKER, IMG);

    await page.goto('/');
    await expectInert('home');
    await expectLiteral('home', QUOTE);

    await page.goto(`/search?q=${encodeURIComponent("O'Brien")}`);
    await expectInert('search results');
    await expectLiteral('search results', WORKER);

    await page.goto('/areas/hastings');
    await expectInert('area');
    await expectLiteral('area', WORKER);

    await page.goto('/areas');
    await expectInert('areas');

    await page.goto('/insights');
    await expectInert('insights');
  });

  it('the moderation pages show them literally and nothing runs', async () => {
    await page.goto(`/moderate/nominations/${nominationId}`);
    await expectInert('decided review');
    await page.goto('/moderate/audit');
    await expectInert('audit');
    await expectLiteral('audit', QUOTE);
    await page.goto('/moderate/requests');
    await expectInert('requests');
    await expectLiteral('requests', WORKER);
    await Promise.all([page.waitForNavigation(), page.locator('main a[href^="/moderate/requests/"]').first().click()]);
    await expectInert('one request');
    await expectLiteral('one request', `Please fix this: ${ALL}`);
  });

  it('the feed and JSON carry them as text, never markup', async () => {
    const feed = await fetch(`${server.url}/feed.xml`);
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml).not.toContain(SCRIPT);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: { entry: { content: { '#text': string; '@_type': string } } | { content: { '#text': string; '@_type': string } }[] };
    };
    const entries = [parsed.feed.entry].flat();
    const content = entries.map((e) => e.content).find((c) => c['#text'].includes('grateful'))!;
    // type="text": readers show it as text. (type="html" would need it escaped twice.)
    expect(content['@_type']).toBe('text');

    const api = await fetch(`${server.url}/api${profilePath}`);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    const json = (await api.json()) as { quotes: { text: string }[] };
    expect(json.quotes[0]!.text).toBe(QUOTE);
  });
});
