// GET/POST /moderate/nominations/:id: review a nomination, then approve or reject it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { loadReview, type Review } from '../../moderation/review.ts';
import {
  AlreadyDecidedError, NotFoundError, REJECT_REASONS, approveNomination, rejectNomination, type FieldError,
} from '../../moderation/decisions.ts';
import type { Flag } from '../../privacy/index.ts';
import { dateTime } from '../../format.ts';
import { CONCERN_LABELS, QUALITY_LABELS, RELATIONSHIP_NAMES, STILL_INVOLVED_LABELS, flagLabel } from './labels.ts';
import { field, formBody, moderationMessage, moderationPage, parseId, requireModerator } from './guard.ts';

type FormValues = { quote: string; worker: string; new_name: string; override_flags: boolean; reason: string; note: string };

export default async function nominationsReview(app: FastifyInstance) {
  requireModerator(app);

  function renderReview(reply: FastifyReply, review: Review, values: FormValues, errors: FieldError[] = [], problems: Flag[] = [], status = 200) {
    const n = review.nomination;
    values = { ...values, new_name: values.new_name || n.workerName };
    return moderationPage(
      reply,
      'moderate/nomination',
      {
        title: `${errors.length ? 'Error: ' : ''}Review the nomination for ${n.workerName}`,
        ...review,
        values,
        errors,
        problems,
        reasons: Object.entries(REJECT_REASONS).map(([value, label]) => ({ value, label })),
        labels: { flag: flagLabel, concern: CONCERN_LABELS, quality: QUALITY_LABELS, relationship: RELATIONSHIP_NAMES, stillInvolved: STILL_INVOLVED_LABELS },
      },
      status,
    );
  }

  const notFound = (reply: FastifyReply) =>
    moderationMessage(reply, 404, 'Nomination not found', 'It may have been withdrawn by the family who sent it.', [{ href: '/moderate', text: 'Back to the queue' }]);

  const alreadyDecided = (reply: FastifyReply, e: AlreadyDecidedError) => {
    const n = e.nomination;
    const who = n.decidedByEmail ?? 'another moderator';
    const when = n.decidedAt ? ` on ${dateTime(n.decidedAt)}` : '';
    return moderationMessage(
      reply,
      409,
      'This nomination was already decided',
      `It was ${n.status} by ${who}${when}. Nothing you sent was saved.`,
      [{ href: `/moderate/nominations/${n.id}`, text: 'See the decision' }, { href: '/moderate', text: 'Back to the queue' }],
    );
  };

  app.get('/moderate/nominations/:id', async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    const review = id ? loadReview(app.db, app.areas, id, app.now()) : undefined;
    if (!review) return notFound(reply);
    return renderReview(reply, review, {
      quote: review.suggestedQuote,
      worker: review.defaultWorker,
      new_name: review.nomination.workerName,
      override_flags: false,
      reason: '',
      note: '',
    });
  });

  app.post('/moderate/nominations/:id', async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    if (!id) return notFound(reply);
    const body = formBody(req);
    const action = field(body, 'action');
    const moderatorId = req.moderator!.id;
    const now = app.now();
    const values: FormValues = {
      quote: field(body, 'quote'),
      worker: field(body, 'worker'),
      new_name: field(body, 'new_name'),
      override_flags: field(body, 'override_flags') === 'yes',
      reason: field(body, 'reason'),
      note: field(body, 'note'),
    };
    try {
      if (action === 'approve') {
        const result = approveNomination(app.db, app.areas, {
          nominationId: id, moderatorId, quote: values.quote, worker: values.worker, newName: values.new_name,
          overrideFlags: field(body, 'override_flags'), now, publicUrl: app.config.PUBLIC_URL,
        });
        if (!result.ok) {
          const review = loadReview(app.db, app.areas, id, now);
          if (!review) return notFound(reply);
          return renderReview(reply, review, values, result.errors, result.problems, 400);
        }
        app.events.workerChanged(result.workerId);
        app.mail.nudge();
        return reply.redirect(`/moderate?decided=${id}`, 303);
      }
      if (action === 'reject') {
        const result = rejectNomination(app.db, { nominationId: id, moderatorId, reason: values.reason, note: values.note, now });
        if (!result.ok) {
          const review = loadReview(app.db, app.areas, id, now);
          if (!review) return notFound(reply);
          return renderReview(reply, review, { ...values, quote: values.quote || review.suggestedQuote }, result.errors, [], 400);
        }
        return reply.redirect(`/moderate?decided=${id}`, 303);
      }
      const review = loadReview(app.db, app.areas, id, now);
      if (!review) return notFound(reply);
      return renderReview(reply, review, { ...values, quote: values.quote || review.suggestedQuote }, [{ field: 'quote', message: 'Choose approve or reject' }], [], 400);
    } catch (e) {
      if (e instanceof AlreadyDecidedError) return alreadyDecided(reply, e);
      if (e instanceof NotFoundError) return notFound(reply);
      throw e;
    }
  });
}
