// GET / : search box, the areas leading this week, the latest published quotes, a way to nominate.
import type { FastifyInstance } from 'fastify';
import { leadingThisWeek } from '../../counts/index.ts';
import { leadingSummary } from '../../counts/leading.ts';
import { latestQuotes } from '../../workers/profile.ts';
import { SPARKLINE_WEEKS, trendSparkline } from '../../insights/view.ts';

export default async function home(app: FastifyInstance) {
  app.get('/', { config: { pageCache: true } }, async (req, reply) => {
    const snapshot = app.counts.snapshot();
    const leadingAreas = leadingThisWeek(snapshot.areas, 5);
    const totals = { ...snapshot.totals, areasThisWeek: snapshot.areas.filter((c) => c.thisWeek > 0).length };
    const quotes = latestQuotes(app.db, 6).map((q) => {
      const area = app.areas.get(q.worker.areaId);
      return { ...q, worker: { ...q.worker, areaName: area?.name, areaSlug: area?.slug } };
    });
    return reply.page('home', {
      title: req.t('home.title'),
      description: req.t('home.description'),
      totals,
      leadingAreas,
      leading: leadingSummary(leadingAreas),
      quotes,
      trend: trendSparkline(app.counts.trend(SPARKLINE_WEEKS), 'home-trend', req.t('trend.acrossUk'), req),
    });
  });
}
