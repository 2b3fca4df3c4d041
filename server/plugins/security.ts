// Security headers, cookies, CSRF on every POST, per-client rate limits, form bodies.
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { clientHash, CSRF_COOKIE, csrfCookieOptions } from '../client-id.ts';
import { formText } from '../http/form-input.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The headers every answer carries, worked out once (router errors set them by hand). */
    securityHeaders: Record<string, string>;
  }
}

/** Browser features no page of the site uses, switched off (and the ad-tracking cohort APIs with them). */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()';

export default fp(async function security(app: FastifyInstance) {
  const { config } = app;
  const headers = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // Open data is fetched cross-origin by researchers' tools; it carries no personal data.
    crossOriginResourcePolicy: { policy: 'same-site' },
    hsts: config.COOKIE_SECURE ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    // the same as frame-ancestors 'none', for browsers that only know the older header
    xFrameOptions: { action: 'deny' },
  });
  headers['permissions-policy'] = PERMISSIONS_POLICY;
  app.decorate('securityHeaders', headers);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cookie, { secret: config.SESSION_SECRET });
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: csrfCookieOptions(config.COOKIE_SECURE),
    getToken: (req) => formText(req.body, '_csrf'),
  });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(rateLimit, {
    global: false,
    max: config.RATE_LIMIT_MAX || 1_000_000,
    timeWindow: '1 minute',
    keyGenerator: (req) => clientHash(config.SESSION_SECRET, req),
  });

  // Every form post carries a CSRF token; checked after the body is parsed.
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method !== 'POST') return done();
    app.csrfProtection(req, reply, done);
  });
});

/**
 * The headers helmet sets for these options, worked out once. (@fastify/helmet rebuilds helmet's
 * middleware on every request, re-parsing the CSP: ~3% of every request, measured under load.)
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
