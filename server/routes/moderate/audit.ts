// GET /moderate/audit: the audit log, newest first, filterable by moderator and action.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hint } from '../../http/route-schemas.ts';
import { auditActions, describe, readAudit } from '../../moderation/audit-log.ts';
import { listModerators } from '../../moderation/accounts.ts';
import { moderationPage, requireModerator } from './guard.ts';

export default async function auditRoutes(app: FastifyInstance) {
  requireModerator(app);

  const query = z.object({ moderator: hint, action: hint, page: hint });
  app.withTypeProvider<ZodTypeProvider>().get('/moderate/audit', { schema: { querystring: query } }, async (req, reply) => {
    const str = (k: keyof typeof req.query) => req.query[k].trim();
    const actions = auditActions(app.db);
    const moderators = listModerators(app.db);
    const modParam = str('moderator');
    const moderatorId =
      modParam === 'system'
        ? ('system' as const)
        : /^\d{1,12}$/.test(modParam) && moderators.some((m) => m.id === Number(modParam))
          ? Number(modParam)
          : undefined;
    const action = actions.includes(str('action')) ? str('action') : '';
    const page = /^\d{1,6}$/.test(str('page')) ? Number(str('page')) : 1;
    const result = readAudit(app.db, { moderatorId, action: action || undefined, page });
    const filter = { moderator: moderatorId === undefined ? '' : String(moderatorId), action };
    const pageHref = (p: number) => {
      const params = new URLSearchParams();
      if (filter.moderator) params.set('moderator', filter.moderator);
      if (filter.action) params.set('action', filter.action);
      if (p > 1) params.set('page', String(p));
      const s = params.toString();
      return s ? `/moderate/audit?${s}` : '/moderate/audit';
    };
    return moderationPage(reply, 'moderate/audit', {
      title: result.page > 1 ? `Audit log, page ${result.page}` : 'Audit log',
      ...result,
      actions,
      moderators,
      filter,
      describe,
      pageHref,
    });
  });
}
