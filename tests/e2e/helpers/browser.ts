// Debian's Chromium driven by playwright-core. Missing Chromium is a FAILURE with a clear message:
// these checks are part of the suite, not optional extras.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const VIEWPORTS = {
  phone: { width: 375, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. The browser tests need it: run ` +
        '`apt-get install -y chromium` (as .ci/run does) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export type ContextOptions = BrowserContextOptions & { javaScriptEnabled?: boolean };

/**
 * A fresh browser context (its own cookies) whose pages record any dialog (alert/confirm/prompt)
 * and any uncaught page error, so tests can assert that nothing ever executes.
 */
export async function newContext(browser: Browser, baseURL: string, opts: ContextOptions = {}) {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORTS.desktop, ...opts });
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  context.on('page', (page) => watch(page, dialogs, pageErrors));
  context.setDefaultTimeout(15_000);
  return { context, dialogs, pageErrors, newPage: () => newWatchedPage(context) };
}

async function newWatchedPage(context: BrowserContext): Promise<Page> {
  return context.newPage();
}

function watch(page: Page, dialogs: string[], pageErrors: string[]) {
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => pageErrors.push(`${e.message} on ${page.url()}`));
}
