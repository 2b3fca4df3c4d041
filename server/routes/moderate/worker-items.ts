// The moderators' decisions on what named workers send: replies (approve or reject), confirmations
// by hand (the worker's address did not match their authority), and merges of two profiles.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { decideReply } from '../../worker-accounts/replies.ts';
import { decideConfirmation, decideMerge } from '../../worker-accounts/moderation.ts';
import { moderationMessage, parseId, requireModerator } from './guard.ts';

const schema = {
  params: z.object({ id: z.string().max(20) }),
  body: z.object({ action: z.string().max(20).default(''), reason: z.string().max(5000).default(''), _csrf: z.string().optional() }),
};
type Body = z.infer<typeof schema.body>;

export default async function workerItems(appBase: FastifyInstance) {
  requireModerator(appBase);
  appBase.setValidatorCompiler(validatorCompiler);
  appBase.setSerializerCompiler(serializerCompiler);
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const back = [{ href: '/moderate', text: 'Back to the queue' }];

  /** One decision: `run` returns the workers it changed; a second decision is told it was already made. */
  const decide =
    (actions: string[], run: (id: number, body: Body, moderatorId: number) => number[]) =>
    async (req: FastifyRequest<{ Params: { id: string }; Body: Body }>, reply: FastifyReply) => {
      const id = parseId(req.params.id);
      if (!id) return moderationMessage(reply, 404, 'Not found', 'There is nothing with that number.', back);
      if (!actions.includes(req.body.action)) return moderationMessage(reply, 400, 'Choose what to do', 'Go back and choose one of the buttons.', back);
      try {
        for (const workerId of run(id, req.body, req.moderator!.id)) app.events.workerChanged(workerId);
      } catch (err) {
        if (err instanceof ConflictError) return moderationMessage(reply, 409, 'Already decided', 'This has already been decided, or the profile was confirmed by someone else. Nothing was changed.', back);
        if (err instanceof NotFoundError) return moderationMessage(reply, 404, 'Not found', 'There is nothing with that number.', back);
        throw err;
      }
      return reply.redirect('/moderate?worker_item=done', 303);
    };

  app.post('/moderate/worker-replies/:id', { schema }, decide(['approve', 'reject'], (id, body, moderatorId) => [
    decideReply(app.db, { id, moderatorId, approve: body.action === 'approve', reason: body.reason.trim().slice(0, 500), now: app.now() }),
  ]));
  app.post('/moderate/worker-confirmations/:id', { schema }, decide(['confirm', 'decline'], (id, body, moderatorId) => [
    decideConfirmation(app.db, { id, moderatorId, confirm: body.action === 'confirm', now: app.now(), publicUrl: app.config.PUBLIC_URL }),
  ]));
  app.post('/moderate/worker-merges/:id', { schema }, decide(['merge', 'decline'], (id, body, moderatorId) =>
    decideMerge(app.db, { id, moderatorId, merge: body.action === 'merge', now: app.now() }),
  ));
}
