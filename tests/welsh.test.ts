// The site in Welsh: every public route answered in both languages through the real app, with
// no key missing from either catalogue, no English sentence on a Welsh page (apart from names and
// families' quotes), lang="cy", hreflang alternates to both versions, a language link to the same
// page, links and forms that stay in the page's language, and Welsh place names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { Client } from './helpers/app.ts';
import { hidden, unescapeHtml, validNomination } from './helpers/nominate.ts';
import { englishIn, pageText } from './helpers/welsh.ts';
import { sortedQuery } from '../server/i18n/index.ts';
import { Eta } from 'eta';
import { EXIT_THIS_PAGE_URL, pageContext, VIEWS_DIR } from '../server/plugins/view.ts';
import { formatCode, issueThanks } from '../server/worker-accounts/thanks.ts';
import { seedAuthorityDomains, useMailbox } from './helpers/worker.ts';
import { welshWorkerWalk } from './helpers/welsh-worker.ts';

const mailbox = useMailbox();
let app: TestApp;
let slug: string;
let hiddenSlug: string;
/** a thanks document listing Siân Evans's three quotes, and Jane Smith's listing two, one since taken down */
let thanksCode: string;
let thanksCodeRemoved: string;

beforeAll(async () => {
  app = await makeApp(mailbox.env);
  seedAuthorityDomains(app);
  const day = 86_400_000;
  let sianId = 0;
  for (let i = 0; i < 3; i++) {
    let workerId: number | null;
    ({ slug, workerId } = seedNomination(app, {
      workerName: 'Siân Evans',
      area: 'cardiff',
      team: 'Tîm Cefnogi Teuluoedd',
      qualities: ['listened', 'hope'],
      quote: 'She never gave up on us, and she told us the truth.',
      submittedAt: app.clock.now - i * day,
    }) as { slug: string; workerId: number | null });
    sianId = workerId!;
  }
  const jane = seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'hastings',
    relationship: 'carer',
    quote: 'She listened to us.',
    submittedAt: app.clock.now - 40 * day,
  });
  seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'hastings',
    quote: 'She came back every week.',
    submittedAt: app.clock.now - 70 * day,
  });
  thanksCode = formatCode(issueThanks(app.db, { accountId: 0, workerId: sianId, now: app.clock.now }).code);
  thanksCodeRemoved = formatCode(issueThanks(app.db, { accountId: 0, workerId: jane.workerId!, now: app.clock.now }).code);
  // a family withdrew one of Jane Smith's after the document was issued
  app.db.$client
    .prepare('UPDATE quotes SET unpublished_at = ? WHERE id = (SELECT MIN(id) FROM quotes WHERE worker_id = ?)')
    .run(app.clock.now, jane.workerId);
  const hidden = seedNomination(app, { workerName: 'Hidden Person', area: 'swansea' });
  hiddenSlug = hidden.slug!;
  app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(hidden.workerId);
});

afterAll(async () => {
  await app?.close();
});

/** Example URLs for each Welsh route pattern: a new route fails the walk until it is given some. */
function examples(pattern: string): string[] | undefined {
  const byPattern: Record<string, string[]> = {
    '/cy': ['/cy', '/cy/'],
    '/cy/': ['/cy/'],
    '/cy/search': [
      '/cy/search',
      '/cy/search?q=Si%C3%A2n',
      '/cy/search?area=caerdydd',
      '/cy/search?q=zzzz',
      '/cy/search?q=Evans&area=Caerdydd',
    ],
    '/cy/areas': ['/cy/areas', '/cy/areas?sort=workers', '/cy/areas?sort=nominations'],
    '/cy/areas/:slug': ['/cy/areas/cardiff', '/cy/areas/highland'],
    '/cy/workers/:slug': [`/cy/workers/${slug}`],
    '/cy/insights': ['/cy/insights'],
    '/cy/about': ['/cy/about'],
    '/cy/privacy': ['/cy/privacy'],
    '/cy/help': ['/cy/help'],
    '/cy/house-rules': ['/cy/house-rules'],
    '/cy/nominate': ['/cy/nominate'],
    '/cy/nominate/done/:ref': [],
    '/cy/withdraw': ['/cy/withdraw'],
    '/cy/request-change': ['/cy/request-change'],
    '/cy/staying-safe': ['/cy/staying-safe'],
    '/cy/accessibility': ['/cy/accessibility'],
    '/cy/status': ['/cy/status'],
    '/cy/named': ['/cy/named'],
    '/cy/check': [
      '/cy/check',
      '/cy/check?code=NOT-A-CODE',
      '/cy/check?code=ABCD-EFGH-JKLM-NPQR',
      `/cy/check?code=${thanksCode}`,
      `/cy/check?code=${thanksCodeRemoved}`,
    ],
    // the named worker's pages as nobody signed in; signed in, below
    '/cy/worker/claim': ['/cy/worker/claim', `/cy/worker/claim?profile=${slug}`, '/cy/worker/claim?profile=nobody-here'],
    '/cy/worker/sign-in': ['/cy/worker/sign-in', '/cy/worker/sign-in?ended=1'],
    '/cy/worker/sign-in/:token': [`/cy/worker/sign-in/${'A'.repeat(43)}`],
    '/cy/worker/signed-out': ['/cy/worker/signed-out', '/cy/worker/signed-out?everywhere=1'],
    '/cy/worker': ['/cy/worker'],
    '/cy/worker/thanks': [`/cy/worker/thanks?profile=${slug}`],
    '/cy/worker/thanks.pdf': [`/cy/worker/thanks.pdf?profile=${slug}`],
  };
  return byPattern[pattern];
}

/** Pages that name the page their other language's link goes to, when the rule below does not give it. */
const SAME_PAGE = (): Record<string, string> => ({
  // the claim form keeps its profile (a public slug); an unknown one is not repeated
  [`/worker/claim?profile=${slug}`]: `/worker/claim?profile=${slug}`,
});

/** Error pages, in Welsh too. */
const ERRORS: [string, number][] = [
  ['/cy/dim-tudalen-fel-hon', 404],
  ['/cy/search?area=nunlle', 400],
  ['/cy/search?page=0', 400],
  ['/cy/areas/cardiff?page=99', 404],
  ['/cy/worker/claim?profile=nobody-here', 404],
  [`/cy/worker/sign-in/${'A'.repeat(43)}`, 404],
];

async function get(url: string) {
  const res = await app.inject(url);
  return { url, status: res.statusCode, body: res.body, location: res.headers.location };
}

const attr = (html: string, re: RegExp) => re.exec(html)?.[1];

describe('every public route in both languages', () => {
  it('walks each Welsh route and its English twin: no missing key, lang, hreflang both ways, the language link to the same page', async () => {
    const routes = app.welshRoutes;
    expect(routes.length).toBeGreaterThan(10);
    const unknown = routes.filter((r) => !examples(r));
    expect(unknown, 'Welsh routes with no example URL in this test').toEqual([]);
    const urls = [...new Set(routes.flatMap((r) => examples(r)!))];
    urls.push(`/cy/workers/${hiddenSlug}`);
    for (const cyUrl of urls) {
      const enUrl = cyUrl === '/cy' || cyUrl === '/cy/' ? '/' : cyUrl.slice(3);
      for (const url of [cyUrl, enUrl]) {
        const page = await get(url);
        expect(page.status, url).toBeLessThan(500);
        if (page.status >= 300 && page.status < 400) continue;
        const welsh = url.startsWith('/cy');
        // error pages link to the home pages (they never repeat the address asked for)
        const errorPage = page.body.includes('<p class="small">Status ') || page.body.includes('<p class="small">Statws ');
        // only pages whose query is what they show keep it (a query elsewhere may carry a slug)
        // (with its parameters in one order, so the same page always gets the same links)
        const kept = SAME_PAGE()[enUrl] ?? (/^\/(search|areas|workers|nominate)\b/.test(enUrl) ? sortedQuery(enUrl) : enUrl.split('?')[0]!);
        const enPath = errorPage ? '/' : kept;
        const cyPath = errorPage ? '/cy' : kept === '/' ? '/cy' : `/cy${kept}`;
        expect(attr(page.body, /<html lang="([^"]+)"/), url).toBe(welsh ? 'cy' : 'en-GB');
        const esc = (s: string) => s.replace(/&/g, '&amp;');
        expect(page.body, `${url}: hreflang en`).toContain(
          `<link rel="alternate" hreflang="en" href="http://localhost:3000${esc(enPath)}">`,
        );
        expect(page.body, `${url}: hreflang cy`).toContain(
          `<link rel="alternate" hreflang="cy" href="http://localhost:3000${esc(cyPath)}">`,
        );
        const link = /<a href="([^"]*)" hreflang="(en|cy)" lang="\2" data-language-link>([^<]+)<\/a>/.exec(page.body);
        expect(link, `${url}: language link`).not.toBeNull();
        expect(link![1], `${url}: language link keeps the page`).toBe(esc(welsh ? enPath : cyPath));
        expect(link![3]).toBe(welsh ? 'English' : 'Cymraeg');
      }
    }
    expect([...app.catalogue.missing], 'keys missing from the catalogue').toEqual([]);
  });

  it('finds no English sentence on a translated Welsh page, error pages included', async () => {
    const routes = app.welshRoutes;
    const urls = [...new Set(routes.flatMap((r) => examples(r) ?? []))];
    const problems: string[] = [];
    let checked = 0;
    const englishOnly: string[] = [];
    for (const url of [...urls, `/cy/workers/${hiddenSlug}`]) {
      const page = await get(url);
      if (page.location) continue;
      if (page.body.includes('data-english-only')) englishOnly.push(url);
      checked++;
      const { text, attributes } = pageText(page.body);
      for (const t of [...text, ...attributes]) {
        const english = englishIn(t);
        if (english.length) problems.push(`${url}: "${t}" (${english.join(', ')})`);
      }
    }
    for (const [url, status] of ERRORS) {
      const page = await get(url);
      expect(page.status, url).toBe(status);
      checked++;
      for (const t of [...pageText(page.body).text, ...pageText(page.body).attributes]) {
        if (englishIn(t).length) problems.push(`${url}: "${t}"`);
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect(englishOnly, 'Welsh pages still marked as English').toEqual([]);
    expect(problems).toEqual([]);
    expect([...app.catalogue.missing]).toEqual([]);
  });

  it('the English-words check does catch English (so the walk above can fail)', () => {
    expect(englishIn('Search for a social worker')).not.toEqual([]);
    expect(englishIn('There is a problem')).not.toEqual([]);
    expect(englishIn('Isle of Wight')).toEqual([]);
    expect(englishIn('Chwilio am weithiwr cymdeithasol')).toEqual([]);
    const { text } = pageText(
      '<p>Croeso</p><blockquote><p>She listened to us.</p></blockquote><a lang="en">English</a><code>GET the page</code>',
    );
    expect(text).toEqual(['Croeso']);
  });

  it('would mark a template not yet translated as English under a Welsh note, keeping the rest of the page Welsh', () => {
    // every public template is translated now: the rule stays for the next one, so render the layout as it would
    expect(pageContext(app, '/cy/about', 'about').englishOnly).toBe(false);
    expect(pageContext(app, '/about', 'not-yet-translated').englishOnly).toBe(false);
    const context = pageContext(app, '/cy/about', 'not-yet-translated');
    expect(context.englishOnly).toBe(true);
    const eta = new Eta({ views: VIEWS_DIR, autoEscape: true, autoTrim: [false, 'nl'] });
    const data: Record<string, unknown> = {
      ...context,
      title: 'Prawf',
      asset: (f: string) => `/static/${f}`,
      exitUrl: EXIT_THIS_PAGE_URL,
      body: '<div class="wrap"><p>Only in English so far.</p></div>',
    };
    // what renderPage gives the layout for its parts that are the same on every page in a language
    data.samePerLanguage = (part: string, key = '') => eta.render(part, { ...data, key });
    const html = eta.render('layout', data);
    expect(html).toContain('Nid yw&#39;r dudalen hon ar gael yn Gymraeg eto.');
    expect(html).toMatch(/<div lang="en">\s*<div class="wrap/);
    expect(html).toContain('<a href="/cy/search">Chwilio</a>');
    expect(pageText(html).text.filter((t) => englishIn(t).length)).toEqual([]);
  });
});

describe('links, forms and redirects stay in the language', () => {
  it('links inside a Welsh page go to Welsh pages; data, assets and the feed stay where they are', async () => {
    const page = await get('/cy/areas');
    // every link but the one to the English page (and the hreflang alternates)
    const body = page.body.replace(/<a [^>]*data-language-link>[^<]*<\/a>/, '').replace(/<link rel="alternate" hreflang[^>]*>/g, '');
    const hrefs = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    const site = hrefs.filter((h) => h.startsWith('/') && !/^\/(static|api|feed\.xml)/.test(h));
    expect(site.length).toBeGreaterThan(300);
    expect(
      site.filter((h) => !h.startsWith('/cy')),
      'links that leave Welsh',
    ).toEqual([]);
    expect(hrefs).toContain('/api/areas.csv');
    expect(hrefs.filter((h) => h === '/areas' || h === '/search')).toEqual([]);
  });

  it('the search form posts to the Welsh search, and its results page and paging stay Welsh', async () => {
    const page = await get('/cy/search?q=Evans');
    expect(page.body).toMatch(/<form class="search-form" action="\/cy\/search" method="get"/);
    expect(page.body).toContain(`href="/cy/workers/${slug}"`);
    expect(page.body).toContain('Daethpwyd o hyd i 1 gweithiwr cymdeithasol ar gyfer “Evans”.');
  });

  it('redirects keep the language', async () => {
    const byName = await get('/cy/areas/Cardiff');
    expect(byName.status).toBe(301);
    expect(byName.location).toBe('/cy/areas/cardiff');
    const english = await get('/areas/Cardiff');
    expect(english.location).toBe('/areas/cardiff');
  });

  it('the JSON API, the feed and moderation are not repeated under /cy', async () => {
    for (const url of ['/cy/api/search?q=x', '/cy/api/areas', '/cy/feed.xml', '/cy/moderate/login', '/cy/healthz']) {
      expect((await get(url)).status, url).toBe(404);
    }
    const moderation = await get('/moderate/login');
    expect(moderation.body).not.toContain('hreflang');
    expect(moderation.body).not.toContain('data-language-link');
  });
});

describe('Welsh place names', () => {
  it('shows the councils’ Welsh names on Welsh pages and the English names on English ones', async () => {
    const cy = await get('/cy/areas/cardiff');
    expect(cy.body).toContain('<h1>Gweithwyr cymdeithasol a argymhellwyd yn ardal Caerdydd</h1>');
    expect(cy.body).toContain('Cymru. Caerdydd sy&#39;n gyfrifol am wasanaethau plant yma.');
    const en = await get('/areas/cardiff');
    expect(en.body).toContain('<h1>Recommended social workers in Cardiff</h1>');
    const all = await get('/cy/areas');
    for (const name of [
      'Abertawe',
      'Casnewydd',
      'Sir Gâr',
      'Ynys Môn',
      'Bro Morgannwg',
      'Castell-nedd Port Talbot',
      'Pen-y-bont ar Ogwr',
      'Merthyr Tudful',
      'Caerffili',
      'Sir Fynwy',
      'Sir Benfro',
      'Sir Ddinbych',
      'Sir y Fflint',
      'Wrecsam',
    ]) {
      expect(all.body, name).toContain(`>${name}</a>`);
    }
    expect(all.body).toContain('<h3 class="nation">Cymru</h3>');
    expect(all.body).toContain('<caption>De-ddwyrain Lloegr</caption>');
    // in the order of the names shown: Caerdydd before Caerffili before Casnewydd
    const order = ['Caerdydd', 'Caerffili', 'Casnewydd'].map((n) => all.body.indexOf(`>${n}</a>`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('the home page says which area leads this week, with the Welsh name and the count in words', async () => {
    const page = await get('/cy');
    expect(page.body).toContain(
      'Ar y blaen yr wythnos hon: <a href="/cy/areas/cardiff">Caerdydd</a>, gydag un gweithiwr cymdeithasol wedi’i argymell.',
    );
    expect(page.body).toContain('<strong>2</strong> weithiwr cymdeithasol a argymhellwyd');
    const en = await get('/');
    expect(en.body).toContain('<a href="/areas/cardiff">Cardiff</a> leads this week: one social worker recommended.');
  });

  it('search finds an area by its Welsh name in either language', async () => {
    for (const url of [
      '/search?area=Caerdydd',
      '/cy/search?area=caerdydd',
      '/search?q=Evans+Caerdydd',
      '/cy/search?area=Sir+G%C3%A2r',
      '/search?area=sir+gar',
    ]) {
      const page = await get(url);
      expect(page.status, url).toBe(200);
    }
    const en = await get('/search?area=Caerdydd');
    expect(en.body).toContain('1 social worker found in Cardiff.');
    const cy = await get('/cy/search?area=Cardiff');
    expect(cy.body).toContain('Daethpwyd o hyd i 1 gweithiwr cymdeithasol yn ardal Caerdydd.');
    expect(cy.body).toContain('value="Caerdydd"');
    const api = JSON.parse((await get('/api/search?area=Abertawe')).body);
    expect(api.total).toBe(0);
  });

  it('the profile shows the Welsh area, Welsh qualities and a Welsh attribution with the month in Welsh', async () => {
    const page = await get(`/cy/workers/${slug}`);
    expect(page.body).toContain('<h1>Siân Evans</h1>');
    expect(page.body).toContain('Argymhellwyd gan dri theulu.');
    expect(page.body).toContain('Gwrando arnom a pharchu ein barn: <strong>3 theulu</strong>');
    expect(page.body).toContain('— rhiant, Mawrth 2026</figcaption>');
    expect(page.body).toContain('<dt>Tîm</dt><dd>Tîm Cefnogi Teuluoedd</dd>');
  });
});

describe('the nomination journey in Welsh', () => {
  it('form, errors, check your answers, done: all in Welsh, posting to Welsh paths, with a Welsh area accepted', async () => {
    const client = new Client(app);
    const form = await client.get('/cy/nominate?area=swansea');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<form method="post" action="/cy/nominate" novalidate>');
    expect(form.body).toContain('<option value="swansea" selected>Abertawe</option>');
    expect(form.body).toContain('<optgroup label="Cymru">');
    const csrf = hidden(form.body, '_csrf')!;
    const started = hidden(form.body, 'started');

    const empty = await client.post('/cy/nominate', { _csrf: csrf, started, story: 'byr' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Gwall: Argymell gweithiwr cymdeithasol');
    expect(empty.body).toContain('<h2 id="error-summary-title">Mae problem wedi codi</h2>');
    expect(empty.body).toContain('<a href="#worker_name">Rhowch enw&#39;r gweithiwr cymdeithasol</a>');
    expect(empty.body).toContain('Rhaid i&#39;r stori fod yn 20 nod neu fwy. Rydych wedi ysgrifennu 3.');
    expect(empty.body).toContain('<span class="visually-hidden">Gwall:</span>');
    for (const t of [...pageText(empty.body).text, ...pageText(empty.body).attributes]) expect(englishIn(t), t).toEqual([]);

    const check = await client.post('/cy/nominate', {
      _csrf: csrf,
      started,
      ...validNomination({
        area: '',
        area_text: 'Sir Gâr',
        worker_name: 'Rhian Jones',
        team: 'Tîm Teuluoedd',
        story: 'Gwrandawodd arnom pan nad oedd neb arall yn gwrando, a rhoddodd obaith i ni.',
      }),
    });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('<h1>Gwirio eich atebion</h1>');
    expect(check.body).toContain('<dd>Sir Gâr</dd>');
    expect(check.body).toContain('<li>Gwrando arnom a pharchu ein barn</li>');
    expect(check.body).toContain('action="/cy/nominate/confirm"');
    for (const t of [...pageText(check.body).text, ...pageText(check.body).attributes]) expect(englishIn(t), t).toEqual([]);

    const confirmForm = check.body.slice(check.body.indexOf('action="/cy/nominate/confirm"'));
    const body: Record<string, string | string[]> = {};
    for (const m of confirmForm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      const prev = body[m[1]!];
      const value = unescapeHtml(m[2]!);
      body[m[1]!] = prev === undefined ? value : [prev, value].flat();
    }
    const confirm = await client.post('/cy/nominate/confirm', body);
    expect(confirm.statusCode).toBe(303);
    const location = String(confirm.headers.location);
    expect(location).toMatch(/^\/cy\/nominate\/done\//);
    const done = await client.get(location);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('<h1>Mae&#39;r argymhelliad wedi&#39;i anfon</h1>');
    for (const t of [...pageText(done.body).text, ...pageText(done.body).attributes]) expect(englishIn(t), t).toEqual([]);

    const ref = decodeURIComponent(location.split('/').pop()!);
    const statusForm = await client.get('/cy/status');
    expect(statusForm.body).toContain('action="/cy/status"');
    const status = await client.post('/cy/status', { _csrf: hidden(statusForm.body, '_csrf')!, reference: ref });
    expect(status.statusCode).toBe(200);
    expect(status.body).toMatch(/data-status="waiting">\s*<h2>Mae gennym ni ef\. Mae&#39;n aros i gael ei ddarllen\.<\/h2>/);
    expect(status.body).toContain('Cawsom ef ym mis Mawrth 2026.');
    for (const t of [...pageText(status.body).text, ...pageText(status.body).attributes]) expect(englishIn(t), t).toEqual([]);
    expect([...app.catalogue.missing]).toEqual([]);
  });
});

describe('the last pages in Welsh: house rules, staying safe, accessibility, named, the thanks check', () => {
  const mainText = (html: string) => pageText(html.slice(html.indexOf('<main'), html.indexOf('</main>'))).text.join(' ');

  it('say their dates and numbers the Welsh way, from the same rules as the English', async () => {
    const access = await get('/cy/accessibility');
    expect(mainText(access.body)).toContain('Paratowyd y datganiad hwn ym mis Rhagfyr 2026.');
    expect((await get('/accessibility')).body).toContain('This statement was prepared in December 2026.');
    const named = mainText((await get('/cy/named')).body);
    expect(named).toContain("(180 diwrnod, fel y mae'r dudalen preifatrwydd yn ei ddweud)");
    expect(named).toContain('am 2 flynedd');
    expect(named).toContain('am 30 munud');
    // the quality and the request form's choices are quoted as those pages say them
    expect(named).toContain('“Gwrando arnom a pharchu ein barn”');
    expect(named).toContain("“Gwrthwynebu i'm gwybodaeth gael ei dangos”");
    const en = (await get('/named')).body;
    expect(en).toContain('(180 days, as the <a href="/privacy">privacy page</a> says)');
    expect(en).toContain('when you have not signed in for 2 years');
    expect(en).toContain('They work for 30 minutes.');
  });

  it('staying safe names the mails’ sender as it is, marked as English', async () => {
    const page = await get('/cy/staying-safe');
    expect(page.body).toContain(
      'Bydd yn dod oddi wrth “<span lang="en">The Good Social Worker directory</span>” (enw&#39;r wefan yn Saesneg).',
    );
    expect(page.body).toContain('<a href="/cy/status">wirio eich diolch</a>');
    expect(page.body).toContain('<a href="tel:999">999</a>');
  });

  it('the thanks check: a document with its quotes, one with a quote since taken down, and both errors', async () => {
    const result = await get(`/cy/check?code=${thanksCode.toLowerCase()}`);
    expect(result.status).toBe(200);
    expect(result.body).toContain('<h1>Mae&#39;r ddogfen hon yn ddilys</h1>');
    const text = mainText(result.body);
    expect(text).toContain(
      `Cyhoeddwyd y ddogfen â'r cod gwirio ${thanksCode} gan Gyfeiriadur y Gweithiwr Cymdeithasol Da ar 18 Maw 2026, 12:00.`,
    );
    expect(text).toContain("Mae'n rhestru 3 dyfyniad gan deuluoedd, a gyhoeddwyd ym mis Mawrth 2026.");
    expect(text).toContain('— rhiant, Mawrth 2026');
    expect(result.body).toContain('<a href="/cy/check">Gwirio dogfen arall</a>');

    const removed = mainText((await get(`/cy/check?code=${thanksCodeRemoved}`)).body);
    expect(removed).toContain("Mae'n rhestru 2 ddyfyniad gan deuluoedd, a gyhoeddwyd yn y misoedd hyn: Ionawr 2026, Chwefror 2026.");
    expect(removed).toContain("Mae 1 dyfyniad a restrir arni wedi'i dynnu oddi ar y wefan ers hynny");
    const enRemoved = (await get(`/check?code=${thanksCodeRemoved}`)).body;
    expect(enRemoved).toContain('It lists 2 quotes from families, published in January 2026, February 2026.');
    expect(enRemoved).toContain('1 quote listed on it has since been taken off the site');
    expect(enRemoved).toContain('on 18 Mar 2026, 12:00.');

    const form = await get('/cy/check');
    expect(form.body).toContain('<form method="get" action="/cy/check" novalidate>');
    const invalid = await get('/cy/check?code=NOT-A-CODE');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toContain('<title>Gwall: Gwirio dogfen ddiolch');
    expect(invalid.body).toContain('<a href="#code">Rhowch y cod gwirio fel y mae wedi&#39;i argraffu ar y ddogfen');
    expect(invalid.body).toContain('value="NOT-A-CODE"');
    const unknown = await get('/cy/check?code=ABCD-EFGH-JKLM-NPQR');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('Nid oes gan unrhyw ddogfen y cod gwirio hwn.');
  });

  it('Exit this page gives its script the words to announce in the page’s language', async () => {
    const attrs = (html: string) => {
      const link = /<a [^>]*data-exit-this-page[^>]*>/.exec(html)![0];
      return ['data-press-two', 'data-press-one', 'data-exit-title'].map((a) => unescapeHtml(new RegExp(`${a}="([^"]*)"`).exec(link)![1]!));
    };
    const cy = attrs((await get('/cy/named')).body);
    expect(cy).toEqual(['Shift, pwyswch ddwywaith eto i adael.', 'Shift, pwyswch unwaith eto i adael.', 'Gadael y dudalen hon']);
    for (const t of cy) expect(englishIn(t), t).toEqual([]);
    expect(attrs((await get('/named')).body)).toEqual([
      'Shift, press 2 more times to exit.',
      'Shift, press 1 more time to exit.',
      'Exit this page',
    ]);
  });
});

describe("the named worker's pages in both languages, signed in, with their error states", () => {
  it('claim, mail, sign-in, every form and its errors, thanks and the PDF, sign-out: Welsh throughout, with a session in either language', async () => {
    await welshWorkerWalk(app, mailbox, { area: 'cardiff' });
    expect([...app.catalogue.missing]).toEqual([]);
  });
});
