// The nomination group committer (server/nominations/committer.ts) on the app: app.committer.
// One per app, so confirms arriving together share one transaction and one fsync.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { NominationCommitter } from '../nominations/committer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    committer: NominationCommitter;
  }
}

export default fp(
  async function committerPlugin(app: FastifyInstance) {
    app.decorate('committer', new NominationCommitter(app.db));
  },
  { name: 'committer', decorators: { fastify: ['db'] } },
);
