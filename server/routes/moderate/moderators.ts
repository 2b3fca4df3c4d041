// GET /moderate/moderators (admins): list, add and disable moderators.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { InvalidError, type FieldError } from '../../errors.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { idOf, lenientIdParams } from '../../http/route-schemas.ts';
import { createModerator, emailProblem, getModerator, listModerators, setModeratorDisabled } from '../../moderation/accounts.ts';
import { passwordProblem } from '../../moderation/passwords.ts';
import { moderationMessage, moderationPage, requireModerator } from './guard.ts';

type Values = { email: string; role: string };

/**
 * "Added <email>" is shown once, after the add, from a signed cookie naming the new moderator: never
 * from the query string, so a link cannot make the page say something the server did not do.
 */
const ADDED_COOKIE = 'moderator_added';
const ADDED_PATH = '/moderate/moderators';

export default async function moderators(app: FastifyInstance) {
  requireModerator(app, { admin: true });
  const routes = app.withTypeProvider<ZodTypeProvider>();

  const render = (reply: FastifyReply, values: Values, errors: FieldError[] = [], status = 200, added?: string) =>
    moderationPage(
      reply,
      'moderate/moderators',
      { title: `${errors.length ? 'Error: ' : ''}Moderators`, moderators: listModerators(app.db), values, errors, added, now: app.now() },
      status,
    );

  /** The moderator just added, read once from the flash cookie (which is cleared). */
  function justAdded(req: FastifyRequest, reply: FastifyReply): string | undefined {
    const raw = req.cookies[ADDED_COOKIE];
    if (!raw) return undefined;
    reply.clearCookie(ADDED_COOKIE, { path: ADDED_PATH });
    const unsigned = reply.unsignCookie(raw);
    const id = unsigned.valid ? idOf(unsigned.value) : undefined;
    return id ? getModerator(app.db, id)?.email : undefined;
  }

  routes.get('/moderate/moderators', async (req, reply) => {
    return render(reply, { email: '', role: 'moderator' }, [], 200, justAdded(req, reply));
  });

  routes.post('/moderate/moderators', { schema: { body: formBody } }, async (req, reply) => {
    const body = req.body;
    const values = { email: formText(body, 'email').trim().slice(0, 300), role: formText(body, 'role') };
    const password = formText(body, 'password');
    const errors: FieldError[] = [];
    const eProblem = emailProblem(values.email);
    if (eProblem) errors.push({ field: 'email', message: eProblem });
    const role = values.role === 'moderator' || values.role === 'admin' ? values.role : undefined;
    if (!role) errors.push({ field: 'role', message: 'Choose a role' });
    const pProblem = password ? passwordProblem(password, values.email) : 'Enter a password for them';
    if (pProblem) errors.push({ field: 'password', message: pProblem });
    if (errors.length || !role) return render(reply, values, errors, 400);
    try {
      const m = await createModerator(app.db, { email: values.email, password, role, now: app.now(), by: req.moderator!.id });
      reply.setCookie(ADDED_COOKIE, String(m.id), {
        path: ADDED_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.COOKIE_SECURE,
        signed: true,
        maxAge: 300,
      });
      return reply.redirect(ADDED_PATH, 303);
    } catch (e) {
      if (e instanceof InvalidError) return render(reply, values, e.errors, 400);
      throw e;
    }
  });

  // A malformed id, like an unknown action, is "that did not work" (400), as before the schema.
  routes.post('/moderate/moderators/:id', { schema: { params: lenientIdParams, body: formBody } }, async (req, reply) => {
    const id = req.params.id;
    const action = formText(req.body, 'action');
    if (!id || (action !== 'disable' && action !== 'enable')) {
      return moderationMessage(reply, 400, 'Sorry, that did not work', 'Go back to the list of moderators and try again.', [
        { href: '/moderate/moderators', text: 'Moderators' },
      ]);
    }
    if (id === req.moderator!.id) {
      return moderationMessage(reply, 400, 'You cannot disable yourself', 'Ask another admin to do it.', [
        { href: '/moderate/moderators', text: 'Moderators' },
      ]);
    }
    const m = setModeratorDisabled(app.db, id, action === 'disable', app.now(), req.moderator!.id);
    if (!m)
      return moderationMessage(reply, 404, 'Moderator not found', 'Go back to the list of moderators.', [
        { href: '/moderate/moderators', text: 'Moderators' },
      ]);
    return reply.redirect('/moderate/moderators', 303);
  });
}
