import type { FastifyInstance } from 'fastify';

export default async function health(app: FastifyInstance) {
  const ping = app.db.$client.prepare('SELECT 1').pluck();
  app.get('/healthz', async (_req, reply) => {
    try {
      ping.get();
    } catch {
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    }
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
}
