// Reading what a form sent: the one place that knows a field may be missing, repeated, or (from a
// JSON post) not text at all, and the one check for bots (the honeypot and the fill time).
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ensureCsrfSecret, readCsrfSecret } from '../client-id.ts';
import { checkFillTime, formStartToken, START_TOKEN } from '../nominations/fill-time.ts';

/**
 * A form body as the parsers give it: each field one string or, when repeated, several. Permissive
 * on purpose: the domain's validation gives the field errors, so a person sees the form again with
 * their values instead of a schema error. A post without a body reads as an empty form.
 */
export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});
export type FormBody = z.output<typeof formBody>;

function valueOf(body: unknown, name: string): unknown {
  if (body === null || typeof body !== 'object' || !Object.hasOwn(body, name)) return undefined;
  return Object.getOwnPropertyDescriptor(body, name)?.value;
}

/** A value as one string: the first if repeated, '' if missing or not text. */
export function firstText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
}

/** Every string of a repeated value. */
export function allTexts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** One field of a form: the first if repeated, '' if missing or not text. */
export function formText(body: unknown, name: string): string {
  return firstText(valueOf(body, name));
}

/** Every value of a repeated field (checkboxes). */
export function formTexts(body: unknown, name: string): string[] {
  return allTexts(valueOf(body, name));
}

/** The hidden field people never see or fill in (views/partials: the "honeypot" div). */
export const HONEYPOT = 'website';

export const BOT_MESSAGES = {
  honeypot: 'We could not accept this form. If you filled it in yourself, please go back and send it again.',
  fillTime:
    'That form came back faster than a person can usually fill it in, so we could not accept it. Please go back, wait a few seconds and send it again: what you typed is still on the previous page.',
  /** shown in the error summary of the form, shown again with the answers */
  expired: 'This form was open for more than a day, so nothing has been sent yet. Your answers are below: check them and send the form again.',
} as const;

export function honeypotFilled(body: unknown): boolean {
  const v = valueOf(body, HONEYPOT);
  return v !== undefined && v !== '';
}

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
  const fill = checkFillTime(config.SESSION_SECRET, readCsrfSecret(req, reply), formText(req.body, 'started'), req.server.now(), config.MIN_FILL_SECONDS);
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
