// GET / : search box, the areas leading this week, the latest published quotes, a way to nominate.
import type { FastifyInstance } from 'fastify';
import { areaCounts, leadingThisWeek } from '../../counts/index.ts';
import { leadingSummary } from '../../counts/leading.ts';
import { latestQuotes } from '../../workers/profile.ts';

export default async function home(app: FastifyInstance) {
  app.get('/', async (_req, reply) => {
    const counts = areaCounts(app.db, app.areas, app.now());
    const leadingAreas = leadingThisWeek(counts, 5);
    const totals = { workers: 0, nominations: 0, areasWithWorkers: 0, areasThisWeek: 0 };
    for (const c of counts) {
      totals.workers += c.workers;
      totals.nominations += c.nominations;
      if (c.workers > 0) totals.areasWithWorkers++;
      if (c.thisWeek > 0) totals.areasThisWeek++;
    }
    const quotes = latestQuotes(app.db, 6).map((q) => {
      const area = app.areas.get(q.worker.areaId);
      return { ...q, worker: { ...q.worker, areaName: area?.name, areaSlug: area?.slug } };
    });
    return reply.page('home', {
      title: 'Find a good social worker',
      description: 'Families recommend the social workers who made a difference to them. Read what they said, or recommend one yourself.',
      totals,
      leadingAreas,
      leading: leadingSummary(leadingAreas),
      quotes,
    });
  });
}
