// The served counts (server/counts/index.ts) on the app: app.counts. One per app (one database),
// loaded at start-up rather than on the first visitor's request.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Counts } from '../counts/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    counts: Counts;
  }
}

export default fp(
  async function countsPlugin(app: FastifyInstance) {
    const counts = new Counts(app.db, app.areas, () => app.now());
    app.decorate('counts', counts);
    app.addHook('onReady', async () => counts.warm());
    app.addHook('onClose', async () => counts.close());
  },
  { name: 'counts', decorators: { fastify: ['db', 'areas'] } },
);
