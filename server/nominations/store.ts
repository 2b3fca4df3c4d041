// Storing a confirmed nomination: one immediate transaction, committed before the family is told
// it was received. A repeated confirmation (same submission key) returns the first one's reference.
import type { Db } from '../db.ts';
import type { NominationInput } from './form.ts';
import { findConcerns } from './concerns.ts';
import { findDuplicateOf, nameKey, storyHash } from './duplicates.ts';
import { newReference } from './reference.ts';
import { prepared } from '../statements.ts';

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

export function storeNomination(
  db: Db,
  input: NominationInput,
  opts: { submissionKey: string; now: number; hashKey: string },
): StoredNomination {
  const sqlite = db.$client;
  const bySubmissionKey = prepared(sqlite, 'SELECT id, ref, flags FROM nominations WHERE submission_key = ?');
  const refTaken = prepared(sqlite, 'SELECT 1 FROM nominations WHERE ref = ? LIMIT 1');
  const insert = prepared(
    sqlite,
    `INSERT INTO nominations (ref, submission_key, status, worker_name, worker_name_key, area_id, team, relationship, qualities,
                              still_involved, story, story_hash, contact_email, notify_published, flags, duplicate_of, submitted_at)
     VALUES (@ref, @submissionKey, 'pending', @workerName, @workerNameKey, @areaId, @team, @relationship, @qualities,
             @stillInvolved, @story, @storyHash, @contactEmail, @notifyPublished, @flags, @duplicateOf, @submittedAt)`,
  );

  const run = sqlite.transaction((): StoredNomination => {
    const existing = bySubmissionKey.get(opts.submissionKey) as { id: number; ref: string; flags: string } | undefined;
    if (existing) return { id: existing.id, ref: existing.ref, created: false, flags: JSON.parse(existing.flags) };

    const hash = storyHash(input.story, opts.hashKey);
    const duplicateOf = findDuplicateOf(sqlite, { areaId: input.area.id, workerName: input.workerName, story: input.story, storyHash: hash });
    const flags: NominationFlag[] = [...findConcerns(input.story), ...(duplicateOf ? (['duplicate'] as const) : [])];
    let ref = newReference();
    while (refTaken.get(ref) !== undefined) ref = newReference(); // 2^65 space: in practice never loops
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
      submittedAt: opts.now,
    });
    return { id: Number(info.lastInsertRowid), ref, created: true, flags };
  });
  // IMMEDIATE: take the write lock before reading, so two processes cannot both miss the same key.
  return run.immediate();
}

/** The flags of a nomination by compact reference, or undefined if there is none. */
export function nominationFlagsByRef(db: Db, ref: string): NominationFlag[] | undefined {
  const row = db.$client.prepare('SELECT flags FROM nominations WHERE ref = ?').get(ref) as { flags: string } | undefined;
  return row ? (JSON.parse(row.flags) as NominationFlag[]) : undefined;
}
