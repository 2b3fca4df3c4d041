// Who a client is, without knowing who they are: a keyed hash of its address for rate limits and
// duplicate checks (spec principle 4: IP addresses are not stored in the clear), and its CSRF secret,
// which forms' tokens are bound to.
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function clientHash(secret: string, req: FastifyRequest): string {
  return createHmac('sha256', secret)
    .update(req.ip ?? 'unknown')
    .digest('base64url')
    .slice(0, 22);
}

/** The cookie that keeps the client's CSRF secret (signed), as @fastify/csrf-protection is set up with. */
export const CSRF_COOKIE = '_csrf_secret';
export const csrfCookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure, signed: true });

/** The client's CSRF secret from its signed cookie; undefined if it has none (or a forged one). */
export function readCsrfSecret(req: FastifyRequest, reply: FastifyReply): string | undefined {
  const raw = req.cookies[CSRF_COOKIE];
  if (!raw) return undefined;
  const unsigned = reply.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/**
 * The client's CSRF secret, made now if it has none: the cookie is set on this answer and the
 * request is told of it, so the form token the page renders (generateCsrf) uses the same secret.
 */
export function ensureCsrfSecret(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = readCsrfSecret(req, reply);
  if (existing) return existing;
  const secret = randomBytes(18).toString('base64url');
  reply.setCookie(CSRF_COOKIE, secret, csrfCookieOptions(secure));
  req.cookies[CSRF_COOKIE] = reply.signCookie(secret);
  return secret;
}
