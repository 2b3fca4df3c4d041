// GET /moderate/requests, GET/POST /moderate/requests/:id: change requests from workers.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, NotFoundError, type FieldError } from '../../errors.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { hint, idOf, idParams } from '../../http/route-schemas.ts';
import {
  applyChangeRequest,
  findWorkers,
  getChangeRequest,
  getWorker,
  listChangeRequests,
  workerQuotes,
  type ChangeRequest,
} from '../../moderation/change-requests.ts';
import { dateTime } from '../../format.ts';
import { moderationMessage, moderationPage, requireModerator } from './guard.ts';
import { byLegalClock, dueAt, REQUEST_KIND_LABELS } from '../../moderation/legal-clock.ts';

type Values = {
  action: string;
  worker: string;
  quote: string;
  new_name: string;
  new_area: string;
  new_team: string;
  note: string;
  find: string;
  find_area: string;
};

export default async function requests(app: FastifyInstance) {
  requireModerator(app);

  app.get('/moderate/requests', async (_req, reply) => {
    return moderationPage(reply, 'moderate/requests', {
      title: 'Change requests',
      pending: byLegalClock(listChangeRequests(app.db, 'pending')),
      decided: listChangeRequests(app.db, 'decided', 30),
      kinds: REQUEST_KIND_LABELS,
      now: app.now(),
    });
  });

  function renderRequest(reply: FastifyReply, request: ChangeRequest, values: Values, errors: FieldError[] = [], status = 200) {
    // The profile shown: the one the moderator picked, else the one matched when the request came in.
    const chosenId = idOf(values.worker) ?? request.workerId ?? undefined;
    const chosen = chosenId ? getWorker(app.db, chosenId) : undefined;
    const findArea = values.find_area ? app.areas.resolve(values.find_area) : request.areaId ? app.areas.get(request.areaId) : undefined;
    const candidates = findWorkers(app.db, values.find || request.workerName, findArea).filter((w) => w.id !== chosen?.id);
    return moderationPage(
      reply,
      'moderate/request',
      {
        title: `${errors.length ? 'Error: ' : ''}Request about ${request.workerName}`,
        request,
        kinds: REQUEST_KIND_LABELS,
        dueAt: request.status === 'pending' ? dueAt(request.request, request.submittedAt) : null,
        now: app.now(),
        chosen,
        quotes: chosen ? workerQuotes(app.db, chosen.id).filter((q) => q.unpublishedAt === null) : [],
        candidates,
        findAreaName: findArea?.name ?? '',
        values: {
          ...values,
          new_name: values.new_name || chosen?.name || '',
          new_area: values.new_area || (chosen ? chosen.areaName : ''),
          new_team: values.new_team || chosen?.team || '',
        },
        errors,
      },
      status,
    );
  }

  const notFound = (reply: FastifyReply) =>
    moderationMessage(reply, 404, 'Change request not found', 'Check the link and try again.', [
      { href: '/moderate/requests', text: 'Back to change requests' },
    ]);

  const routes = app.withTypeProvider<ZodTypeProvider>();
  // A malformed id names no request: the 404 page, before the handler.
  const badInput = { status: 404, message: 'Check the link and try again.' };
  const query = z.object({ worker: hint, find: hint, find_area: hint });

  routes.get('/moderate/requests/:id', { schema: { params: idParams, querystring: query }, config: { badInput } }, async (req, reply) => {
    const request = getChangeRequest(app.db, req.params.id);
    if (!request) return notFound(reply);
    const s = (k: keyof typeof req.query) => req.query[k].slice(0, 200);
    return renderRequest(reply, request, {
      action: '',
      worker: s('worker'),
      quote: '',
      new_name: '',
      new_area: '',
      new_team: '',
      note: '',
      find: s('find'),
      find_area: s('find_area'),
    });
  });

  routes.post('/moderate/requests/:id', { schema: { params: idParams, body: formBody }, config: { badInput } }, async (req, reply) => {
    const id = req.params.id;
    const field = (name: string) => formText(req.body, name);
    const values: Values = {
      action: field('action'),
      worker: field('worker'),
      quote: field('quote'),
      new_name: field('new_name'),
      new_area: field('new_area'),
      new_team: field('new_team'),
      note: field('note'),
      find: '',
      find_area: '',
    };
    try {
      const result = applyChangeRequest(app.db, app.areas, {
        requestId: id,
        moderatorId: req.moderator!.id,
        action: values.action,
        worker: values.worker,
        quote: values.quote,
        newName: values.new_name,
        newArea: values.new_area,
        newTeam: values.new_team,
        note: values.note,
        now: app.now(),
      });
      if (!result.ok) {
        const request = getChangeRequest(app.db, id);
        if (!request) return notFound(reply);
        return renderRequest(reply, request, values, result.errors, 400);
      }
      return reply.redirect(`/moderate?request=${id}`, 303);
    } catch (e) {
      if (e instanceof NotFoundError) return notFound(reply);
      // Another moderator decided first: say who and when, from the request as it is now.
      const r = e instanceof ConflictError ? getChangeRequest(app.db, id) : undefined;
      if (r) {
        return moderationMessage(
          reply,
          409,
          'This request was already decided',
          `It was ${r.status === 'declined' ? 'declined' : 'dealt with'} by ${r.decidedByEmail ?? 'another moderator'}${r.decidedAt ? ` on ${dateTime(r.decidedAt)}` : ''}. Nothing you sent was saved.`,
          [
            { href: `/moderate/requests/${r.id}`, text: 'See the request' },
            { href: '/moderate/requests', text: 'Back to change requests' },
          ],
        );
      }
      throw e;
    }
  });
}
