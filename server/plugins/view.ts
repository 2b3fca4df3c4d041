// Eta templates (auto-escaping on), the layout, fingerprinted static assets, compression.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import compress from '@fastify/compress';
import { Eta } from 'eta';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as format from '../format.ts';
import { englishPath, isLocalised, langOf, localPath, sortedQuery, type Lang } from '../i18n/index.ts';
import { richText } from '../i18n/rich.ts';
import { WELSH_READY } from '../i18n/ready.ts';
import { fromRoot } from '../paths.ts';

export const VIEWS_DIR = fromRoot('views');
export const STATIC_DIR = fromRoot('static');

/** "site.css" -> "/static/site.css?v=<hash>" so assets can be cached for a year. */
function fingerprints(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(STATIC_DIR)) {
    const hash = createHash('sha256')
      .update(readFileSync(join(STATIC_DIR, f)))
      .digest('hex')
      .slice(0, 10);
    out[f] = `/static/${f}?v=${hash}`;
  }
  return out;
}

/** Where "Exit this page" goes: a neutral, well-known page elsewhere (GOV.UK's pattern uses a weather page). */
export const EXIT_THIS_PAGE_URL = 'https://www.bbc.co.uk/weather';

/** `samePage`: this page's English path when the address asked for is not one (a form's POST route). */
export type PageData = { title: string; samePage?: string; [key: string]: unknown };

declare module 'fastify' {
  interface FastifyReply {
    /** Render views/<name>.eta inside the layout with the common page data. */
    page(name: string, data: PageData, status?: number): FastifyReply;
  }
  interface FastifyInstance {
    /** views/<name>.eta inside the layout, as HTML: `data` is a page's context (pageContext's and its own), made for this page (asset, exitUrl and body are set on it). */
    renderPage(name: string, data: Record<string, unknown>): string;
  }
}

/**
 * What every page template gets besides its own data: the language, `t` (plain text, escaped by
 * `<%= %>`), `rich` (catalogue sentences with links, already escaped: `<%~ it.rich(...) %>`), `href`
 * (a site path in the page's language), formatters, and the links to the page in both languages.
 */
export function pageContext(app: FastifyInstance, url: string, template: string, samePage?: string) {
  const lang: Lang = langOf(url);
  const t = app.catalogue.t[lang];
  const href = (path: string) => localPath(lang, path);
  // An error page links to the home pages, not to the address asked for: a 404 for an old slug
  // must look exactly like any other 404 and must not repeat a name that has left the site. Only
  // pages whose query is what they show (a search, a sort, a page number) keep it in these links:
  // elsewhere a query can carry a slug that should not be repeated (/request-change?worker=…).
  // A page shown in answer to a form names its own address (`samePage`, an English path) when the
  // form's address is not a page: the other language's link then leads to the page, not to a POST route.
  const asked = englishPath(url);
  const en = samePage ?? (template === 'error' ? '/' : KEEPS_QUERY.has(template) ? sortedQuery(asked) : asked.split('?')[0]!);
  const cy = localPath('cy', en);
  const base = app.config.PUBLIC_URL.replace(/\/+$/, '');
  return {
    lang,
    t,
    href,
    rich: richText(t, href),
    format: FORMATS(app)[lang],
    // the path without the language, for "you are here" marks in the navigation
    path: en.split('?')[0],
    // moderation pages exist in English only: no alternates, no language link
    alternates: isLocalised(en) ? { en: base + en, cy: base + cy } : null,
    otherLanguage: lang === 'cy' ? { lang: 'en', href: en, label: 'English' } : { lang: 'cy', href: cy, label: 'Cymraeg' },
    // a Welsh page whose body is not translated yet says so and marks its body as English
    englishOnly: lang === 'cy' && !WELSH_READY.has(template),
  };
}

/** Templates whose query string is part of what they show, so the other language's link keeps it. */
const KEEPS_QUERY = new Set(['search', 'areas', 'area', 'worker', 'nominate']);

const formats = new WeakMap<FastifyInstance, Record<Lang, format.PageFormat>>();
function FORMATS(app: FastifyInstance): Record<Lang, format.PageFormat> {
  let f = formats.get(app);
  if (!f) {
    f = { en: format.formatFor('en', app.catalogue.t.en), cy: format.formatFor('cy', app.catalogue.t.cy) };
    formats.set(app, f);
  }
  return f;
}

export default fp(async function viewPlugin(app: FastifyInstance) {
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(fastifyStatic, {
    root: STATIC_DIR,
    prefix: '/static/',
    maxAge: '365d',
    immutable: true,
    etag: true,
    index: false,
    wildcard: false,
  });
  const assets = fingerprints();
  // Templates are compiled once and cached, whatever NODE_ENV says: recompiling on every
  // request made the default `npm start` several times slower. Restart to see template edits.
  const eta = new Eta({ views: VIEWS_DIR, autoEscape: true, cache: true, autoTrim: [false, 'nl'] });
  // Eta works a template's path out again on every render and include (a JSON key, path joins and
  // a check that it stays in views/): ~15 times per profile page. The answers never change.
  const resolvePath = eta.resolvePath.bind(eta);
  const resolved = new Map<string, string>();
  eta.resolvePath = (template: string, options?: { filepath?: string }) => {
    const key = `${options?.filepath ?? ''}\u0000${template}`;
    let path = resolved.get(key);
    if (path === undefined) resolved.set(key, (path = resolvePath(template, options)));
    return path;
  };
  // Rendered with Eta directly: @fastify/view copied the page's data three times per page, set Eta's options
  // again twice and added four promises, ~9% of an uncached profile page's throughput (measured).
  const asset = (f: string) => assets[f] ?? `/static/${f}`;
  // Parts of the layout that are the same on every page in a language (the footer, the exit button,
  // the site's navigation with one section marked), rendered once each: they were ~40 catalogue
  // look-ups, escapes and links on every page. A template passes `key` for what else the part shows.
  const fixedParts = new Map<string, string>();
  app.decorate('renderPage', (name: string, data: Record<string, unknown>) => {
    data.asset = asset;
    data.exitUrl = EXIT_THIS_PAGE_URL;
    data.samePerLanguage = (part: string, key = '') => {
      const id = `${String(data.lang)}\u0000${part}\u0000${key}`;
      let html = fixedParts.get(id);
      if (html === undefined) fixedParts.set(id, (html = eta.render(part, { ...data, key })));
      return html;
    };
    data.body = eta.render(name, data);
    return eta.render('layout', data);
  });

  app.decorateReply('page', function page(this: FastifyReply, name: string, data: PageData, status = 200) {
    const html = app.renderPage(name, {
      ...pageContext(app, this.request.url, name, data.samePage),
      ...data,
      // Templates with a form call it.csrf(); the token's secret goes in a signed cookie.
      csrf: () => this.generateCsrf(),
    });
    return this.code(status).header('cache-control', 'private, no-cache').type('text/html; charset=utf-8').send(html);
  });
});
