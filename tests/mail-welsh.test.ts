// Every mail in the language of the person it goes to, through the real app and a real SMTP server in
// this process: the worker's mails in the language of the page they asked from (the claim, a sign-in
// again, a moderator's confirmation of a request made in Welsh), the family's one mail in the
// language they nominated in. Each stays neutral: no story, no name, nothing about the family.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { hidden, unescapeHtml, validNomination, type NominationForm } from './helpers/nominate.ts';
import { seedAuthorityDomains, signedInWorker, signInPathFor, useLink, useMailbox, type Mail } from './helpers/worker.ts';
import { englishIn } from './helpers/welsh.ts';
import { nominations, workerConfirmationRequests } from '../db/schema.ts';
import { compactReference } from '../server/nominations/reference.ts';
import { mailMissingKeys, workerClaimTakenMail } from '../server/mail/messages.ts';

const mailbox = useMailbox();
let app: TestApp;
let slug: string;
const PUBLIC_URL = 'https://goodsocialworker.example';
const EMAIL = 'gwen.price@cardiff.gov.uk';

beforeEach(async () => {
  app = await makeApp({ ...mailbox.env, PUBLIC_URL });
  seedAuthorityDomains(app);
  slug = seedNomination(app, { workerName: 'Gwen Price', area: 'cardiff', quote: 'Gwrandawodd arnom bob tro.' }).slug!;
});
afterEach(async () => {
  expect([...mailMissingKeys], 'mail keys missing from the catalogue').toEqual([]);
  await app.close();
});

/** Welsh sentences only (the links are addresses), and nothing about the profile or the family. */
function expectWelshAndNeutral(mail: Mail) {
  for (const paragraph of [mail.subject, ...mail.text.split('\n\n')]) {
    expect(englishIn(paragraph.replace(/https?:\/\/\S+/g, '')), paragraph).toEqual([]);
  }
  for (const words of ['Gwen', 'Price', 'Gwrandawodd', 'Caerdydd', 'Cardiff', 'rhiant']) {
    expect(`${mail.subject}\n${mail.text.replace(/https?:\/\/\S+/g, '')}`).not.toContain(words);
  }
  expect(mail.text).toContain(`Cyfeiriadur y Gweithiwr Cymdeithasol Da\n${PUBLIC_URL}/cy\n`);
}

async function claimFrom(client: Client, lang: 'en' | 'cy', profile: string, email: string) {
  const prefix = lang === 'cy' ? '/cy' : '';
  const _csrf = await client.csrf(`${prefix}/worker/claim?profile=${encodeURIComponent(profile)}`);
  return client.post(`${prefix}/worker/claim`, { _csrf, profile, email });
}

describe("the worker's mails, in the language of the page they asked from", () => {
  it('the sign-in link: asked for in Welsh, a Welsh mail leading to the Welsh page; in English, an English one', async () => {
    await claimFrom(new Client(app), 'cy', slug, EMAIL);
    const [welsh] = await mailbox.to(app, EMAIL);
    expect(welsh!.subject).toBe('Eich dolen fewngofnodi ar gyfer Cyfeiriadur y Gweithiwr Cymdeithasol Da');
    expect(welsh!.text).toContain("Mae'r ddolen yn gweithio unwaith ac am 30 munud.");
    expect(welsh!.text).toMatch(new RegExp(`Mewngofnodi:\\n${PUBLIC_URL}/cy/worker/sign-in/[A-Za-z0-9_-]{43}\\n`));
    expectWelshAndNeutral(welsh!);

    mailbox.clear();
    await claimFrom(new Client(app), 'en', slug, EMAIL);
    const [english] = await mailbox.to(app, EMAIL);
    expect(english!.subject).toBe('Your sign-in link for The Good Social Worker directory');
    expect(english!.text).toMatch(new RegExp(`Sign in:\\n${PUBLIC_URL}/worker/sign-in/[A-Za-z0-9_-]{43}\\n`));
    expect(english!.text).toContain(`The Good Social Worker directory\n${PUBLIC_URL}/\n`);
  });

  it('a Welsh link signs in to the Welsh page; the session then holds in English too', async () => {
    const client = new Client(app);
    await claimFrom(client, 'cy', slug, EMAIL);
    const res = await useLink(client, await signInPathFor(app, mailbox, EMAIL));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/cy/worker');
    expect((await client.get('/cy/worker')).body).toContain('<h1>Eich proffil</h1>');
    expect((await client.get('/worker')).body).toContain('<h1>Your profile</h1>');
  });

  it('"already confirmed by someone else", asked for in Welsh: a Welsh mail with no sign-in link', async () => {
    await signedInWorker(app, mailbox, slug, EMAIL);
    mailbox.clear();
    await claimFrom(new Client(app), 'cy', slug, 'colleague@cardiff.gov.uk');
    const [mail] = await mailbox.to(app, 'colleague@cardiff.gov.uk');
    expect(mail!.subject).toBe("Ynglŷn â'ch cais i Gyfeiriadur y Gweithiwr Cymdeithasol Da");
    expect(mail!.text).toContain(`Gofyn i gymedrolwr:\n${PUBLIC_URL}/cy/worker/claim\n`);
    expect(mail!.text).not.toContain('/sign-in/');
    expectWelshAndNeutral(mail!);
  });

  it('signing in again from the Welsh page: a Welsh mail', async () => {
    await signedInWorker(app, mailbox, slug, EMAIL);
    mailbox.clear();
    const client = new Client(app);
    const _csrf = await client.csrf('/cy/worker/sign-in');
    await client.post('/cy/worker/sign-in', { _csrf, email: EMAIL });
    const [mail] = await mailbox.to(app, EMAIL);
    expect(mail!.subject).toBe('Eich dolen fewngofnodi ar gyfer Cyfeiriadur y Gweithiwr Cymdeithasol Da');
    expect(mail!.text).toContain(`${PUBLIC_URL}/cy/worker/sign-in/`);
    expectWelshAndNeutral(mail!);
  });

  it("a request made in Welsh keeps its language: the moderator's confirmation (an English page) mails the link in Welsh", async () => {
    const asks = async (lang: 'en' | 'cy', email: string) => {
      const client = new Client(app);
      const answer = await claimFrom(client, lang, slug, email);
      const res = await client.post(`${lang === 'cy' ? '/cy' : ''}/worker/claim/manual`, {
        _csrf: csrfFrom(answer.body)!,
        profile: slug,
        email,
        note: 'Gweithiwr asiantaeth gyda Chyngor Caerdydd ers 2025.',
      });
      expect(res.statusCode).toBe(200);
      return client;
    };
    const welshClient = await asks('cy', 'gwen@asiantaeth.example');
    const requests = app.db.select({ lang: workerConfirmationRequests.lang }).from(workerConfirmationRequests).all();
    expect(requests).toEqual([{ lang: 'cy' }]);
    const { client: mod } = await signedInModerator(app);
    const queue = await mod.get('/moderate');
    const id = /\/moderate\/worker-confirmations\/(\d+)/.exec(queue.body)![1];
    expect((await mod.post(`/moderate/worker-confirmations/${id}`, { _csrf: csrfFrom(queue.body)!, action: 'confirm' })).statusCode).toBe(
      303,
    );
    const [mail] = await mailbox.to(app, 'gwen@asiantaeth.example');
    expect(mail!.subject).toBe('Eich dolen fewngofnodi ar gyfer Cyfeiriadur y Gweithiwr Cymdeithasol Da');
    expectWelshAndNeutral(mail!);
    const signedIn = await useLink(welshClient, await signInPathFor(app, mailbox, 'gwen@asiantaeth.example'));
    expect(signedIn.headers.location).toBe('/cy/worker');
  });
});

const nominationOf = (ref: string) =>
  app.db
    .select()
    .from(nominations)
    .where(eq(nominations.ref, compactReference(decodeURIComponent(ref))))
    .get()!;

/** The whole nomination journey from the page in `lang`: the form, check your answers, confirm. Returns the reference. */
async function nominateFrom(lang: 'en' | 'cy', form: NominationForm): Promise<string> {
  const prefix = lang === 'cy' ? '/cy' : '';
  const client = new Client(app);
  const page = await client.get(`${prefix}/nominate`);
  const check = await client.post(`${prefix}/nominate`, {
    _csrf: hidden(page.body, '_csrf')!,
    started: hidden(page.body, 'started'),
    ...form,
  });
  expect(check.statusCode).toBe(200);
  const confirmForm = check.body.slice(check.body.indexOf(`action="${prefix}/nominate/confirm"`));
  const body: Record<string, string | string[]> = {};
  for (const m of confirmForm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    const prev = body[m[1]!];
    const value = unescapeHtml(m[2]!);
    body[m[1]!] = prev === undefined ? value : [prev, value].flat();
  }
  const confirm = await client.post(`${prefix}/nominate/confirm`, body);
  expect(confirm.statusCode).toBe(303);
  return decodeURIComponent(String(confirm.headers.location).split('/').pop()!);
}

async function approve(ref: string, name: string) {
  const n = nominationOf(ref);
  const { client } = await signedInModerator(app);
  const page = await client.get(`/moderate/nominations/${n.id}`);
  const res = await client.post(`/moderate/nominations/${n.id}`, {
    _csrf: csrfFrom(page.body)!,
    action: 'approve',
    quote: 'Gwrandawodd arnom pan nad oedd neb arall yn gwrando.',
    worker: 'new',
    new_name: name,
  });
  expect(res.statusCode).toBe(303);
}

describe("the family's one mail, in the language they nominated in", () => {
  const story = 'Gwrandawodd Rhian arnom pan nad oedd neb arall yn gwrando, a rhoddodd obaith i ni fel teulu.';

  it('nominated on the Welsh form: the nomination keeps "cy", and the published mail is in Welsh, linking to the Welsh profile', async () => {
    const ref = await nominateFrom(
      'cy',
      validNomination({ worker_name: 'Rhian Jones', area: 'cardiff', story, contact_email: 'teulu@example.org', notify_published: 'yes' }),
    );
    expect(nominationOf(ref)).toMatchObject({ lang: 'cy', notifyPublished: true });
    await approve(ref, 'Rhian Jones');
    const [mail] = await mailbox.to(app, 'teulu@example.org');
    expect(mail!.subject).toBe('Diweddariad gan Gyfeiriadur y Gweithiwr Cymdeithasol Da');
    expect(mail!.text).toContain('Gofynnoch i ni ddweud wrthych pan fyddai eich argymhelliad yn cael ei gyhoeddi.');
    expect(mail!.text).toContain(`Gweld y dudalen:\n${PUBLIC_URL}/cy/workers/rhian-jones-cardiff\n`);
    expectWelshAndNeutral(mail!);
    for (const words of ['Rhian', 'obaith', 'teulu@']) expect(mail!.text.replace(/https?:\/\/\S+/g, '')).not.toContain(words);
  });

  it('nominated on the English form: "en", and an English mail', async () => {
    const ref = await nominateFrom(
      'en',
      validNomination({ worker_name: 'Rhian Jones', area: 'cardiff', story, contact_email: 'family@example.org', notify_published: 'yes' }),
    );
    expect(nominationOf(ref).lang).toBe('en');
    await approve(ref, 'Rhian Jones');
    const [mail] = await mailbox.to(app, 'family@example.org');
    expect(mail!.subject).toBe('An update from The Good Social Worker directory');
    expect(mail!.text).toContain(`See the page:\n${PUBLIC_URL}/workers/rhian-jones-cardiff\n`);
  });
});

describe('with no mail server', () => {
  it('a Welsh mail written as an .eml file keeps its letters (ŷ, â) in the subject and the body', async () => {
    const fileApp = await makeApp({ PUBLIC_URL });
    try {
      fileApp.mail.queue(workerClaimTakenMail(PUBLIC_URL, 'cy', 'gwen@cardiff.gov.uk'));
      expect(await fileApp.mail.flush()).toMatchObject({ sent: 1 });
      const [file] = readdirSync(fileApp.mail.folder!);
      const parsed = await simpleParser(readFileSync(join(fileApp.mail.folder!, file!)));
      expect(parsed.subject).toBe("Ynglŷn â'ch cais i Gyfeiriadur y Gweithiwr Cymdeithasol Da");
      expect(parsed.text).toContain("Os mai eich proffil chi yw hwn ac nad ydych yn defnyddio'r cyfeiriad hwnnw mwyach");
      expect(parsed.html).toBe(false);
    } finally {
      await fileApp.close();
    }
  });
});
