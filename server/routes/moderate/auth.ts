// GET/POST /moderate/login and POST /moderate/logout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formBody, formText } from '../../http/form-input.ts';
import { hint } from '../../http/route-schemas.ts';
import { attemptLogin } from '../../moderation/accounts.ts';
import { createSession, deleteSession, sessionModerator, SESSION_COOKIE } from '../../moderation/sessions.ts';
import { audit } from '../../audit.ts';
import { formRateLimit } from '../../http/rate-limit.ts';
import { clearSessionCookie, LOGIN_PATH, noStore, safeNext, sessionCookieOptions } from './guard.ts';

// One message for every failure (unknown email, wrong password, locked, disabled), so it reveals nothing.
export const LOGIN_FAILED = 'Enter a correct email address and password. After 5 wrong tries an account is locked for 15 minutes.';

export default async function auth(app: FastifyInstance) {
  noStore(app);

  type Notice = { signedOut?: boolean; ended?: boolean };
  const render = (
    reply: FastifyReply,
    status: number,
    email: string,
    errors: { field: string; message: string }[],
    next: string | undefined,
    notice: Notice = {},
  ) =>
    reply.page(
      'moderate/login',
      { title: errors.length ? 'Error: Sign in to moderate' : 'Sign in to moderate', noindex: true, email, errors, next, ...notice },
      status,
    );

  const routes = app.withTypeProvider<ZodTypeProvider>();
  const loginQuery = z.object({ next: hint, signed_out: hint, ended: hint });
  routes.get(LOGIN_PATH, { schema: { querystring: loginQuery } }, async (req, reply) => {
    const query = req.query;
    const next = safeNext(query.next);
    if (sessionModerator(app.db, req.cookies[SESSION_COOKIE], app.now())) return reply.redirect(next ?? '/moderate', 303);
    return render(reply, 200, '', [], next, { signedOut: query.signed_out === '1', ended: query.ended === '1' });
  });

  routes.post(
    LOGIN_PATH,
    { schema: { body: formBody }, ...formRateLimit(app, Math.min(10, app.config.RATE_LIMIT_MAX)) },
    async (req, reply) => {
      const body = req.body;
      const email = formText(body, 'email').trim().slice(0, 254);
      const password = formText(body, 'password').slice(0, 1000);
      // back to the page the moderator was on when the session ended (or asked for before signing in)
      const next = safeNext(formText(body, 'next'));
      const errors = [];
      if (!email) errors.push({ field: 'email', message: 'Enter your email address' });
      if (!password) errors.push({ field: 'password', message: 'Enter your password' });
      if (errors.length) return render(reply, 400, email, errors, next);

      const result = await attemptLogin(app.db, email, password, app.now());
      if (!result.ok) return render(reply, 401, email, [{ field: 'email', message: LOGIN_FAILED }], next);

      // A fresh session id at every login; any session this browser had is ended.
      deleteSession(app.db, req.cookies[SESSION_COOKIE]);
      const token = createSession(app.db, result.moderator.id, app.now());
      audit(app.db, {
        at: app.now(),
        moderatorId: result.moderator.id,
        action: 'session.login',
        subjectType: 'session',
        subjectId: result.moderator.id,
      });
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app));
      return reply.redirect(next ?? '/moderate', 303);
    },
  );

  // Without a session there is nothing to end: straight to the login page, before the CSRF check.
  const signedIn = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!sessionModerator(app.db, req.cookies[SESSION_COOKIE], app.now())) {
      clearSessionCookie(app, reply);
      return reply.redirect(LOGIN_PATH, 303);
    }
  };

  app.post('/moderate/logout', { onRequest: signedIn }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const moderator = sessionModerator(app.db, token, app.now());
    deleteSession(app.db, token);
    if (moderator)
      audit(app.db, {
        at: app.now(),
        moderatorId: moderator.id,
        action: 'session.logout',
        subjectType: 'session',
        subjectId: moderator.id,
      });
    clearSessionCookie(app, reply);
    return reply.redirect(`${LOGIN_PATH}?signed_out=1`, 303);
  });
}
