// "Exit this page" in real Chromium. Without JavaScript it is a plain link to a neutral site; with
// it, Shift three times leaves from anywhere (even mid-story on the nomination form), the form is
// replaced in the history so Back does not return to it, and nothing is sent to this server. The
// neutral site is answered here by request interception: no test traffic leaves the machine.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { launchBrowser, newContext, VIEWPORTS } from './helpers/browser.ts';
import { fillNomination, GOOD_NOMINATION } from './helpers/flows.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const NEUTRAL = 'https://www.bbc.co.uk/weather';
const STORY = 'SECRET-STORY-MARKER she listened to us when nobody else would, every single week.';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

/** A context whose only way off this machine, the neutral site, is answered locally; anything else is refused. */
async function isolated(javaScriptEnabled: boolean, viewport: { width: number; height: number } = VIEWPORTS.desktop) {
  const { context } = await newContext(browser, server.url, { javaScriptEnabled, viewport });
  const neutralHits: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    if (url.startsWith(NEUTRAL)) {
      neutralHits.push(url);
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!DOCTYPE html><html lang="en"><title>Weather</title><h1>Weather</h1></html>',
      });
    }
    return route.abort('blockedbyclient');
  });
  return { context, neutralHits };
}

/** Requests the page makes to this server from now on. */
function watchServer(page: Page) {
  const seen: string[] = [];
  const onRequest = (r: Request) => {
    if (r.url().startsWith(server.url)) seen.push(`${r.method()} ${r.url()}`);
  };
  page.on('request', onRequest);
  return { seen, stop: () => page.off('request', onRequest) };
}

async function focusedDescription(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el
      ? `${el.tagName.toLowerCase()}${el.hasAttribute('data-exit-this-page') ? '[data-exit-this-page]' : ''}${el.hasAttribute('data-language-link') ? '[data-language-link]' : ''}.${el.className}`
      : '';
  });
}

describe('without JavaScript', () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it('is a plain link to the neutral site, at the top, after the skip link', async () => {
    const iso = await isolated(false);
    context = iso.context;
    const page = await context.newPage();
    await page.goto('/nominate');
    const link = page.locator('a[data-exit-this-page]');
    await expect(link.count()).resolves.toBe(1);
    await expect(link.getAttribute('href')).resolves.toBe(NEUTRAL);
    await expect(link.innerText()).resolves.toMatch(/Exit this page/);
    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toContain('skip-link');
    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toContain('[data-exit-this-page]');

    const server = watchServer(page);
    await Promise.all([page.waitForURL(NEUTRAL), link.click()]);
    server.stop();
    expect(server.seen).toEqual([]);
    expect(iso.neutralHits.length).toBeGreaterThan(0);
  });

  it('is on every public page and on none of the moderation pages', async () => {
    const page = await context.newPage();
    for (const path of [
      '/',
      '/search?q=smith',
      '/areas',
      '/insights',
      '/nominate',
      '/status',
      '/withdraw',
      '/help',
      '/staying-safe',
      '/accessibility',
      '/about',
      '/privacy',
      '/house-rules',
      '/request-change',
      '/named',
      '/check',
      '/no-such-page',
      '/cy',
      '/cy/staying-safe',
      '/cy/check',
    ]) {
      await page.goto(path);
      await expect(page.locator('a[data-exit-this-page]').count(), path).resolves.toBe(1);
    }
    await page.goto('/moderate/login');
    await expect(page.locator('a[data-exit-this-page]').count()).resolves.toBe(0);
  });
});

describe('with JavaScript', () => {
  it('Shift three times from the middle of the nomination form leaves; Back does not return to the form; nothing reaches this server', async () => {
    const { context, neutralHits } = await isolated(true);
    const page = await context.newPage();
    await page.goto('/');
    await page.goto('/nominate');
    await fillNomination(page, { ...GOOD_NOMINATION, story: '' });
    await page.locator('[name="story"]').click();
    await page.keyboard.type(STORY);
    await expect(page.locator('[name="story"]').inputValue()).resolves.toBe(STORY);

    // Capitals typed with Shift are typing, not a signal to leave.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Shift');
    }
    await page.waitForTimeout(200);
    expect(page.url()).toBe(`${server.url}/nominate`);

    const watched = watchServer(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(NEUTRAL);
    watched.stop();
    expect(watched.seen, 'no request to this server while leaving').toEqual([]);
    expect(neutralHits.length).toBe(1);

    // The form was replaced in the history: Back goes to the page before it.
    await page.goBack();
    expect(page.url()).toBe(`${server.url}/`);
    await expect(page.content()).resolves.not.toContain('SECRET-STORY-MARKER');
    await context.close();
  });

  it('tells a screen reader how many more presses are left, in the page’s language, and leaves on the third', async () => {
    const { context, neutralHits } = await isolated(true);
    const page = await context.newPage();
    const status = page.locator('.exit-this-page [role="status"]');
    for (const [path, two, one] of [
      ['/staying-safe', 'Shift, press 2 more times to exit.', 'Shift, press 1 more time to exit.'],
      ['/cy/staying-safe', 'Shift, pwyswch ddwywaith eto i adael.', 'Shift, pwyswch unwaith eto i adael.'],
    ] as const) {
      await page.goto(path);
      await expect(status.textContent()).resolves.toBe('');
      await page.keyboard.press('Shift');
      await expect(status.textContent()).resolves.toBe(two);
      await page.keyboard.press('Shift');
      await expect(status.textContent()).resolves.toBe(one);
      // any other key is typing: the count starts again, and the message goes
      await page.keyboard.press('KeyA');
      await expect(status.textContent()).resolves.toBe('');
    }
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(NEUTRAL);
    expect(neutralHits.length).toBe(1);
    await context.close();
  });

  it('clicking the button replaces the page too, and covers the page at once while it leaves', async () => {
    const { context } = await isolated(true);
    const page = await context.newPage();
    // Told by the page itself, the moment the cover goes in, whether it fills the window in white.
    const seen: string[] = [];
    await page.exposeBinding('reportCover', (_source, what: string) => void seen.push(what));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const cover = document.querySelector('.exit-this-page-cover');
        if (!cover) return;
        const r = cover.getBoundingClientRect();
        const ok =
          r.width >= window.innerWidth &&
          r.height >= window.innerHeight &&
          getComputedStyle(cover).backgroundColor === 'rgb(255, 255, 255)';
        (window as unknown as { reportCover: (s: string) => void }).reportCover(ok ? 'covered' : `cover ${r.width}x${r.height}`);
      }).observe(document, { childList: true, subtree: true });
    });
    // The report comes back asynchronously; the neutral page is held until it has (2 s at most), so the
    // navigation cannot drop it. A page that never reports still fails below.
    await page.route(`${NEUTRAL}*`, async (route) => {
      for (const until = Date.now() + 2000; !seen.length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
      await route.fallback();
    });
    await page.goto('/');
    await page.goto('/status');
    const watched = watchServer(page);
    await Promise.all([page.waitForURL(NEUTRAL), page.locator('a[data-exit-this-page]').click()]);
    watched.stop();
    expect(watched.seen).toEqual([]);
    expect(seen[0]).toBe('covered');
    await page.goBack();
    expect(page.url()).toBe(`${server.url}/`);
    await context.close();
  });

  it('does not hide the skip link at 375 px or 1280 px, and comes after it in the focus order', async () => {
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      const { context } = await isolated(true, viewport);
      const page = await context.newPage();
      await page.goto('/nominate');
      await page.keyboard.press('Tab');
      expect(await focusedDescription(page)).toContain('skip-link');
      const onTop = await page.evaluate(() => {
        const skip = document.querySelector('.skip-link')!;
        const r = skip.getBoundingClientRect();
        const points = [
          [r.left + 2, r.top + 2],
          [r.right - 2, r.top + 2],
          [r.left + 2, r.bottom - 2],
          [r.right - 2, r.bottom - 2],
          [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
        ];
        return points.every(([x, y]) => skip.contains(document.elementFromPoint(x!, y!)));
      });
      expect(onTop, `skip link fully visible at ${viewport.width} px`).toBe(true);
      await page.keyboard.press('Tab');
      expect(await focusedDescription(page)).toContain('[data-exit-this-page]');
      const visible = await page.locator('a[data-exit-this-page]').boundingBox();
      expect(visible!.x + visible!.width).toBeLessThanOrEqual(viewport.width);
      // then the header: the other language's link, then the site name
      await page.keyboard.press('Tab');
      expect(await focusedDescription(page)).toContain('[data-language-link]');
      await page.keyboard.press('Tab');
      expect(await focusedDescription(page)).toContain('site-name');
      await context.close();
    }
  });
});
