// Search through the real app: matching rules by name, ranking, odd input, visibility, freshness.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { SearchService } from '../server/search/service.ts';
import { changeLog } from '../db/schema.ts';

type ApiResult = { slug: string; name: string; area: { slug: string; name: string }; nominations: number; url: string };
type ApiBody = { query: string; total: number; page: number; results: ApiResult[] };

let app: TestApp;

async function api(q: string, extra = ''): Promise<ApiBody> {
  const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ApiBody;
}

const names = async (q: string, extra = '') => (await api(q, extra)).results.map((r) => `${r.name} (${r.area.name})`);

function publish(workerName: string, area: string, recommendations = 1, qualities: string[] = []) {
  let slug = '';
  for (let i = 0; i < recommendations; i++) slug = seedNomination(app, { workerName, area, qualities }).slug!;
  return slug;
}

beforeAll(async () => {
  app = await makeApp();
  publish('Jane Smith', 'Hastings', 3, ['listened', 'honest']);
  publish('Jane Smith', 'Sefton', 1);
  publish('Tom Smyth', 'Leeds', 1);
  publish('Mary Smith-Jones', 'Leeds', 2);
  publish('Siân Evans', 'Cardiff', 1);
  publish('Zoë Clarke', 'Sefton', 1);
  publish("Siobhan O'Neill", 'Sefton', 2);
  publish("Patrick O'Neill", 'Hastings', 1);
  publish('John Okafor', 'Croydon', 4);
  publish('Chinedu Okafor', 'Croydon', 1);
  publish('Muhammad Khan', 'Bradford', 2);
  publish('Jane Preston', 'Sefton', 1);
  publish('Nguyễn Văn An', 'Leeds', 1);
  await app.searchIndex.ready();
});

afterAll(async () => {
  await app.close();
});

describe('matching real names', () => {
  it('folds case and accents both ways: Siân = Sian, Zoë = Zoe', async () => {
    expect(await names('sian evans')).toEqual(['Siân Evans (Cardiff)']);
    expect(await names('SIÂN')).toEqual(['Siân Evans (Cardiff)']);
    expect(await names('Zoe Clarke')).toEqual(['Zoë Clarke (Sefton)']);
    expect(await names('nguyen')).toEqual(['Nguyễn Văn An (Leeds)']);
  });

  it("treats apostrophes as nothing or a space: O'Neill = ONeill = O Neill", async () => {
    for (const q of ["siobhan o'neill", 'siobhan oneill', 'siobhan o neill', 'Siobhan O’Neill']) {
      expect((await names(q))[0], q).toBe("Siobhan O'Neill (Sefton)");
    }
    expect(await names('oneill')).toEqual(["Siobhan O'Neill (Sefton)", "Patrick O'Neill (Hastings)"]);
    expect(await names('neill')).toEqual(["Siobhan O'Neill (Sefton)", "Patrick O'Neill (Hastings)"]);
  });

  it('finds a hyphenated name by each part and whole', async () => {
    expect(await names('smith-jones')).toEqual(['Mary Smith-Jones (Leeds)']);
    expect(await names('mary jones')).toEqual(['Mary Smith-Jones (Leeds)']);
    expect(await names('mary smith')).toEqual(['Mary Smith-Jones (Leeds)']);
    expect(await names('jones')).toContain('Mary Smith-Jones (Leeds)');
  });

  it('forgives a typo in proportion to the word: Smyth -> Smith, Okafro -> Okafor, but not in short words', async () => {
    expect(await names('jane smyth')).toEqual(['Jane Smith (Hastings)', 'Jane Smith (Sefton)']);
    expect(await names('john okafro')).toEqual(['John Okafor (Croydon)']);
    expect(await names('muhamad khan')).toEqual(['Muhammad Khan (Bradford)']);
    // three letters: no typo allowed, so "tam" is not "tom"
    expect((await api('tam')).total).toBe(0);
  });

  it('knows short forms and spellings of the same name: Jon -> John, Mohammed -> Muhammad', async () => {
    expect(await names('jon okafor')).toEqual(['John Okafor (Croydon)']);
    expect(await names('Mohammed Khan')).toEqual(['Muhammad Khan (Bradford)']);
    expect(await names('mohamed')).toEqual(['Muhammad Khan (Bradford)']);
  });

  it('matches the last word as a prefix while typing: "okaf", "jane smi"', async () => {
    expect(await names('okaf')).toEqual(['John Okafor (Croydon)', 'Chinedu Okafor (Croydon)']);
    expect(await names('jane smi')).toEqual(['Jane Smith (Hastings)', 'Jane Smith (Sefton)']);
    // but not a word in the middle: "oka fred" is not a prefix search for oka
    expect((await api('oka fred')).total).toBe(0);
  });

  it('reads an area in the query as a filter: "jane smith hastings", "O Neill Sefton", "st helens"', async () => {
    const hastings = await api('jane smith hastings');
    expect(hastings.results.map((r) => r.area.slug)).toEqual(['hastings']);
    expect(hastings.total).toBe(1);
    expect(await names('O Neill Sefton')).toEqual(["Siobhan O'Neill (Sefton)"]);
    expect(await names('social workers in Sefton')).toEqual([
      "Siobhan O'Neill (Sefton)",
      'Jane Preston (Sefton)',
      'Jane Smith (Sefton)',
      'Zoë Clarke (Sefton)',
    ]);
  });

  it('reads area words as a name when someone has that whole name ("jane preston", "Jane Hart")', async () => {
    expect(await names('jane preston')).toEqual(['Jane Preston (Sefton)']);
    publish('Philippa Hart', 'Leeds', 1);
    publish('Philippa Clarke', 'Hart', 1);
    // Hart is a district, but a Philippa Hart exists: she is shown, not the Philippas of Hart.
    expect(await names('philippa hart')).toEqual(['Philippa Hart (Leeds)']);
    // nobody is called Philippa Clarke Hart: Hart is the area
    expect(await names('philippa clarke hart')).toEqual(['Philippa Clarke (Hart)']);
    // a query that is only an area lists the area
    expect(await names('hart')).toEqual(['Philippa Clarke (Hart)']);
  });

  it('takes an explicit area filter by slug, ONS code or name', async () => {
    expect(await names('jane smith', '&area=sefton')).toEqual(['Jane Smith (Sefton)']);
    expect(await names('jane smith', '&area=E08000014')).toEqual(['Jane Smith (Sefton)']);
    expect(await names('', '&area=Hastings')).toEqual(['Jane Smith (Hastings)', "Patrick O'Neill (Hastings)"]);
  });
});

describe('ranking', () => {
  it('puts exact matches before typo matches, even with fewer recommendations', async () => {
    // Tom Smyth (1) is exact for "smyth"; the Smiths (3, 2 and 1 recommendations) are one letter off.
    expect(await names('smyth')).toEqual(['Tom Smyth (Leeds)', 'Jane Smith (Hastings)', 'Mary Smith-Jones (Leeds)', 'Jane Smith (Sefton)']);
  });

  it('breaks ties by recommendations, then by name', async () => {
    expect(await names('jane smith')).toEqual(['Jane Smith (Hastings)', 'Jane Smith (Sefton)']);
    expect(await names('okafor')).toEqual(['John Okafor (Croydon)', 'Chinedu Okafor (Croydon)']);
    expect(await names('jane')).toEqual(['Jane Smith (Hastings)', 'Jane Preston (Sefton)', 'Jane Smith (Sefton)']);
  });

  it('shows only the profiles matching every word when some do', async () => {
    expect(await names('jane smith')).not.toContain('Jane Preston (Sefton)');
  });
});

describe('odd input never breaks search', () => {
  it('answers lunr syntax characters as plain text', async () => {
    for (const q of [':', '~', '^', '*', '+', '-', 'jane~2', 'name:jane', 'smith^10', '+jane -smith', 'ok*', '"jane', '\\', '%', '   ']) {
      const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
      const page = await app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
      expect(page.statusCode, q).toBe(200);
    }
    expect(await names('jane~2')).toEqual(['Jane Smith (Hastings)', 'Jane Preston (Sefton)', 'Jane Smith (Sefton)']);
  });

  it('answers a 1,000-character query quickly', async () => {
    const long = 'jane smith '.repeat(91).slice(0, 1000);
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(long)}` });
    expect(res.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(500);
    const junk = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('x'.repeat(1000))}` });
    expect(junk.statusCode).toBe(200);
  });

  it('refuses a bad page number or unknown area with a 400 and a message, never a 500', async () => {
    for (const page of ['0', '-1', 'abc', '1.5', '99999999']) {
      const res = await app.inject({ method: 'GET', url: `/search?q=jane&page=${page}` });
      expect(res.statusCode, page).toBe(400);
      expect(res.body).toContain('page number');
      const j = await app.inject({ method: 'GET', url: `/api/search?q=jane&page=${page}` });
      expect(j.statusCode, page).toBe(400);
      expect(j.json().error).toMatch(/page/);
    }
    const area = await app.inject({ method: 'GET', url: '/search?q=jane&area=atlantis' });
    expect(area.statusCode).toBe(400);
    expect(area.body).toContain('We do not know that area');
    expect(area.body).toContain('value="jane"');
    expect((await app.inject({ method: 'GET', url: '/api/search?q=jane&area=atlantis' })).statusCode).toBe(400);
  });

  it('takes the first of repeated parameters', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/search?q=okafor&q=smith' });
    expect(res.json().query).toBe('okafor');
  });
});

describe('the API shape', () => {
  it('is exactly { query, total, page, results: [{ slug, name, area: { slug, name }, nominations, url }] }', async () => {
    const body = await api('Jane Smith');
    expect(Object.keys(body)).toEqual(['query', 'total', 'page', 'results']);
    expect(body.query).toBe('Jane Smith');
    expect(body.total).toBe(2);
    expect(body.page).toBe(1);
    expect(body.results[0]).toEqual({
      slug: 'jane-smith-hastings',
      name: 'Jane Smith',
      area: { slug: 'hastings', name: 'Hastings' },
      nominations: 3,
      url: '/workers/jane-smith-hastings',
    });
  });

  it('pages by 20 with the total of all pages', async () => {
    const local = await makeApp();
    try {
      for (let i = 0; i < 45; i++)
        seedNomination(local, { workerName: `Alex Morgan${String.fromCharCode(97 + (i % 26))}${i}`, area: 'Hastings' });
      await local.searchIndex.ready();
      const get = async (page: number) =>
        (await local.inject({ method: 'GET', url: `/api/search?q=hastings&page=${page}` })).json() as ApiBody;
      const [p1, p2, p3, p4] = [await get(1), await get(2), await get(3), await get(4)];
      expect([p1.total, p1.results.length, p2.results.length, p3.results.length, p4.results.length]).toEqual([45, 20, 20, 5, 0]);
      const all = [...p1.results, ...p2.results, ...p3.results].map((r) => r.slug);
      expect(new Set(all).size).toBe(45);
      const html = await local.inject({ method: 'GET', url: '/search?q=alex&page=2' });
      expect(html.body).toContain('Page 2 of 3');
      expect((await local.inject({ method: 'GET', url: '/search?q=alex&page=9' })).statusCode).toBe(404);
    } finally {
      await local.close();
    }
  });
});

describe('the page', () => {
  it('shows name, area, recommendations and top qualities, with one h1 and a labelled form', async () => {
    const res = await app.inject({ method: 'GET', url: '/search?q=jane+smith' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('2 social workers found for “jane smith”');
    expect(html).toContain('href="/workers/jane-smith-hastings"');
    expect(html).toContain('Hastings · 3 recommendations');
    expect(html).toContain('Listened to us and respected our views');
    expect(html).toMatch(/<label for="q">/);
    expect(html).toMatch(/<label for="area">/);
  });

  it('offers help when nothing is found, and when nothing was typed', async () => {
    const none = await app.inject({ method: 'GET', url: '/search?q=zzzzqqq' });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No social workers found');
    expect(none.body).toContain('Check the spelling');
    expect(none.body).toContain('href="/areas"');
    expect(none.body).toContain('href="/nominate"');
    const empty = await app.inject({ method: 'GET', url: '/search' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('No social workers found');
    expect(empty.body).toContain('href="/nominate"');
  });

  it('says when an area was read from the query and links to all areas', async () => {
    const res = await app.inject({ method: 'GET', url: '/search?q=jane+smith+hastings' });
    expect(res.body).toContain('1 social worker found for “jane smith” in Hastings');
    expect(res.body).toContain('href="/search?q=jane+smith"');
  });

  it('escapes what was typed', async () => {
    const res = await app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('<script>alert(1)</script>')}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;');
  });
});

describe('keeping search current', () => {
  it('finds a newly approved profile at once, without a restart', async () => {
    expect((await api('Oluwaseun Adeyemi')).total).toBe(0);
    publish('Oluwaseun Adeyemi', 'Sefton', 1);
    expect(await names('oluwaseun adeyemi')).toEqual(['Oluwaseun Adeyemi (Sefton)']);
    expect(await names('adeyemi sefton')).toEqual(['Oluwaseun Adeyemi (Sefton)']);
    // a second recommendation moves her count on at once too
    publish('Oluwaseun Adeyemi', 'Sefton', 1);
    expect((await api('adeyemi')).results[0]!.nominations).toBe(2);
  });

  it('never shows a hidden profile, even when the index has not been told', async () => {
    const slug = publish('Hermione Quill', 'Leeds', 1);
    expect(await names('hermione quill')).toEqual(['Hermione Quill (Leeds)']);
    // Hidden behind the index's back (no event): the check against the database still drops it.
    app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE slug = ?").run(slug);
    expect((await api('hermione quill')).results).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/search?q=hermione+quill' })).body).not.toContain('Hermione');
    // Told (as moderation does): the delta drops it too, so it no longer counts.
    const _id = app.db.$client.prepare('SELECT id FROM workers WHERE slug = ?').pluck().get(slug) as number;
    expect((await api('hermione quill')).total).toBe(0);
  });

  it('drops a profile whose only recommendation is unpublished', async () => {
    const slug = publish('Bartholomew Finch', 'Leeds', 1);
    const id = app.db.$client.prepare('SELECT id FROM workers WHERE slug = ?').pluck().get(slug) as number;
    app.db.$client.prepare('UPDATE quotes SET unpublished_at = ? WHERE worker_id = ?').run(app.clock.now, id);
    expect((await api('bartholomew finch')).total).toBe(0);
  });

  it('takes in writes that forgot to tell it (database triggers), and ignores rolled-back ones', async () => {
    const sqlite = app.db.$client;
    const now = app.clock.now;
    const worker = Number(
      sqlite
        .prepare(
          "INSERT INTO workers (slug, name, area_id, status, created_at, updated_at) VALUES ('gwenllian-hopkin-leeds', 'Gwenllian Hopkin', ?, 'published', ?, ?)",
        )
        .run(app.areas.resolve('Leeds')!.id, now, now).lastInsertRowid,
    );
    const nomination = seedNomination(app, { workerName: 'Someone Else', area: 'Leeds', status: 'pending' }).nominationId;
    sqlite
      .prepare("INSERT INTO quotes (nomination_id, worker_id, text, relationship, published_at) VALUES (?, ?, 'x', 'parent', ?)")
      .run(nomination, worker, now);
    expect(await names('gwenllian hopkin')).toEqual(['Gwenllian Hopkin (Leeds)']);
    sqlite.prepare("UPDATE workers SET name = 'Gwenllian Hopkins' WHERE id = ?").run(worker);
    expect(await names('hopkins')).toEqual(['Gwenllian Hopkins (Leeds)']);
    // a correction that rolls back leaves search as it was
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("UPDATE workers SET name = 'Rolled Back' WHERE id = ?").run(worker);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect((await api('rolled back')).total).toBe(0);
    expect(await names('gwenllian')).toEqual(['Gwenllian Hopkins (Leeds)']);
  });

  it('rebuilds when another process writes to the database', async () => {
    const other = new Database(join(app.dir, 'test.db'));
    try {
      const now = app.clock.now;
      const areaId = app.areas.resolve('Leeds')!.id;
      const worker = Number(
        other
          .prepare(
            "INSERT INTO workers (slug, name, area_id, status, created_at, updated_at) VALUES ('idris-vaughan-leeds', 'Idris Vaughan', ?, 'published', ?, ?)",
          )
          .run(areaId, now, now).lastInsertRowid,
      );
      const nomination = Number(
        other
          .prepare(
            `INSERT INTO nominations (ref, submission_key, status, worker_name, area_id, relationship, qualities, still_involved, story, story_hash, submitted_at, worker_id)
             VALUES ('OTHERPROC1', 'other-proc-1', 'approved', 'Idris Vaughan', ?, 'parent', '[]', 'yes', 'x', 'x', ?, ?)`,
          )
          .run(areaId, now, worker).lastInsertRowid,
      );
      other
        .prepare("INSERT INTO quotes (nomination_id, worker_id, text, relationship, published_at) VALUES (?, ?, 'x', 'parent', ?)")
        .run(nomination, worker, now);
    } finally {
      other.close();
    }
    await api('idris vaughan'); // notices the database moved on and starts a rebuild
    await app.searchIndex.idle();
    expect(await names('idris vaughan')).toEqual(['Idris Vaughan (Leeds)']);
  });

  it('never shows a profile another process hid, even before the rebuild that follows', async () => {
    const slug = publish('Ottoline Marsh', 'Leeds', 2);
    expect(await names('ottoline marsh')).toEqual(['Ottoline Marsh (Leeds)']);
    const other = new Database(join(app.dir, 'test.db'));
    try {
      other.prepare("UPDATE workers SET status = 'hidden' WHERE slug = ?").run(slug);
    } finally {
      other.close();
    }
    // the old index still holds her until the rebuild lands: the check before showing drops her
    expect((await api('ottoline marsh')).results).toEqual([]);
    expect((await app.inject('/search?q=ottoline+marsh')).body).not.toContain('Ottoline');
    await app.searchIndex.idle();
    expect((await api('ottoline marsh')).total).toBe(0);
  });

  it('rebuilds in a worker thread, swaps the new index in and empties the delta', async () => {
    publish('Tegan Llewellyn', 'Cardiff', 1);
    await api('tegan'); // takes the change in
    expect(app.searchIndex.delta.size).toBeGreaterThan(0);
    await app.searchIndex.rebuild({ offThread: true });
    expect(app.searchIndex.lastBuild?.offThread).toBe(true);
    expect(app.searchIndex.delta.size).toBe(0);
    expect(await names('oluwaseun adeyemi')).toEqual(['Oluwaseun Adeyemi (Sefton)']);
    expect(await names('tegan llewellyn')).toEqual(['Tegan Llewellyn (Cardiff)']);
    expect((await api('hermione quill')).total).toBe(0);
    expect(await names('jane smith')).toEqual(['Jane Smith (Hastings)', 'Jane Smith (Sefton)']);
  });

  it('keeps changes made during a rebuild', async () => {
    const rebuilding = app.searchIndex.rebuild({ offThread: true });
    publish('Ffion Pritchard', 'Cardiff', 1);
    await rebuilding;
    expect(await names('ffion pritchard')).toEqual(['Ffion Pritchard (Cardiff)']);
  });

  it('closes cleanly while a rebuild thread is running', async () => {
    const local = await makeApp();
    seedNomination(local, { workerName: 'Rhys Davies', area: 'Cardiff' });
    const rebuilding = local.searchIndex.rebuild({ offThread: true });
    await local.close();
    await rebuilding;
  });
});

describe('the snapshot', () => {
  const service = (snapshotPath: string) =>
    new SearchService({
      db: app.db,
      areas: app.areas,
      dbPath: join(app.dir, 'test.db'),
      snapshotPath,
      now: () => app.clock.now,
      log: { info() {}, error() {} },
    });

  it('is loaded at start-up instead of building, and answers at once', async () => {
    await app.searchIndex.idle();
    const snapshot = app.config.SEARCH_SNAPSHOT_PATH;
    expect(existsSync(snapshot)).toBe(true);
    const s = service(snapshot);
    s.start();
    try {
      expect(s.lastBuild).toBeUndefined();
      expect(s.profiles).toBe(app.searchIndex.profiles);
      const found = await s.find('okafor', undefined, 1, 20);
      expect(found.results.map((r) => r.name)).toEqual(['John Okafor', 'Chinedu Okafor']);
    } finally {
      await s.close();
    }
  });

  it('is brought up to date from the change log when the data moved on since it was written', async () => {
    const stale = join(app.dir, 'behind.json');
    copyFileSync(app.config.SEARCH_SNAPSHOT_PATH, stale);
    publish('Bethan Morgant', 'Cardiff', 1);
    const s = service(stale);
    s.start();
    try {
      expect((await s.find('bethan morgant', undefined, 1, 20)).total).toBe(1);
      await s.idle();
      expect(s.lastBuild).toBeUndefined(); // the snapshot plus the log's tail: no rebuild
    } finally {
      await s.close();
    }
  });

  it('is rebuilt when the data moved on, and when it is unreadable', async () => {
    const stale = join(app.dir, 'stale.json');
    copyFileSync(app.config.SEARCH_SNAPSHOT_PATH, stale);
    publish('Aled Prosser', 'Cardiff', 1);
    // The log no longer holds what changed since the snapshot (pruned while it sat on disk).
    app.db.delete(changeLog).run();
    const s = service(stale);
    s.start();
    try {
      await s.idle();
      expect(s.lastBuild).toBeDefined();
      expect((await s.find('aled prosser', undefined, 1, 20)).total).toBe(1);
    } finally {
      await s.close();
    }
    const broken = join(app.dir, 'broken.json');
    writeFileSync(broken, '{"version": 4, "terms": [');
    const b = service(broken);
    b.start();
    try {
      await b.ready();
      expect((await b.find('aled prosser', undefined, 1, 20)).total).toBe(1);
    } finally {
      await b.close();
    }
  });
});
