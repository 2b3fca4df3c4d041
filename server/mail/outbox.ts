// The transactional outbox: a mail is queued as a row, in the same transaction as the action that
// causes it, so a rolled-back action sends nothing and a committed one is never lost. The sender
// (server/mail/sender.ts) delivers queued rows.
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from '../../db/schema.ts';
import { outbox } from '../../db/schema.ts';

/** The app's db or a drizzle transaction opened on it (`db.transaction((tx) => queueMail(tx, …))`). */
export type DbOrTx = BaseSQLiteDatabase<'sync', unknown, typeof schema>;

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** what the mail is for: 'worker_sign_in', 'nominator_published', … */
  kind: string;
  /** one mail per cause: a second message with the same key is not queued again */
  dedupeKey?: string;
};

/** Queues one message, due at once. Works inside the caller's transaction. */
export function queueMail(db: DbOrTx, msg: OutgoingMail, now: number): void {
  db.insert(outbox)
    .values({
      toAddress: msg.to,
      subject: msg.subject,
      bodyText: msg.text,
      bodyHtml: msg.html ?? null,
      kind: msg.kind,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      dedupeKey: msg.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .run();
}
