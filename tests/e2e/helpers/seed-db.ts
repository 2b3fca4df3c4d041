// Fill a database file BEFORE the server starts (so its caches and search index see the data),
// using the same seeding as the in-process tests (tests/helpers/seed.ts).
import { openDatabase, type Db } from '../../../server/db.ts';
import { seedAreas } from '../../../server/areas/seed.ts';
import { AreaDirectory } from '../../../server/areas/directory.ts';
import { seedNomination, type SeedNomination } from '../../helpers/seed.ts';
import type { TestApp } from '../../helpers/app.ts';
import { createModerator, type Moderator, type Role } from '../../../server/moderation/accounts.ts';

export type Seeder = {
  db: Db;
  areas: AreaDirectory;
  nominate(s: SeedNomination): ReturnType<typeof seedNomination>;
  /** a moderator account, made by the domain function create-moderator uses */
  moderator(who: { email: string; password: string }, role?: Role): Promise<Moderator>;
};

/** Open (creating and migrating) the database at `dbPath`, run `fill`, close it. */
export async function seedDatabase<T>(dbPath: string, fill: (s: Seeder) => T | Promise<T>, now = Date.now()): Promise<T> {
  const db = openDatabase(dbPath);
  try {
    seedAreas(db);
    const areas = new AreaDirectory(db);
    // seedNomination needs only these parts of the app.
    const appLike = { db, areas, clock: { now } } as unknown as TestApp;
    return await fill({
      db,
      areas,
      nominate: (s) => seedNomination(appLike, s),
      moderator: (who, role = 'moderator') => createModerator(db, { ...who, role, now }),
    });
  } finally {
    db.$client.close();
  }
}
