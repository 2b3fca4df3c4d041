// Minimum fill time: a form carries the time it was served, signed with the site secret and bound to
// the client's CSRF secret, so it can be neither forged nor handed from one client to another. A form
// sent back sooner than MIN_FILL_SECONDS after that is treated as a bot; one older than MAX_FORM_AGE_MS
// is shown again with its answers (a token cannot be kept and replayed for ever).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_FORM_AGE_MS = 24 * 60 * 60_000;

const sign = (siteSecret: string, clientSecret: string, ms: number) =>
  createHmac('sha256', siteSecret).update(`form-served:${ms}:${clientSecret}`).digest('base64url').slice(0, 32);

/** The hidden `started` field's value: "<ms>.<signature>". */
export function formStartToken(siteSecret: string, clientSecret: string, now: number): string {
  return `${now}.${sign(siteSecret, clientSecret, now)}`;
}

export const START_TOKEN = /^(\d{1,15})\.([A-Za-z0-9_-]{32})$/;

export type FillCheck = 'ok' | 'too-fast' | 'expired' | 'invalid';

/** MIN_FILL_SECONDS=0 turns the check off, the maximum age with it. */
export function checkFillTime(
  siteSecret: string,
  clientSecret: string | undefined,
  token: string,
  now: number,
  minSeconds: number,
): FillCheck {
  if (minSeconds <= 0) return 'ok';
  const m = START_TOKEN.exec(token);
  if (!m || !clientSecret) return 'invalid';
  const served = Number(m[1]);
  const expected = Buffer.from(sign(siteSecret, clientSecret, served));
  const given = Buffer.from(m[2]!);
  if (!timingSafeEqual(expected, given)) return 'invalid';
  if (now - served < minSeconds * 1000) return 'too-fast';
  return now - served > MAX_FORM_AGE_MS ? 'expired' : 'ok';
}
