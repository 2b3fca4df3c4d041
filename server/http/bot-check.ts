// The one check for bots on public forms: the honeypot, and the fill time (a signed `started` token
// bound to the client, see nominations/fill-time.ts). Nothing a bot sends is stored.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ensureCsrfSecret, readCsrfSecret } from '../client-id.ts';
import { checkFillTime, formStartToken, START_TOKEN } from '../nominations/fill-time.ts';
import { formText, honeypotFilled } from './form-input.ts';

export const BOT_MESSAGES = {
  honeypot: 'We could not accept this form. If you filled it in yourself, please go back and send it again.',
  fillTime:
    'That form came back faster than a person can usually fill it in, so we could not accept it. Please go back, wait a few seconds and send it again: what you typed is still on the previous page.',
  /** shown in the error summary of the form, shown again with the answers */
  expired:
    'This form was open for more than a day, so nothing has been sent yet. Your answers are below: check them and send the form again.',
} as const;

/** The hidden `started` field for a form served now, bound to this client. */
export function startToken(req: FastifyRequest, reply: FastifyReply): string {
  const { config } = req.server;
  return formStartToken(config.SESSION_SECRET, ensureCsrfSecret(req, reply, config.COOKIE_SECURE), req.server.now());
}

/** The `started` a form carried, if it has the token's shape (checked by screenForm). */
export function startedOf(body: unknown): string | undefined {
  const s = formText(body, 'started');
  return START_TOKEN.test(s) ? s : undefined;
}

export type Screen = 'ok' | 'refused' | 'expired';

/**
 * Bots get a plain 400 page and nothing is stored: the honeypot was filled, or the form came back
 * sooner after it was served than a person could fill it in (or without a genuine timestamp for
 * this client). 'refused' means the reply has been sent; 'expired' that the form is too old to accept
 * and should be shown again with its answers.
 */
export function screenForm(req: FastifyRequest, reply: FastifyReply, opts: { fillTime: boolean }): Screen {
  if (honeypotFilled(req.body)) {
    req.log.info({ reason: 'honeypot' }, 'form refused');
    reply.errorPage(400, BOT_MESSAGES.honeypot);
    return 'refused';
  }
  if (!opts.fillTime) return 'ok';
  const { config } = req.server;
  const fill = checkFillTime(
    config.SESSION_SECRET,
    readCsrfSecret(req, reply),
    formText(req.body, 'started'),
    req.server.now(),
    config.MIN_FILL_SECONDS,
  );
  if (fill === 'ok') return 'ok';
  req.log.info({ reason: `fill-time-${fill}` }, 'form refused');
  if (fill === 'expired') return 'expired';
  reply.errorPage(400, BOT_MESSAGES.fillTime);
  return 'refused';
}

/**
 * A form post whose CSRF check failed may be shown again with its answers (nothing is stored) unless
 * it looks like a bot: the honeypot filled, or a `started` that is missing or not a token. (Its
 * binding cannot be checked: the cookie it was bound to is usually what went missing.)
 */
export function looksLikeBot(req: FastifyRequest): boolean {
  return honeypotFilled(req.body) || (req.server.config.MIN_FILL_SECONDS > 0 && startedOf(req.body) === undefined);
}
