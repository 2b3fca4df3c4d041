// Hidden profiles: the ones a change request hid, and putting one back (the worker asked, or it
// was hidden by mistake). Unhiding is one guarded transaction with an audit entry giving why.
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { areas, auditLog, moderators, workers } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { audit } from '../audit.ts';
import { ConflictError, type FieldError } from '../errors.ts';
import { textOf } from './decisions.ts';
import { workerSummaryColumns, type WorkerSummary } from '../workers/summary.ts';

export type HiddenProfile = WorkerSummary & { hiddenAt: number | null; hiddenByEmail: string | null };

export function listHiddenProfiles(db: Db): HiddenProfile[] {
  const lastHidden = db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'worker.hidden'), eq(auditLog.subjectType, 'worker'), eq(auditLog.subjectId, workers.id)));
  return db
    .select({ ...workerSummaryColumns, hiddenAt: auditLog.at, hiddenByEmail: moderators.email })
    .from(workers)
    .innerJoin(areas, eq(areas.id, workers.areaId))
    .leftJoin(auditLog, eq(auditLog.id, sql`(${lastHidden})`))
    .leftJoin(moderators, eq(moderators.id, auditLog.moderatorId))
    .where(eq(workers.status, 'hidden'))
    .orderBy(desc(sql`COALESCE(${auditLog.at}, ${workers.updatedAt})`), desc(workers.id))
    .all();
}

export const REASON_MAX = 500;

/** Publish a hidden profile again. `reason` is required: the audit log says why it came back. */
export function unhideProfile(
  db: Db,
  input: { workerId: number; moderatorId: number; reason: string; now: number },
): { ok: true } | { ok: false; errors: FieldError[] } {
  const reason = textOf(input.reason);
  const field = `reason-${input.workerId}`;
  if (!reason) return { ok: false, errors: [{ field, message: 'Say why this profile can be shown again' }] };
  if ([...reason].length > REASON_MAX)
    return { ok: false, errors: [{ field, message: `Keep the reason to ${REASON_MAX} characters or fewer` }] };
  db.transaction(
    (tx) => {
      const changed = tx
        .update(workers)
        .set({ status: 'published', updatedAt: input.now })
        .where(and(eq(workers.id, input.workerId), eq(workers.status, 'hidden')))
        .run();
      if (changed.changes !== 1) throw new ConflictError(`worker ${input.workerId} is not hidden`);
      audit(db, {
        at: input.now,
        moderatorId: input.moderatorId,
        action: 'worker.unhidden',
        subjectType: 'worker',
        subjectId: input.workerId,
        before: { status: 'hidden' },
        after: { status: 'published' },
        note: reason,
      });
    },
    { behavior: 'immediate' },
  );
  return { ok: true };
}
