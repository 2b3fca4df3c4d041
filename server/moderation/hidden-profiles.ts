// Hidden profiles: the ones a change request hid, and putting one back (the worker asked, or it
// was hidden by mistake). Unhiding is one guarded transaction with an audit entry giving why.
import type { Db } from '../db.ts';
import { audit } from '../audit.ts';
import { ConflictError, type FieldError } from '../errors.ts';
import { textOf } from './decisions.ts';
import { WORKER_COLUMNS, type WorkerSummary } from './change-requests.ts';

export type HiddenProfile = WorkerSummary & { hiddenAt: number | null; hiddenByEmail: string | null };

export function listHiddenProfiles(db: Db): HiddenProfile[] {
  return db.$client
    .prepare(
      `SELECT ${WORKER_COLUMNS}, h.at AS hiddenAt, m.email AS hiddenByEmail
         FROM workers w
         JOIN areas a ON a.id = w.area_id
         LEFT JOIN audit_log h ON h.id = (SELECT MAX(id) FROM audit_log WHERE action = 'worker.hidden' AND subject_type = 'worker' AND subject_id = w.id)
         LEFT JOIN moderators m ON m.id = h.moderator_id
        WHERE w.status = 'hidden'
        ORDER BY COALESCE(h.at, w.updated_at) DESC, w.id DESC`,
    )
    .all() as HiddenProfile[];
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
  if ([...reason].length > REASON_MAX) return { ok: false, errors: [{ field, message: `Keep the reason to ${REASON_MAX} characters or fewer` }] };
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const changed = sqlite.prepare(`UPDATE workers SET status = 'published', updated_at = ? WHERE id = ? AND status = 'hidden'`).run(input.now, input.workerId);
    if (changed.changes !== 1) throw new ConflictError(`worker ${input.workerId} is not hidden`);
    audit(db, {
      at: input.now, moderatorId: input.moderatorId, action: 'worker.unhidden', subjectType: 'worker', subjectId: input.workerId,
      before: { status: 'hidden' }, after: { status: 'published' }, note: reason,
    });
  }).immediate();
  return { ok: true };
}
