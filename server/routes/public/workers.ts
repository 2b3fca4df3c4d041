// GET /workers/:slug (the profile page) and GET /api/workers/:slug (the same, as JSON).
// Unknown → 404, hidden or nothing live → 410, an old slug → 301 to the current one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../../plugins/errors.ts';
import { PAGE_SIZE, pager, parsePage } from '../../pagination.ts';
import { publicWorkerSide, recommendationAreaIds } from '../../worker-accounts/profiles.ts';
import { REGULATOR_INFO } from '../../worker-accounts/registration.ts';
import { liveQuotes, lookupWorker, qualityCounts, recommendationCount, type WorkerRow } from '../../workers/profile.ts';

type Req = FastifyRequest<{ Params: { slug: string }; Querystring: Record<string, unknown> }>;

/** Slugs are letters, digits and hyphens; anything else cannot be a profile. */
const SLUG = /^[\p{L}\p{N}-]{1,200}$/u;

function queryString(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? '' : url.slice(i);
}

/** Answers the request itself (404/410/301) unless the slug is a public profile. */
function resolve(app: FastifyInstance, req: Req, reply: FastifyReply, prefix: string): WorkerRow | undefined {
  const slug = req.params.slug;
  const found = SLUG.test(slug) ? lookupWorker(app.db, slug) : ({ kind: 'unknown' } as const);
  if (found.kind === 'public') return found.worker;
  if (found.kind === 'moved') reply.redirect(`${prefix}${encodeURIComponent(found.slug)}${queryString(req.url)}`, 301);
  else if (found.kind === 'gone') sendError(req, reply, 410, 'This profile is no longer published on the directory.');
  else sendError(req, reply, 404);
  return undefined;
}

export default async function workers(app: FastifyInstance) {
  app.get('/workers/:slug', { config: { pageCache: true } }, async (req: Req, reply) => {
    const page = parsePage(req.query.page);
    if (page === null) return sendError(req, reply, 400, 'That page number is not right. Go back to the profile and use the page links.');
    const worker = resolve(app, req, reply, '/workers/');
    if (!worker) return reply;
    const area = app.areas.get(worker.areaId)!;
    const total = recommendationCount(app.db, worker.id);
    const pages = pager(page, total, `/workers/${encodeURIComponent(worker.slug)}`);
    const side = publicWorkerSide(app.db, worker.id);
    const otherAreas = recommendationAreaIds(app.db, worker.id)
      .filter((id) => id !== area.id)
      .map((id) => app.areas.get(id))
      .filter((a) => a !== undefined);
    const qualities = qualityCounts(app.db, worker.id)
      .filter((q) => q.count > 0)
      .sort((a, b) => b.count - a.count);
    return reply.page(
      'worker',
      {
        title: `${worker.name}, ${area.name}`,
        description: `${worker.name}, social worker in ${area.name}: recommended by ${total === 1 ? 'one family' : `${total} families`}.`,
        worker,
        area,
        otherAreas,
        ...side,
        regulator: side.registration ? REGULATOR_INFO[side.registration.regulator] : null,
        total,
        qualities,
        quotes: pages.beyond ? [] : liveQuotes(app.db, worker.id, PAGE_SIZE, pages.offset),
        pager: pages,
      },
      pages.beyond ? 404 : 200,
    );
  });

  app.get('/api/workers/:slug', async (req: Req, reply) => {
    const worker = resolve(app, req, reply, '/api/workers/');
    if (!worker) return reply;
    const area = app.areas.get(worker.areaId)!;
    const quotes = liveQuotes(app.db, worker.id);
    reply.header('cache-control', 'no-cache');
    return {
      slug: worker.slug,
      name: worker.name,
      area: { slug: area.slug, name: area.name, authority: area.authority },
      team: worker.team,
      nominations: quotes.length,
      qualities: Object.fromEntries(qualityCounts(app.db, worker.id).map((q) => [q.key, q.count])),
      quotes: quotes.map((q) => ({ text: q.text, relationship: q.relationship, published: yearMonth(q.publishedAt) })),
      ...publicWorkerSide(app.db, worker.id),
    };
  });
}

const LONDON_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/** "2026-03", in London time like every public date. */
function yearMonth(ms: number): string {
  const p = LONDON_MONTH.formatToParts(ms);
  return `${p.find((x) => x.type === 'year')!.value}-${p.find((x) => x.type === 'month')!.value}`;
}
