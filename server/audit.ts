// The append-only audit log: who did what, when, and the quote before and after.
// There is deliberately no update or delete here; a trigger refuses them in the database too.
import type { Db } from './db.ts';

export type AuditEntry = {
  at: number;
  /** null for an action by the public (withdrawal) or the system (retention) */
  moderatorId: number | null;
  action: string;
  subjectType:
    | 'nomination' | 'worker' | 'quote' | 'change_request' | 'moderator' | 'session' | 'system'
    | 'worker_account' | 'worker_reply' | 'worker_confirmation' | 'worker_merge' | 'thanks_document';
  subjectId?: number | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
};

const asText = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function audit(db: Db, e: AuditEntry): void {
  db.$client
    .prepare(
      `INSERT INTO audit_log (at, moderator_id, action, subject_type, subject_id, before, after, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.at, e.moderatorId, e.action, e.subjectType, e.subjectId ?? null, asText(e.before), asText(e.after), e.note ?? null);
}
