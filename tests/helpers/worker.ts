// Named workers for tests: authority email domains, reading the mailed sign-in link, and a Client
// signed in as the worker through the real claim and sign-in forms.
import { expect } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { Client, csrfFrom, type TestApp } from './app.ts';
import { authorityDomains, outbox } from '../../db/schema.ts';

/** Three authorities' domains, enough for the tests (the real list is seeded from db/authorities.csv). */
export function seedAuthorityDomains(app: TestApp): void {
  app.db
    .insert(authorityDomains)
    .values([
      { authority: 'East Sussex', nation: 'England', domain: 'eastsussex.gov.uk' },
      { authority: 'Sefton', nation: 'England', domain: 'sefton.gov.uk' },
      { authority: 'Cardiff', nation: 'Wales', domain: 'cardiff.gov.uk' },
    ])
    .onConflictDoNothing()
    .run();
}

export const mailsTo = (app: TestApp, to: string) => app.db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(desc(outbox.id)).all();

/** The path of the sign-in link in the newest mail to this address. */
export function signInPathFor(app: TestApp, to: string): string {
  const mail = mailsTo(app, to)[0];
  expect(mail, `a mail to ${to}`).toBeDefined();
  const m = /https?:\/\/[^/\s]+(\/worker\/sign-in\/[A-Za-z0-9_-]{43})/.exec(mail!.bodyText);
  expect(m, 'a sign-in link in the mail').not.toBeNull();
  return m![1]!;
}

export async function claim(client: Client, slug: string, email: string) {
  const _csrf = await client.csrf(`/worker/claim?profile=${encodeURIComponent(slug)}`);
  return client.post('/worker/claim', { _csrf, profile: slug, email });
}

/** Follows a mailed link: GET shows the button, POST signs in. */
export async function useLink(client: Client, path: string) {
  const page = await client.get(path);
  const _csrf = csrfFrom(page.body);
  if (!_csrf) return page;
  return client.post(path, { _csrf });
}

/** A Client signed in as the worker of this profile, with a work address the authority accepts. */
export async function signedInWorker(app: TestApp, slug: string, email: string): Promise<Client> {
  const client = new Client(app);
  const res = await claim(client, slug, email);
  expect(res.statusCode).toBe(200);
  const signedIn = await useLink(client, signInPathFor(app, email));
  expect(signedIn.statusCode, signedIn.body.slice(0, 300)).toBe(303);
  expect(signedIn.headers.location).toBe('/worker');
  return client;
}

/** The CSRF token of the worker's own page. */
export const workerCsrf = (client: Client) => client.csrf('/worker');
