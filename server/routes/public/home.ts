import type { FastifyInstance } from 'fastify';

export default async function home(app: FastifyInstance) {
  app.get('/', async (_req, reply) => {
    return reply.page('home', { title: 'Find a good social worker' });
  });
}
