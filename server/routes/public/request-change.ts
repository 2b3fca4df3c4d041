// A named social worker (or anyone) asks for a profile to be hidden or corrected.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formRateLimit } from '../../http/rate-limit.ts';
import { BOT_MESSAGES, screenForm, startedOf, startToken } from '../../http/bot-check.ts';
import { formBody } from '../../http/form-input.ts';
import { hint } from '../../http/route-schemas.ts';
import {
  createChangeRequest,
  publicWorkerForPrefill,
  validateChangeRequest,
  type ChangeRequestValues,
} from '../../nominations/change-request.ts';
import { errorMap, type FieldError } from '../../nominations/form.ts';
import type { SiteOptions } from '../../i18n/index.ts';
import { localErrors } from '../../i18n/form-messages.ts';

export default async function requestChange(app: FastifyInstance, { lang }: SiteOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const t = app.catalogue.t[lang];
  /** `notices` go in the error summary only, not beside a field. */
  const render = (
    reply: FastifyReply,
    values: ChangeRequestValues,
    fieldErrors: FieldError[],
    started: string,
    status = 200,
    notices: FieldError[] = [],
  ) => {
    const errors = localErrors(t, lang, fieldErrors);
    return reply.page(
      'request-change',
      {
        title: errors.length || notices.length ? t('requestChange.errorTitle') : t('requestChange.title'),
        values,
        errors: [...localErrors(t, lang, notices), ...errors],
        fieldErrors: errorMap(errors),
        started,
      },
      status,
    );
  };

  routes.get('/request-change', { schema: { querystring: z.object({ worker: hint }) } }, async (req, reply) => {
    const slug = req.query.worker;
    const w = slug && slug.length <= 200 ? publicWorkerForPrefill(app.db, app.areas, slug) : undefined;
    return render(
      reply,
      { worker_name: w?.name ?? '', area: w?.area ?? '', request: '', details: '', contact_email: '' },
      [],
      startToken(req, reply),
    );
  });

  routes.post('/request-change', { schema: { body: formBody }, ...formRateLimit(app) }, async (req, reply) => {
    const screened = screenForm(req, reply, { fillTime: true });
    if (screened === 'refused') return reply;
    const v = validateChangeRequest(req.body);
    if (screened === 'expired')
      return render(reply, v.values, [], startToken(req, reply), 400, [{ field: 'worker_name', message: BOT_MESSAGES.expired }]);
    if (!v.ok) return render(reply, v.values, v.errors, startedOf(req.body) ?? startToken(req, reply), 400);
    createChangeRequest(app.db, app.areas, v.data, app.now());
    return reply.page('request-change-done', {
      title: t('requestChange.doneTitle'),
      gaveEmail: v.data.contactEmail !== null,
      noindex: true,
    });
  });
}
