// Placeholder: demo content loaded into an empty database with DEMO=1 / --demo.
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';

export function loadDemoIfEmpty(_db: Db, _areas: AreaDirectory, _now: number): { loaded: boolean } {
  return { loaded: false };
}
