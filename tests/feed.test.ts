// The Atom feed: well-formed XML with the elements RFC 4287 requires, the 50 newest live
// quotes only, month-level dates, and text escaped (control characters dropped).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { xmlEscape } from '../server/feed/atom.ts';
import { monthStamp } from '../server/format.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ PUBLIC_URL: 'https://goodsocialworker.example' });
});
afterEach(async () => {
  await app.close();
});

const DAY = 24 * 3600_000;

type Entry = {
  id: string;
  title: string;
  updated: string;
  link: { '@_href': string; '@_rel': string };
  content: { '#text': string; '@_type': string };
};

async function getFeed() {
  const res = await app.inject('/feed.xml');
  expect(res.statusCode).toBe(200);
  expect(XMLValidator.validate(res.body)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'entry' || name === 'link',
    parseTagValue: false,
  }).parse(res.body);
  return { res, feed: parsed.feed as Record<string, unknown> & { entry?: (Omit<Entry, 'link'> & { link: Entry['link'][] })[] } };
}

describe('xmlEscape', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(xmlEscape(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(xmlEscape('a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uFFFF')).toBe('abcdef');
    expect(xmlEscape('tab\tnew\nline\r')).toBe('tab\tnew\nline\r');
    expect(xmlEscape('lone \uD800 surrogate \uDC00 but 😀 stays')).toBe('lone  surrogate  but 😀 stays');
    expect(xmlEscape('&amp;')).toBe('&amp;amp;');
  });
});

describe('GET /feed.xml', () => {
  it('is a valid Atom feed of live quotes with only the public facts', async () => {
    seedNomination(app, {
      workerName: 'Ann Hill',
      area: 'Hastings',
      relationship: 'carer',
      submittedAt: Date.UTC(2026, 2, 3, 10),
      quote: 'She <listened> & never gave up on us.\u0007',
      story: 'PRIVATE STORY with our names in it, never published',
      contactEmail: 'family@example.org',
    });
    const hidden = seedNomination(app, { workerName: 'Hidden Worker', area: 'Sefton' });
    app.db.$client.prepare("UPDATE workers SET status = 'hidden' WHERE id = ?").run(hidden.workerId);
    const unpublished = seedNomination(app, { workerName: 'Unpublished Quote', area: 'Sefton', quote: 'UNPUBLISHED TEXT' });
    app.db.$client.prepare('UPDATE quotes SET unpublished_at = 1 WHERE nomination_id = ?').run(unpublished.nominationId);
    seedNomination(app, { workerName: 'Pending Person', area: 'Sefton', status: 'pending' });

    const { res, feed } = await getFeed();
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers.etag).toBeTruthy();
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    // RFC 4287 4.1.1: id, title, updated, author (here at feed level), link rel=self recommended
    expect(feed.id).toBe('tag:goodsocialworker.example,2026:quotes');
    expect(feed.title).toBeTruthy();
    expect(feed.updated).toBe('2026-03-01T00:00:00Z');
    expect((feed.author as { name: string }).name).toBeTruthy();
    const links = feed.link as { '@_rel': string; '@_href': string }[];
    expect(links.find((l) => l['@_rel'] === 'self')!['@_href']).toBe('https://goodsocialworker.example/feed.xml');

    expect(feed.entry).toHaveLength(1);
    const e = feed.entry![0]!;
    expect(Object.keys(e).sort()).toEqual(['content', 'id', 'link', 'title', 'updated']);
    expect(e.id).toMatch(/^tag:goodsocialworker\.example,2026:quote-\d+$/);
    expect(e.title).toBe('Ann Hill, Hastings');
    expect(e.updated).toBe('2026-03-01T00:00:00Z');
    expect(e.link[0]!['@_href']).toMatch(/^https:\/\/goodsocialworker\.example\/workers\/ann-hill/);
    expect(e.content['@_type']).toBe('text');
    // the parser decodes entities: the text comes back as written, minus the control character
    expect(e.content['#text']).toBe('“She <listened> & never gave up on us.”\n— a carer, March 2026');

    for (const secret of ['PRIVATE STORY', 'family@example.org', 'Hidden Worker', 'UNPUBLISHED TEXT', 'Pending Person']) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('has the 50 newest live quotes, newest first, with stable ids', async () => {
    const start = Date.UTC(2025, 0, 15);
    for (let i = 0; i < 55; i++)
      seedNomination(app, { workerName: `Worker ${i}`, area: 'Wirral', submittedAt: start + i * 7 * DAY, quote: `Quote number ${i}` });
    const { feed } = await getFeed();
    expect(feed.entry).toHaveLength(50);
    expect(feed.entry![0]!.content['#text']).toContain('Quote number 54');
    expect(feed.entry![49]!.content['#text']).toContain('Quote number 5”');
    expect(feed.updated).toBe(feed.entry![0]!.updated);
    const ids = feed.entry!.map((e) => e.id);
    expect(new Set(ids).size).toBe(50);
    const { feed: again } = await getFeed();
    expect(again.entry!.map((e) => e.id)).toEqual(ids);
    // dates are never finer than the month
    for (const e of feed.entry!) expect(e.updated).toMatch(/^\d{4}-\d{2}-01T00:00:00Z$/);
  });

  it('is still a valid feed when nothing has been published', async () => {
    const { feed } = await getFeed();
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe('2026-03-01T00:00:00Z');
  });
});

describe('monthStamp', () => {
  it('uses the London month, so 23:30 UTC on 31 May is already June', () => {
    expect(monthStamp(Date.UTC(2026, 4, 31, 23, 30))).toBe('2026-06-01T00:00:00Z');
    expect(monthStamp(Date.UTC(2026, 11, 31, 23, 30))).toBe('2026-12-01T00:00:00Z');
  });
});
