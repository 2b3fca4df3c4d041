// GET /named ("Named on this site?": what is held about a worker and their rights) and GET /check
// (is a thanks document genuine, and what does it list).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkThanks, compactCode, formatCode } from '../../worker-accounts/thanks.ts';
import { ACCOUNT_KEPT_MS, SIGN_IN_VALID_MS } from '../../worker-accounts/claim.ts';

export default async function named(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  // how long each thing is kept, from the rules that keep it
  const kept = {
    storyDays: Number(app.config.RETENTION_DAYS),
    accountYears: Math.round(ACCOUNT_KEPT_MS / (365 * 24 * 60 * 60_000)),
    signInMinutes: Math.round(SIGN_IN_VALID_MS / 60_000),
  };

  app.get('/named', async (req, reply) =>
    reply.page('named', { title: req.t('named.title'), description: req.t('named.description'), kept }),
  );

  app.get('/check', { schema: { querystring: z.object({ code: z.string().max(100).optional() }) } }, async (req, reply) => {
    const typed = req.query.code;
    if (typed === undefined || typed.trim() === '')
      return reply.page('check', { title: req.t('thanksCheck.title'), code: '', errors: [], noindex: true });
    const code = compactCode(typed);
    const error = (message: string, status: number) =>
      reply.page(
        'check',
        { title: req.t('thanksCheck.errorTitle'), code: typed, errors: [{ field: 'code', message }], noindex: true },
        status,
      );
    if (!code) return error(req.t('thanksCheck.invalid'), 400);
    const found = checkThanks(app.db, code);
    if (!found) return error(req.t('thanksCheck.notFound'), 404);
    reply.header('x-robots-tag', 'noindex');
    return reply.page('check-result', { title: req.t('thanksCheck.result.title'), code: formatCode(code), found, noindex: true });
  });
}
