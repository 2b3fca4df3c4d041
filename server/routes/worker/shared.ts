// What every /worker route module shares: the zod type provider, the worker cookie, form fields.
// Both modules are registered twice, like the public pages: /worker/… in English, /cy/worker/… in
// Welsh (server/routes/index.ts); the session cookie is set for both paths, so a worker signed in
// on either keeps their session when they switch language.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ABSOLUTE_MS, sessionWorker, WORKER_SESSION_COOKIE, type WorkerAccount } from '../../worker-accounts/sessions.ts';
import { noStore } from '../moderate/guard.ts';
import type { FieldError } from '../../errors.ts';
import { errorMap } from '../../nominations/form.ts';
import { localErrors } from '../../i18n/form-messages.ts';
import { WELSH_PREFIX, type Lang, type Translate } from '../../i18n/index.ts';
import { WORKER_LIMITS, WORKER_MESSAGES } from '../../worker-accounts/messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in worker on guarded /worker routes */
    workerAccount: WorkerAccount | null;
  }
}

/** This module's routes, typed from their zod schemas; worker pages carry private data and are never cached. */
export function workerRoutes(app: FastifyInstance) {
  noStore(app);
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Slugs are letters, digits and hyphens. */
export const SLUG = /^[\p{L}\p{N}-]{1,200}$/u;

const emailFormat = z.email();

/** The address as stored (trimmed, lower case), or the error for the field. */
export function workEmail(raw: string): { email: string } | { error: FieldError } {
  const email = raw.trim().toLowerCase();
  if (email === '') return { error: { field: 'email', message: WORKER_MESSAGES.emailEmpty } };
  if (email.length > WORKER_LIMITS.emailMax) return { error: { field: 'email', message: WORKER_MESSAGES.emailLong } };
  if (!emailFormat.safeParse(email).success) return { error: { field: 'email', message: WORKER_MESSAGES.emailFormat } };
  return { email };
}

/** The errors in the page's language, for the summary and beside each field. */
export function withErrors(t: Translate, lang: Lang, errors: FieldError[]) {
  const local = localErrors(t, lang, errors);
  return { errors: local, fieldErrors: errorMap(local) };
}

/** The worker's pages in both languages: the one session cookie is sent to each, and to nothing else. */
const COOKIE_PATHS = ['/worker', `${WELSH_PREFIX}/worker`];

const cookieOptions = (app: FastifyInstance, path: string) => ({
  path,
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: app.config.COOKIE_SECURE,
});

export function setWorkerCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  for (const path of COOKIE_PATHS)
    reply.setCookie(WORKER_SESSION_COOKIE, token, { ...cookieOptions(app, path), maxAge: ABSOLUTE_MS / 1000 });
}

export function clearWorkerCookie(app: FastifyInstance, reply: FastifyReply) {
  for (const path of COOKIE_PATHS) reply.clearCookie(WORKER_SESSION_COOKIE, cookieOptions(app, path));
}

export const currentWorker = (app: FastifyInstance, req: FastifyRequest) =>
  sessionWorker(app.db, req.cookies[WORKER_SESSION_COOKIE], app.now());

/** A page with a heading, a message and links (refusals, confirmations); link paths are English site paths, shown in the page's language. */
export function workerMessage(
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
  links: { href: string; text: string }[] = [],
  /** the English path of a page to link the other language to, when this answers a POST-only route */
  samePage?: string,
) {
  return reply.page('worker/message', { title, message, links, noindex: true, samePage }, status);
}
