// Friendly 404/4xx/500 pages (HTML) or JSON errors (under /api/); never a stack trace.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const MESSAGES: Record<number, { title: string; message: string }> = {
  400: { title: 'Sorry, we could not understand that request', message: 'Please check the address or go back and try again.' },
  403: {
    title: 'This form has expired',
    message: 'For your security, forms expire. Go back, refresh the page and send it again: what you typed is still on the previous page.',
  },
  404: { title: 'Page not found', message: 'If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.' },
  405: { title: 'Sorry, that did not work', message: 'Please go back and try again.' },
  410: { title: 'This page has been removed', message: 'The page you are looking for is no longer available.' },
  413: { title: 'That was too long to send', message: 'Please shorten what you wrote and try again.' },
  415: { title: 'Sorry, that did not work', message: 'Please go back and use the form on the page.' },
  429: { title: 'Too many tries', message: 'You have sent a lot of forms in a short time. Please wait a minute and try again. Nothing you have already sent has been lost.' },
  500: { title: 'Sorry, there is a problem with the service', message: 'Please try again later. If you were sending a form, go back: what you typed should still be there.' },
  503: { title: 'Sorry, the service is unavailable', message: 'We cannot save anything right now. Please try again in a few minutes: go back and what you typed should still be there.' },
};

export function sendError(req: FastifyRequest, reply: FastifyReply, status: number, detail?: string) {
  const known = MESSAGES[status] ?? MESSAGES[status >= 500 ? 500 : 400]!;
  if (req.url.startsWith('/api/') || req.url === '/healthz') {
    return reply.code(status).header('cache-control', 'no-store').send({ error: known.title, status });
  }
  return reply.page('error', { title: known.title, status, message: detail ?? known.message }, status);
}

/** The site-wide answer to an error: a status a person understands, never a stack trace. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  let status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
  const code = (err as { code?: string }).code ?? '';
  if (isCsrfError(err)) status = 403;
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_BUSY' || code === 'SQLITE_CANTOPEN') status = 503;
  if (status >= 500) req.log.error({ err: { type: err.name, message: err.message, code, stack: err.stack } }, 'request failed');
  else req.log.info({ status, code }, 'request refused');
  // A failure after the view started must not try to render twice.
  if (reply.sent) return;
  return sendError(req, reply, status);
}

export const isCsrfError = (err: { code?: string }) => (err.code ?? '').startsWith('FST_CSRF');

export default fp(async function errors(app: FastifyInstance) {
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404));
  app.setErrorHandler(handleError);
});
