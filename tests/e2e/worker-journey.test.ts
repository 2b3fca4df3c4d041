// The named worker's journey in real Chromium at 375 px, JavaScript on and off: claim with a matching
// work email → the link arrives → sign in → "first name and area" → reply → a moderator approves →
// the public profile shows the first name, the mark and the reply, and search and JSON agree; the
// PDF holds the quotes; its check code verifies on the public page.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { startServer, type RunningServer } from './helpers/server.ts';
import { seedDatabase } from './helpers/seed-db.ts';
import { launchBrowser, newContext, VIEWPORTS } from './helpers/browser.ts';
import { logIn, MODERATOR, submit } from './helpers/flows.ts';
import { seedDomains, signInLinkFor } from './helpers/worker-mail.ts';
import { TestSmtpServer } from '../helpers/smtp.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let server: RunningServer;
const smtp = new TestSmtpServer();
let browser: Browser;
const slugs = new Map<string, string>();

const COMBOS = [
  { label: '375 px, JavaScript on', js: true, first: 'Amara', last: 'Mensahfield', email: 'amara.m@eastsussex.gov.uk' },
  { label: '375 px, JavaScript off', js: false, first: 'Rhys', last: 'Pritchardson', email: 'rhys.p@eastsussex.gov.uk' },
];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsw-e2e-worker-'));
  await seedDatabase(join(dir, 'directory.db'), async (s) => {
    seedDomains(s);
    for (const c of COMBOS) {
      const first = s.nominate({
        workerName: `${c.first} ${c.last}`,
        area: 'hastings',
        qualities: ['listened'],
        quote: `${c.first} listened to us every single week.`,
      });
      s.nominate({
        workerName: `${c.first} ${c.last}`,
        area: 'hastings',
        workerId: first.workerId!,
        qualities: ['hope'],
        quote: 'Gave us hope when we had none.',
      });
      slugs.set(c.first, first.slug!);
    }
    await s.moderator(MODERATOR);
  });
  server = await startServer({ dir, removeDir: true, env: { SMTP_URL: await smtp.start() } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
  await smtp.stop();
});

const mainText = (page: Page) => page.locator('main').innerText();

describe.each(COMBOS)('$label', ({ js, first, last, email }) => {
  let page: Page;
  let newSlug: string;
  let pdfText: string;

  beforeAll(async () => {
    const c = await newContext(browser, server.url, { viewport: VIEWPORTS.phone, javaScriptEnabled: js, acceptDownloads: true });
    page = await c.newPage();
  });

  it('claims the profile with a work email, and signs in with the mailed link', async () => {
    await page.goto(`/workers/${slugs.get(first)}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Is this you\? Confirm your profile/ }).click()]);
    await page.locator('form[action="/worker/claim"] [name="email"]').fill(email);
    await submit(page, '/worker/claim');
    expect(await mainText(page)).toContain('Check your email');
    const link = await signInLinkFor(smtp, email);
    await page.goto(link);
    const res = await submit(page, link);
    expect(new URL(res.url()).pathname).toBe('/worker');
    expect(await mainText(page)).toContain(`${first} ${last}, Hastings`);
  });

  it('switches to first name and area, and sends a reply', async () => {
    await page.locator('form[action="/worker/display"] input[value="first_name"]').check();
    await submit(page, '/worker/display');
    expect(await mainText(page)).toContain('How you are shown has changed');
    await page.locator('form[action="/worker/reply"] textarea[name="reply"]').fill(`Thank you, families of Hastings. From ${first}.`);
    await submit(page, '/worker/reply');
    expect(await mainText(page)).toContain('sent to the moderators');
    newSlug = (await page.getByRole('link', { name: 'see your public profile' }).getAttribute('href'))!.replace('/workers/', '');
    expect(newSlug).toBe(`${first.toLowerCase()}-hastings`);
  });

  it('a moderator approves the reply', async () => {
    const mod = await (await newContext(browser, server.url, { viewport: VIEWPORTS.phone, javaScriptEnabled: js })).context.newPage();
    await logIn(mod, MODERATOR);
    const item = mod.locator('li.result', { hasText: `From ${first}.` });
    await expect.poll(() => item.count()).toBe(1);
    const action = await item.locator('form').getAttribute('action');
    await submit(mod, action!, /Approve/);
    expect(await mainText(mod)).toContain('Done.');
    await mod.context().close();
  });

  it('the public profile shows the first name, the mark and the reply; search and JSON agree', async () => {
    await page.goto(`/workers/${newSlug}`);
    const text = await mainText(page);
    expect(text).toContain(first);
    expect(text).not.toContain(last);
    expect(text).toContain('Confirmed by the social worker');
    expect(text).toContain(`Thank you, families of Hastings. From ${first}.`);
    expect((await page.goto(`/workers/${slugs.get(first)}`))!.status()).toBe(404);
    const json = await (await page.request.get(`/api/workers/${newSlug}`)).json();
    expect(json).toMatchObject({
      name: first,
      confirmed: true,
      reply: `Thank you, families of Hastings. From ${first}.`,
      registration: null,
    });
    const search = await (await page.request.get(`/api/search?q=${first}`)).json();
    expect(search.results.map((r: { slug: string; name: string }) => [r.slug, r.name])).toContainEqual([newSlug, first]);
    const bySurname = await (await page.request.get(`/api/search?q=${last}`)).json();
    expect(bySurname.total).toBe(0);
  });

  it('downloads the PDF with the quotes, and its check code verifies', async () => {
    await page.goto('/worker');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download your thanks (PDF)' }).click(),
    ]);
    const path = await download.path();
    pdfText = (await new PDFParse({ data: readFileSync(path!) }).getText()).text.replace(/\s+/g, ' ');
    expect(pdfText).toContain(`${first} listened to us every single week.`);
    expect(pdfText).toContain('Gave us hope when we had none.');
    const code = /Check code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(pdfText)![1]!;
    await page.goto('/check');
    await page.locator('[name="code"]').fill(code);
    await submit(page, '/check');
    const text = await mainText(page);
    expect(text).toContain('This document is genuine');
    expect(text).toContain(`${first} listened to us every single week.`);
  });
});
