// "Tell me when it is published": a family that gave an email may ask for one neutral message; it is
// queued with the moderator's approval and the address is deleted at the decision.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { nominations, outbox } from '../db/schema.ts';
import { csrfFrom, makeApp, type Client, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { checkAnswers, nominate, validNomination } from './helpers/nominate.ts';
import { TestSmtpServer } from './helpers/smtp.ts';
import { compactReference } from '../server/nominations/reference.ts';

const EMAIL = 'a.parent@example.org';
const STORY = 'Jane Smith listened to us when nobody else would. She came to every meeting and helped us get our family back together.';
const QUOTE = 'She listened to us when nobody else would and helped us get our family back together.';

let smtp: TestSmtpServer;
let smtpUrl: string;
beforeAll(async () => {
  smtp = new TestSmtpServer();
  smtpUrl = await smtp.start();
});
afterAll(() => smtp.stop());

let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ SMTP_URL: smtpUrl, PUBLIC_URL: 'https://goodsocialworker.example' });
});
afterEach(async () => {
  await app.close();
  smtp.received = [];
});

const nominationOf = (ref: string) =>
  app.db
    .select()
    .from(nominations)
    .where(eq(nominations.ref, compactReference(decodeURIComponent(ref))))
    .get()!;

async function decide(client: Client, id: number, form: Record<string, string>) {
  const page = await client.get(`/moderate/nominations/${id}`);
  return client.post(`/moderate/nominations/${id}`, { _csrf: csrfFrom(page.body)!, ...form });
}

describe('the opt-in on the form', () => {
  it('sits with the email field, and is shown on the check page only with an address', async () => {
    const form = await app.inject('/nominate');
    expect(form.body).toMatch(
      /name="contact_email"[\s\S]*<legend>Tell me when it is published \(optional\)<\/legend>[\s\S]*id="notify_published" name="notify_published" value="yes"/,
    );
    const withEmail = await checkAnswers(app, validNomination({ contact_email: EMAIL, notify_published: 'yes' }));
    expect(withEmail.check.statusCode).toBe(200);
    expect(withEmail.check.body).toContain('Yes, once, by email');
    expect(withEmail.check.body).toContain('<input type="hidden" name="notify_published" value="yes">');
    const without = await checkAnswers(app, validNomination());
    expect(without.check.body).not.toContain('Tell you when it is published');
  });

  it('asks for the address when the box is ticked without one, with the other answers kept', async () => {
    const { check } = await checkAnswers(app, validNomination({ notify_published: 'yes', story: 'short' }));
    expect(check.statusCode).toBe(400);
    expect(check.body).toContain(
      '<a href="#contact_email">Enter your email address, so we can tell you when it is published, or untick the box</a>',
    );
    expect(check.body).toMatch(/id="notify_published" name="notify_published" value="yes" checked/);
  });

  it('is stored with the nomination', async () => {
    const asked = await nominate(app, validNomination({ contact_email: EMAIL, notify_published: 'yes' }));
    const not = await nominate(app, validNomination({ contact_email: EMAIL, story: `${STORY} Another one.` }));
    expect(nominationOf(asked.ref!)).toMatchObject({ contactEmail: EMAIL, notifyPublished: true });
    expect(nominationOf(not.ref!)).toMatchObject({ contactEmail: EMAIL, notifyPublished: false });
  });
});

describe('at the decision', () => {
  it('queues one neutral message with the profile link when approved, and deletes the address', async () => {
    const { ref } = await nominate(
      app,
      validNomination({ worker_name: 'Jane Smith', story: STORY, contact_email: EMAIL, notify_published: 'yes' }),
    );
    const n = nominationOf(ref!);
    const { client } = await signedInModerator(app);
    const res = await decide(client, n.id, { action: 'approve', quote: QUOTE, worker: 'new', new_name: 'Jane Smith' });
    expect(res.statusCode).toBe(303);
    expect(nominationOf(ref!).contactEmail).toBeNull();
    expect(app.db.select().from(outbox).all()).toMatchObject([{ kind: 'nominator_published', status: 'queued', toAddress: EMAIL }]);

    expect(await app.mail.flush()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!.parsed;
    expect(smtp.received[0]!.envelopeTo).toEqual([EMAIL]);
    expect(mail.subject).toBe('An update from The Good Social Worker directory');
    expect(mail.text).toContain('https://goodsocialworker.example/workers/jane-smith-hastings');
    // nothing of the story, the quote, the relationship or the family
    for (const words of ['listened', 'meeting', 'family back', 'parent', 'Priya', 'Hastings']) expect(mail.text).not.toContain(words);
    expect(mail.subject).not.toMatch(/Jane|Smith/);
    // the outbox keeps no address once sent
    expect(app.db.select().from(outbox).get()).toMatchObject({ status: 'sent', toAddress: 'a•••@example.org', bodyText: '' });
  });

  it('sends nothing when the family did not ask, or when the nomination is rejected', async () => {
    const { client } = await signedInModerator(app);
    const notAsked = await nominate(app, validNomination({ worker_name: 'Jane Smith', story: STORY, contact_email: EMAIL }));
    await decide(client, nominationOf(notAsked.ref!).id, { action: 'approve', quote: QUOTE, worker: 'new', new_name: 'Jane Smith' });
    const rejected = await nominate(
      app,
      validNomination({ worker_name: 'Ann Other', story: `${STORY} Again.`, contact_email: EMAIL, notify_published: 'yes' }),
    );
    const r = await decide(client, nominationOf(rejected.ref!).id, { action: 'reject', reason: 'not_about_worker' });
    expect(r.statusCode).toBe(303);
    expect(nominationOf(rejected.ref!).contactEmail).toBeNull();
    expect(app.db.select().from(outbox).all()).toEqual([]);
  });
});
