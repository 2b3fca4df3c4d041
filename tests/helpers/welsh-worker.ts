// The named worker's pages walked in Welsh (and their English twins) through the real app, signed in
// through the real claim and the mailed link: every page in its language (lang, hreflang to both
// versions, the language link to the same page, forms and links that stay in the language, no
// English sentence on a Welsh page), every form's error state, the mails in Welsh, and one session
// that works in both languages.
import { expect } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { Client, csrfFrom, type TestApp } from './app.ts';
import { seedNomination } from './seed.ts';
import { englishIn, pageText } from './welsh.ts';
import { signInPathFor, type Mailbox } from './worker.ts';
import { localPath } from '../../server/i18n/index.ts';

type Res = { statusCode: number; body: string; headers: Record<string, unknown> };

const BASE = 'http://localhost:3000';
const esc = (s: string) => s.replace(/&/g, '&amp;');

/**
 * One page checked in the language of the address asked for: its status, lang, both hreflang
 * alternates and the language link pointing at `same` (the page's English path) in each language.
 * A Welsh page has no English sentence, and its forms and links stay Welsh.
 */
export function expectPage(res: Res, url: string, status: number, same: string): string {
  expect(res.statusCode, `${url}: status`).toBe(status);
  const welsh = url.startsWith('/cy/');
  const cy = localPath('cy', same);
  const body = res.body;
  expect(/<html lang="([^"]+)"/.exec(body)?.[1], `${url}: lang`).toBe(welsh ? 'cy' : 'en-GB');
  expect(body, `${url}: hreflang en`).toContain(`<link rel="alternate" hreflang="en" href="${BASE}${esc(same)}">`);
  expect(body, `${url}: hreflang cy`).toContain(`<link rel="alternate" hreflang="cy" href="${BASE}${esc(cy)}">`);
  const link = /<a href="([^"]*)" hreflang="(en|cy)" lang="\2" data-language-link>([^<]+)<\/a>/.exec(body);
  expect(link, `${url}: language link`).not.toBeNull();
  expect(link![1], `${url}: the language link keeps the page`).toBe(esc(welsh ? same : cy));
  if (welsh) {
    const { text, attributes } = pageText(body);
    const english = [...text, ...attributes].filter((t) => englishIn(t).length);
    expect(english, `${url}: English on a Welsh page`).toEqual([]);
    const withoutLanguageLink = body.replace(/<a [^>]*data-language-link>[^<]*<\/a>/, '');
    expect(withoutLanguageLink, `${url}: a form or link that leaves Welsh`).not.toMatch(
      /(action|href)="\/(worker|workers|named|search|check)\b/,
    );
  }
  return body;
}

/** The sign-in cookie is set (or cleared) for the worker's pages in both languages, and only for them. */
function expectWorkerCookies(res: Res, cleared: boolean) {
  const raw = res.headers['set-cookie'];
  const cookies = (Array.isArray(raw) ? raw : [raw]).map(String).filter((c) => c.startsWith('gsw_worker='));
  expect(cookies.map((c) => /Path=([^;]+)/.exec(c)?.[1]).sort()).toEqual(['/cy/worker', '/worker']);
  for (const c of cookies) {
    expect(c).toContain('HttpOnly');
    expect(c).toContain('SameSite=Strict');
    if (cleared) expect(c).toMatch(/^gsw_worker=;|Expires=Thu, 01 Jan 1970/);
  }
}

const csrfOf = (res: Res) => {
  const token = csrfFrom(res.body);
  expect(token, 'a CSRF token on the page').toBeDefined();
  return token!;
};

export async function welshWorkerWalk(app: TestApp, mailbox: Mailbox, opts: { area: string }) {
  const first = seedNomination(app, {
    workerName: 'Gwen Price',
    area: opts.area,
    quote: 'Gwrandawodd arnom bob tro.',
    qualities: ['listened', 'hope'],
  });
  seedNomination(app, { workerName: 'Gwen Price', area: opts.area, workerId: first.workerId!, quote: 'She never gave up on us.' });
  // the same worker under her earlier name: a second profile for the merge form
  const second = seedNomination(app, { workerName: 'Gwen Hughes', area: opts.area, quote: 'Roedd hi yno i ni.' });
  const slug = first.slug!;
  const otherSlug = second.slug!;
  const EMAIL = 'gwen.price@cardiff.gov.uk';
  const claimPage = `/worker/claim?profile=${slug}`;
  const cy = new Client(app);

  // the Welsh profile leads to the Welsh "Is this you?"
  expect((await cy.get(`/cy/workers/${slug}`)).body).toContain(`<a href="/cy/worker/claim?profile=${slug}">Ai chi yw&#39;r person hwn?`);
  // "Is this you?", its error, its answer, asking a moderator with its error
  const form = expectPage(await cy.get(`/cy${claimPage}`), `/cy${claimPage}`, 200, claimPage);
  expect(form).toContain('<form method="post" action="/cy/worker/claim" novalidate>');
  expect(form).toContain('Gwen Price, gweithiwr cymdeithasol yn ardal Caerdydd');
  expectPage(await cy.get(claimPage), claimPage, 200, claimPage);
  const _csrf = csrfOf(await cy.get(`/cy${claimPage}`));
  const bad = expectPage(
    await cy.post('/cy/worker/claim', { _csrf, profile: slug, email: 'dim cyfeiriad' }),
    '/cy/worker/claim',
    400,
    claimPage,
  );
  expect(bad).toContain('<title>Gwall: Ai chi yw&#39;r person hwn?');
  expect(bad).toContain('<a href="#email">Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@caerdydd.gov.uk</a>');
  const sent = expectPage(await cy.post('/cy/worker/claim', { _csrf, profile: slug, email: EMAIL }), '/cy/worker/claim', 200, claimPage);
  expect(sent).toContain(`Os yw <strong>${EMAIL}</strong> yn un o gyfeiriadau gwaith Caerdydd`);
  expect(sent).toContain('action="/cy/worker/claim/manual"');
  const manual = expectPage(
    await cy.post('/cy/worker/claim/manual', { _csrf, profile: slug, email: '', note: 'byr' }),
    '/cy/worker/claim/manual',
    400,
    claimPage,
  );
  expect(manual).toContain('<a href="#email">Rhowch eich cyfeiriad e-bost gwaith</a>');
  expect(manual).toContain('<a href="#note">Dywedwch wrth y cymedrolwyr mewn ychydig eiriau');

  // the mail, in Welsh, with a link to the Welsh page; GET shows the button; POST signs in
  const mail = (await mailbox.to(app, EMAIL))[0]!;
  expect(mail.subject).toBe('Eich dolen fewngofnodi ar gyfer Cyfeiriadur y Gweithiwr Cymdeithasol Da');
  // every sentence Welsh (the links are addresses, not words)
  for (const paragraph of mail.text.split('\n\n')) expect(englishIn(paragraph.replace(/https?:\/\/\S+/g, '')), paragraph).toEqual([]);
  const link = await signInPathFor(app, mailbox, EMAIL);
  expect(link).toMatch(/^\/cy\/worker\/sign-in\//);
  const english = link.slice(3);
  const button = expectPage(await cy.get(link), link, 200, english);
  expect(button).toContain(`action="${link}"`);
  expectPage(await new Client(app).get(english), english, 200, english);
  const signedIn = await cy.post(link, { _csrf: csrfOf(await cy.get(link)) });
  expect(signedIn.statusCode).toBe(303);
  expect(signedIn.headers.location).toBe('/cy/worker');
  expectWorkerCookies(signedIn, false);

  // a second profile added to the same sign-in, from the Welsh claim page
  const more = await cy.post('/cy/worker/claim', {
    _csrf: csrfOf(await cy.get(`/cy/worker/claim?profile=${otherSlug}`)),
    profile: otherSlug,
    email: EMAIL,
  });
  expect(more.statusCode).toBe(200);
  const moreLink = await signInPathFor(app, mailbox, EMAIL);
  expect((await cy.post(moreLink, { _csrf: csrfOf(await cy.get(moreLink)) })).headers.location).toBe('/cy/worker');
  const home = expectPage(await cy.get('/cy/worker'), '/cy/worker', 200, '/worker');
  expect(home).toContain(`Rydych wedi mewngofnodi fel <strong>${EMAIL}</strong>.`);
  expect(home).toContain('<h2 id="profile-0">Gwen Price, Caerdydd</h2>');
  expect(home).toContain('2 argymhelliad a gyhoeddwyd.');
  expect(home).toContain('<h2 id="profile-1">Gwen Hughes, Caerdydd</h2>');
  expect(home).toContain('Gwrando arnom a pharchu ein barn: ');
  expect(home).toContain('<h2 id="merge">Cyfuno dau o&#39;ch proffiliau</h2>');
  // regulators by their own names: Social Care Wales in Welsh, the others in English, marked as English
  expect(home).toContain('<option value="scw">Gofal Cymdeithasol Cymru</option>');
  expect(home).toContain('<option value="swe" lang="en">Social Work England</option>');
  // the same session in English
  expectPage(await cy.get('/worker'), '/worker', 200, '/worker');

  // every form's error state, in Welsh, shown at the form's address with the language link to the page
  const token = csrfOf(await cy.get('/cy/worker'));
  const errors: [string, Record<string, string>, string][] = [
    ['/cy/worker/display', { profile: slug, display: 'nonsense' }, 'Dewiswch sut rydych am gael eich dangos'],
    [
      '/cy/worker/reply',
      { profile: slug, reply: 'x'.repeat(501) },
      'Rhaid i&#39;ch ateb fod yn 500 nod neu lai. Rydych wedi ysgrifennu 501.',
    ],
    ['/cy/worker/registration', { profile: slug, regulator: 'scw', number: 'W12A' }, 'Rhowch rif cofrestru gyda Gofal Cymdeithasol Cymru'],
    ['/cy/worker/registration', { profile: slug, regulator: 'swe', number: '123' }, 'yn y fformat cywir ar gyfer Lloegr: &quot;SW&quot;'],
    [
      '/cy/worker/registration',
      { profile: slug, regulator: 'nobody', number: '1234' },
      'Dewiswch y rheoleiddiwr rydych wedi&#39;ch cofrestru gydag ef',
    ],
    ['/cy/worker/merge', { from: slug, into: slug, note: '' }, 'Dewiswch ddau broffil gwahanol i&#39;w cyfuno'],
    ['/cy/worker/merge', { from: otherSlug, into: slug, note: 'n'.repeat(1001) }, 'Rhaid i&#39;ch nodyn fod yn 1,000 nod neu lai'],
  ];
  for (const [url, body, message] of errors) {
    const page = expectPage(await cy.post(url, { _csrf: token, ...body }), url, 400, '/worker');
    expect(page, url).toContain('<title>Gwall: Eich proffil');
    expect(page, url).toContain(message);
  }

  // every form done, each answered in Welsh
  const done: [string, Record<string, string>, string][] = [
    ['/cy/worker/display', { profile: slug, display: 'full' }, 'display'],
    ['/cy/worker/reply', { profile: slug, reply: 'Diolch i bob teulu.' }, 'reply_sent'],
    ['/cy/worker/reply', { profile: slug, reply: '' }, 'reply_removed'],
    ['/cy/worker/registration', { profile: slug, regulator: 'scw', number: '123456' }, 'registration'],
    ['/cy/worker/hide', { profile: slug, hidden: 'yes' }, 'hidden'],
    ['/cy/worker/hide', { profile: slug, hidden: 'no' }, 'shown'],
    ['/cy/worker/merge', { from: otherSlug, into: slug, note: '' }, 'merge'],
  ];
  for (const [url, body, what] of done) {
    const res = await cy.post(url, { _csrf: token, ...body });
    expect(res.statusCode, url).toBe(303);
    expect(res.headers.location, url).toBe(`/cy/worker?done=${what}`);
    const page = expectPage(await cy.get(String(res.headers.location)), String(res.headers.location), 200, '/worker');
    expect(page).toContain('<div class="notice" role="status"><p>');
  }

  // the Welsh profile names the regulator by its Welsh name
  const profile = await cy.get(`/cy/workers/${slug}`);
  expect(profile.body).toContain('Wedi&#39;i gofrestru gyda Gofal Cymdeithasol Cymru, rhif 123456.');
  expect(profile.body).toContain('Gwirio cofrestr Gofal Cymdeithasol Cymru');

  // my thanks: the printable page and the PDF, in Welsh
  const thanksUrl = `/worker/thanks?profile=${slug}`;
  const thanks = expectPage(await cy.get(`/cy${thanksUrl}`), `/cy${thanksUrl}`, 200, thanksUrl);
  expect(thanks).toContain('<h1>Diolch gan deuluoedd</h1>');
  expect(thanks).toContain(`gyda&#39;r cod hwn`);
  expect(thanks).toContain(`${BASE}/cy/check`);
  expect(thanks).toMatch(/Cyhoeddwyd \d{1,2} Maw 2026, \d\d:\d\d\./);
  expectPage(await cy.get(thanksUrl), thanksUrl, 200, thanksUrl);
  const pdf = await cy.get(`/cy/worker/thanks.pdf?profile=${slug}`);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  const pdfText = (await new PDFParse({ data: pdf.rawPayload }).getText()).text.replace(/\s+/g, ' ');
  for (const words of [
    'Diolch gan deuluoedd',
    'Gwen Price, gweithiwr cymdeithasol, Caerdydd',
    'Cod gwirio:',
    '2 argymhelliad a gyhoeddwyd',
    'Gwrandawodd arnom bob tro.',
    '— rhiant, Mawrth 2026',
    `${BASE}/cy/check`,
  ])
    expect(pdfText).toContain(words);
  for (const t of pdfText.split(/(?<=\.)\s/)) if (!/Gwrandawodd|She never/.test(t)) expect(englishIn(t), t).toEqual([]);

  // sign-in again: the form, its error, the answer, a used link and an expired one
  const nobody = new Client(app);
  expectPage(await nobody.get('/cy/worker/sign-in'), '/cy/worker/sign-in', 200, '/worker/sign-in');
  const nobodyToken = csrfOf(await nobody.get('/cy/worker/sign-in'));
  const empty = expectPage(
    await nobody.post('/cy/worker/sign-in', { _csrf: nobodyToken, email: '' }),
    '/cy/worker/sign-in',
    400,
    '/worker/sign-in',
  );
  expect(empty).toContain('<title>Gwall: Mewngofnodi i&#39;ch proffil');
  const asked = expectPage(
    await nobody.post('/cy/worker/sign-in', { _csrf: nobodyToken, email: EMAIL }),
    '/cy/worker/sign-in',
    200,
    '/worker/sign-in',
  );
  expect(asked).toContain('<h1>Gwiriwch eich e-bost</h1>');
  expect((await mailbox.to(app, EMAIL))[0]!.subject).toBe('Eich dolen fewngofnodi ar gyfer Cyfeiriadur y Gweithiwr Cymdeithasol Da');
  const used = expectPage(await nobody.get(link), link, 410, english);
  expect(used).toContain('eisoes wedi&#39;i defnyddio');
  expect(used).toContain(`href="/cy/worker/claim?profile=${slug}"`);
  const fresh = await signInPathFor(app, mailbox, EMAIL);
  app.clock.now += 30 * 60_000;
  const expired = expectPage(await nobody.get(fresh), fresh, 410, fresh.slice(3));
  expect(expired).toContain('wedi dod i ben');

  // sign out: both cookies cleared; the page says so in Welsh
  const again = new Client(app);
  await again.post('/cy/worker/sign-in', { _csrf: csrfOf(await again.get('/cy/worker/sign-in')), email: EMAIL });
  const relink = await signInPathFor(app, mailbox, EMAIL);
  await again.post(relink, { _csrf: csrfOf(await again.get(relink)) });
  const out = await again.post('/cy/worker/sign-out', { _csrf: csrfOf(await again.get('/cy/worker')) });
  expect(out.headers.location).toBe('/cy/worker/signed-out');
  expectWorkerCookies(out, true);
  expectPage(await again.get('/cy/worker/signed-out'), '/cy/worker/signed-out', 200, '/worker/signed-out');
  const gone = await again.get('/cy/worker');
  expect(gone.statusCode).toBe(303);
  expect(gone.headers.location).toBe('/cy/worker/sign-in');

  // too many requests in an hour: refused in Welsh, nothing sent
  app.clock.now += 61 * 60_000;
  const busy = new Client(app);
  const busyToken = csrfOf(await busy.get(`/cy${claimPage}`));
  for (let i = 0; i < 5; i++) await busy.post('/cy/worker/claim', { _csrf: busyToken, profile: slug, email: `x${i}@example.com` });
  const refused = expectPage(
    await busy.post('/cy/worker/claim', { _csrf: busyToken, profile: slug, email: EMAIL }),
    '/cy/worker/claim',
    429,
    claimPage,
  );
  expect(refused).toContain('<h1>Gormod o geisiadau</h1>');
}
