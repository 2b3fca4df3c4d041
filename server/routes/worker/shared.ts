// What every /worker route module shares: the zod type provider, the worker cookie, form fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ABSOLUTE_MS, sessionWorker, WORKER_SESSION_COOKIE, type WorkerAccount } from '../../worker-accounts/sessions.ts';
import { noStore } from '../moderate/guard.ts';
import type { FieldError } from '../../errors.ts';
import { errorMap } from '../../nominations/form.ts';

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

export const EMAIL_MAX = 254;
const emailFormat = z.email();

/** The address as stored (trimmed, lower case), or the error for the field. */
export function workEmail(raw: string): { email: string } | { error: FieldError } {
  const email = raw.trim().toLowerCase();
  if (email === '') return { error: { field: 'email', message: 'Enter your work email address' } };
  if (email.length > EMAIL_MAX) return { error: { field: 'email', message: `Email address must be ${EMAIL_MAX} characters or fewer` } };
  if (!emailFormat.safeParse(email).success)
    return { error: { field: 'email', message: 'Enter an email address in the correct format, like name@council.gov.uk' } };
  return { email };
}

export const withErrors = (errors: FieldError[]) => ({ errors, fieldErrors: errorMap(errors) });

export function workerCookieOptions(app: FastifyInstance) {
  return { path: '/worker', httpOnly: true, sameSite: 'strict' as const, secure: app.config.COOKIE_SECURE, maxAge: ABSOLUTE_MS / 1000 };
}

export function clearWorkerCookie(app: FastifyInstance, reply: FastifyReply) {
  reply.clearCookie(WORKER_SESSION_COOKIE, { path: '/worker', httpOnly: true, sameSite: 'strict', secure: app.config.COOKIE_SECURE });
}

export const currentWorker = (app: FastifyInstance, req: FastifyRequest) =>
  sessionWorker(app.db, req.cookies[WORKER_SESSION_COOKIE], app.now());

/** A page with a heading, a message and links (refusals, confirmations). */
export function workerMessage(
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
  links: { href: string; text: string }[] = [],
) {
  return reply.page('worker/message', { title, message, links, noindex: true }, status);
}

export const RATE_LIMITED =
  'You have asked for too many sign-in links in the last hour. For your security, wait an hour and try again. Nothing has been sent or kept from this request.';
