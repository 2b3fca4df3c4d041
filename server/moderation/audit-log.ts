// Reading the audit log for the moderators' audit page: newest first, filtered, paginated.
// (Writing is server/audit.ts; nothing updates or deletes entries.)
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { auditLog, moderators } from '../../db/schema.ts';
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
  const l = auditLog;
  const where: SQL[] = [];
  if (f.moderatorId === 'system') where.push(isNull(l.moderatorId));
  else if (f.moderatorId !== undefined) where.push(eq(l.moderatorId, f.moderatorId));
  if (f.action) where.push(eq(l.action, f.action));
  const clause = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(l).where(clause).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page), pages);
  const rows = db
    .select({
      id: l.id,
      at: l.at,
      moderatorId: l.moderatorId,
      moderatorEmail: moderators.email,
      action: l.action,
      subjectType: l.subjectType,
      subjectId: l.subjectId,
      before: l.before,
      after: l.after,
      note: l.note,
    })
    .from(l)
    .leftJoin(moderators, eq(moderators.id, l.moderatorId))
    .where(clause)
    .orderBy(desc(l.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, page, pages };
}

/** The actions that have happened, for the filter. */
export function auditActions(db: Db): string[] {
  return db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
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
