// Opens the database (migrations applied), seeds the areas, and exposes db + areas on the app.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Db } from '../db.ts';
import { seedAreas } from '../areas/seed.ts';
import { seedAuthorityDomains } from '../areas/authorities.ts';
import { AreaDirectory } from '../areas/directory.ts';
import { loadDemoIfEmpty } from '../demo/load.ts';
import { backfillNameKeys } from '../nominations/duplicates.ts';
import { backfillAsciiSlugs } from '../workers/slug.ts';
import { backfillPrivacyFlags } from '../moderation/privacy-flags.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    areas: AreaDirectory;
  }
}

export default fp(async function dbPlugin(app: FastifyInstance) {
  const db = openDatabase(app.config.DATABASE_PATH);
  seedAreas(db);
  seedAuthorityDomains(db);
  app.decorate('db', db);
  const areas = new AreaDirectory(db);
  app.decorate('areas', areas);
  if (app.config.DEMO) {
    const { loaded } = loadDemoIfEmpty(db, areas, app.now());
    if (loaded) app.log.info('demo content loaded');
  }
  const folded = backfillNameKeys(db);
  if (folded) app.log.info({ nominations: folded }, 'folded worker names stored for duplicate checks');
  const moved = backfillAsciiSlugs(db);
  if (moved) app.log.info({ workers: moved }, 'profile slugs made ASCII, old slugs kept as redirects');
  const flagged = backfillPrivacyFlags(db);
  if (flagged) app.log.info({ nominations: flagged }, 'privacy flags stored for pending nominations (new or older detector)');
  app.addHook('onClose', async () => {
    db.$client.close();
  });
});
