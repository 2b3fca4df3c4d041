import type { FastifyInstance } from 'fastify';
import { databaseAnswers } from '../../db.ts';

export default async function health(app: FastifyInstance) {
  app.get('/healthz', async (_req, reply) => {
    if (!databaseAnswers(app.db)) return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
}
