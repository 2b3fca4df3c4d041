// Named workers for tests: authority email domains, a real SMTP server in this process that the app
// delivers to (read with mailparser), and a Client signed in as the worker through the real claim
// and sign-in forms.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { Client, csrfFrom, type TestApp } from './app.ts';
import { TestSmtpServer } from './smtp.ts';
import { authorityDomains } from '../../db/schema.ts';

/** Three authorities' domains, as db/authorities.csv has them (seeded again here so the tests say what they rely on). */
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

export type Mail = { subject: string; text: string };

/** The in-process SMTP server of a test file: start it in beforeAll, give `env` to makeApp. */
export function useMailbox() {
  const smtp = new TestSmtpServer();
  const box = {
    env: { SMTP_URL: '' } as Record<string, string>,
    /** everything delivered to this address so far, newest first (the app's outbox is flushed first) */
    async to(app: TestApp, address: string): Promise<Mail[]> {
      await app.mail.flush();
      return smtp.received
        .filter((r) => r.envelopeTo.includes(address))
        .map((r) => ({ subject: r.parsed.subject ?? '', text: r.parsed.text ?? '' }))
        .reverse();
    },
    clear: () => void (smtp.received = []),
  };
  beforeAll(async () => {
    box.env.SMTP_URL = await smtp.start();
  });
  // each test reads only what its own app sent
  afterEach(() => box.clear());
  afterAll(() => smtp.stop());
  return box;
}
export type Mailbox = ReturnType<typeof useMailbox>;

/** The path of the sign-in link in the newest mail to this address ("/cy/worker/sign-in/…" when asked for from a Welsh page). */
export async function signInPathFor(app: TestApp, mailbox: Mailbox, to: string): Promise<string> {
  const mail = (await mailbox.to(app, to))[0];
  expect(mail, `a mail to ${to}`).toBeDefined();
  const m = /https?:\/\/[^/\s]+((?:\/cy)?\/worker\/sign-in\/[A-Za-z0-9_-]{43})/.exec(mail!.text);
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
export async function signedInWorker(app: TestApp, mailbox: Mailbox, slug: string, email: string): Promise<Client> {
  const client = new Client(app);
  const res = await claim(client, slug, email);
  expect(res.statusCode).toBe(200);
  const signedIn = await useLink(client, await signInPathFor(app, mailbox, email));
  expect(signedIn.statusCode, signedIn.body.slice(0, 300)).toBe(303);
  expect(signedIn.headers.location).toBe('/worker');
  return client;
}

/** The CSRF token of the worker's own page. */
export const workerCsrf = (client: Client) => client.csrf('/worker');
