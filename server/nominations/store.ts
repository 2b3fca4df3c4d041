// Storing a confirmed nomination: one immediate transaction, committed before the family is told
// it was received. A repeated confirmation (same submission key) returns the first one's reference.
import { eq, sql } from 'drizzle-orm';
import { nominations } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import type { NominationInput } from './form.ts';
import { findConcerns } from './concerns.ts';
import { findDuplicateOf, nameKey, storyHash } from './duplicates.ts';
import { flagsToStore } from '../privacy/stored.ts';
import { newReference } from './reference.ts';
import { preparedQuery } from '../statements.ts';
import type { Lang } from '../i18n/index.ts';

export type NominationFlag = 'safeguarding' | 'complaint' | 'duplicate';

export type StoredNomination = {
  id: number;
  /** compact reference, e.g. "K7MDPQ4XZR2NH" */
  ref: string;
  /** false when this submission key had already been stored (double click, back button, retry) */
  created: boolean;
  flags: NominationFlag[];
};

/** A submission key as the check page makes them: 16 random bytes, base64url. */
export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{22,64}$/;

const n = nominations;
const ph = (name: string) => sql.placeholder(name);

// The nomination hot path: prepared once per database.
const bySubmissionKey = (db: Db) =>
  db
    .select({ id: n.id, ref: n.ref, flags: n.flags })
    .from(n)
    .where(eq(n.submissionKey, ph('submissionKey')))
    .prepare();
const refTaken = (db: Db) =>
  db
    .select({ one: sql<number>`1` })
    .from(n)
    .where(eq(n.ref, ph('ref')))
    .limit(1)
    .prepare();
const insertNomination = (db: Db) =>
  db
    .insert(n)
    .values({
      ref: ph('ref'),
      submissionKey: ph('submissionKey'),
      status: 'pending',
      workerName: ph('workerName'),
      workerNameKey: ph('workerNameKey'),
      areaId: ph('areaId'),
      team: ph('team'),
      relationship: ph('relationship'),
      qualities: ph('qualities'),
      stillInvolved: ph('stillInvolved'),
      story: ph('story'),
      storyHash: ph('storyHash'),
      contactEmail: ph('contactEmail'),
      notifyPublished: ph('notifyPublished'),
      flags: ph('flags'),
      duplicateOf: ph('duplicateOf'),
      privacyFlags: ph('privacyFlags'),
      submittedAt: ph('submittedAt'),
      independent: ph('independent'),
      lang: ph('lang'),
    })
    .prepare();
const flagsByRef = (db: Db) =>
  db
    .select({ flags: n.flags })
    .from(n)
    .where(eq(n.ref, ph('ref')))
    .prepare();

export function storeNomination(
  db: Db,
  input: NominationInput,
  /** `lang`: the language of the page the family nominated from (their one mail is written in it) */
  opts: { submissionKey: string; now: number; hashKey: string; lang: Lang },
): StoredNomination {
  const existingByKey = preparedQuery(db, bySubmissionKey);
  const taken = preparedQuery(db, refTaken);
  const insert = preparedQuery(db, insertNomination);

  // IMMEDIATE: take the write lock before reading, so two processes cannot both miss the same key.
  // the privacy flags are found once, here, outside the write lock; the moderation pages read them back
  const privacyFlags = flagsToStore(input.story, input.workerName);
  return db.transaction(
    (): StoredNomination => {
      const existing = existingByKey.get({ submissionKey: opts.submissionKey });
      if (existing) return { id: existing.id, ref: existing.ref, created: false, flags: parseFlags(existing.flags) };

      const hash = storyHash(input.story, opts.hashKey);
      const duplicateOf = findDuplicateOf(db, { areaId: input.area.id, workerName: input.workerName, story: input.story, storyHash: hash });
      const flags: NominationFlag[] = [...findConcerns(input.story), ...(duplicateOf ? (['duplicate'] as const) : [])];
      let ref = newReference();
      while (taken.get({ ref }) !== undefined) ref = newReference(); // 2^65 space: in practice never loops
      const info = insert.run({
        ref,
        submissionKey: opts.submissionKey,
        workerName: input.workerName,
        workerNameKey: nameKey(input.workerName),
        areaId: input.area.id,
        team: input.team,
        relationship: input.relationship,
        qualities: JSON.stringify(input.qualities),
        stillInvolved: input.stillInvolved,
        story: input.story,
        storyHash: hash,
        contactEmail: input.contactEmail,
        notifyPublished: input.notifyPublished && input.contactEmail !== null ? 1 : 0,
        flags: JSON.stringify(flags),
        duplicateOf: duplicateOf ?? null,
        privacyFlags,
        submittedAt: opts.now,
        independent: input.independent,
        lang: opts.lang,
      });
      return { id: Number(info.lastInsertRowid), ref, created: true, flags };
    },
    { behavior: 'immediate' },
  );
}

const FLAGS: readonly string[] = ['safeguarding', 'complaint', 'duplicate'] satisfies NominationFlag[];

/** The stored flags column (JSON written by storeNomination), keeping only flags this code knows. */
function parseFlags(json: string): NominationFlag[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((f): f is NominationFlag => typeof f === 'string' && FLAGS.includes(f)) : [];
}

/** The flags of a nomination by compact reference, or undefined if there is none. */
export function nominationFlagsByRef(db: Db, ref: string): NominationFlag[] | undefined {
  const row = preparedQuery(db, flagsByRef).get({ ref });
  return row ? parseFlags(row.flags) : undefined;
}
