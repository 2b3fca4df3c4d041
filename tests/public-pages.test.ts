// The public read side through the real app: home, profiles, areas and the static pages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const DAY = 24 * 3600_000;
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const h1s = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;

describe('home page', () => {
  it('has a labelled search box, a way to recommend and reassurance, even when empty', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(h1s(res.body)).toBe(1);
    expect(res.body).toMatch(/<form[^>]+action="\/search"[^>]+method="get"/);
    expect(res.body).toContain('<label for="q">');
    expect(res.body).toContain('id="q" name="q"');
    expect(res.body).toContain('<a class="button" href="/nominate">Recommend a social worker</a>');
    expect(res.body).toContain('No new recommendations have been published for this week yet.');
    expect(res.body).toContain('Nothing has been published yet');
  });

  it('shows Hastings leading with three workers recommended this week', async () => {
    for (const name of ['Jane Smith', 'Amir Khan', 'Siân Evans']) seedNomination(app, { workerName: name, area: 'Hastings' });
    seedNomination(app, { workerName: 'Tom Reed', area: 'Sefton' });
    seedNomination(app, { workerName: 'Ola Nowak', area: 'Sefton' });
    // last month: counts in the totals, not in this week
    for (const name of ['A One', 'B Two', 'C Three', 'D Four'])
      seedNomination(app, { workerName: name, area: 'Leeds', submittedAt: app.clock.now - 30 * DAY });
    const res = await get('/');
    expect(res.body).toContain('<a href="/areas/hastings">Hastings</a> leads this week: three social workers recommended.');
    expect(res.body).toMatch(
      /<li><a href="\/areas\/hastings">Hastings<\/a>: 3 social workers recommended<\/li>\s*<li><a href="\/areas\/sefton">Sefton<\/a>: 2 social workers recommended/,
    );
    expect(res.body).not.toMatch(/this week[^<]*Leeds/);
    expect(res.body).toContain('<strong>9</strong> social workers recommended');
    expect(res.body).toContain('<strong>3</strong> areas with a recommended social worker');
  });

  it('phrases a tie as the seed story did: "Hastings and Sefton lead this week: three … in each"', async () => {
    for (const area of ['Hastings', 'Sefton'])
      for (const name of ['Jane Smith', 'Amir Khan', 'Siân Evans']) seedNomination(app, { workerName: name, area });
    seedNomination(app, { workerName: 'Ola Nowak', area: 'Leeds' });
    const res = await get('/');
    expect(res.body).toContain(
      '<a href="/areas/hastings">Hastings</a> and <a href="/areas/sefton">Sefton</a> lead this week: three social workers recommended in each.',
    );
  });

  it('lists the latest quotes newest first with the worker, area and an attribution to the month', async () => {
    seedNomination(app, {
      workerName: 'Old Quote',
      area: 'Cardiff',
      quote: 'The older quote.',
      submittedAt: app.clock.now - 60 * DAY,
      relationship: 'carer',
    });
    seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings', quote: 'She never gave up on us.', relationship: 'young_person' });
    const res = await get('/');
    const newer = res.body.indexOf('She never gave up on us.');
    const older = res.body.indexOf('The older quote.');
    expect(newer).toBeGreaterThan(-1);
    expect(older).toBeGreaterThan(newer);
    expect(res.body).toContain(
      '— a young person, March 2026, about <a href="/workers/jane-smith-hastings">Jane Smith</a> in <a href="/areas/hastings">Hastings</a>',
    );
    expect(res.body).toContain('a carer, January 2026');
  });

  it('compresses HTML for clients that accept gzip', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe('profile page', () => {
  it('shows name, area, authority, team, count, qualities with counts and quotes newest first', async () => {
    const { workerId, slug } = seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'Hastings',
      team: 'Family Support Team East',
      qualities: ['listened', 'honest'],
      quote: 'First quote.',
      submittedAt: app.clock.now - 40 * DAY,
    });
    seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'Hastings',
      workerId: workerId!,
      qualities: ['listened', 'advocate'],
      quote: 'Second quote.',
    });
    // a pending nomination for the same person adds nothing to the profile
    seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings', status: 'pending', qualities: ['hope'] });
    const res = await get(`/workers/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(h1s(res.body)).toBe(1);
    expect(res.body).toContain('<h1>Jane Smith</h1>');
    expect(res.body).toContain('<a href="/areas/hastings">Hastings</a>');
    expect(res.body).toContain('East Sussex');
    expect(res.body).toContain('Family Support Team East');
    expect(res.body).toContain('recommended by two families');
    expect(res.body).toContain('Listened to us and respected our views: <strong>2 families</strong>');
    expect(res.body).toContain('Stood up for us, for example in court: <strong>1 family</strong>');
    expect(res.body).not.toContain('Gave us hope');
    expect(res.body.indexOf('Second quote.')).toBeLessThan(res.body.indexOf('First quote.'));
    expect(res.body).toContain('— a parent, February 2026</figcaption>');
    // on the profile itself a quote does not say who it is about again
    expect(res.body).not.toContain(', about <a href="/workers/');
    expect(res.body).toContain(`<a href="/request-change?worker=${slug}">Is this you? Ask for this profile to be hidden or corrected</a>`);
  });

  it('leaves unpublished quotes out of the count, the qualities and the list', async () => {
    const { workerId, slug, nominationId } = seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'Hastings',
      quote: 'Still live.',
      qualities: ['listened'],
    });
    const second = seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'Hastings',
      workerId: workerId!,
      quote: 'Taken down.',
      qualities: ['hope'],
    });
    app.db.$client.prepare('UPDATE quotes SET unpublished_at = ? WHERE nomination_id = ?').run(app.clock.now, second.nominationId);
    const res = await get(`/workers/${slug}`);
    expect(res.body).toContain('Still live.');
    expect(res.body).not.toContain('Taken down.');
    expect(res.body).not.toContain('Gave us hope');
    expect(res.body).toContain('recommended by one family');
    // with its last live quote gone, the profile is gone too
    app.db.$client.prepare('UPDATE quotes SET unpublished_at = ? WHERE nomination_id = ?').run(app.clock.now, nominationId);
    expect((await get(`/workers/${slug}`)).statusCode).toBe(410);
  });

  it('answers 410 for a hidden profile, 404 for an unknown one and 301 for an old slug', async () => {
    const { workerId, slug } = seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings' });
    const unknown = await get('/workers/nobody-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Page not found');

    app.db.$client.prepare('INSERT INTO worker_slug_redirects (old_slug, worker_id) VALUES (?, ?)').run('jane-smyth-hastings', workerId);
    const moved = await get('/workers/jane-smyth-hastings?page=1');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/workers/${slug}?page=1`);

    app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(workerId);
    const hidden = await get(`/workers/${slug}`);
    expect(hidden.statusCode).toBe(410);
    expect(hidden.body).toContain('no longer published');
    expect(hidden.body).not.toContain('Jane Smith');
  });

  it('pages quotes 20 at a time and refuses nonsense page numbers', async () => {
    const first = seedNomination(app, {
      workerName: 'Jane Smith',
      area: 'Hastings',
      quote: 'Quote number 0.',
      submittedAt: app.clock.now - 50 * DAY,
    });
    for (let i = 1; i < 45; i++) {
      seedNomination(app, {
        workerName: 'Jane Smith',
        area: 'Hastings',
        workerId: first.workerId!,
        quote: `Quote number ${i}.`,
        submittedAt: app.clock.now - (50 - i) * DAY,
      });
    }
    const url = `/workers/${first.slug}`;
    const p1 = await get(url);
    expect(p1.statusCode).toBe(200);
    expect(p1.body.match(/<figure class="quote">/g)).toHaveLength(20);
    expect(p1.body).toContain('Quote number 44.');
    expect(p1.body).toContain('Page 1 of 3');
    expect(p1.body).toContain(`href="${url}?page=2" rel="next"`);
    expect(p1.body).not.toContain('rel="prev"');

    const p3 = await get(`${url}?page=3`);
    expect(p3.body.match(/<figure class="quote">/g)).toHaveLength(5);
    expect(p3.body).toContain('Quote number 0.');
    expect(p3.body).toContain(`href="${url}?page=2" rel="prev"`);
    expect(p3.body).not.toContain('rel="next"');

    const beyond = await get(`${url}?page=4`);
    expect(beyond.statusCode).toBe(404);
    expect(beyond.body).toContain(`<a href="${url}">Go to the first page</a>`);

    for (const bad of ['abc', '0', '-1', '1.5', '99999999999', '1e3', '%00']) {
      const res = await get(`${url}?page=${bad}`);
      expect(res.statusCode, `page=${bad}`).toBe(400);
      expect(res.body).toContain('page number');
    }
    expect((await get(`${url}?page=1&page=2`)).statusCode).toBe(400);
    expect((await get(`${url}?page=`)).statusCode).toBe(200);
  });
});

describe('areas', () => {
  function seedSome() {
    for (const name of ['Jane Smith', 'Amir Khan']) seedNomination(app, { workerName: name, area: 'Hastings' });
    const { workerId } = seedNomination(app, { workerName: 'Tom Reed', area: 'Sefton' });
    for (let i = 0; i < 3; i++)
      seedNomination(app, { workerName: 'Tom Reed', area: 'Sefton', workerId: workerId!, submittedAt: app.clock.now - 20 * DAY });
    seedNomination(app, { workerName: 'Ffion Jones', area: 'Cardiff', submittedAt: app.clock.now - 20 * DAY });
  }

  it('lists every area grouped by nation and region, with a chart and a table of the top areas', async () => {
    seedSome();
    const res = await get('/areas');
    expect(res.statusCode).toBe(200);
    expect(h1s(res.body)).toBe(1);
    for (const nation of ['England', 'Scotland', 'Wales', 'Northern Ireland'])
      expect(res.body).toContain(`<h3 class="nation">${nation}</h3>`);
    expect(res.body).toContain('<caption>South East</caption>');
    expect(res.body.match(/<tr><th scope="row"><a href="\/areas\/[^"]+">/g)!.length).toBe(361 + 3);
    expect(res.body).toMatch(/<svg class="bar-chart"[^>]+role="img"/);
    expect(res.body).toContain('Sefton: 4; Hastings: 2; Cardiff: 1.');
    expect(res.body).toMatch(
      /<caption>Areas with the most recommendations<\/caption>[\s\S]*Sefton[\s\S]*Hastings[\s\S]*Cardiff[\s\S]*<\/table>/,
    );
  });

  it('sorts by workers or recommendations as a flat table, and ignores an unknown sort', async () => {
    seedSome();
    const byWorkers = await get('/areas?sort=workers');
    expect(byWorkers.statusCode).toBe(200);
    const order = [...byWorkers.body.matchAll(/<caption>Every area[\s\S]*?<\/table>/g)][0]![0];
    const names = [...order.matchAll(/<a href="\/areas\/([^"]+)">/g)].map((m) => m[1]);
    expect(names.slice(0, 3)).toEqual(['hastings', 'sefton', 'cardiff']);
    expect(names).toHaveLength(361);
    const byNoms = await get('/areas?sort=nominations');
    const names2 = [...byNoms.body.matchAll(/<caption>Every area[\s\S]*?<\/table>/g)][0]![0].match(/\/areas\/[a-z-]+/g)!;
    expect(names2.slice(0, 3)).toEqual(['/areas/sefton', '/areas/hastings', '/areas/cardiff']);
    expect(byNoms.body).toContain('<strong aria-current="page">most recommendations</strong>');
    for (const odd of ['?sort=bogus', '?sort[]=x', '?sort=workers&sort=name', '?sort=%00']) {
      const res = await get(`/areas${odd}`);
      expect(res.statusCode, odd).toBe(200);
    }
  });

  it('shows one area with its counts, its workers most recommended first and a link to nominate there', async () => {
    seedNomination(app, { workerName: 'Jane Smith', area: 'Sefton', submittedAt: app.clock.now - 20 * DAY, qualities: ['listened'] });
    const { workerId } = seedNomination(app, {
      workerName: 'Tom Reed',
      area: 'Sefton',
      team: 'Bootle Team',
      qualities: ['advocate', 'listened'],
    });
    seedNomination(app, { workerName: 'Tom Reed', area: 'Sefton', workerId: workerId!, qualities: ['advocate'] });
    const res = await get('/areas/sefton');
    expect(res.statusCode).toBe(200);
    expect(h1s(res.body)).toBe(1);
    expect(res.body).toContain('<h1>Recommended social workers in Sefton</h1>');
    expect(res.body).toContain('North West, England');
    expect(res.body).toContain('<strong>2</strong> social workers recommended');
    expect(res.body).toContain('<strong>3</strong> recommendations');
    expect(res.body).toContain('<strong>2</strong> this week');
    expect(res.body.indexOf('Tom Reed')).toBeLessThan(res.body.indexOf('Jane Smith'));
    expect(res.body).toContain('Bootle Team · 2 recommendations');
    expect(res.body).toContain('<li>Stood up for us, for example in court</li>');
    expect(res.body).toContain('href="/nominate?area=sefton"');
  });

  it('an empty area still has a page with a link to nominate', async () => {
    const res = await get('/areas/highland');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No social worker in Highland has been recommended yet.');
    expect(res.body).toContain('href="/nominate?area=highland"');
  });

  it('redirects variants, ONS codes and other cases to the canonical slug; 404 for an unknown area', async () => {
    for (const [from, to] of [
      ['hull', 'kingston-upon-hull-city-of'],
      ['E07000062', 'hastings'],
      ['Hastings', 'hastings'],
      ['bristol', 'bristol-city-of'],
      ['st-helens', 'st-helens'],
    ]) {
      const res = await get(`/areas/${from}`);
      if (from === to) expect(res.statusCode).toBe(200);
      else {
        expect(res.statusCode, from).toBe(301);
        expect(res.headers.location).toBe(`/areas/${to}`);
      }
    }
    expect((await get('/areas/nowhere-on-sea')).statusCode).toBe(404);
  });

  it('pages an area with many workers', async () => {
    for (let i = 0; i < 25; i++) seedNomination(app, { workerName: `Worker ${String.fromCharCode(65 + i)}`, area: 'Leeds' });
    const p2 = await get('/areas/leeds?page=2');
    expect(p2.statusCode).toBe(200);
    expect(p2.body.match(/<li class="result">/g)).toHaveLength(5);
    expect(p2.body).toContain('Page 2 of 2');
    expect((await get('/areas/leeds?page=3')).statusCode).toBe(404);
    expect((await get('/areas/leeds?page=abc')).statusCode).toBe(400);
  });
});

describe('odd input', () => {
  it('answers odd slugs and query strings with 3xx/4xx, never 500', async () => {
    seedNomination(app, { workerName: 'Jane Smith', area: 'Hastings' });
    const long = 'a'.repeat(300);
    const urls = [
      '/workers/%00',
      `/workers/${long}`,
      `/workers/${'a-'.repeat(99)}`,
      '/workers/..%2F..%2Fetc%2Fpasswd',
      '/workers/../../etc/passwd',
      '/workers/si%C3%A2n-evans-cardiff',
      '/workers/%E0%A4%A',
      '/workers/%FF',
      '/workers/jane smith',
      "/workers/jane-smith-hastings'--",
      '/workers/jane-smith-hastings?page=%FF',
      '/workers/jane-smith-hastings?page=1&page=1',
      '/workers/',
      '/api/workers/%00',
      `/api/workers/${long}`,
      '/api/workers/..%2F',
      '/areas/%00',
      `/areas/${long}`,
      '/areas/..%2F..%2F',
      '/areas/%E2%80%AE',
      '/areas/hastings?page=-5',
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(300);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toMatch(/at .*\.ts:\d+/);
    }
    // dot segments are resolved before routing: this one is the home page, which is fine
    expect((await get('/workers/%2e%2e')).statusCode).toBeLessThan(500);
    // unknown parameters and values that are only hints are ignored
    for (const url of ['/workers/jane-smith-hastings?page[]=1', '/areas?sort=%E0%A4%A', '/?q=%00', '/about?x=%FF']) {
      expect((await get(url)).statusCode, url).toBe(200);
    }
  });
});

describe('static pages', () => {
  it('serves about, privacy, house rules and help, each with one h1', async () => {
    for (const [url, text] of [
      ['/about', 'say thank you'],
      ['/privacy', 'We never publish your name'],
      ['/house-rules', 'What we take out before publishing'],
      ['/help', 'Open data'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(h1s(res.body), url).toBe(1);
      expect(res.body, url).toContain(text);
      expect(res.body).toContain('<main id="main"');
    }
  });

  it('privacy states the configured retention and the 90-day limit for emails', async () => {
    await app.close();
    app = await makeApp({ RETENTION_DAYS: '30' });
    const res = await get('/privacy');
    expect(res.body).toContain('Deleted 30 days after a moderator decides on it');
    expect(res.body).toContain('after 90 days at the latest');
    expect(res.body).toContain('/withdraw');
  });

  it('help signposts 999, the NSPCC and the council, and documents every open-data route', async () => {
    const res = await get('/help');
    expect(res.body).toContain('999');
    expect(res.body).toContain('0808 800 5000');
    expect(res.body).toContain("local council's children's services");
    for (const route of ['/api/areas', '/api/areas.csv', '/api/stats', '/api/search', '/api/workers/', '/feed.xml'])
      expect(res.body).toContain(route);
    for (const field of ['ons_code', 'this_week', 'areas_with_workers', 'leading_areas', 'relationship', 'published'])
      expect(res.body).toContain(field);
  });
});
