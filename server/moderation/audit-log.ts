// Reading the audit log for the moderators' audit page: newest first, filtered, paginated.
// (Writing is server/audit.ts; nothing updates or deletes entries.)
import type { Db } from '../db.ts';

export type AuditRow = {
  id: number;
  at: number;
  moderatorId: number | null;
  moderatorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: number | null;
  before: string | null;
  after: string | null;
  note: string | null;
};

export type AuditFilter = { moderatorId?: number | 'system'; action?: string; page: number };
export const AUDIT_PAGE_SIZE = 50;

export function readAudit(db: Db, f: AuditFilter): { rows: AuditRow[]; total: number; page: number; pages: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.moderatorId === 'system') where.push('l.moderator_id IS NULL');
  else if (f.moderatorId !== undefined) {
    where.push('l.moderator_id = ?');
    params.push(f.moderatorId);
  }
  if (f.action) {
    where.push('l.action = ?');
    params.push(f.action);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sqlite = db.$client;
  const total = sqlite.prepare(`SELECT COUNT(*) FROM audit_log l ${clause}`).pluck().get(...params) as number;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page), pages);
  const rows = sqlite
    .prepare(
      `SELECT l.id, l.at, l.moderator_id AS moderatorId, m.email AS moderatorEmail, l.action, l.subject_type AS subjectType,
              l.subject_id AS subjectId, l.before, l.after, l.note
         FROM audit_log l LEFT JOIN moderators m ON m.id = l.moderator_id
         ${clause} ORDER BY l.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE) as AuditRow[];
  return { rows, total, page, pages };
}

/** The actions that have happened, for the filter. */
export function auditActions(db: Db): string[] {
  return db.$client.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[];
}

/** A stored before/after value as readable lines ("quote: …"), for the audit page. */
export function describe(value: string | null): { key: string; value: string }[] {
  if (value === null) return [];
  try {
    const v = JSON.parse(value) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.entries(v as Record<string, unknown>).map(([key, x]) => ({
        key,
        value: x === null ? '—' : typeof x === 'string' ? x : JSON.stringify(x),
      }));
    }
    return [{ key: '', value: typeof v === 'string' ? v : JSON.stringify(v) }];
  } catch {
    return [{ key: '', value }];
  }
}
