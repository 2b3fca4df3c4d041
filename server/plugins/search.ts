// The search index lifecycle (server/search/service.ts) on the app: app.searchIndex.
// Loaded from its snapshot, or built, at start-up; kept current by the change triggers
// (server/workers/changes.ts), read before every search and every 30 s.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { SearchService } from '../search/service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** the search index (`app.search` is taken: Fastify's route shorthand for the SEARCH method) */
    searchIndex: SearchService;
  }
}

export default fp(async function searchPlugin(app: FastifyInstance) {
  const dbPath = app.config.DATABASE_PATH;
  const search = new SearchService({
    db: app.db,
    areas: app.areas,
    dbPath,
    snapshotPath: dbPath === ':memory:' ? null : app.config.SEARCH_SNAPSHOT_PATH,
    now: app.now,
    log: app.log,
    liveQuotes: (workerIds) => app.counts.liveQuotes(workerIds),
  });
  app.decorate('searchIndex', search);
  search.start();
  app.addHook('onClose', async () => {
    await search.close();
  });
});
