// A worker's public reply on their profile: moderated like a quote before it shows; editable (the
// new text waits for a moderator while the published one stays) and removable at once.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { workerReplies, workers } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { ConflictError, InvalidError } from '../errors.ts';
import { charCount, cleanMultiline } from '../text.ts';
import { WORKER_LIMITS, WORKER_MESSAGES } from './messages.ts';

export const REPLY_MAX = WORKER_LIMITS.replyMax;

/** The reply as it will be stored, or InvalidError. '' means "remove my reply". */
export function cleanReply(raw: string): string {
  const text = cleanMultiline(raw).trim();
  const n = charCount(text);
  if (n > REPLY_MAX)
    throw new InvalidError([{ field: 'reply', message: `${WORKER_MESSAGES.replyLong}. You have written ${n.toLocaleString('en-GB')}.` }]);
  return text;
}

/** Returns what happened: 'removed' (takes effect at once) or 'sent' (waits for a moderator). */
export function submitReply(db: Db, input: { accountId: number; workerId: number; text: string; now: number }): 'removed' | 'sent' {
  const { workerId, now } = input;
  return db.$client.transaction(() => {
    const waiting = and(eq(workerReplies.workerId, workerId), eq(workerReplies.status, 'pending'));
    if (input.text === '') {
      const gone = db
        .update(workerReplies)
        .set({ status: 'removed', decidedAt: now })
        .where(and(eq(workerReplies.workerId, workerId), inArray(workerReplies.status, ['pending', 'published'])))
        .run().changes;
      db.update(workers).set({ updatedAt: now }).where(eq(workers.id, workerId)).run();
      if (gone)
        audit(db, {
          at: now,
          moderatorId: null,
          action: 'worker.reply_removed',
          subjectType: 'worker',
          subjectId: workerId,
          note: `by the worker (account ${input.accountId})`,
        });
      return 'removed';
    }
    db.update(workerReplies).set({ status: 'replaced', decidedAt: now }).where(waiting).run();
    const id = Number(
      db.insert(workerReplies).values({ workerId, accountId: input.accountId, text: input.text, submittedAt: now }).run().lastInsertRowid,
    );
    audit(db, {
      at: now,
      moderatorId: null,
      action: 'worker.reply_sent',
      subjectType: 'worker_reply',
      subjectId: id,
      after: { reply: input.text },
      note: `by the worker (account ${input.accountId})`,
    });
    return 'sent';
  })();
}

export type PendingReply = { id: number; workerId: number; text: string; submittedAt: number };

export function pendingReplies(db: Db, limit = 100): PendingReply[] {
  return db
    .select({ id: workerReplies.id, workerId: workerReplies.workerId, text: workerReplies.text, submittedAt: workerReplies.submittedAt })
    .from(workerReplies)
    .where(eq(workerReplies.status, 'pending'))
    .orderBy(workerReplies.submittedAt, workerReplies.id)
    .limit(limit)
    .all();
}

/** A moderator's decision on a waiting reply; ConflictError when it is no longer waiting. Returns the worker's id. */
export function decideReply(db: Db, input: { id: number; moderatorId: number; approve: boolean; reason: string; now: number }): number {
  const { id, now } = input;
  return db.$client.transaction(() => {
    const reply = db.select().from(workerReplies).where(eq(workerReplies.id, id)).get();
    if (!reply) throw new ConflictError('unknown');
    if (reply.status !== 'pending') throw new ConflictError('already decided', reply.status);
    if (input.approve) {
      db.update(workerReplies)
        .set({ status: 'replaced', decidedAt: now })
        .where(and(eq(workerReplies.workerId, reply.workerId), eq(workerReplies.status, 'published')))
        .run();
    }
    db.update(workerReplies)
      .set({
        status: input.approve ? 'published' : 'rejected',
        decidedAt: now,
        decidedBy: input.moderatorId,
        rejectReason: input.approve ? null : input.reason || null,
      })
      .where(eq(workerReplies.id, id))
      .run();
    db.update(workers).set({ updatedAt: now }).where(eq(workers.id, reply.workerId)).run();
    audit(db, {
      at: now,
      moderatorId: input.moderatorId,
      action: input.approve ? 'worker_reply.approved' : 'worker_reply.rejected',
      subjectType: 'worker_reply',
      subjectId: id,
      after: { reply: reply.text },
      note: input.approve ? null : input.reason || null,
    });
    return reply.workerId;
  })();
}

/** The published reply shown on the public profile, or null. */
export function publishedReply(db: Db, workerId: number): string | null {
  return (
    db
      .select({ text: workerReplies.text })
      .from(workerReplies)
      .where(and(eq(workerReplies.workerId, workerId), eq(workerReplies.status, 'published')))
      .get()?.text ?? null
  );
}
