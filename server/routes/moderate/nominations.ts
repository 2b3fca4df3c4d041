// GET/POST /moderate/nominations/:id: review a nomination, then approve or reject it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ConflictError, InvalidError, NotFoundError, type FieldError } from '../../errors.ts';
import { formBody, formText, formTexts } from '../../http/form-input.ts';
import { idParams } from '../../http/route-schemas.ts';
import { getNomination, loadReview, type Review } from '../../moderation/review.ts';
import { REJECT_REASONS, approveNomination, rejectNomination } from '../../moderation/decisions.ts';
import type { Flag } from '../../privacy/index.ts';
import { markOpened } from '../../families/status.ts';
import { sendBack } from '../../families/send-back.ts';
import { SEND_BACK_REASONS } from '../../families/reasons.ts';
import { dateTime } from '../../format.ts';
import { CONCERN_LABELS, QUALITY_LABELS, RELATIONSHIP_NAMES, STILL_INVOLVED_LABELS, flagLabel } from './labels.ts';
import { moderationMessage, moderationPage, requireModerator } from './guard.ts';

type FormValues = {
  quote: string;
  worker: string;
  new_name: string;
  override_flags: boolean;
  check_ok: string[];
  reason: string;
  note: string;
  send_back_reason: string;
};

export default async function nominationsReview(app: FastifyInstance) {
  requireModerator(app);

  function renderReview(
    reply: FastifyReply,
    review: Review,
    values: FormValues,
    errors: FieldError[] = [],
    problems: Flag[] = [],
    status = 200,
  ) {
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
        sendBackReasons: Object.entries(SEND_BACK_REASONS).map(([value, r]) => ({
          value,
          label: r.label,
          hint: `The family reads: “${r.family}”`,
        })),
        labels: {
          flag: flagLabel,
          concern: CONCERN_LABELS,
          quality: QUALITY_LABELS,
          relationship: RELATIONSHIP_NAMES,
          stillInvolved: STILL_INVOLVED_LABELS,
        },
      },
      status,
    );
  }

  const notFound = (reply: FastifyReply) =>
    moderationMessage(reply, 404, 'Nomination not found', 'It may have been withdrawn by the family who sent it.', [
      { href: '/moderate', text: 'Back to the queue' },
    ]);

  /** Another moderator decided first: say who and when, from the nomination as it is now. */
  const alreadyDecided = (reply: FastifyReply, id: number) => {
    const n = getNomination(app.db, id);
    if (!n) return notFound(reply);
    const who = n.decidedByEmail ?? 'another moderator';
    const when = n.decidedAt ? ` on ${dateTime(n.decidedAt)}` : '';
    const what = n.status === 'sent_back' ? 'sent back to the family' : n.status;
    return moderationMessage(
      reply,
      409,
      'This nomination was already decided',
      `It was ${what} by ${who}${when}. Nothing you sent was saved.`,
      [
        { href: `/moderate/nominations/${n.id}`, text: 'See the decision' },
        { href: '/moderate', text: 'Back to the queue' },
      ],
    );
  };

  const routes = app.withTypeProvider<ZodTypeProvider>();
  // A malformed id names no nomination: the 404 page, before the handler.
  const badInput = { status: 404, message: 'It may have been withdrawn by the family who sent it.' };

  routes.get('/moderate/nominations/:id', { schema: { params: idParams }, config: { badInput } }, async (req, reply) => {
    const id = req.params.id;
    const review = loadReview(app.db, app.areas, id, app.now());
    if (!review) return notFound(reply);
    markOpened(app.db, id, app.now()); // the family's status now says "being checked"
    return renderReview(reply, review, {
      quote: review.suggestedQuote,
      worker: review.defaultWorker,
      new_name: review.nomination.workerName,
      override_flags: false,
      check_ok: [],
      reason: '',
      note: '',
      send_back_reason: '',
    });
  });

  routes.post('/moderate/nominations/:id', { schema: { params: idParams, body: formBody }, config: { badInput } }, async (req, reply) => {
    const id = req.params.id;
    const body = req.body;
    const field = (name: string) => formText(body, name);
    const action = field('action');
    const moderatorId = req.moderator!.id;
    const now = app.now();
    const values: FormValues = {
      quote: field('quote'),
      worker: field('worker'),
      new_name: field('new_name'),
      override_flags: field('override_flags') === 'yes',
      check_ok: formTexts(body, 'check_ok'),
      reason: field('reason'),
      note: field('note'),
      send_back_reason: field('send_back_reason'),
    };
    try {
      if (action === 'approve') {
        const result = approveNomination(app.db, app.areas, {
          nominationId: id,
          moderatorId,
          quote: values.quote,
          worker: values.worker,
          newName: values.new_name,
          overrideFlags: field('override_flags'),
          checkOk: values.check_ok,
          now,
          publicUrl: app.config.PUBLIC_URL,
        });
        if (!result.ok) {
          const review = loadReview(app.db, app.areas, id, now);
          if (!review) return notFound(reply);
          return renderReview(reply, review, values, result.errors, result.problems, 400);
        }
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
      if (action === 'send_back') {
        sendBack(app.db, { nominationId: id, moderatorId, reason: values.send_back_reason, now });
        return reply.redirect(`/moderate?decided=${id}`, 303);
      }
      const review = loadReview(app.db, app.areas, id, now);
      if (!review) return notFound(reply);
      return renderReview(
        reply,
        review,
        { ...values, quote: values.quote || review.suggestedQuote },
        [{ field: 'quote', message: 'Choose approve, send back or reject' }],
        [],
        400,
      );
    } catch (e) {
      if (e instanceof ConflictError) return alreadyDecided(reply, id);
      if (e instanceof NotFoundError) return notFound(reply);
      if (e instanceof InvalidError) {
        const review = loadReview(app.db, app.areas, id, now);
        if (!review) return notFound(reply);
        return renderReview(reply, review, { ...values, quote: values.quote || review.suggestedQuote }, e.errors, [], 400);
      }
      throw e;
    }
  });
}
