// GET /moderate/requests, GET/POST /moderate/requests/:id: change requests from workers.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  RequestAlreadyDecidedError, RequestNotFoundError, applyChangeRequest, findWorkers, getChangeRequest, getWorker,
  listChangeRequests, workerQuotes, type ChangeRequest,
} from '../../moderation/change-requests.ts';
import type { FieldError } from '../../moderation/decisions.ts';
import { dateTime } from '../../format.ts';
import { byLegalClock, dueAt, REQUEST_KIND_LABELS } from '../../moderation/legal-clock.ts';
import { field, formBody, moderationMessage, moderationPage, parseId, requireModerator } from './guard.ts';

type Values = { action: string; worker: string; quote: string; new_name: string; new_area: string; new_team: string; note: string; find: string; find_area: string };

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
    const chosenId = parseId(values.worker) ?? request.workerId ?? undefined;
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
        values: { ...values, new_name: values.new_name || chosen?.name || '', new_area: values.new_area || (chosen ? chosen.areaName : ''), new_team: values.new_team || chosen?.team || '' },
        errors,
      },
      status,
    );
  }

  const notFound = (reply: FastifyReply) =>
    moderationMessage(reply, 404, 'Change request not found', 'Check the link and try again.', [{ href: '/moderate/requests', text: 'Back to change requests' }]);

  app.get('/moderate/requests/:id', async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    const request = id ? getChangeRequest(app.db, id) : undefined;
    if (!request) return notFound(reply);
    const q = req.query as Record<string, unknown>;
    const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).slice(0, 200) : '');
    return renderRequest(reply, request, {
      action: '', worker: s('worker'), quote: '', new_name: '', new_area: '', new_team: '', note: '', find: s('find'), find_area: s('find_area'),
    });
  });

  app.post('/moderate/requests/:id', async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    if (!id) return notFound(reply);
    const body = formBody(req);
    const values: Values = {
      action: field(body, 'action'), worker: field(body, 'worker'), quote: field(body, 'quote'), new_name: field(body, 'new_name'),
      new_area: field(body, 'new_area'), new_team: field(body, 'new_team'), note: field(body, 'note'), find: '', find_area: '',
    };
    try {
      const result = applyChangeRequest(app.db, app.areas, {
        requestId: id, moderatorId: req.moderator!.id, action: values.action, worker: values.worker, quote: values.quote,
        newName: values.new_name, newArea: values.new_area, newTeam: values.new_team, note: values.note, now: app.now(),
      });
      if (!result.ok) {
        const request = getChangeRequest(app.db, id);
        if (!request) return notFound(reply);
        return renderRequest(reply, request, values, result.errors, 400);
      }
      if (result.workerId) app.events.workerChanged(result.workerId);
      return reply.redirect(`/moderate?request=${id}`, 303);
    } catch (e) {
      if (e instanceof RequestNotFoundError) return notFound(reply);
      if (e instanceof RequestAlreadyDecidedError) {
        const r = e.request;
        return moderationMessage(
          reply, 409, 'This request was already decided',
          `It was ${r.status === 'declined' ? 'declined' : 'dealt with'} by ${r.decidedByEmail ?? 'another moderator'}${r.decidedAt ? ` on ${dateTime(r.decidedAt)}` : ''}. Nothing you sent was saved.`,
          [{ href: `/moderate/requests/${r.id}`, text: 'See the request' }, { href: '/moderate/requests', text: 'Back to change requests' }],
        );
      }
      throw e;
    }
  });
}
