// "Exit this page" as the server sends it: on every public page (not moderation pages), a plain
// link to a neutral site elsewhere, plus one small same-origin script the CSP allows without
// 'unsafe-inline'; the script itself has no way to send anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { STATIC_DIR } from '../server/plugins/view.ts';

let app: TestApp;
let slug: string;
beforeAll(async () => {
  app = await makeApp();
  slug = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings' }).slug!;
});
afterAll(async () => app.close());

const exitLinks = (html: string) => [...html.matchAll(/<a href="([^"]+)"[^>]*\bdata-exit-this-page\b[^>]*>/g)].map((m) => m[1]);

describe('Exit this page', () => {
  it('is on every public page, once, right after the skip link, pointing at a neutral https site', async () => {
    for (const url of [
      '/',
      '/search?q=jane',
      `/workers/${slug}`,
      '/areas',
      '/areas/hastings',
      '/insights',
      '/nominate',
      '/status',
      '/withdraw',
      '/help',
      '/staying-safe',
      '/accessibility',
      '/about',
      '/privacy',
      '/house-rules',
      '/request-change',
      '/named',
      '/check',
      '/no-such-page',
      '/cy',
      '/cy/staying-safe',
      '/cy/check?code=nonsense',
      '/cy/dim-tudalen',
    ]) {
      const res = await app.inject(url);
      expect(exitLinks(res.body), url).toEqual(['https://www.bbc.co.uk/weather']);
      const body = res.body.slice(res.body.indexOf('<body>'));
      expect(body.indexOf('class="skip-link"'), url).toBeLessThan(body.indexOf('data-exit-this-page'));
      expect(body.indexOf('data-exit-this-page'), url).toBeLessThan(body.indexOf('<header'));
      expect(res.body, url).toMatch(/<script src="\/static\/exit-this-page\.js\?v=[0-9a-f]{10}" defer><\/script>/);
    }
  });

  it('is not on moderation pages', async () => {
    const res = await app.inject('/moderate/login');
    expect(exitLinks(res.body)).toEqual([]);
    expect(res.body).not.toContain('exit-this-page.js');
  });

  it('its script is served from this site, and the CSP allows it without inline script', async () => {
    const page = await app.inject('/');
    const src = /<script src="([^"]+)"/.exec(page.body)![1]!;
    const js = await app.inject(src);
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script anywhere
  });

  it('gives its script the words to announce, from the catalogue, in the page’s language', async () => {
    const said = (html: string) => {
      const link = /<a [^>]*\bdata-exit-this-page\b[^>]*>/.exec(html)![0];
      return Object.fromEntries([...link.matchAll(/(data-(?:press-two|press-one|exit-title))="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    };
    expect(said((await app.inject('/status')).body)).toEqual({
      'data-press-two': 'Shift, press 2 more times to exit.',
      'data-press-one': 'Shift, press 1 more time to exit.',
      'data-exit-title': 'Exit this page',
    });
    expect(said((await app.inject('/cy/status')).body)).toEqual({
      'data-press-two': 'Shift, pwyswch ddwywaith eto i adael.',
      'data-press-one': 'Shift, pwyswch unwaith eto i adael.',
      'data-exit-title': 'Gadael y dudalen hon',
    });
    // and the script has no words of its own
    const source = readFileSync(join(STATIC_DIR, 'exit-this-page.js'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    for (const words of ['more time', 'to exit', 'Exit this page']) expect(source).not.toContain(words);
    for (const a of ['data-press-two', 'data-press-one', 'data-exit-title']) expect(source).toContain(`'${a}'`);
  });

  it('its script can send nothing: no fetch, beacon, XHR, image or form', () => {
    const source = readFileSync(join(STATIC_DIR, 'exit-this-page.js'), 'utf8');
    for (const api of ['fetch', 'sendBeacon', 'XMLHttpRequest', 'Image', 'WebSocket', 'EventSource', 'submit', 'import('])
      expect(source).not.toContain(api);
    expect(source).toContain('location.replace(link.href)');
  });
});
