// GET /moderate/moderators (admins): list, add and disable moderators.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AccountError, createModerator, emailProblem, listModerators, setModeratorDisabled, type Role } from '../../moderation/accounts.ts';
import { passwordProblem } from '../../moderation/passwords.ts';
import type { FieldError } from '../../moderation/decisions.ts';
import { field, formBody, moderationMessage, moderationPage, parseId, requireModerator } from './guard.ts';

type Values = { email: string; role: string };

export default async function moderators(app: FastifyInstance) {
  requireModerator(app, { admin: true });

  const render = (reply: FastifyReply, values: Values, errors: FieldError[] = [], status = 200, added?: string) =>
    moderationPage(
      reply,
      'moderate/moderators',
      { title: `${errors.length ? 'Error: ' : ''}Moderators`, moderators: listModerators(app.db), values, errors, added, now: app.now() },
      status,
    );

  app.get('/moderate/moderators', async (req, reply) => {
    const added = (req.query as Record<string, unknown>).added;
    return render(reply, { email: '', role: 'moderator' }, [], 200, typeof added === 'string' ? added.slice(0, 254) : undefined);
  });

  app.post('/moderate/moderators', async (req, reply) => {
    const body = formBody(req);
    const values = { email: field(body, 'email').trim().slice(0, 300), role: field(body, 'role') };
    const password = field(body, 'password');
    const errors: FieldError[] = [];
    const eProblem = emailProblem(values.email);
    if (eProblem) errors.push({ field: 'email', message: eProblem });
    if (values.role !== 'moderator' && values.role !== 'admin') errors.push({ field: 'role', message: 'Choose a role' });
    const pProblem = password ? passwordProblem(password, values.email) : 'Enter a password for them';
    if (pProblem) errors.push({ field: 'password', message: pProblem });
    if (errors.length) return render(reply, values, errors, 400);
    try {
      const m = await createModerator(app.db, { email: values.email, password, role: values.role as Role, now: app.now(), by: req.moderator!.id });
      return reply.redirect(`/moderate/moderators?added=${encodeURIComponent(m.email)}`, 303);
    } catch (e) {
      if (e instanceof AccountError) return render(reply, values, [{ field: 'email', message: e.message }], 400);
      throw e;
    }
  });

  app.post('/moderate/moderators/:id', async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    const action = field(formBody(req), 'action');
    if (!id || (action !== 'disable' && action !== 'enable')) {
      return moderationMessage(reply, 400, 'Sorry, that did not work', 'Go back to the list of moderators and try again.', [{ href: '/moderate/moderators', text: 'Moderators' }]);
    }
    if (id === req.moderator!.id) {
      return moderationMessage(reply, 400, 'You cannot disable yourself', 'Ask another admin to do it.', [{ href: '/moderate/moderators', text: 'Moderators' }]);
    }
    const m = setModeratorDisabled(app.db, id, action === 'disable', app.now(), req.moderator!.id);
    if (!m) return moderationMessage(reply, 404, 'Moderator not found', 'Go back to the list of moderators.', [{ href: '/moderate/moderators', text: 'Moderators' }]);
    return reply.redirect('/moderate/moderators', 303);
  });
}
