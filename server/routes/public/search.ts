// GET /search (the page) and GET /api/search (JSON): one box for a name and/or an area, an area filter.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAGE_SIZE, pager } from '../../pagination.ts';
import { first, firstPage } from '../../http/route-schemas.ts';
import type { Area } from '../../areas/directory.ts';
import type { SearchAnswer } from '../../search/service.ts';
import type { SiteOptions } from '../../i18n/index.ts';
import { placeNames } from '../../i18n/places.ts';
import { translatedQualities } from '../../qualities.ts';

/** Repeated parameters use the first; the page number is checked by the schema (a 400 before the handler). */
const searchQuery = z.object({ q: first, area: first, page: firstPage });
type Query = z.output<typeof searchQuery>;

type Parsed = { q: string; areaInput: string; area?: Area; page: number; areaUnknown: boolean };

function parse(app: FastifyInstance, query: Query): Parsed {
  const q = query.q.trim();
  const areaInput = query.area.trim();
  const area = areaInput ? app.areas.resolve(areaInput) : undefined;
  return {
    q,
    areaInput,
    area,
    page: query.page,
    areaUnknown: !!areaInput && !area,
  };
}

/** Shorten what was typed for headings and titles; the full text stays in the search box. */
function shown(q: string): string {
  return q.length > 60 ? `${q.slice(0, 57)}…` : q;
}

export default async function searchRoutes(app: FastifyInstance, { lang }: SiteOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const t = app.catalogue.t[lang];
  const places = placeNames(lang);
  if (lang === 'en')
    routes.get(
      '/api/search',
      { schema: { querystring: searchQuery }, config: { badInput: { message: 'page must be a whole number from 1' } } },
      async (req, reply) => {
        const p = parse(app, req.query);
        if (p.areaUnknown) return reply.errorPage(400, 'area is not a known area slug, ONS code or name');
        const answer = await app.searchIndex.find(p.q, p.area, p.page, PAGE_SIZE);
        reply.header('cache-control', 'no-cache');
        return {
          query: p.q,
          total: answer.total,
          page: p.page,
          results: answer.results.map((r) => ({
            slug: r.slug,
            name: r.name,
            area: { slug: r.area.slug, name: r.area.name },
            nominations: r.nominations,
            url: `/workers/${encodeURIComponent(r.slug)}`,
          })),
        };
      },
    );

  // Results are the same for everyone (a GET form, no token): repeated searches come from the page cache.
  const badPage = t('search.badPage');
  routes.get(
    '/search',
    { schema: { querystring: searchQuery }, config: { pageCache: true, badInput: { message: badPage } } },
    async (req, reply) => {
      const p = parse(app, req.query);
      // The area is a text box, not a 361-option select: long selects are hard to use (GOV.UK's
      // research), and the select was 18 of the page's 29 KB, a quarter of an uncached search's cost.
      const form = { q: p.q, area: p.area ? places.place(p.area) : p.areaInput };
      if (p.areaUnknown) {
        const areaError = t('search.areaUnknown');
        return reply.page(
          'search',
          { title: t('search.errorTitle'), form, errors: [{ field: 'area', message: areaError }], areaError, searched: false },
          400,
        );
      }
      const searched = p.q !== '' || !!p.area;
      const answer: SearchAnswer | undefined = searched ? await app.searchIndex.find(p.q, p.area, p.page, PAGE_SIZE) : undefined;
      const params = { q: p.q || undefined, area: p.area?.slug };
      const pages = pager(p.page, answer?.total ?? 0, req.href('/search'), params);
      const ids = answer?.results.map((r) => r.id) ?? [];
      const quals = app.counts.topQualities(ids);
      const results = (answer?.results ?? []).map((r) => ({
        slug: r.slug,
        name: r.name,
        areaName: places.place(r.area),
        nominations: r.nominations,
        qualities: translatedQualities(t, quals.get(r.id) ?? []),
      }));
      const what = p.q ? t('search.quoted', { text: shown(p.q) }) : answer?.area ? places.place(answer.area) : t('nav.search');
      const title = !searched
        ? t('search.title')
        : pages.page > 1
          ? t('search.resultsTitlePage', { what, page: pages.page })
          : t('search.resultsTitle', { what });
      return reply.page(
        'search',
        {
          title,
          description: t('search.description'),
          form,
          errors: [],
          searched,
          shownQuery: shown(p.q),
          answer,
          results,
          pager: pages,
          everywhere:
            answer?.areaFromQuery && answer.nameWords.length
              ? `${req.href('/search')}?${new URLSearchParams({ q: answer.nameWords.join(' ') })}`
              : undefined,
        },
        pages.beyond && (answer?.total ?? 0) > 0 ? 404 : 200,
      );
    },
  );
}
