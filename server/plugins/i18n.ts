// The language of each request (from its path: /cy/… is Welsh), its translate function, and
// redirects that keep the language: a Welsh page redirecting to "/nominate/check" sends the
// visitor to "/cy/nominate/check", so a route module needs no language logic of its own.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { createCatalogue, langOf, localPath, type Catalogue, type Lang, type Translate } from '../i18n/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    catalogue: Catalogue;
    /** every GET route registered under /cy, as its pattern ("/cy/workers/:slug"), for tests that walk the site */
    welshRoutes: string[];
  }
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
    /** an English site path in this request's language: "/search" -> "/cy/search" on a Welsh page */
    href: (path: string) => string;
  }
}

const HREF: Record<Lang, (path: string) => string> = {
  en: (path) => path,
  cy: (path) => localPath('cy', path),
};

export default fp(async function i18nPlugin(app: FastifyInstance) {
  const catalogue = createCatalogue();
  app.decorate('catalogue', catalogue);
  const welshRoutes: string[] = [];
  app.decorate('welshRoutes', welshRoutes);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.includes('GET') && langOf(route.url) === 'cy' && !welshRoutes.includes(route.url)) welshRoutes.push(route.url);
  });
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('href', null as unknown as (path: string) => string);
  app.addHook('onRequest', async (req) => {
    const lang = langOf(req.url);
    req.lang = lang;
    req.t = catalogue.t[lang];
    req.href = HREF[lang];
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.lang !== 'cy') return;
    const location = reply.getHeader('location');
    if (typeof location === 'string') reply.header('location', localPath('cy', location));
  });
});
