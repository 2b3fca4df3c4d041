// Route options for a rate-limited form post; the limiter itself is registered by plugins/security.ts.
import type { FastifyInstance } from 'fastify';

/** RATE_LIMIT_MAX per client per minute (or `max`, for stricter forms); RATE_LIMIT_MAX=0 turns limits off. */
export function formRateLimit(app: FastifyInstance, max = app.config.RATE_LIMIT_MAX) {
  return app.config.RATE_LIMIT_MAX === 0 ? {} : { config: { rateLimit: { max, timeWindow: '1 minute' } } };
}
