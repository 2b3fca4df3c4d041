// The append-only audit log: who did what, when, and the quote before and after.
// There is deliberately no update or delete here; a trigger refuses them in the database too.
import { auditLog } from '../db/schema.ts';
import type { Db } from './db.ts';

export type AuditEntry = {
  at: number;
  /** null for an action by the public (withdrawal) or the system (retention) */
  moderatorId: number | null;
  action: string;
  subjectType:
    | 'nomination'
    | 'worker'
    | 'quote'
    | 'change_request'
    | 'moderator'
    | 'session'
    | 'system'
    | 'worker_account'
    | 'worker_reply'
    | 'worker_confirmation'
    | 'worker_merge'
    | 'thanks_document';
  subjectId?: number | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
};

const asText = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function audit(db: Db, e: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: e.at,
      moderatorId: e.moderatorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      before: asText(e.before),
      after: asText(e.after),
      note: e.note ?? null,
    })
    .run();
}
