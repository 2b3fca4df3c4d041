// Withdrawal by reference: the nomination is deleted (its quote goes with it, by cascade) and the
// audit log records that something was withdrawn, never what it said. A tombstone (the reference's
// hash and the time) lets the status page answer "withdrawn".
import { eq } from 'drizzle-orm';
import { nominations, quotes } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { audit } from '../audit.ts';
import { compactReference } from './reference.ts';
import { rememberWithdrawn } from '../families/status.ts';

export type Withdrawal =
  | { withdrawn: false }
  | {
      withdrawn: true;
      nominationId: number /** the profile it was attached to (approved), whose counts change */;
      workerId: number | null;
      wasLive: boolean;
    };

export function withdrawNomination(db: Db, typedReference: string, now: number): Withdrawal {
  const ref = compactReference(typedReference);
  if (!ref || ref.length > 64) return { withdrawn: false };
  return db.transaction(
    (tx): Withdrawal => {
      const n = tx
        .select({
          id: nominations.id,
          status: nominations.status,
          workerId: nominations.workerId,
          quoteId: quotes.id,
          unpublishedAt: quotes.unpublishedAt,
        })
        .from(nominations)
        .leftJoin(quotes, eq(quotes.nominationId, nominations.id))
        .where(eq(nominations.ref, ref))
        .get();
      if (!n) return { withdrawn: false };
      const wasLive = n.quoteId !== null && n.unpublishedAt === null;
      tx.delete(nominations).where(eq(nominations.id, n.id)).run();
      rememberWithdrawn(db, ref, now); // only the reference's hash and the time, for the status page
      audit(db, {
        at: now,
        moderatorId: null,
        action: 'nomination.withdrawn',
        subjectType: 'nomination',
        subjectId: n.id,
        before: { status: n.status, workerId: n.workerId, quoteId: n.quoteId, quoteWasLive: wasLive },
        note: 'Withdrawn by the nominator with their reference',
      });
      return { withdrawn: true, nominationId: n.id, workerId: n.workerId, wasLive };
    },
    { behavior: 'immediate' },
  );
}
