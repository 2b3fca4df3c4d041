// Open data responses: short public caching, a strong ETag (hash of the body) answered with
// 304 on If-None-Match, and CORS open for reading from any site (the data is aggregate and
// published; there is no personal data in it and no credentials are involved).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const OPEN_DATA_MAX_AGE = 60;

export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export function corsHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'ETag');
}

/** Send a body that is the same for everyone, with caching, ETag/304 and open CORS. */
export function sendCacheable(
  req: FastifyRequest,
  reply: FastifyReply,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
) {
  const etag = strongEtag(body);
  corsHeaders(reply).header('cache-control', `public, max-age=${OPEN_DATA_MAX_AGE}`).header('etag', etag);
  for (const [k, v] of Object.entries(extra)) reply.header(k, v);
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(contentType).send(body);
}
