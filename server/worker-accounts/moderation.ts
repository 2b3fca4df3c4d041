// What the moderators do for named workers: confirm a worker by hand (the address did not match the
// authority's domains), and merge two profiles of one worker. Every decision is audited.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import {
  changeRequests,
  nominations,
  quotes,
  thanksDocuments,
  workerAccountProfiles,
  workerConfirmationRequests,
  workerMergeRequests,
  workerRegistrations,
  workerReplies,
  workerSlugRedirects,
  workers,
} from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { ConflictError, InvalidError, NotFoundError } from '../errors.ts';
import { issueSignInLink } from './claim.ts';
import { findOrCreateAccount } from './sign-in.ts';
import type { OwnedProfile } from './profiles.ts';
import { WORKER_MESSAGES } from './messages.ts';

export type PendingConfirmation = { id: number; workerId: number; note: string; submittedAt: number; emailDomain: string };

export function pendingConfirmations(db: Db, limit = 100): PendingConfirmation[] {
  return (
    db
      .select({
        id: workerConfirmationRequests.id,
        workerId: workerConfirmationRequests.workerId,
        note: workerConfirmationRequests.note,
        submittedAt: workerConfirmationRequests.submittedAt,
        email: workerConfirmationRequests.email,
      })
      .from(workerConfirmationRequests)
      .where(eq(workerConfirmationRequests.status, 'pending'))
      .orderBy(workerConfirmationRequests.submittedAt, workerConfirmationRequests.id)
      .limit(limit)
      .all()
      // the moderator sees the address's domain (an agency, another council), not the address itself
      .map(({ email, ...r }) => ({ ...r, emailDomain: email?.slice(email.lastIndexOf('@') + 1) ?? '' }))
  );
}

/** Confirm (link the profile to the address's account and mail a sign-in link) or decline. The address is deleted either way. */
export function decideConfirmation(
  db: Db,
  input: { id: number; moderatorId: number; confirm: boolean; now: number; publicUrl: string },
): number {
  const { id, now } = input;
  return db.$client.transaction(() => {
    const r = db.select().from(workerConfirmationRequests).where(eq(workerConfirmationRequests.id, id)).get();
    if (!r) throw new NotFoundError();
    if (r.status !== 'pending' || !r.email) throw new ConflictError('already decided', r.status);
    if (input.confirm) {
      const holder = db
        .select({ accountId: workerAccountProfiles.accountId })
        .from(workerAccountProfiles)
        .where(eq(workerAccountProfiles.workerId, r.workerId))
        .get();
      const accountId = findOrCreateAccount(db, r.email, now);
      if (holder && holder.accountId !== accountId) throw new ConflictError('profile already confirmed by another worker');
      if (!holder) {
        db.insert(workerAccountProfiles).values({ accountId, workerId: r.workerId, confirmedAt: now, confirmedBy: 'moderator' }).run();
        db.update(workers).set({ updatedAt: now }).where(eq(workers.id, r.workerId)).run();
      }
      // in the language of the page the worker asked from
      issueSignInLink(db, { workerId: r.workerId, email: r.email, via: 'moderator', now, publicUrl: input.publicUrl, lang: r.lang });
      audit(db, {
        at: now,
        moderatorId: input.moderatorId,
        action: 'worker.confirmed',
        subjectType: 'worker',
        subjectId: r.workerId,
        after: { account: accountId, by: 'moderator', request: id },
      });
    }
    db.update(workerConfirmationRequests)
      .set({ status: input.confirm ? 'done' : 'declined', email: null, decidedAt: now, decidedBy: input.moderatorId })
      .where(eq(workerConfirmationRequests.id, id))
      .run();
    audit(db, {
      at: now,
      moderatorId: input.moderatorId,
      action: input.confirm ? 'worker_confirmation.confirmed' : 'worker_confirmation.declined',
      subjectType: 'worker_confirmation',
      subjectId: id,
    });
    return r.workerId;
  })();
}

/** A worker asks for one of their profiles to be merged into another of theirs. */
export function requestMerge(
  db: Db,
  input: { accountId: number; from: OwnedProfile; into: OwnedProfile; note: string; now: number },
): number {
  if (input.from.id === input.into.id) throw new InvalidError([{ field: 'into', message: WORKER_MESSAGES.mergeSame }]);
  return db.$client.transaction(() => {
    const open = db
      .select({ id: workerMergeRequests.id })
      .from(workerMergeRequests)
      .where(and(eq(workerMergeRequests.status, 'pending'), inArray(workerMergeRequests.fromWorkerId, [input.from.id, input.into.id])))
      .get();
    if (open) throw new InvalidError([{ field: 'from', message: WORKER_MESSAGES.mergeWaiting }]);
    const id = Number(
      db
        .insert(workerMergeRequests)
        .values({
          accountId: input.accountId,
          fromWorkerId: input.from.id,
          intoWorkerId: input.into.id,
          note: input.note,
          submittedAt: input.now,
        })
        .run().lastInsertRowid,
    );
    audit(db, {
      at: input.now,
      moderatorId: null,
      action: 'worker.merge_requested',
      subjectType: 'worker_merge',
      subjectId: id,
      after: { from: input.from.id, into: input.into.id },
      note: `by the worker (account ${input.accountId})`,
    });
    return id;
  })();
}

export type PendingMerge = { id: number; fromWorkerId: number; intoWorkerId: number; note: string; submittedAt: number };

export function pendingMerges(db: Db, limit = 100): PendingMerge[] {
  return db
    .select({
      id: workerMergeRequests.id,
      fromWorkerId: workerMergeRequests.fromWorkerId,
      intoWorkerId: workerMergeRequests.intoWorkerId,
      note: workerMergeRequests.note,
      submittedAt: workerMergeRequests.submittedAt,
    })
    .from(workerMergeRequests)
    .where(eq(workerMergeRequests.status, 'pending'))
    .orderBy(workerMergeRequests.submittedAt, workerMergeRequests.id)
    .limit(limit)
    .all();
}

/**
 * Merge: every quote and nomination of the old profile moves to the kept one (the profile then
 * lists the areas its recommendations came from); the old slug and the old profile's redirects
 * answer 301 to the kept profile; the old row stays, hidden, for the record.
 * Returns both workers' ids (both changed).
 */
export function decideMerge(db: Db, input: { id: number; moderatorId: number; merge: boolean; now: number }): number[] {
  const { id, now } = input;
  return db.$client.transaction(() => {
    const m = db.select().from(workerMergeRequests).where(eq(workerMergeRequests.id, id)).get();
    if (!m) throw new NotFoundError();
    if (m.status !== 'pending') throw new ConflictError('already decided', m.status);
    db.update(workerMergeRequests)
      .set({ status: input.merge ? 'done' : 'declined', decidedAt: now, decidedBy: input.moderatorId })
      .where(eq(workerMergeRequests.id, id))
      .run();
    audit(db, {
      at: now,
      moderatorId: input.moderatorId,
      action: input.merge ? 'worker_merge.merged' : 'worker_merge.declined',
      subjectType: 'worker_merge',
      subjectId: id,
      after: { from: m.fromWorkerId, into: m.intoWorkerId },
    });
    if (!input.merge) return [];
    const from = db.select().from(workers).where(eq(workers.id, m.fromWorkerId)).get()!;
    const into = db.select().from(workers).where(eq(workers.id, m.intoWorkerId)).get()!;
    db.update(quotes).set({ workerId: into.id }).where(eq(quotes.workerId, from.id)).run();
    db.update(nominations).set({ workerId: into.id }).where(eq(nominations.workerId, from.id)).run();
    db.update(changeRequests).set({ workerId: into.id }).where(eq(changeRequests.workerId, from.id)).run();
    db.update(thanksDocuments).set({ workerId: into.id }).where(eq(thanksDocuments.workerId, from.id)).run();
    db.update(workerReplies)
      .set({ status: 'removed', decidedAt: now })
      .where(and(eq(workerReplies.workerId, from.id), inArray(workerReplies.status, ['pending', 'published'])))
      .run();
    db.delete(workerRegistrations).where(eq(workerRegistrations.workerId, from.id)).run();
    db.delete(workerAccountProfiles).where(eq(workerAccountProfiles.workerId, from.id)).run();
    db.update(workerSlugRedirects).set({ workerId: into.id }).where(eq(workerSlugRedirects.workerId, from.id)).run();
    db.update(workers)
      .set({ slug: `merged-${from.id}-into-${into.id}`, status: 'hidden', updatedAt: now })
      .where(eq(workers.id, from.id))
      .run();
    // a first-name or private profile's slug must not lead anywhere: it answers 404 like an unknown one
    if (from.display === 'full')
      db.insert(workerSlugRedirects)
        .values({ oldSlug: from.slug, workerId: into.id })
        .onConflictDoUpdate({ target: workerSlugRedirects.oldSlug, set: { workerId: into.id } })
        .run();
    db.update(workers).set({ updatedAt: now }).where(eq(workers.id, into.id)).run();
    audit(db, {
      at: now,
      moderatorId: input.moderatorId,
      action: 'worker.merged',
      subjectType: 'worker',
      subjectId: into.id,
      before: { from: from.id, slug: from.slug },
      after: { into: into.id, slug: into.slug },
    });
    return [from.id, into.id];
  })();
}
