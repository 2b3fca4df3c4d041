// The moderators' decisions on what named workers send: replies (approve or reject), confirmations
// by hand (the worker's address did not match their authority), and merges of two profiles.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ConflictError } from '../../errors.ts';
import { formBody, formText, type FormBody } from '../../http/form-input.ts';
import { idParams } from '../../http/route-schemas.ts';
import { decideReply } from '../../worker-accounts/replies.ts';
import { decideConfirmation, decideMerge } from '../../worker-accounts/moderation.ts';
import { moderationMessage, requireModerator } from './guard.ts';

export default async function workerItems(app: FastifyInstance) {
  requireModerator(app);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const back = [{ href: '/moderate', text: 'Back to the queue' }];
  const schema = { params: idParams, body: formBody };

  /** One decision; a second decision of the same thing is told it was already made. */
  const decide = (reply: FastifyReply, body: FormBody, actions: string[], run: (action: string) => void) => {
    const action = formText(body, 'action');
    if (!actions.includes(action))
      return moderationMessage(reply, 400, 'Choose what to do', 'Go back and choose one of the buttons.', back);
    try {
      run(action);
    } catch (err) {
      if (err instanceof ConflictError) {
        return moderationMessage(
          reply,
          409,
          'Already decided',
          'This has already been decided, or the profile was confirmed by someone else. Nothing was changed.',
          back,
        );
      }
      throw err;
    }
    return reply.redirect('/moderate?worker_item=done', 303);
  };

  routes.post('/moderate/worker-replies/:id', { schema }, async (req, reply) =>
    decide(reply, req.body, ['approve', 'reject'], (action) =>
      decideReply(app.db, {
        id: req.params.id,
        moderatorId: req.moderator!.id,
        approve: action === 'approve',
        reason: formText(req.body, 'reason').trim().slice(0, 500),
        now: app.now(),
      }),
    ),
  );
  routes.post('/moderate/worker-confirmations/:id', { schema }, async (req, reply) =>
    decide(reply, req.body, ['confirm', 'decline'], (action) => {
      decideConfirmation(app.db, {
        id: req.params.id,
        moderatorId: req.moderator!.id,
        confirm: action === 'confirm',
        now: app.now(),
        publicUrl: app.config.PUBLIC_URL,
      });
      app.mail.nudge();
    }),
  );
  routes.post('/moderate/worker-merges/:id', { schema }, async (req, reply) =>
    decide(reply, req.body, ['merge', 'decline'], (action) =>
      decideMerge(app.db, { id: req.params.id, moderatorId: req.moderator!.id, merge: action === 'merge', now: app.now() }),
    ),
  );
}
