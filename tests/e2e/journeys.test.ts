// The journeys people make, in real Chromium against the real server: at 375 px and 1280 px, with
// JavaScript on and off. Search → profile; nominate with an error, fix it, check, confirm, see the
// reference; withdraw with that reference; a moderator logs in, edits the suggested quote, approves,
// and the quote is on the public profile (issue 4's end-to-end test). And a keyboard-only nomination.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { seedDatabase } from './helpers/seed-db.ts';
import { launchBrowser, newContext, VIEWPORTS } from './helpers/browser.ts';
import { fillNomination, GOOD_NOMINATION, logIn, MODERATOR, readReference, submit } from './helpers/flows.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsw-e2e-journeys-'));
  await seedDatabase(join(dir, 'directory.db'), async (s) => {
    s.nominate({
      workerName: 'Jane Smith',
      area: 'hastings',
      qualities: ['listened'],
      quote: 'She listened to us and never gave up on our family.',
    });
    s.nominate({ workerName: 'John Okafor', area: 'sefton', quote: 'He always called back when he said he would.' });
    s.nominate({ workerName: "Siobhan O'Neill", area: 'cardiff', quote: 'She stood up for us in court.' });
    await s.moderator(MODERATOR);
  });
  server = await startServer({ dir, removeDir: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

/** At 375 px nothing may need sideways scrolling. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${where}: page is wider than the screen`).toBeLessThanOrEqual(width);
}

const mainText = (page: Page) => page.locator('main').innerText();

const COMBOS = [
  { label: '375 px, JavaScript on', viewport: VIEWPORTS.phone, js: true, name: 'Amara Mensah' },
  { label: '375 px, JavaScript off', viewport: VIEWPORTS.phone, js: false, name: 'Rhys Pritchard' },
  { label: '1280 px, JavaScript on', viewport: VIEWPORTS.desktop, js: true, name: 'Zofia Kowalska' },
  { label: '1280 px, JavaScript off', viewport: VIEWPORTS.desktop, js: false, name: 'Tomasz Nowak' },
];

describe.each(COMBOS)('$label', ({ viewport, js, name }) => {
  let page: Page;
  let reference: string;
  let dialogs: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    const c = await newContext(browser, server.url, { viewport, javaScriptEnabled: js });
    ({ dialogs, pageErrors } = c);
    page = await c.context.newPage();
  });

  afterAll(async () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page?.context().close();
  });

  it('search from the home page, then open a profile', async () => {
    await page.goto('/');
    await page.locator('main form[action="/search"] input[name="q"]').fill('jane smith');
    await submit(page, '/search');
    expect(page.url()).toContain('/search?');
    await expectNoSidewaysScroll(page, 'search results');
    await Promise.all([page.waitForNavigation(), page.locator('main a', { hasText: 'Jane Smith' }).first().click()]);
    expect(page.url()).toMatch(/\/workers\/jane-smith-hastings$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Jane Smith');
    expect(await mainText(page)).toContain('She listened to us and never gave up on our family.');
    await expectNoSidewaysScroll(page, 'profile');
  });

  it('nominate: an error, fix it, check the answers, confirm, see the reference', async () => {
    await page.goto('/');
    await Promise.all([page.waitForNavigation(), page.locator('a[href="/nominate"]').first().click()]);
    await fillNomination(page, { ...GOOD_NOMINATION, worker_name: name, story: 'Too short.', consent: false });
    const failed = await submit(page, '/nominate');
    expect(failed.status()).toBe(400);
    const summary = page.locator('.error-summary');
    await expect(summary.isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await summary.innerText()).toMatch(/story|difference/i);
    // What they typed is still there.
    await expect(page.locator('[name="worker_name"]').inputValue()).resolves.toBe(name);
    await expect(page.locator('[name="story"]').inputValue()).resolves.toBe('Too short.');
    await expect(page.locator('input[name="qualities"][value="listened"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('input[name="relationship"][value="parent"]').isChecked()).resolves.toBe(true);
    await expectNoSidewaysScroll(page, 'nomination form with errors');

    await fillNomination(page, { story: GOOD_NOMINATION.story, consent: true });
    const check = await submit(page, '/nominate');
    expect(check.status()).toBe(200);
    const answers = await mainText(page);
    expect(answers).toContain(name);
    expect(answers).toContain(GOOD_NOMINATION.story);
    await expectNoSidewaysScroll(page, 'check your answers');

    const done = await submit(page, '/nominate/confirm');
    expect(done.status()).toBe(200);
    reference = await readReference(page);
    expect(reference).toMatch(/^[A-Z0-9-]{8,}$/);
    expect(await mainText(page)).toContain(reference);
    await expectNoSidewaysScroll(page, 'nomination sent');
  });

  it('withdraw with that reference', async () => {
    // A second nomination to withdraw, so the first can go on to the moderator.
    await page.goto('/nominate');
    await fillNomination(page, { ...GOOD_NOMINATION, worker_name: `${name} Second`, story: `${GOOD_NOMINATION.story} Withdraw me.` });
    await submit(page, '/nominate');
    await submit(page, '/nominate/confirm');
    const toWithdraw = await readReference(page);

    await page.goto('/');
    await Promise.all([page.waitForNavigation(), page.locator('footer a[href="/withdraw"]').click()]);
    await page.locator('[name="reference"]').fill(toWithdraw.toLowerCase());
    const res = await submit(page, '/withdraw');
    expect(res.status()).toBe(200);
    expect(await mainText(page)).toMatch(/withdrawn/i);
    await expectNoSidewaysScroll(page, 'withdrawn');

    // It is gone: the same reference is no longer found.
    await page.goto('/withdraw');
    await page.locator('[name="reference"]').fill(toWithdraw);
    const again = await submit(page, '/withdraw');
    expect([400, 404]).toContain(again.status());
  });

  it('a moderator logs in, edits the suggested quote, approves, and the quote is on the public profile', async () => {
    const c = await newContext(browser, server.url, { viewport, javaScriptEnabled: js });
    const mod = await c.context.newPage();
    try {
      const queue = await logIn(mod, MODERATOR);
      expect(queue.status()).toBe(200);
      expect(mod.url()).toMatch(/\/moderate$/);
      await expectNoSidewaysScroll(mod, 'queue');
      await Promise.all([mod.waitForNavigation(), mod.locator('main a', { hasText: name }).first().click()]);
      expect(mod.url()).toMatch(/\/moderate\/nominations\/\d+$/);
      const suggested = await mod.locator('[name="quote"]').inputValue();
      expect(suggested.length).toBeGreaterThan(10);
      const edited = `${name.split(' ')[0]} listened to us and gave us hope that things could change (edited).`;
      await mod.locator('[name="quote"]').fill(edited);
      await mod.locator('input[name="worker"][value="new"]').check();
      const decided = await submit(mod, mod.url().replace(server.url, ''), /approve/i);
      expect(decided.status()).toBe(200);
      expect(mod.url()).toContain('/moderate?decided=');
      expect(c.dialogs).toEqual([]);

      // The family (or anyone) now finds the quote on the public profile.
      const profileLink = mod.locator('main a[href^="/workers/"]').first();
      const href = await profileLink.getAttribute('href');
      expect(href).toBeTruthy();
      await page.goto(href!);
      await expect(page.locator('h1').innerText()).resolves.toBe(name);
      expect(await mainText(page)).toContain(edited);
      expect(await mainText(page)).not.toContain(GOOD_NOMINATION.story);
      await expectNoSidewaysScroll(page, 'new profile');
    } finally {
      await c.context.close();
    }
  });
});

describe('keyboard only (Tab, Space, Enter)', () => {
  /** Press Tab until the focused element matches `selector`. */
  async function tabTo(page: Page, selector: string, max = 120) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  async function press(page: Page, key: string) {
    await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
  }

  it('nominates from the home page to the reference without a mouse', async () => {
    const c = await newContext(browser, server.url, { viewport: VIEWPORTS.desktop });
    const page = await c.context.newPage();
    try {
      await page.goto('/');
      await tabTo(page, 'a[href="/nominate"]');
      await press(page, 'Enter');
      expect(page.url()).toMatch(/\/nominate$/);

      await tabTo(page, '[name="worker_name"]');
      await page.keyboard.type('Keyboard Person');
      await tabTo(page, '[name="area_text"]');
      await page.keyboard.type('Hastings');
      await tabTo(page, 'input[name="relationship"]');
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="still_involved"]');
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="qualities"][value="listened"]');
      await page.keyboard.press('Space');
      await tabTo(page, '[name="story"]');
      await page.keyboard.type('They listened to every one of us and helped us find a way through a frightening time.');
      await tabTo(page, 'input[name="independent"]');
      await page.keyboard.press('Space');
      await tabTo(page, 'input[name="consent"]');
      await page.keyboard.press('Space');
      await tabTo(page, 'form[action="/nominate"] button[type="submit"]');
      await press(page, 'Enter');
      expect(await page.locator('main').innerText()).toContain('Keyboard Person');

      await tabTo(page, 'form[action="/nominate/confirm"] button[type="submit"]');
      await press(page, 'Enter');
      const reference = await readReference(page);
      expect(await page.locator('main').innerText()).toContain(reference);
      expect(c.dialogs).toEqual([]);
    } finally {
      await c.context.close();
    }
  });
});

describe('minimum fill time (a server with MIN_FILL_SECONDS=8)', () => {
  it('a form sent too fast is refused; Back keeps what was typed; sent again after a pause it goes through', async () => {
    const slow = await startServer({ env: { MIN_FILL_SECONDS: '8' } });
    const c = await newContext(browser, slow.url, { javaScriptEnabled: false });
    try {
      const page = await c.context.newPage();
      const servedAt = Date.now();
      await page.goto('/nominate');
      await fillNomination(page, { ...GOOD_NOMINATION, worker_name: 'Patient Person' });
      const refused = await submit(page, '/nominate');
      expect(Date.now() - servedAt, 'filling in took longer than the minimum; the test proves nothing').toBeLessThan(8000);
      expect(refused.status()).toBe(400);
      expect(await page.locator('main').innerText()).toMatch(/faster than a person/);

      // "Go back, wait a few seconds and send it again: what you typed is still on the previous page."
      // Chromium restores the story and the choices on Back. It does NOT restore inputs marked
      // autocomplete="off" (name, team, typed area): the person retypes those (reported to the lead).
      await page.goBack();
      await expect(page.locator('[name="story"]').inputValue()).resolves.toBe(GOOD_NOMINATION.story);
      await expect(page.locator('input[name="relationship"][value="parent"]').isChecked()).resolves.toBe(true);
      await expect(page.locator('input[name="consent"]').isChecked()).resolves.toBe(true);
      if (!(await page.locator('[name="worker_name"]').inputValue()))
        await fillNomination(page, { worker_name: 'Patient Person', team: GOOD_NOMINATION.team });
      await page.waitForTimeout(Math.max(0, servedAt + 8500 - Date.now()));
      expect((await submit(page, '/nominate')).status()).toBe(200);
      expect((await submit(page, '/nominate/confirm')).status()).toBe(200);
      await readReference(page);
    } finally {
      await c.context.close();
      await slow.cleanup();
    }
  });
});
