// The steps people take in the browser, shared by the journey, page and XSS suites. Fields are
// found by the names in the public contract (SPEC.md), buttons by the form they submit.
import type { Page, Response } from 'playwright-core';

export type NominationValues = {
  worker_name?: string;
  area?: string;
  /** typed into the free-text area field instead of choosing from the list */
  area_text?: string;
  team?: string;
  relationship?: string;
  qualities?: string[];
  still_involved?: string;
  story?: string;
  /** "I am not this social worker, a colleague, or writing for them" */
  independent?: boolean;
  consent?: boolean;
  contact_email?: string;
};

export const GOOD_NOMINATION: Required<Omit<NominationValues, 'area_text'>> = {
  worker_name: 'Priya Okafor',
  area: 'hastings',
  team: 'Family Support Team East',
  relationship: 'parent',
  qualities: ['listened', 'hope'],
  still_involved: 'moved_on',
  story: 'She listened to us when nobody else would and gave us hope that things could change for our family.',
  independent: true,
  consent: true,
  contact_email: '',
};

/** Click the submit button of the form posting to `action` and wait for the page it leads to. */
export async function submit(page: Page, action: string, buttonText?: RegExp): Promise<Response> {
  // A page may have several forms with one action (approve / reject): look at all their buttons.
  const buttons = page.locator(`form[action="${action}"]`).locator('button[type="submit"], button:not([type]), input[type="submit"]');
  const button = buttonText ? buttons.filter({ hasText: buttonText }).first() : buttons.first();
  const [res] = await Promise.all([page.waitForNavigation(), button.click()]);
  if (!res) throw new Error(`submitting ${action} did not load a page`);
  return res;
}

/** Fill the nomination form (posting to `action`: /cy/nominate in Welsh) with whatever of `v` is given (fields left out are left alone). */
export async function fillNomination(page: Page, v: NominationValues, action = '/nominate'): Promise<void> {
  const form = page.locator(`form[action="${action}"]`);
  if (v.worker_name !== undefined) await form.locator('[name="worker_name"]').fill(v.worker_name);
  if (v.area !== undefined) await form.locator('select[name="area"]').selectOption(v.area);
  if (v.area_text !== undefined) await form.locator('[name="area_text"]').fill(v.area_text);
  if (v.team !== undefined) await form.locator('[name="team"]').fill(v.team);
  if (v.relationship !== undefined) await form.locator(`input[name="relationship"][value="${v.relationship}"]`).check();
  for (const q of v.qualities ?? []) await form.locator(`input[name="qualities"][value="${q}"]`).check();
  if (v.still_involved !== undefined) await form.locator(`input[name="still_involved"][value="${v.still_involved}"]`).check();
  if (v.story !== undefined) await form.locator('[name="story"]').fill(v.story);
  if (v.independent) await form.locator('input[name="independent"]').check();
  if (v.consent) await form.locator('input[name="consent"]').check();
  if (v.contact_email !== undefined) await form.locator('[name="contact_email"]').fill(v.contact_email);
}

/** From the done page: the reference the family keeps. */
export async function readReference(page: Page): Promise<string> {
  const m = /\/nominate\/done\/([^/?#]+)/.exec(page.url());
  if (!m) throw new Error(`not on the done page: ${page.url()}`);
  return decodeURIComponent(m[1]!);
}

/** Nominate all the way to the done page; returns the reference. */
export async function nominateInBrowser(page: Page, v: NominationValues = GOOD_NOMINATION): Promise<string> {
  await page.goto('/nominate');
  await fillNomination(page, v);
  const check = await submit(page, '/nominate');
  if (check.status() !== 200)
    throw new Error(`POST /nominate answered ${check.status()}: ${(await page.locator('main').innerText()).slice(0, 500)}`);
  const done = await submit(page, '/nominate/confirm');
  if (done.status() !== 200) throw new Error(`confirm answered ${done.status()}`);
  return readReference(page);
}

export const MODERATOR = { email: 'moderator@example.org', password: 'correct horse battery staple 42' };
export const ADMIN = { email: 'admin@example.org', password: 'another long passphrase for admin 7' };

export async function logIn(page: Page, who: { email: string; password: string }): Promise<Response> {
  await page.goto('/moderate/login');
  await page.locator('form[action="/moderate/login"] [name="email"]').fill(who.email);
  await page.locator('form[action="/moderate/login"] [name="password"]').fill(who.password);
  return submit(page, '/moderate/login');
}
