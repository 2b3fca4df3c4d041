// Opens the database (migrations applied), seeds the areas, and exposes db + areas on the app.
import cluster from 'node:cluster';
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
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    areas: AreaDirectory;
  }
}

type Log = { info(obj: object | string, msg?: string): void };

/**
 * Open the database and bring it up to date: migrations, areas, demo content (DEMO), back-fills.
 * Run once per start: by the single server process, or by node:cluster's primary before it forks
 * the server processes (server/main.ts), which then only open the database, so they never race
 * to do it again.
 */
export function setUpDatabase(config: Pick<Config, 'DATABASE_PATH' | 'DEMO'>, now: number, log: Log): { db: Db; areas: AreaDirectory } {
  const db = openDatabase(config.DATABASE_PATH);
  seedAreas(db);
  seedAuthorityDomains(db);
  const areas = new AreaDirectory(db);
  if (config.DEMO) {
    const { loaded } = loadDemoIfEmpty(db, areas, now);
    if (loaded) log.info('demo content loaded');
  }
  const folded = backfillNameKeys(db);
  if (folded) log.info({ nominations: folded }, 'folded worker names stored for duplicate checks');
  const moved = backfillAsciiSlugs(db);
  if (moved) log.info({ workers: moved }, 'profile slugs made ASCII, old slugs kept as redirects');
  const flagged = backfillPrivacyFlags(db);
  if (flagged) log.info({ nominations: flagged }, 'privacy flags stored for pending nominations (new or older detector)');
  return { db, areas };
}

/** A database the cluster's primary has already set up: open it (its migrations are all applied) and read the areas. */
function openSetUpDatabase(config: Pick<Config, 'DATABASE_PATH'>): { db: Db; areas: AreaDirectory } {
  const db = openDatabase(config.DATABASE_PATH);
  return { db, areas: new AreaDirectory(db) };
}

export default fp(async function dbPlugin(app: FastifyInstance) {
  const { db, areas } = cluster.isWorker ? openSetUpDatabase(app.config) : setUpDatabase(app.config, app.now(), app.log);
  app.decorate('db', db);
  app.decorate('areas', areas);
  app.addHook('onClose', async () => {
    db.$client.close();
  });
});
