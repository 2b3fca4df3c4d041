// Every /moderate route except login and logout goes through this: no valid session -> 303 to the login
// page. It runs on onRequest, before the body is parsed and before the CSRF check, so an unauthenticated
// POST is turned away without touching anything. Moderation pages are never cached.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Moderator } from '../../moderation/accounts.ts';
import { SESSION_COOKIE, ABSOLUTE_MS, sessionModerator } from '../../moderation/sessions.ts';
import type { PageData } from '../../plugins/view.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in moderator on guarded /moderate routes */
    moderator: Moderator | null;
  }
}

export const LOGIN_PATH = '/moderate/login';

export function sessionCookieOptions(app: FastifyInstance) {
  return {
    path: '/moderate',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.COOKIE_SECURE,
    maxAge: ABSOLUTE_MS / 1000,
  };
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/moderate', httpOnly: true, sameSite: 'strict', secure: app.config.COOKIE_SECURE });
}

/** No caching of moderation pages anywhere (they carry private data). */
export function noStore(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
}

/**
 * Where to return after signing in: a moderation page of this site, never anywhere else (no
 * other host, no "//", no dots in the path, not the login page itself).
 */
export function safeNext(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 300) return undefined;
  if (!/^\/moderate(?:\/[A-Za-z0-9_-]+)*\/?(?:\?[A-Za-z0-9_=&%.+-]*)?$/.test(raw) || raw.startsWith(LOGIN_PATH)) return undefined;
  return raw;
}

/** The page a form was posted from, when the browser says and it is on this site. */
function formPage(req: FastifyRequest): string | undefined {
  const referer = req.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    const here = new URL(`http://${req.headers.host ?? ''}`);
    return url.host === here.host ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

/** The login page, remembering the page asked for (for a POST, the form's page) and whether a session just ended. */
function loginUrl(req: FastifyRequest, sessionEnded: boolean): string {
  const next = safeNext(req.method === 'GET' ? req.url : formPage(req));
  const query = new URLSearchParams();
  if (next && next !== '/moderate') query.set('next', next);
  if (sessionEnded) query.set('ended', '1');
  const q = query.toString();
  return q ? `${LOGIN_PATH}?${q}` : LOGIN_PATH;
}

/** Register inside a moderation route module: every route in the module needs a session (and `admin` a role). */
export function requireModerator(app: FastifyInstance, opts: { admin?: boolean } = {}) {
  app.decorateRequest('moderator', null);
  noStore(app);
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const moderator = sessionModerator(app.db, token, app.now());
    if (!moderator) {
      if (token) clearSessionCookie(app, reply);
      return reply.redirect(loginUrl(req, !!token), 303);
    }
    req.moderator = moderator;
    if (opts.admin && moderator.role !== 'admin') {
      return moderationMessage(reply, 403, 'Only admins can do this', 'Ask an admin if you need a moderator account added or disabled.');
    }
  });
}

/** Render a moderation page with the common data (the signed-in moderator for the nav, noindex). */
export function moderationPage(reply: FastifyReply, template: string, data: PageData, status = 200) {
  return reply.page(template, { noindex: true, moderator: reply.request.moderator, ...data }, status);
}

export function moderationMessage(
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
  links: { href: string; text: string }[] = [],
) {
  return moderationPage(reply, 'moderate/message', { title, message, links }, status);
}
