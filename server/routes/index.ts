// Every route module, one per area of the site.
import type { FastifyInstance } from 'fastify';
import health from './public/health.ts';
import home from './public/home.ts';

export async function registerRoutes(app: FastifyInstance) {
  await app.register(health);
  await app.register(home);
}
