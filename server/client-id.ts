// A client's identity for rate limits and duplicate checks: a keyed hash of its address,
// never the address itself (spec principle 4: IP addresses are not stored in the clear).
import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export function clientHash(secret: string, req: FastifyRequest): string {
  return createHmac('sha256', secret).update(req.ip ?? 'unknown').digest('base64url').slice(0, 22);
}
