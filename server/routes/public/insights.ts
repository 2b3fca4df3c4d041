// GET /insights: totals, the weekly trend, qualities, moved on / case closed, leading areas,
// nations and regions. Charts are server-rendered SVG, each with a table of its numbers.
import type { FastifyInstance } from 'fastify';
import { insightsView } from '../../insights/view.ts';

export default async function insights(app: FastifyInstance) {
  app.get('/insights', { config: { pageCache: true } }, async (req, reply) => {
    return reply.page('insights', {
      title: req.t('insights.title'),
      description: req.t('insights.description'),
      view: insightsView(app.counts, req),
    });
  });
}
