// A nominator withdraws their nomination with its reference.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formRateLimit } from '../../http/rate-limit.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { cleanLine } from '../../text.ts';
import { withdrawNomination } from '../../nominations/withdraw.ts';
import type { SiteOptions } from '../../i18n/index.ts';

export default async function withdraw(app: FastifyInstance, { lang }: SiteOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const t = app.catalogue.t[lang];
  // notFound: the same words whether or not any other nomination exists: a reference is not a thing to guess.
  const message = { empty: t('withdraw.empty'), notFound: t('withdraw.notFound') };
  routes.get('/withdraw', async (_req, reply) => reply.page('withdraw', { title: t('withdraw.title'), reference: '', errors: [] }));

  // Stricter than other forms: at most 10 tries a minute from one client, to make guessing pointless.
  routes.post(
    '/withdraw',
    { schema: { body: formBody }, ...formRateLimit(app, Math.min(10, app.config.RATE_LIMIT_MAX)) },
    async (req, reply) => {
      const typed = formText(req.body, 'reference');
      const reference = cleanLine(typed);
      const fail = (said: string) =>
        reply.page('withdraw', { title: t('withdraw.errorTitle'), reference: typed, errors: [{ field: 'reference', message: said }] }, 400);
      if (!reference) return fail(message.empty);
      const result = withdrawNomination(app.db, reference, app.now());
      if (!result.withdrawn) return fail(message.notFound);
      return reply.page('withdraw-done', { title: t('withdraw.done.title'), wasLive: result.wasLive, noindex: true });
    },
  );
}
