// "Check your recommendation": what became of a nomination, found by its reference alone. Only the
// state and general words go out of here: never the story, the email, the moderator or their note.
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { nominations, quotes, withdrawnReferences, workers } from '../../db/schema.ts';
import { REJECT_REASONS, type RejectReason } from '../moderation/decisions.ts';
import { compactReference } from '../nominations/reference.ts';
import { NOT_PUBLISHED_FALLBACK, NOT_PUBLISHED_WORDS, SEND_BACK_FALLBACK, SEND_BACK_REASONS, isSendBackReason } from './reasons.ts';

/** The values of `data-status` on the status page (SPEC, "Families"). */
export const STATUS_STATES = ['waiting', 'checking', 'published', 'not_published', 'sent_back', 'withdrawn'] as const;
export type StatusState = (typeof STATUS_STATES)[number];

export type NominationStatus =
  | { state: 'waiting' | 'checking'; submittedAt: number; resubmitted: boolean }
  | { state: 'published'; publishedAt: number /** null while the profile is not on show */; quoteUrl: string | null }
  | { state: 'not_published'; reason: string; decidedAt: number | null; takenDown: boolean }
  | { state: 'sent_back'; reason: string }
  | { state: 'withdrawn'; withdrawnAt: number };

/** A typed reference in its stored form (any case, spaces and dashes dropped), or undefined when it cannot be one. */
export function referenceOf(typed: string): string | undefined {
  const ref = compactReference(typed);
  // as withdrawal accepts them: references made before the current alphabet are longer
  return ref.length > 0 && ref.length <= 64 && /^[A-Z0-9]+$/.test(ref) ? ref : undefined;
}

/** What a withdrawn reference leaves behind: unkeyed, so it survives a change of the site's secret. */
export function referenceHash(compactRef: string): string {
  return createHash('sha256').update(`reference:${compactRef}`).digest('hex');
}

/** Record a withdrawal's tombstone; call inside the transaction that deletes the nomination. */
export function rememberWithdrawn(db: Db, compactRef: string, now: number): void {
  db.insert(withdrawnReferences)
    .values({ refHash: referenceHash(compactRef), withdrawnAt: now })
    .onConflictDoNothing()
    .run();
}

/** The state of the nomination with this reference (as typed), or undefined if there is none. */
export function nominationStatus(db: Db, typed: string): NominationStatus | undefined {
  const ref = referenceOf(typed);
  if (!ref) return undefined;
  const n = db
    .select({
      status: nominations.status,
      submittedAt: nominations.submittedAt,
      decidedAt: nominations.decidedAt,
      openedAt: nominations.openedAt,
      resubmittedAt: nominations.resubmittedAt,
      rejectReason: nominations.rejectReason,
      sendBackReason: nominations.sendBackReason,
      quoteId: quotes.id,
      publishedAt: quotes.publishedAt,
      unpublishedAt: quotes.unpublishedAt,
      workerSlug: workers.slug,
      workerStatus: workers.status,
    })
    .from(nominations)
    .leftJoin(quotes, eq(quotes.nominationId, nominations.id))
    .leftJoin(workers, eq(workers.id, quotes.workerId))
    .where(eq(nominations.ref, ref))
    .get();
  if (!n) {
    const gone = db
      .select({ withdrawnAt: withdrawnReferences.withdrawnAt })
      .from(withdrawnReferences)
      .where(eq(withdrawnReferences.refHash, referenceHash(ref)))
      .get();
    return gone ? { state: 'withdrawn', withdrawnAt: gone.withdrawnAt } : undefined;
  }
  switch (n.status) {
    case 'pending':
      return { state: n.openedAt === null ? 'waiting' : 'checking', submittedAt: n.submittedAt, resubmitted: n.resubmittedAt !== null };
    case 'sent_back':
      return {
        state: 'sent_back',
        reason: n.sendBackReason && isSendBackReason(n.sendBackReason) ? SEND_BACK_REASONS[n.sendBackReason].family : SEND_BACK_FALLBACK,
      };
    case 'rejected': {
      const key = n.rejectReason ?? '';
      const reason = Object.hasOwn(REJECT_REASONS, key) ? NOT_PUBLISHED_WORDS[key as RejectReason] : NOT_PUBLISHED_FALLBACK;
      return { state: 'not_published', reason, decidedAt: n.decidedAt, takenDown: false };
    }
    case 'approved': {
      if (n.quoteId === null || n.publishedAt === null)
        return { state: 'not_published', reason: NOT_PUBLISHED_FALLBACK, decidedAt: n.decidedAt, takenDown: false };
      if (n.unpublishedAt !== null) {
        return {
          state: 'not_published',
          reason: 'It was on the site, but a moderator has now taken it off.',
          decidedAt: n.unpublishedAt,
          takenDown: true,
        };
      }
      const slug = n.workerStatus === 'published' ? n.workerSlug : null;
      return {
        state: 'published',
        publishedAt: n.publishedAt,
        quoteUrl: slug ? `/workers/${encodeURIComponent(slug)}#quote-${n.quoteId}` : null,
      };
    }
  }
}

/**
 * A moderator opened the nomination for review: from now on the family's status says "being
 * checked". Only the first opening of a pending nomination counts.
 */
export function markOpened(db: Db, nominationId: number, now: number): void {
  db.update(nominations)
    .set({ openedAt: now })
    .where(and(eq(nominations.id, nominationId), eq(nominations.status, 'pending'), isNull(nominations.openedAt)))
    .run();
}
