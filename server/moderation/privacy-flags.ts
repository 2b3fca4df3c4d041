// The privacy flags of a nomination as the moderation pages use them: read from the nomination's
// privacy_flags column (written at submission), recomputed and stored again only when that copy is
// missing, from an older detector version, or no longer fits the story.
import { and, eq, isNull, notLike, or } from 'drizzle-orm';
import { nominations } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { DETECTOR_VERSION, type DetailedFlag } from '../privacy/index.ts';
import { flagsToStore, readStoredFlags, type StoredFlags } from '../privacy/stored.ts';

export type FlaggedNomination = { id: number; story: string | null; workerName: string; privacyFlags: string | null };

export function currentFlags(db: Db, n: FlaggedNomination): DetailedFlag[] {
  const stored = readStoredFlags(n.privacyFlags, n.story, n.workerName);
  if (stored) return stored;
  const json = flagsToStore(n.story, n.workerName);
  db.update(nominations).set({ privacyFlags: json }).where(eq(nominations.id, n.id)).run();
  return (JSON.parse(json) as StoredFlags).flags;
}

/** Start-up back-fill: pending nominations stored before flags were, or by an older detector. Returns how many. */
export function backfillPrivacyFlags(db: Db): number {
  const n = nominations;
  const current = `{"version":${DETECTOR_VERSION},%`;
  const rows = db
    .select({ id: n.id, story: n.story, workerName: n.workerName, privacyFlags: n.privacyFlags })
    .from(n)
    .where(and(eq(n.status, 'pending'), or(isNull(n.privacyFlags), notLike(n.privacyFlags, current))))
    .all();
  db.transaction((tx) => {
    for (const r of rows)
      tx.update(n)
        .set({ privacyFlags: flagsToStore(r.story, r.workerName) })
        .where(eq(n.id, r.id))
        .run();
  });
  return rows.length;
}
