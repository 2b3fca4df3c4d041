// /insights, the home page and an area page in real Chromium with the demo content: axe WCAG 2.2
// A/AA, nothing wider than a 320 px screen, every chart an image with a name and description,
// the Nu Html Checker on the served HTML; with JavaScript off, as families may have it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './e2e/helpers/server.ts';
import { launchBrowser } from './e2e/helpers/browser.ts';
import { axeViolations, formatVnu, structure, structureProblems, validateHtml } from './e2e/helpers/checks.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { DEMO: '1' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

const PAGES = ['/insights', '/', '/areas/hastings'];

describe('charts in a real browser', () => {
  it('pass axe and fit a 320 px screen, charts named and described', async () => {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await ctx.newPage();
    for (const path of PAGES) {
      const res = await page.goto(server.url + path);
      expect(res?.status(), path).toBe(200);
      expect(structureProblems(await structure(page)), path).toEqual([]);
      expect(await axeViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} is wider than the screen`).toBeLessThanOrEqual(320);
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('.table-wrap')]
          .filter((t) => t.scrollWidth > t.clientWidth)
          .map((t) => t.querySelector('caption')?.textContent),
      );
      expect(overflowing, `${path}: tables that scroll sideways`).toEqual([]);
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
          const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
          const [title, desc] = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
          const box = svg.getBoundingClientRect();
          return { title, desc, width: box.width, height: box.height };
        }),
      );
      expect(charts.length, `${path} has charts`).toBeGreaterThan(0);
      for (const c of charts) {
        expect(c.title).not.toBe('');
        expect(c.desc).not.toBe('');
        expect(c.width).toBeGreaterThan(50);
        expect(c.height).toBeGreaterThan(20);
      }
    }
    const insights = await page.goto(`${server.url}/insights`);
    expect(insights?.status()).toBe(200);
    // three charts: the weekly trend, the qualities, and whether the worker had moved on
    expect(await page.locator('main svg[role="img"]').count()).toBe(3);
    await ctx.close();
  });

  it('serve valid HTML', async () => {
    const docs = [];
    for (const path of PAGES) docs.push({ name: path, html: await (await fetch(server.url + path)).text() });
    expect(formatVnu(await validateHtml(docs))).toEqual([]);
  });
});
