// Delivers the outbox. Each message is claimed with an atomic UPDATE … WHERE status = 'queued', so two
// processes (or the loop and a test's flush) never send one twice; a failure is retried with back-off,
// a refusal that will not change (SMTP 5xx) or the last attempt marks it failed for the admins to see.
//
// Each message is sent at most once: a process killed while a message was on the wire leaves it
// 'sending', and nobody can know whether the mail server had already said "250 OK". Sending it again
// could deliver it twice, so once it is older than any send could last it is marked failed (visible on
// /moderate/mail) instead. A worker whose sign-in link is lost asks for another; a family can always
// check /status with their reference.
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { outbox } from '../../db/schema.ts';
import { maskAddress, safeErrorText } from './privacy.ts';
import { isPermanent, type MailTransport } from './transports.ts';

const MINUTE = 60_000;
/** The wait after the 1st, 2nd, … failed attempt; after the last one the message is failed. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 720].map((m) => m * MINUTE);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A 'sending' row older than this was left by a crash: longer than the SMTP timeouts allow a send to last. */
export const STUCK_AFTER_MS = 5 * MINUTE;
export const INTERRUPTED = 'interrupted while sending (the server stopped): it may or may not have arrived, so it was not sent again';

export type MailLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type SendOutcome = 'sent' | 'retry' | 'failed';
export type DrainResult = Record<SendOutcome, number>;

export type SenderOptions = {
  db: Db;
  transport: MailTransport;
  /** MAIL_FROM */
  from: string;
  /** the domain part of every Message-ID (PUBLIC_URL's host) */
  messageHost: string;
  now: () => number;
  log: MailLog;
};

type OutboxRow = typeof outbox.$inferSelect;

export class MailSender {
  constructor(private readonly o: SenderOptions) {}

  /** Takes the next due message for this process, or undefined when none is due. */
  claimNext(now: number): OutboxRow | undefined {
    const { db } = this.o;
    for (;;) {
      const due = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(1)
        .get();
      if (!due) return undefined;
      const claimed = db
        .update(outbox)
        .set({ status: 'sending', claimedAt: now, attempts: sql`${outbox.attempts} + 1` })
        .where(and(eq(outbox.id, due.id), eq(outbox.status, 'queued')))
        .returning()
        .get();
      if (claimed) return claimed;
      // another process claimed it between the two statements: look again
    }
  }

  /** Sends one due message; undefined when nothing is due. */
  async sendOne(): Promise<SendOutcome | undefined> {
    const row = this.claimNext(this.o.now());
    if (!row) return undefined;
    return this.deliver(row);
  }

  /** Sends every message due now, one at a time, while `goOn()` says so (a closing server stops after the one in flight). */
  async drain(goOn: () => boolean = () => true): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retry: 0, failed: 0 };
    while (goOn()) {
      const outcome = await this.sendOne();
      if (!outcome) break;
      result[outcome]++;
    }
    return result;
  }

  /** Marks messages left 'sending' by a crashed process as failed: whether they arrived is unknown. */
  recoverStuck(now: number): number {
    const { db } = this.o;
    const stuck = db
      .select({ id: outbox.id, toAddress: outbox.toAddress })
      .from(outbox)
      .where(and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, now - STUCK_AFTER_MS)))
      .all();
    for (const r of stuck) {
      db.update(outbox)
        .set({ status: 'failed', lastError: INTERRUPTED, ...forgotten(r.toAddress) })
        .where(and(eq(outbox.id, r.id), eq(outbox.status, 'sending')))
        .run();
    }
    if (stuck.length) this.o.log.warn({ failed: stuck.length }, 'mail: messages interrupted mid-send were marked failed');
    return stuck.length;
  }

  /** Deletes the record of messages sent or failed before `before` (they hold no body or whole address, only times). */
  forgetDone(before: number): number {
    return this.o.db
      .delete(outbox)
      .where(and(inArray(outbox.status, ['sent', 'failed']), lt(outbox.createdAt, before)))
      .run().changes;
  }

  private messageIdOf(row: OutboxRow): string {
    return `<outbox.${row.id}.${row.createdAt.toString(36)}@${this.o.messageHost}>`;
  }

  private async deliver(row: OutboxRow): Promise<SendOutcome> {
    const { db, transport, log } = this.o;
    const mine = and(eq(outbox.id, row.id), eq(outbox.status, 'sending'));
    let delivery: Awaited<ReturnType<MailTransport['deliver']>>;
    try {
      delivery = await transport.deliver({
        from: this.o.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml ?? undefined,
        messageId: this.messageIdOf(row),
      });
    } catch (err) {
      return this.attemptFailed(row, err);
    }
    // Outside the try: if this write fails the row stays 'sending' and is marked failed later, as after a
    // crash, rather than being sent again.
    db.update(outbox)
      .set({ status: 'sent', sentAt: this.o.now(), messageId: delivery.messageId, lastError: null, ...forgotten(row.toAddress) })
      .where(mine)
      .run();
    if (delivery.path)
      log.info({ mailId: row.id, kind: row.kind, messageId: delivery.messageId, path: delivery.path }, 'mail written to file');
    else log.info({ mailId: row.id, kind: row.kind, messageId: delivery.messageId }, 'mail sent');
    return 'sent';
  }

  private attemptFailed(row: OutboxRow, err: unknown): SendOutcome {
    const { db, log } = this.o;
    const mine = and(eq(outbox.id, row.id), eq(outbox.status, 'sending'));
    const error = safeErrorText(err, row.toAddress);
    if (isPermanent(err) || row.attempts >= MAX_ATTEMPTS) {
      db.update(outbox)
        .set({ status: 'failed', lastError: error, ...forgotten(row.toAddress) })
        .where(mine)
        .run();
      log.error({ mailId: row.id, kind: row.kind, attempts: row.attempts, error }, 'mail failed');
      return 'failed';
    }
    const retryAt = this.o.now() + RETRY_DELAYS_MS[row.attempts - 1]!;
    db.update(outbox).set({ status: 'queued', nextAttemptAt: retryAt, lastError: error }).where(mine).run();
    log.warn(
      { mailId: row.id, kind: row.kind, attempts: row.attempts, retryAt: new Date(retryAt).toISOString(), error },
      'mail will be retried',
    );
    return 'retry';
  }
}

/** Once a message is done with (sent or failed) the outbox keeps no body and only the masked address. */
function forgotten(toAddress: string) {
  return { toAddress: maskAddress(toAddress), bodyText: '', bodyHtml: null };
}
