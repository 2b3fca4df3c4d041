// What admins see of the outbox: kind, status, attempts, times and the last error; never a body, and
// the address masked.
import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { type OUTBOX_STATUSES, outbox } from '../../db/schema.ts';
import { maskAddress } from './privacy.ts';

export type MailSummary = {
  id: number;
  to: string;
  kind: string;
  status: (typeof OUTBOX_STATUSES)[number];
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  sentAt: number | null;
  lastError: string | null;
};

export function recentMail(db: Db, limit = 100): MailSummary[] {
  return db
    .select({
      id: outbox.id,
      to: outbox.toAddress,
      kind: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      createdAt: outbox.createdAt,
      nextAttemptAt: outbox.nextAttemptAt,
      sentAt: outbox.sentAt,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all()
    .map((m) => ({ ...m, to: maskAddress(m.to) }));
}

export function mailCounts(db: Db): Record<MailSummary['status'], number> {
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status).all()) counts[r.status] = r.n;
  return counts;
}

export function failedMailCount(db: Db): number {
  return db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed')).get()?.n ?? 0;
}
