// The site in Welsh, in real Chromium against the real server: the whole nomination journey at
// 375 px with JavaScript off (an error, fixed, check your answers, sent); the language link keeps
// the page both ways; and every Welsh page type, errors included, with zero axe violations at
// WCAG 2.2 A/AA and zero Nu Html Checker errors.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { seedDatabase } from './helpers/seed-db.ts';
import { launchBrowser, newContext, VIEWPORTS } from './helpers/browser.ts';
import { axeViolations, formatVnu, structure, structureProblems, validateHtml, type HtmlDoc } from './helpers/checks.ts';
import { fillNomination, GOOD_NOMINATION, readReference, submit } from './helpers/flows.ts';
import { formatCode, issueThanks } from '../../server/worker-accounts/thanks.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let server: RunningServer;
let browser: Browser;
let page: Page;
/** axe needs JavaScript: each page the no-JavaScript visitor saw is checked again here, from its HTML */
let axePage: Page;
let profileSlug: string;
let thanksCode: string;
let dialogs: string[];
let pageErrors: string[];
const docs: HtmlDoc[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsw-e2e-welsh-'));
  const day = 86_400_000;
  const now = Date.now();
  ({ profileSlug, thanksCode } = await seedDatabase(
    join(dir, 'directory.db'),
    (s) => {
      const main = s.nominate({
        workerName: 'Siân Evans',
        area: 'cardiff',
        team: 'Tîm Teuluoedd',
        qualities: ['listened', 'hope'],
        quote: 'She never gave up on us.',
        submittedAt: now - day,
      });
      s.nominate({
        workerName: 'Siân Evans',
        area: 'cardiff',
        relationship: 'carer',
        qualities: ['listened'],
        quote: 'Gwrandawodd arnom.',
        submittedAt: now - 2 * day,
      });
      s.nominate({
        workerName: 'Dafydd Morgan',
        area: 'swansea',
        qualities: ['advocate'],
        quote: 'He stood up for us in court.',
        submittedAt: now - 3 * day,
      });
      // the thanks document Siân Evans would download, for the check page
      const thanks = issueThanks(s.db, { accountId: 0, workerId: main.workerId!, now });
      return { profileSlug: main.slug!, thanksCode: formatCode(thanks.code) };
    },
    now,
  ));
  server = await startServer({ dir, removeDir: true });
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
});

async function expectNoSidewaysScroll(where: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${where}: page is wider than the screen`).toBeLessThanOrEqual(width);
}

/** One h1, landmarks, lang="cy", zero axe violations; the HTML kept for the Nu check at the end. */
async function checkWelshPage(name: string, res: Response | null, status = 200) {
  expect(res, `${name}: no response`).not.toBeNull();
  expect(res!.status(), `${name}: status`).toBe(status);
  const html = await res!.text();
  docs.push({ name, html });
  expect(await page.getAttribute('html', 'lang'), `${name}: lang`).toBe('cy');
  expect(structureProblems(await structure(page), 'Cyfeiriadur y Gweithiwr Cymdeithasol Da'), `${name}: structure`).toEqual([]);
  await expectNoSidewaysScroll(name);
  // the same HTML, on the same origin (so the stylesheet loads), in a page that runs axe
  await axePage.setContent(html, { waitUntil: 'load' });
  expect(await axeViolations(axePage), `${name}: axe violations`).toEqual([]);
}

describe('the nomination journey in Welsh, 375 px, JavaScript off', () => {
  it('from the Welsh home page: an error, fixed, check the answers, send, see the reference', async () => {
    await checkWelshPage('hafan', await page.goto('/cy'));
    const [form] = await Promise.all([page.waitForNavigation(), page.locator('main a[href="/cy/nominate"]').first().click()]);
    await checkWelshPage('ffurflen', form);
    expect(await page.locator('h1').innerText()).toBe('Argymell gweithiwr cymdeithasol');

    await fillNomination(
      page,
      { ...GOOD_NOMINATION, area: 'swansea', worker_name: 'Rhian Jones', team: 'Tîm Cefnogi', story: 'Rhy fyr.', consent: false },
      '/cy/nominate',
    );
    const failed = await submit(page, '/cy/nominate');
    await checkWelshPage('ffurflen gyda gwallau', failed, 400);
    const summary = page.locator('.error-summary');
    expect(await summary.innerText()).toContain('Mae problem wedi codi');
    expect(await summary.innerText()).toContain("Rhaid i'r stori fod yn 20 nod neu fwy");
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expect(page.locator('[name="worker_name"]').inputValue()).resolves.toBe('Rhian Jones');

    await fillNomination(
      page,
      { story: 'Gwrandawodd arnom pan nad oedd neb arall yn gwrando, a rhoddodd obaith i ni fel teulu.', consent: true },
      '/cy/nominate',
    );
    const check = await submit(page, '/cy/nominate');
    await checkWelshPage('gwirio atebion', check);
    expect(await page.locator('h1').innerText()).toBe('Gwirio eich atebion');
    expect(await page.locator('main').innerText()).toContain('Abertawe');

    const done = await submit(page, '/cy/nominate/confirm');
    await checkWelshPage('wedi anfon', done);
    expect(page.url()).toContain('/cy/nominate/done/');
    const reference = await readReference(page);
    expect(await page.locator('main').innerText()).toContain(reference);

    // and take it back, in Welsh
    await page.goto('/cy/withdraw');
    await page.locator('[name="reference"]').fill(reference);
    const withdrawn = await submit(page, '/cy/withdraw');
    await checkWelshPage('wedi tynnu’n ôl', withdrawn);
  });
});

describe('the language link', () => {
  it('keeps the page, with its query, both ways', async () => {
    for (const [cy, en] of [
      ['/cy/areas/cardiff', '/areas/cardiff'],
      ['/cy/search?q=Evans', '/search?q=Evans'],
      [`/cy/workers/${profileSlug}`, `/workers/${profileSlug}`],
      ['/cy', '/'],
    ] as const) {
      await page.goto(cy);
      await Promise.all([page.waitForNavigation(), page.locator('a[data-language-link]').click()]);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(en);
      expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
      await Promise.all([page.waitForNavigation(), page.locator('a[data-language-link]').click()]);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(cy);
      expect(await page.getAttribute('html', 'lang')).toBe('cy');
    }
  });
});

describe('every Welsh page type', () => {
  it('has no axe violations', async () => {
    await checkWelshPage('proffil', await page.goto(`/cy/workers/${profileSlug}`));
    await checkWelshPage('ardaloedd', await page.goto('/cy/areas'));
    await checkWelshPage('ardaloedd wedi trefnu', await page.goto('/cy/areas?sort=nominations'));
    await checkWelshPage('ardal', await page.goto('/cy/areas/cardiff'));
    await checkWelshPage('chwilio', await page.goto('/cy/search?q=Evans'));
    await checkWelshPage('chwilio gwag', await page.goto('/cy/search'));
    await checkWelshPage('chwilio dim canlyniadau', await page.goto('/cy/search?q=zzqxw'));
    await checkWelshPage('chwilio gwall ardal', await page.goto('/cy/search?area=nunlle'), 400);
    await checkWelshPage('mewnwelediadau', await page.goto('/cy/insights'));
    await checkWelshPage('amdanom', await page.goto('/cy/about'));
    await checkWelshPage('preifatrwydd', await page.goto('/cy/privacy'));
    await checkWelshPage('help', await page.goto('/cy/help'));
    await checkWelshPage('tynnu yn ôl', await page.goto('/cy/withdraw'));
    const wrong = await (async () => {
      await page.locator('[name="reference"]').fill('AAAA-BBBB-CCCC-D');
      return submit(page, '/cy/withdraw');
    })();
    await checkWelshPage('tynnu yn ôl gwall', wrong, 400);
    await checkWelshPage('404', await page.goto('/cy/dim-tudalen-fel-hon'), 404);
    await checkWelshPage('rheolau', await page.goto('/cy/house-rules'));
    await checkWelshPage('cadw’n ddiogel', await page.goto('/cy/staying-safe'));
    await checkWelshPage('hygyrchedd', await page.goto('/cy/accessibility'));
    await checkWelshPage('statws', await page.goto('/cy/status'));
    const badRef = await (async () => {
      await page.locator('[name="reference"]').fill('AAAA-BBBB-CCCC-D');
      return submit(page, '/cy/status');
    })();
    await checkWelshPage('statws gwall', badRef, 404);
    await checkWelshPage('gofyn am newid', await page.goto('/cy/request-change'));
    const badRequest = await submit(page, '/cy/request-change');
    await checkWelshPage('gofyn am newid gwallau', badRequest, 400);
    await checkWelshPage('wedi eich enwi', await page.goto('/cy/named'));
    // the thanks check: the form, both errors (a code that cannot be one, a code no document has), a result
    await checkWelshPage('gwirio dogfen', await page.goto('/cy/check'));
    await page.locator('[name="code"]').fill('nonsense');
    await checkWelshPage('gwirio dogfen gwall', await submit(page, '/cy/check'), 400);
    expect(await page.locator('.error-summary').innerText()).toContain('Rhowch y cod gwirio');
    await page.locator('[name="code"]').fill('ABCD-EFGH-JKLM-NPQR');
    await checkWelshPage('gwirio dogfen dim dogfen', await submit(page, '/cy/check'), 404);
    await page.locator('[name="code"]').fill(thanksCode.toLowerCase());
    await checkWelshPage('dogfen ddilys', await submit(page, '/cy/check'));
    expect(await page.locator('h1').innerText()).toBe("Mae'r ddogfen hon yn ddilys");
    for (const d of docs) expect(d.html, `${d.name}: marked as not yet in Welsh`).not.toContain('data-english-only');
  });

  it('has no Nu Html Checker errors', async () => {
    expect(docs.length).toBeGreaterThan(20);
    expect(formatVnu(await validateHtml(docs))).toEqual([]);
  });
});
