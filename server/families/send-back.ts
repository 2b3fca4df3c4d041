// Sending a story back: a moderator asks the family to change it (a reason from a list), the family
// finds it with their reference, edits the story and sends it again. It goes back into the queue with
// the same reference; the edited story replaces the old one (never both kept). Each step is one
// transaction that only succeeds from the right state.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { nominations } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { ConflictError, InvalidError, NotFoundError } from '../errors.ts';
import { findConcerns } from '../nominations/concerns.ts';
import { findDuplicateOf, storyHash } from '../nominations/duplicates.ts';
import { checkStory } from '../nominations/form.ts';
import type { NominationFlag } from '../nominations/store.ts';
import { isSendBackReason } from './reasons.ts';
import { referenceOf } from './status.ts';
import { flagsToStore } from '../privacy/stored.ts';

export const SEND_BACK_MESSAGES = {
  reason: 'Choose why you are sending it back',
} as const;

export type SendBackInput = { nominationId: number; moderatorId: number; reason: unknown; now: number };

/** A moderator sends a pending nomination back. Throws InvalidError, NotFoundError, or ConflictError (not pending). */
export function sendBack(db: Db, input: SendBackInput): void {
  const reason = typeof input.reason === 'string' ? input.reason : '';
  if (!isSendBackReason(reason)) throw new InvalidError([{ field: 'send_back_reason', message: SEND_BACK_MESSAGES.reason }]);
  db.transaction(
    (tx) => {
      const claimed = tx
        .update(nominations)
        // decided_at starts the retention clock: a story that is never edited is deleted on the usual schedule
        .set({ status: 'sent_back', sendBackReason: reason, decidedAt: input.now, decidedBy: input.moderatorId })
        .where(and(eq(nominations.id, input.nominationId), eq(nominations.status, 'pending')))
        .run().changes;
      if (claimed === 0) throw notPendingError(tx, input.nominationId);
      audit(db, {
        at: input.now,
        moderatorId: input.moderatorId,
        action: 'nomination.sent_back',
        subjectType: 'nomination',
        subjectId: input.nominationId,
        before: { status: 'pending' },
        after: { status: 'sent_back', reason },
      });
    },
    { behavior: 'immediate' },
  );
}

function notPendingError(db: Pick<Db, 'select'>, id: number): Error {
  const now = db.select({ status: nominations.status }).from(nominations).where(eq(nominations.id, id)).get();
  return now ? new ConflictError('already decided', { status: now.status }) : new NotFoundError();
}

/** The nomination waiting for the family's edit, found by its reference. */
function sentBackByRef(db: Pick<Db, 'select'>, typedRef: string) {
  const ref = referenceOf(typedRef);
  const n = ref
    ? db
        .select({
          id: nominations.id,
          ref: nominations.ref,
          status: nominations.status,
          story: nominations.story,
          areaId: nominations.areaId,
          workerName: nominations.workerName,
        })
        .from(nominations)
        .where(eq(nominations.ref, ref))
        .get()
    : undefined;
  if (!n) throw new NotFoundError('no nomination with that reference');
  if (n.status !== 'sent_back') throw new ConflictError('not sent back', { status: n.status });
  return n;
}

/** The story as it stands, for the edit page. Throws NotFoundError or ConflictError (not sent back). */
export function storyToEdit(db: Db, typedRef: string): { ref: string; story: string } {
  const n = sentBackByRef(db, typedRef);
  return { ref: n.ref, story: n.story ?? '' };
}

export type ResubmitInput = { reference: string; story: unknown; now: number; hashKey: string };

/**
 * The family sends the edited story. It replaces the old one, the concern and duplicate flags are
 * worked out again, and the nomination waits in the queue as new. Throws InvalidError (the story
 * breaks the form's rule), NotFoundError, or ConflictError (it is not waiting for an edit).
 */
export function resubmit(db: Db, input: ResubmitInput): { nominationId: number; flags: NominationFlag[] } {
  const checked = checkStory(input.story);
  if (!checked.ok) throw new InvalidError([{ field: 'story', message: checked.message }]);
  const story = checked.story;
  return db.transaction(
    (tx) => {
      const n = sentBackByRef(tx, input.reference);
      const hash = storyHash(story, input.hashKey);
      // Clear this row's own link first, then look for an earlier telling that is not this one.
      tx.update(nominations).set({ duplicateOf: null, storyHash: hash }).where(eq(nominations.id, n.id)).run();
      const duplicateOf = findDuplicateOf(db, { areaId: n.areaId, workerName: n.workerName, story, storyHash: hash });
      const dup = duplicateOf === n.id ? undefined : duplicateOf;
      const flags: NominationFlag[] = [...findConcerns(story), ...(dup ? (['duplicate'] as const) : [])];
      const changed = tx
        .update(nominations)
        .set({
          story,
          storyHash: hash,
          flags: JSON.stringify(flags),
          duplicateOf: dup ?? null,
          privacyFlags: flagsToStore(story, n.workerName),
          status: 'pending',
          decidedAt: null,
          decidedBy: null,
          openedAt: null,
          resubmittedAt: input.now,
        })
        .where(and(eq(nominations.id, n.id), eq(nominations.status, 'sent_back')))
        .run().changes;
      if (changed === 0) throw new ConflictError('not sent back');
      audit(db, {
        at: input.now,
        moderatorId: null,
        action: 'nomination.resubmitted',
        subjectType: 'nomination',
        subjectId: n.id,
        before: { status: 'sent_back' },
        after: { status: 'pending', flags },
        note: 'The nominator edited their story with their reference and sent it again',
      });
      return { nominationId: n.id, flags };
    },
    { behavior: 'immediate' },
  );
}
