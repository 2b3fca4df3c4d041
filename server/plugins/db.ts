// Opens the database (migrations applied), seeds the areas, and exposes db + areas on the app.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Db } from '../db.ts';
import { seedAreas } from '../areas/seed.ts';
import { AreaDirectory } from '../areas/directory.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    areas: AreaDirectory;
  }
}

export default fp(async function dbPlugin(app: FastifyInstance) {
  const db = openDatabase(app.config.DATABASE_PATH);
  seedAreas(db);
  app.decorate('db', db);
  app.decorate('areas', new AreaDirectory(db));
  app.addHook('onClose', async () => {
    db.$client.close();
  });
});
