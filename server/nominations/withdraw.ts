// Withdrawal by reference: the nomination is deleted (its quote goes with it, by cascade) and the
// audit log records that something was withdrawn, never what it said. A tombstone (the reference's
// hash and the time) lets the status page answer "withdrawn".
import type { Db } from '../db.ts';
import { audit } from '../audit.ts';
import { compactReference } from './reference.ts';
import { rememberWithdrawn } from '../families/status.ts';

export type Withdrawal =
  | { withdrawn: false }
  | { withdrawn: true; nominationId: number; /** the profile it was attached to (approved), whose counts change */ workerId: number | null; wasLive: boolean };

export function withdrawNomination(db: Db, typedReference: string, now: number): Withdrawal {
  const ref = compactReference(typedReference);
  if (!ref || ref.length > 64) return { withdrawn: false };
  const sqlite = db.$client;
  return sqlite
    .transaction((): Withdrawal => {
      const n = sqlite
        .prepare(
          `SELECT n.id, n.status, n.worker_id AS workerId, q.id AS quoteId, q.unpublished_at AS unpublishedAt
             FROM nominations n LEFT JOIN quotes q ON q.nomination_id = n.id
            WHERE n.ref = ?`,
        )
        .get(ref) as { id: number; status: string; workerId: number | null; quoteId: number | null; unpublishedAt: number | null } | undefined;
      if (!n) return { withdrawn: false };
      const wasLive = n.quoteId !== null && n.unpublishedAt === null;
      sqlite.prepare('DELETE FROM nominations WHERE id = ?').run(n.id);
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
    })
    .immediate();
}
