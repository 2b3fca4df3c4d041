// Open data: GET /api/areas, /api/areas.csv, /api/stats and the Atom feed /feed.xml.
// Wrapped in fastify-plugin so the CORS hook covers every GET under /api/, whoever owns it.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { areaRows, areasCsv, statsBody } from '../../open-data/areas.ts';
import { corsHeaders, sendCacheable } from '../../open-data/cacheable.ts';
import { renderAtom } from '../../feed/atom.ts';
import { quotesFeed } from '../../feed/quotes.ts';

// Bodies are rebuilt only when the counts snapshot changes (a new snapshot object).
const bodies = new WeakMap<object, Map<string, string>>();
function memo(snapshot: object, key: string, make: () => string): string {
  let m = bodies.get(snapshot);
  if (!m) bodies.set(snapshot, (m = new Map()));
  let body = m.get(key);
  if (body === undefined) m.set(key, (body = make()));
  return body;
}

const isOpen = (url: string) => url.startsWith('/api/') || url.split('?')[0] === '/feed.xml';

export default fp(async function openData(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && isOpen(req.url) && !reply.hasHeader('access-control-allow-origin')) {
      corsHeaders(reply);
    }
    return payload;
  });
  // A cross-site fetch that sets If-None-Match itself is preflighted.
  app.options('/api/*', async (_req, reply) => {
    return corsHeaders(reply)
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', 'If-None-Match')
      .header('access-control-max-age', '86400')
      .code(204)
      .send();
  });

  app.get('/api/areas', async (req, reply) => {
    const counts = app.counts;
    const body = memo(counts.snapshot(), 'json', () => JSON.stringify(areaRows(counts.areas())));
    return sendCacheable(req, reply, body, 'application/json; charset=utf-8');
  });

  app.get('/api/areas.csv', async (req, reply) => {
    const counts = app.counts;
    const body = memo(counts.snapshot(), 'csv', () => areasCsv(areaRows(counts.areas())));
    return sendCacheable(req, reply, body, 'text/csv; charset=utf-8', { 'content-disposition': 'inline; filename="areas.csv"' });
  });

  app.get('/api/stats', async (req, reply) => {
    const counts = app.counts;
    const body = memo(counts.snapshot(), 'stats', () => JSON.stringify(statsBody(counts.stats())));
    return sendCacheable(req, reply, body, 'application/json; charset=utf-8');
  });

  app.get('/feed.xml', async (req, reply) => {
    const body = renderAtom(quotesFeed(app.db, app.areas, app.config.PUBLIC_URL, app.now(), app.catalogue.t.en));
    return sendCacheable(req, reply, body, 'application/atom+xml; charset=utf-8');
  });
});
