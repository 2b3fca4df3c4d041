// GET /moderate: the queue.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lenientPage, optionalId } from '../../http/route-schemas.ts';
import { loadQueue, age, publishedSlug } from '../../moderation/queue.ts';
import { getNomination } from '../../moderation/review.ts';
import { getChangeRequest } from '../../moderation/change-requests.ts';
import { failedMailCount } from '../../mail/admin.ts';
import { CONCERN_LABELS, flagLabel } from './labels.ts';
import { moderationPage, requireModerator } from './guard.ts';
import { REQUEST_KIND_LABELS } from '../../moderation/legal-clock.ts';
import { workerQueue } from '../../worker-accounts/queue.ts';

export default async function queue(app: FastifyInstance) {
  requireModerator(app);

  const query = z.object({
    page: lenientPage,
    decided: optionalId,
    request: optionalId,
    worker_item: z.literal('done').optional().catch(undefined),
  });
  app.withTypeProvider<ZodTypeProvider>().get('/moderate', { schema: { querystring: query } }, async (req, reply) => {
    const q = req.query;
    const data = loadQueue(app.db, app.areas, q.page);
    // What just happened, after a decision redirected here.
    let done: { text: string; href?: string; linkText?: string } | undefined;
    const decided = q.decided;
    if (decided) {
      const n = getNomination(app.db, decided);
      if (n?.status === 'approved' && n.workerId) {
        const slug = publishedSlug(app.db, n.workerId);
        done = {
          text: `The quote for ${n.workerName} is published.`,
          href: slug ? `/workers/${slug}` : undefined,
          linkText: 'See the profile',
        };
      } else if (n?.status === 'sent_back') {
        done = { text: `The nomination for ${n.workerName} was sent back. The family sees why when they check their reference.` };
      } else if (n?.status === 'rejected') {
        done = { text: `The nomination for ${n.workerName} was rejected. Nothing was published.` };
      }
    }
    const request = q.request;
    if (request) {
      const r = getChangeRequest(app.db, request);
      if (r && r.status !== 'pending') done = { text: `The request about ${r.workerName} is done: ${r.outcome ?? r.status}.` };
    }
    if (q.worker_item === 'done') done = { text: 'Done. The worker’s profile shows the change now.' };
    const now = app.now();
    return moderationPage(reply, 'moderate/queue', {
      title: data.pendingNominations ? `Queue (${data.pendingNominations})` : 'Queue',
      ...data,
      done,
      workerItems: workerQueue(app.db, app.areas),
      kinds: REQUEST_KIND_LABELS,
      now,
      failedMail: req.moderator?.role === 'admin' ? failedMailCount(app.db) : 0,
      ageOf: (t: number) => age(t, now),
      flagLabel,
      concernLabels: CONCERN_LABELS,
    });
  });
}
