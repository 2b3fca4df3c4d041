// A named social worker (or anyone) asks for a profile to be hidden or corrected.
import type { FastifyInstance } from 'fastify';
import { formRateLimit } from '../../plugins/security.ts';
import { sendError } from '../../plugins/errors.ts';
import { createChangeRequest, publicWorkerForPrefill, validateChangeRequest, type ChangeRequestValues } from '../../nominations/change-request.ts';
import { errorMap, type FieldError } from '../../nominations/form.ts';

const TITLE = 'Ask for a profile to be hidden or corrected';

export default async function requestChange(app: FastifyInstance) {
  const render = (reply: import('fastify').FastifyReply, values: ChangeRequestValues, errors: FieldError[], status = 200) =>
    reply.page('request-change', { title: errors.length ? `Error: ${TITLE}` : TITLE, values, errors, fieldErrors: errorMap(errors) }, status);

  app.get<{ Querystring: { worker?: string } }>('/request-change', async (req, reply) => {
    const w = typeof req.query.worker === 'string' && req.query.worker.length <= 200 ? publicWorkerForPrefill(app.db, app.areas, req.query.worker) : undefined;
    return render(reply, { worker_name: w?.name ?? '', area: w?.area ?? '', request: '', details: '', contact_email: '' }, []);
  });

  app.post('/request-change', { ...formRateLimit(app) }, async (req, reply) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (body?.website !== undefined && body.website !== '') {
      req.log.info({ reason: 'honeypot' }, 'form refused');
      return sendError(req, reply, 400, 'We could not accept this form. If you filled it in yourself, please go back and send it again.');
    }
    const v = validateChangeRequest(body);
    if (!v.ok) return render(reply, v.values, v.errors, 400);
    createChangeRequest(app.db, app.areas, v.data, app.now());
    return reply.page('request-change-done', { title: 'Request sent', gaveEmail: v.data.contactEmail !== null, noindex: true });
  });
}
