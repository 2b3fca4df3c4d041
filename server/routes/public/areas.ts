// GET /areas (every area, grouped or sorted, with a chart of the top ten) and GET /areas/:slug.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AreaCount } from '../../counts/index.ts';
import { barChart } from '../../charts/bar.ts';
import { PAGE_SIZE, pager } from '../../pagination.ts';
import { hint, page as pageSchema, slugParams } from '../../http/route-schemas.ts';
import { workersInArea } from '../../workers/profile.ts';
import { AREA_SPARKLINE_MIN, trendSparkline } from '../../insights/view.ts';
import type { SiteOptions } from '../../i18n/index.ts';
import { placeNames } from '../../i18n/places.ts';
import { translatedQualities } from '../../qualities.ts';

/** The sorts, with their labels' catalogue keys (`areas.sort.<key>`). */
const SORTS = { name: 'name', workers: 'workers', nominations: 'nominations' } as const;
type Sort = keyof typeof SORTS;
const isSort = (s: string): s is Sort => Object.hasOwn(SORTS, s);

/** Counts come in name order and the sort is stable, so ties stay in name order. */
function sortCounts(counts: AreaCount[], sort: Exclude<Sort, 'name'>): AreaCount[] {
  const other = sort === 'workers' ? 'nominations' : 'workers';
  return [...counts].sort((a, b) => b[sort] - a[sort] || b[other] - a[other]);
}

export default async function areasRoutes(app: FastifyInstance, { lang }: SiteOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const t = app.catalogue.t[lang];
  const places = placeNames(lang);
  // Welsh pages list areas in the order of the names they show (Caerdydd before Casnewydd)
  const inPlaceOrder = <T extends { name: string }>(list: T[]): T[] =>
    lang === 'en' ? list : [...list].sort((a, b) => places.place(a).localeCompare(places.place(b), 'cy'));
  routes.get('/areas', { schema: { querystring: z.object({ sort: hint }) }, config: { pageCache: true } }, async (req, reply) => {
    // An unknown sort falls back to the grouped list rather than a dead end.
    const sort: Sort = isSort(req.query.sort) ? req.query.sort : 'name';
    const counts = app.counts.areas();
    const byId = new Map(counts.map((c) => [c.id, c]));
    const top = sortCounts(counts, 'nominations')
      .filter((c) => c.nominations > 0)
      .slice(0, 10);
    const groups = app.areas.grouped().map((g) => ({
      nation: g.nation,
      regions: g.regions.map((r) => ({ region: r.region, areas: inPlaceOrder(r.areas.map((a) => byId.get(a.id)!)) })),
    }));
    return reply.page('areas', {
      title: t('areas.title'),
      description: t('areas.description'),
      sort,
      sorts: Object.keys(SORTS),
      groups,
      sorted: sort === 'name' ? null : sortCounts(counts, sort),
      top,
      chart: barChart({
        id: 'top-areas',
        title: t('areas.chartTitle'),
        items: top.map((c) => ({ label: places.place(c), value: c.nominations })),
      }),
    });
  });

  const badPage = t('area.badPage');
  routes.get(
    '/areas/:slug',
    {
      schema: { params: slugParams, querystring: z.object({ page: pageSchema }) },
      config: { pageCache: true, badInput: { message: badPage } },
    },
    async (req, reply) => {
      const slug = req.params.slug;
      const area = app.areas.bySlugOrUndefined(slug);
      if (!area) {
        // An ONS code, a different case or a name families use ("hull") leads to the canonical page.
        const other = app.areas.resolve(slug);
        if (other) return reply.redirect(req.href(`/areas/${other.slug}`), 301);
        return reply.errorPage(404);
      }
      const page = req.query.page;
      const counts = app.counts.area(area.id)!;
      const { total, workers } = workersInArea(app.db, area.id, PAGE_SIZE, (page - 1) * PAGE_SIZE);
      const pages = pager(page, total, req.href(`/areas/${area.slug}`));
      const name = places.place(area);
      const trend = trendSparkline(app.counts.areaTrend(area.id), 'area-trend', t('trend.inArea', { area: name }), req);
      return reply.page(
        'area',
        {
          title: t('area.title', { area: name }),
          description: t('area.description', {
            area: name,
            workers: t('count.workers', { count: counts.workers }),
            nominations: t('count.recommendations', { count: counts.nominations }),
          }),
          area,
          counts,
          workers: workers.map((w) => ({ ...w, qualities: translatedQualities(t, w.qualities) })),
          pager: pages,
          trend: trend.total >= AREA_SPARKLINE_MIN ? trend : null,
        },
        pages.beyond ? 404 : 200,
      );
    },
  );
}
