// The one answer to every error: the site's own page (JSON under /api/), a status a person
// understands, never a stack trace. Routes answer with `reply.errorPage(status, message?)` and throw
// the shared errors of server/errors.ts; this maps those, schema failures, CSRF, SQLite and router
// errors (frameworkErrors) to pages.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, InvalidError, NotFoundError } from '../errors.ts';

const MESSAGES: Record<number, { title: string; message: string }> = {
  400: { title: 'Sorry, we could not understand that request', message: 'Please check the address or go back and try again.' },
  403: {
    title: 'This form has expired',
    message: 'For your security, forms expire. Go back, refresh the page and send it again: what you typed is still on the previous page.',
  },
  404: { title: 'Page not found', message: 'If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.' },
  405: { title: 'Sorry, that did not work', message: 'Please go back and try again.' },
  409: { title: 'That has already been done', message: 'Someone else may have done it first. Nothing you sent was saved.' },
  410: { title: 'This page has been removed', message: 'The page you are looking for is no longer available.' },
  413: { title: 'That was too long to send', message: 'Please shorten what you wrote and try again.' },
  414: { title: 'That web address is too long', message: 'Please check the address, or go to the home page and search from there.' },
  415: { title: 'Sorry, that did not work', message: 'Please go back and use the form on the page.' },
  429: { title: 'Too many tries', message: 'You have sent a lot of forms in a short time. Please wait a minute and try again. Nothing you have already sent has been lost.' },
  500: { title: 'Sorry, there is a problem with the service', message: 'Please try again later. If you were sending a form, go back: what you typed should still be there.' },
  503: { title: 'Sorry, the service is unavailable', message: 'We cannot save anything right now. Please try again in a few minutes: go back and what you typed should still be there.' },
};

declare module 'fastify' {
  interface FastifyReply {
    /** Answer with the site's error page for `status` (JSON under /api/), optionally with a more specific message. */
    errorPage(status: number, message?: string): FastifyReply;
  }
  interface FastifyContextConfig {
    /** How this route answers input its schema refuses: by default a 400 with the generic message. */
    badInput?: { status?: number; message?: string };
    /**
     * A form post whose CSRF token failed (left open too long, sent from another tab): the route may
     * show the form again with the answers kept; undefined falls back to the 403 page.
     */
    formExpired?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
  }
}

const known = (status: number) => MESSAGES[status] ?? MESSAGES[status >= 500 ? 500 : 400]!;
const wantsJson = (url: string) => url.startsWith('/api/') || url === '/healthz';

const SQLITE_UNAVAILABLE = new Set(['SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_CANTOPEN']);
const isCsrfError = (code: string) => code.startsWith('FST_CSRF');

function statusOf(err: FastifyError, code: string): number {
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof InvalidError) return 400;
  if (isCsrfError(code)) return 403;
  if (SQLITE_UNAVAILABLE.has(code) || code.startsWith('SQLITE_IOERR')) return 503;
  return err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
}

function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const code = typeof err.code === 'string' ? err.code : '';
  let status = statusOf(err, code);
  let message: string | undefined;
  const config = req.routeOptions.config;
  if (hasZodFastifySchemaValidationErrors(err) && config.badInput) {
    status = config.badInput.status ?? 400;
    message = config.badInput.message;
  }
  if (status >= 500) req.log.error({ err: { type: err.name, message: err.message, code, stack: err.stack } }, 'request failed');
  else req.log.info({ status, code }, 'request refused');
  // A failure after the view started must not try to render twice.
  if (reply.sent) return;
  if (status === 403 && isCsrfError(code) && config.formExpired) {
    const answered = config.formExpired(req, reply);
    if (answered) return answered;
  }
  return reply.errorPage(status, message);
}

/**
 * Router errors (a URL that does not decode, a parameter over maxParamLength) come before any route,
 * hook or reply decorator: the page is rendered here, with the security headers set by hand.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const app = req.server;
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  req.log.info({ status, code: err.code }, 'request refused by the router');
  reply.code(status).headers(app.securityHeaders).header('cache-control', 'no-store');
  const { title, message } = known(status);
  if (wantsJson(req.url)) return reply.send({ error: title, status });
  app
    .view('error', { title, status, message, path: '/', csrf: () => '' })
    .then((html) => reply.type('text/html; charset=utf-8').send(html))
    .catch(() => reply.type('text/plain; charset=utf-8').send(title));
}

export default fp(async function errors(app: FastifyInstance) {
  app.decorateReply('errorPage', function errorPage(this: FastifyReply, status: number, message?: string) {
    const { title, message: standard } = known(status);
    if (wantsJson(this.request.url)) {
      return this.code(status).header('cache-control', 'no-store').send({ error: message ?? title, status });
    }
    return this.page('error', { title, status, message: message ?? standard }, status);
  });
  app.setNotFoundHandler((_req, reply) => reply.errorPage(404));
  app.setErrorHandler(handleError);
});
