// Minimum fill time: the form carries the time it was served, signed so it cannot be forged, and a
// nomination sent sooner than MIN_FILL_SECONDS after that is treated as a bot.
import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, ms: number) => createHmac('sha256', secret).update(`form-served:${ms}`).digest('base64url').slice(0, 32);

/** The hidden `started` field's value: "<ms>.<signature>". */
export function formStartToken(secret: string, now: number): string {
  return `${now}.${sign(secret, now)}`;
}

export type FillCheck = 'ok' | 'too-fast' | 'invalid';

export function checkFillTime(secret: string, token: unknown, now: number, minSeconds: number): FillCheck {
  if (minSeconds <= 0) return 'ok';
  if (typeof token !== 'string') return 'invalid';
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return 'invalid';
  const served = Number(m[1]);
  const expected = Buffer.from(sign(secret, served));
  const given = Buffer.from(m[2]!);
  if (!timingSafeEqual(expected, given)) return 'invalid';
  return now - served >= minSeconds * 1000 ? 'ok' : 'too-fast';
}
