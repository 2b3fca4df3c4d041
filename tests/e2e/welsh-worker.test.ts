// The named worker's pages in Welsh, in real Chromium at 375 px with JavaScript off, against the real
// server and a real SMTP server in this process: "Is this you?" from the Welsh profile, its errors,
// asking a moderator, the mailed Welsh link, the worker's page and its errors, the language link
// there and back while signed in (the session cookie is sent to both languages' paths), thanks,
// sign-out, signing in again, used and unknown links. Every Welsh page type, errors included, has
// zero axe violations at WCAG 2.2 A/AA and zero Nu Html Checker errors.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { seedDatabase } from './helpers/seed-db.ts';
import { launchBrowser, newContext, VIEWPORTS } from './helpers/browser.ts';
import { axeViolations, formatVnu, structure, structureProblems, validateHtml, type HtmlDoc } from './helpers/checks.ts';
import { submit } from './helpers/flows.ts';
import { seedDomains, signInLinkFor } from './helpers/worker-mail.ts';
import { TestSmtpServer } from '../helpers/smtp.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const EMAIL = 'gwen.price@cardiff.gov.uk';
/** Where the 375 px screenshots go, for a person to look at (not compared by the test). */
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'gsw-welsh-worker-screens');

let server: RunningServer;
const smtp = new TestSmtpServer();
let browser: Browser;
let page: Page;
let axePage: Page;
let slug: string;
let dialogs: string[];
let pageErrors: string[];
const docs: HtmlDoc[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'gsw-e2e-welsh-worker-'));
  ({ slug } = await seedDatabase(join(dir, 'directory.db'), (s) => {
    seedDomains(s);
    const first = s.nominate({
      workerName: 'Gwen Price',
      area: 'cardiff',
      qualities: ['listened', 'hope'],
      quote: 'Gwrandawodd arnom bob tro.',
    });
    s.nominate({
      workerName: 'Gwen Price',
      area: 'cardiff',
      workerId: first.workerId!,
      qualities: ['listened'],
      quote: 'She never gave up on us.',
    });
    return { slug: first.slug! };
  }));
  server = await startServer({ dir, removeDir: true, env: { SMTP_URL: await smtp.start() } });
  browser = await launchBrowser();
  const c = await newContext(browser, server.url, { viewport: VIEWPORTS.phone, javaScriptEnabled: false });
  ({ dialogs, pageErrors } = c);
  page = await c.context.newPage();
  const withJs = await newContext(browser, server.url, { viewport: VIEWPORTS.phone, javaScriptEnabled: true });
  axePage = await withJs.context.newPage();
  await axePage.goto('/cy');
});

afterAll(async () => {
  expect(dialogs ?? []).toEqual([]);
  expect(pageErrors ?? []).toEqual([]);
  await browser?.close();
  await server?.cleanup();
  await smtp.stop();
});

/** One h1, landmarks, lang="cy", no sideways scroll at 375 px, zero axe violations; the HTML kept for the Nu check. */
async function checkWelshPage(name: string, res: Response | null, status = 200) {
  expect(res, `${name}: no response`).not.toBeNull();
  expect(res!.status(), `${name}: status`).toBe(status);
  const html = await res!.text();
  docs.push({ name, html });
  expect(await page.getAttribute('html', 'lang'), `${name}: lang`).toBe('cy');
  expect(structureProblems(await structure(page), 'Cyfeiriadur y Gweithiwr Cymdeithasol Da'), `${name}: structure`).toEqual([]);
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${name}: page is wider than the screen`).toBeLessThanOrEqual(width);
  await axePage.setContent(html, { waitUntil: 'load' });
  expect(await axeViolations(axePage), `${name}: axe violations`).toEqual([]);
}

async function expectErrorSummaryFocused(name: string) {
  const focused = await page.evaluate(() => document.activeElement?.className ?? '');
  expect(focused, `${name}: focus after a failed submit`).toContain('error-summary');
}

const h1 = () => page.locator('h1').innerText();
const path = () => new URL(page.url()).pathname + new URL(page.url()).search;

async function screenshot(name: string) {
  const height = Math.min(4000, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-375.png`), fullPage: true, clip: { x: 0, y: 0, width: 375, height } });
}

describe('the named worker in Welsh, 375 px, JavaScript off', () => {
  it('"Is this you?" from the Welsh profile: the form, its error, the answer, asking a moderator with its error, sent', async () => {
    await page.goto(`/cy/workers/${slug}`);
    const [claim] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /Ai chi yw'r person hwn\? Cadarnhewch/ }).click(),
    ]);
    await checkWelshPage('hawlio', claim);
    expect(path()).toBe(`/cy/worker/claim?profile=${slug}`);
    await screenshot('hawlio');
    await checkWelshPage('hawlio gwall', await submit(page, '/cy/worker/claim'), 400);
    await expectErrorSummaryFocused('hawlio gwall');
    expect(await page.locator('.error-summary').innerText()).toContain('Rhowch eich cyfeiriad e-bost gwaith');
    await page.locator('form[action="/cy/worker/claim"] [name="email"]').fill(EMAIL);
    await checkWelshPage('hawlio ateb', await submit(page, '/cy/worker/claim'));
    expect(await h1()).toBe('Gwiriwch eich e-bost');
    await checkWelshPage('gofyn i gymedrolwr gwall', await submit(page, '/cy/worker/claim/manual'), 400);
    await expectErrorSummaryFocused('gofyn i gymedrolwr gwall');
    await page.locator('form[action="/cy/worker/claim/manual"] [name="note"]').fill('Gweithiwr asiantaeth gyda Chyngor Caerdydd ers 2025.');
    await checkWelshPage('gofyn i gymedrolwr wedi anfon', await submit(page, '/cy/worker/claim/manual'));
    expect(await h1()).toBe("Cais wedi'i anfon at y cymedrolwyr");
    // its language link leads to the claim form, not to the POST address
    expect(await page.locator('a[data-language-link]').getAttribute('href')).toBe(`/worker/claim?profile=${slug}`);
    await checkWelshPage('hawlio heb broffil', await page.goto('/cy/worker/claim'));
    await checkWelshPage('hawlio proffil anhysbys', await page.goto('/cy/worker/claim?profile=neb-yma'), 404);
  });

  it('the Welsh link from the mail, the worker’s page with an error and done, the language link both ways while signed in', async () => {
    const link = await signInLinkFor(smtp, EMAIL);
    expect(link).toMatch(/^\/cy\/worker\/sign-in\//);
    await checkWelshPage('dolen fewngofnodi', await page.goto(link));
    const home = await submit(page, link);
    await checkWelshPage('eich proffil', home);
    expect(path()).toBe('/cy/worker');
    await screenshot('eich-proffil');

    // the language link keeps the page and the session, both ways
    await Promise.all([page.waitForNavigation(), page.locator('a[data-language-link]').click()]);
    expect(path()).toBe('/worker');
    expect(await h1()).toBe('Your profile');
    await Promise.all([page.waitForNavigation(), page.locator('a[data-language-link]').click()]);
    expect(path()).toBe('/cy/worker');
    expect(await h1()).toBe('Eich proffil');

    await page.locator('form[action="/cy/worker/reply"] [name="reply"]').fill('x'.repeat(501));
    await checkWelshPage('eich proffil gwall', await submit(page, '/cy/worker/reply'), 400);
    await expectErrorSummaryFocused('eich proffil gwall');
    expect(await page.locator('.error-summary').innerText()).toContain(
      "Rhaid i'ch ateb fod yn 500 nod neu lai. Rydych wedi ysgrifennu 501.",
    );
    expect(await page.locator('a[data-language-link]').getAttribute('href')).toBe('/worker');
    await page.locator('form[action="/cy/worker/reply"] [name="reply"]').fill('Diolch i bob teulu y bûm yn gweithio gyda nhw.');
    await checkWelshPage('eich proffil ateb wedi anfon', await submit(page, '/cy/worker/reply'));
    expect(path()).toBe('/cy/worker?done=reply_sent');
    await page.locator('form[action="/cy/worker/registration"] select[name="regulator"]').selectOption('scw');
    await page.locator('form[action="/cy/worker/registration"] [name="number"]').fill('W12');
    await checkWelshPage('eich proffil cofrestriad gwall', await submit(page, '/cy/worker/registration'), 400);
    await checkWelshPage('diolchiadau', await page.goto(`/cy/worker/thanks?profile=${slug}`));
    expect(await h1()).toBe('Diolch gan deuluoedd');
  });

  it('sign out, sign in again with its error, a used link and an unknown one', async () => {
    const used = await signInLinkFor(smtp, EMAIL);
    await page.goto('/cy/worker');
    await checkWelshPage('wedi allgofnodi', await submit(page, '/cy/worker/sign-out'));
    expect(path()).toBe('/cy/worker/signed-out');
    const gone = await page.goto('/cy/worker');
    expect(path()).toBe('/cy/worker/sign-in');
    await checkWelshPage('mewngofnodi', gone);
    await checkWelshPage('mewngofnodi gwall', await submit(page, '/cy/worker/sign-in'), 400);
    await expectErrorSummaryFocused('mewngofnodi gwall');
    await page.locator('form[action="/cy/worker/sign-in"] [name="email"]').fill(EMAIL);
    await checkWelshPage('mewngofnodi wedi anfon', await submit(page, '/cy/worker/sign-in'));
    await checkWelshPage('dolen wedi’i defnyddio', await page.goto(used), 410);
    await checkWelshPage('dolen anhysbys', await page.goto(`/cy/worker/sign-in/${'A'.repeat(43)}`), 404);
  });

  it('has no Nu Html Checker errors on any of these pages', async () => {
    expect(docs.length).toBeGreaterThanOrEqual(18);
    expect(formatVnu(await validateHtml(docs))).toEqual([]);
  });
});
