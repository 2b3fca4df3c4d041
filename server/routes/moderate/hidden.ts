// GET /moderate/hidden, POST /moderate/hidden/:id: profiles hidden at a worker's request, and showing one again.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, type FieldError } from '../../errors.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { lenientIdParams, optionalId } from '../../http/route-schemas.ts';
import { listHiddenProfiles, REASON_MAX, unhideProfile } from '../../moderation/hidden-profiles.ts';
import { getWorker } from '../../moderation/change-requests.ts';
import { moderationMessage, moderationPage, requireModerator } from './guard.ts';

export default async function hidden(app: FastifyInstance) {
  requireModerator(app);

  function render(
    reply: FastifyReply,
    opts: { errors?: FieldError[]; values?: Record<string, string>; unhidden?: { name: string; slug: string } } = {},
    status = 200,
  ) {
    const errors = opts.errors ?? [];
    return moderationPage(
      reply,
      'moderate/hidden',
      {
        title: `${errors.length ? 'Error: ' : ''}Hidden profiles`,
        profiles: listHiddenProfiles(app.db),
        errors,
        values: opts.values ?? {},
        unhidden: opts.unhidden,
        reasonMax: REASON_MAX,
      },
      status,
    );
  }

  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/moderate/hidden', { schema: { querystring: z.object({ unhidden: optionalId }) } }, async (req, reply) => {
    const shown = req.query.unhidden;
    const worker = shown ? getWorker(app.db, shown) : undefined;
    return render(reply, { unhidden: worker?.status === 'published' ? worker : undefined });
  });

  // A malformed id cannot name a hidden profile: the same answer as one that is not hidden.
  routes.post('/moderate/hidden/:id', { schema: { params: lenientIdParams, body: formBody } }, async (req, reply) => {
    const id = req.params.id;
    const reason = formText(req.body, 'reason');
    const gone = () =>
      moderationMessage(
        reply,
        409,
        'This profile is not hidden',
        'Another moderator may have shown it again already, or it was removed. Nothing you sent was saved.',
        [
          { href: '/moderate/hidden', text: 'Back to hidden profiles' },
          { href: '/moderate/audit?action=worker.unhidden', text: 'See who showed profiles again' },
        ],
      );
    if (!id) return gone();
    try {
      const result = unhideProfile(app.db, { workerId: id, moderatorId: req.moderator!.id, reason, now: app.now() });
      if (!result.ok) return render(reply, { errors: result.errors, values: { [id]: reason } }, 400);
    } catch (e) {
      if (e instanceof ConflictError) return gone();
      throw e;
    }
    return reply.redirect(`/moderate/hidden?unhidden=${id}`, 303);
  });
}
