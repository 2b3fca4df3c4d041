// GET /workers/:slug (the profile page) and GET /api/workers/:slug (the same, as JSON).
// Unknown → 404, hidden or nothing live → 410, an old slug → 301 to the current one.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAGE_SIZE, pager } from '../../pagination.ts';
import { page, slugParams } from '../../http/route-schemas.ts';
import { yearMonth } from '../../format.ts';
import { REGULATOR_INFO, regulatorName } from '../../worker-accounts/registration.ts';
import { liveQuotes, lookupWorker, type SlugLookup } from '../../workers/profile.ts';
import type { SiteOptions } from '../../i18n/index.ts';
import { placeNames } from '../../i18n/places.ts';

/** Slugs are letters, digits and hyphens; anything else cannot be a profile. */
const SLUG = /^[\p{L}\p{N}-]{1,200}$/u;

function queryString(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? '' : url.slice(i);
}

/** Answers the request itself (404/410/301) unless the slug is a public profile. */
function resolve(
  app: FastifyInstance,
  slug: string,
  reply: FastifyReply,
  prefix: string,
): Extract<SlugLookup, { kind: 'public' }> | undefined {
  const found = SLUG.test(slug) ? lookupWorker(app.db, slug) : ({ kind: 'unknown' } as const);
  if (found.kind === 'public') return found;
  if (found.kind === 'moved') reply.redirect(`${prefix}${encodeURIComponent(found.slug)}${queryString(reply.request.url)}`, 301);
  else if (found.kind === 'gone') reply.errorPage(410, reply.request.t('worker.gone'));
  else reply.errorPage(404);
  return undefined;
}

export default async function workers(app: FastifyInstance, { lang }: SiteOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const t = app.catalogue.t[lang];
  const places = placeNames(lang);
  routes.get(
    '/workers/:slug',
    {
      schema: { params: slugParams, querystring: z.object({ page }) },
      config: { pageCache: true, badInput: { message: t('worker.badPage') } },
    },
    async (req, reply) => {
      const found = resolve(app, req.params.slug, reply, req.href('/workers/'));
      if (!found) return reply;
      const { worker, side } = found;
      const area = app.areas.get(worker.areaId)!;
      const counted = app.counts.worker(worker.id);
      const total = counted.recommendations;
      const pages = pager(req.query.page, total, req.href(`/workers/${encodeURIComponent(worker.slug)}`));
      // after a merge, the other areas this worker's recommendations came from
      const otherAreas = counted.fromAreas
        .filter((id) => id !== area.id)
        .map((id) => app.areas.get(id))
        .filter((a) => a !== undefined);
      const qualities = counted.qualities
        .filter((q) => q.count > 0)
        .sort((a, b) => b.count - a.count)
        .map((q) => ({ ...q, label: t(`quality.${q.key}` as 'quality.listened') }));
      const areaName = places.place(area);
      return reply.page(
        'worker',
        {
          title: `${worker.name}, ${areaName}`,
          description: t('worker.description', { name: worker.name, area: areaName, families: t('count.families', { count: total }) }),
          worker,
          area,
          otherAreas,
          ...side,
          // a Welsh page names the regulator as regulatorName says (Gofal Cymdeithasol Cymru; no English "the")
          regulator: side.registration
            ? {
                ...REGULATOR_INFO[side.registration.regulator],
                ...(lang === 'cy' ? { name: regulatorName(side.registration.regulator, lang).name } : {}),
              }
            : null,
          total,
          qualities,
          quotes: pages.beyond ? [] : liveQuotes(app.db, worker.id, PAGE_SIZE, pages.offset),
          pager: pages,
        },
        pages.beyond ? 404 : 200,
      );
    },
  );

  if (lang === 'en')
    routes.get('/api/workers/:slug', { schema: { params: slugParams } }, async (req, reply) => {
      const found = resolve(app, req.params.slug, reply, '/api/workers/');
      if (!found) return reply;
      const { worker, side } = found;
      const area = app.areas.get(worker.areaId)!;
      const quotes = liveQuotes(app.db, worker.id);
      reply.header('cache-control', 'no-cache');
      return {
        slug: worker.slug,
        name: worker.name,
        area: { slug: area.slug, name: area.name, authority: area.authority },
        team: worker.team,
        nominations: quotes.length,
        qualities: Object.fromEntries(app.counts.worker(worker.id).qualities.map((q) => [q.key, q.count])),
        quotes: quotes.map((q) => ({ text: q.text, relationship: q.relationship, published: yearMonth(q.publishedAt) })),
        ...side,
      };
    });
}
