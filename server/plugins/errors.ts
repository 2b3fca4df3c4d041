// The one answer to every error: the site's own page (JSON under /api/), a status a person
// understands, never a stack trace. Routes answer with `reply.errorPage(status, message?)` and throw
// the shared errors of server/errors.ts; this maps those, schema failures, CSRF, SQLite and router
// errors (frameworkErrors) to pages.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, InvalidError, NotFoundError } from '../errors.ts';
import { langOf, type Translate } from '../i18n/index.ts';
import { pageContext } from './view.ts';
import { localMessage } from '../i18n/form-messages.ts';

/** Statuses with their own title and message in the catalogue (`error.<status>.title`); others share 400's or 500's. */
const KNOWN = new Set([400, 403, 404, 405, 409, 410, 413, 414, 415, 429, 500, 503]);

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

function known(status: number, t: Translate): { title: string; message: string } {
  const s = KNOWN.has(status) ? status : status >= 500 ? 500 : 400;
  return { title: t(`error.${s}.title` as 'error.400.title'), message: t(`error.${s}.message` as 'error.400.message') };
}
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
  // the API answers in English; a page in the language of its path (hooks have not run yet); a URL the router refused is not echoed back in the page's links
  const json = wantsJson(req.url);
  const lang = langOf(req.url);
  const { title, message } = known(status, app.catalogue.t[json ? 'en' : lang]);
  if (json) return reply.send({ error: title, status });
  try {
    const html = app.renderPage('error', {
      ...pageContext(app, lang === 'cy' ? '/cy' : '/', 'error'),
      title,
      status,
      message,
      csrf: () => '',
    });
    return reply.type('text/html; charset=utf-8').send(html);
  } catch {
    return reply.type('text/plain; charset=utf-8').send(title);
  }
}

export default fp(async function errors(app: FastifyInstance) {
  app.decorateReply('errorPage', function errorPage(this: FastifyReply, status: number, message?: string) {
    const json = wantsJson(this.request.url);
    // JSON errors stay English: they are read by programs and their authors, not by families
    const { title, message: standard } = known(status, json ? app.catalogue.t.en : this.request.t);
    if (json) {
      return this.code(status)
        .header('cache-control', 'no-store')
        .send({ error: message ?? title, status });
    }
    // a form rule's English message (the bot check's, say) in the page's language
    const said = message === undefined ? standard : localMessage(this.request.t, this.request.lang, message);
    return this.page('error', { title, status, message: said }, status);
  });
  app.setNotFoundHandler((_req, reply) => reply.errorPage(404));
  app.setErrorHandler(handleError);
});
