// A moderator's decision on a nomination: approve (publish an anonymised quote on a new or existing
// profile) or reject. Each decision is one transaction that only succeeds while the nomination is
// still pending, so of two moderators deciding at once the second is told it was already decided.
import { and, eq } from 'drizzle-orm';
import { nominations, quotes, workers } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { audit } from '../audit.ts';
import { ConflictError, NotFoundError, type FieldError } from '../errors.ts';
import { findFlags, suggestQuote, type Flag } from '../privacy/index.ts';
import { currentFlags } from './privacy-flags.ts';
import { charCount, cleanLine, cleanMultiline } from '../text.ts';
import { workerNameProblem } from '../workers/name.ts';
import { uniqueWorkerSlug } from '../workers/slug.ts';
import { getNomination, type NominationRow } from './review.ts';
import { queueMail } from '../mail/outbox.ts';
import { nominatorPublishedMail } from '../mail/messages.ts';

export const QUOTE_MIN = 10;
export const QUOTE_MAX = 1500;

export const REJECT_REASONS = {
  not_about_worker: 'Not about a social worker, or not a recommendation',
  identifying: 'Cannot be anonymised without losing its meaning',
  complaint_or_concern: 'A complaint or a safeguarding concern, not a recommendation',
  duplicate: 'A duplicate of another nomination',
  spam: 'Spam or abuse',
  other: 'Another reason (say in the note)',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export type { FieldError } from '../errors.ts';

/** A nomination that is no longer pending: the 409's detail is the nomination as it now stands. */
const alreadyDecided = (nomination: NominationRow) => new ConflictError('already decided', nomination);

const chars = charCount;
const asString = (v: unknown): string => (typeof v === 'string' ? v : '');
/** A moderator's one-line answer (a name, an area, a team), through the one cleaner. */
export const lineOf = (v: unknown): string => cleanLine(asString(v));
/** A moderator's free text (a quote, a note, a reason), through the one cleaner. */
export const textOf = (v: unknown): string => cleanMultiline(asString(v));

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text flagged in the story that is still in the quote (whole words, any case). */
export function leftoverFlaggedText(quote: string, storyFlags: Flag[]): Flag[] {
  const seen = new Set<string>();
  const out: Flag[] = [];
  for (const f of storyFlags) {
    const text = f.text.trim();
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'iu').test(quote)) out.push(f);
  }
  return out;
}

/**
 * Everything in a quote that may still identify someone: text flagged in the story, plus anything the
 * detector finds in the quote itself. A name is only reported if it is not the worker's name as
 * nominated or as published.
 */
export function quotePrivacyProblems(
  quote: string,
  story: string,
  nominatedName: string,
  publishedName: string,
  /** the story's flags if the caller already has them (findFlags(story, nominatedName)) */
  storyFlags: Flag[] = story ? findFlags(story, nominatedName) : [],
): Flag[] {
  // only sure (redact) flags: check flags are the moderator's to resolve one by one (uncheckedFlags)
  const sure = (flags: Flag[]) => flags.filter((f) => f.tier !== 'check');
  const leftovers = leftoverFlaggedText(quote, sure(storyFlags));
  let inQuote = sure(findFlags(quote, nominatedName));
  if (publishedName !== nominatedName) {
    // The detector takes one worker's name; with two, a name counts only if it is neither.
    const asPublished = new Set(sure(findFlags(quote, publishedName)).map((f) => `${f.start}:${f.end}`));
    inQuote = inQuote.filter((f) => asPublished.has(`${f.start}:${f.end}`));
  }
  const texts = new Set(leftovers.map((f) => f.text.toLowerCase()));
  return [...leftovers, ...inQuote.filter((f) => !texts.has(f.text.toLowerCase()))];
}

/** The tick-box value of a check flag on the review page: where it is in the story. */
export const checkKey = (f: Flag) => `${f.start}-${f.end}`;

/**
 * The story's check flags whose text is still in the quote, split by whether the moderator ticked them
 * as fine (a tick on any flag with the same text covers them all; a tick naming no flag counts for nothing).
 */
export function checkFlagsInQuote(quote: string, storyFlags: Flag[], ticked: readonly string[]): { confirmed: Flag[]; unchecked: Flag[] } {
  const checks = storyFlags.filter((f) => f.tier === 'check');
  const tickedTexts = new Set(checks.filter((f) => ticked.includes(checkKey(f))).map((f) => f.text.trim().toLowerCase()));
  const still = leftoverFlaggedText(quote, checks);
  return {
    confirmed: still.filter((f) => tickedTexts.has(f.text.trim().toLowerCase())),
    unchecked: still.filter((f) => !tickedTexts.has(f.text.trim().toLowerCase())),
  };
}

/** The guard on every decision: it only succeeds on a row that is still pending. */
const stillPending = (id: number) => and(eq(nominations.id, id), eq(nominations.status, 'pending'));

export type ApproveInput = {
  nominationId: number;
  moderatorId: number;
  quote: unknown;
  /** an existing worker id or 'new' */
  worker: unknown;
  /** the name for a new profile (defaults to the name as nominated) */
  newName?: unknown;
  overrideFlags?: unknown;
  /** the check flags the moderator ticked as fine to publish (checkKey values) */
  checkOk?: readonly string[];
  now: number;
  /** for the link in the one mail to a family who asked to be told (PUBLIC_URL) */
  publicUrl: string;
};

export type ApproveResult =
  | { ok: true; workerId: number; slug: string; quoteId: number; newWorker: boolean }
  | { ok: false; errors: FieldError[]; problems: Flag[] };

export function approveNomination(db: Db, areas: AreaDirectory, input: ApproveInput): ApproveResult {
  const n = getNomination(db, input.nominationId);
  if (!n) throw new NotFoundError('nomination not found');
  if (n.status !== 'pending') throw alreadyDecided(n);

  const errors: FieldError[] = [];
  const quote = textOf(input.quote);
  if (!quote) errors.push({ field: 'quote', message: 'Enter the quote to publish' });
  else if (chars(quote) < QUOTE_MIN) errors.push({ field: 'quote', message: `The quote must be at least ${QUOTE_MIN} characters` });
  else if (chars(quote) > QUOTE_MAX)
    errors.push({ field: 'quote', message: `The quote must be ${QUOTE_MAX.toLocaleString('en-GB')} characters or fewer` });

  let existing: { id: number; slug: string; name: string; status: string } | undefined;
  const workerChoice = typeof input.worker === 'string' ? input.worker.trim() : '';
  const newName = lineOf(input.newName) || n.workerName;
  if (workerChoice === 'new') {
    const problem = workerNameProblem(newName);
    if (problem) errors.push({ field: 'new_name', message: problem });
  } else if (/^\d{1,12}$/.test(workerChoice)) {
    existing = db
      .select({ id: workers.id, slug: workers.slug, name: workers.name, status: workers.status })
      .from(workers)
      .where(eq(workers.id, Number(workerChoice)))
      .get();
    if (!existing) errors.push({ field: 'worker', message: 'That profile no longer exists. Choose another or a new profile' });
  } else {
    errors.push({ field: 'worker', message: 'Choose an existing profile or a new profile' });
  }

  const override = input.overrideFlags === 'yes';
  // The story is read by the detector once: for the flags left in the quote and the audit's suggestion.
  // the flags stored at submission (recomputed only if outdated)
  const storyFlags = n.story ? currentFlags(db, n) : [];
  const problems =
    quote && n.story !== null ? quotePrivacyProblems(quote, n.story, n.workerName, existing?.name ?? newName, storyFlags) : [];
  if (problems.length && !override && !errors.some((e) => e.field === 'quote')) {
    errors.push({
      field: 'quote',
      message: `The quote may still identify someone: ${problems.map((p) => `“${p.text}”`).join(', ')}. Edit it, or tick the box to publish it anyway`,
    });
  }
  const checks = quote ? checkFlagsInQuote(quote, storyFlags, input.checkOk ?? []) : { confirmed: [], unchecked: [] };
  if (checks.unchecked.length && !errors.some((e) => e.field === 'quote')) {
    const list = checks.unchecked.map((f) => `“${f.text}”`).join(', ');
    errors.push({
      field: 'check_ok',
      message: `Check ${list}: ${checks.unchecked.length === 1 ? 'it may identify someone and is still in the quote. Take it out, or tick it' : 'they may identify someone and are still in the quote. Take them out, or tick each one'} as fine to publish`,
    });
  }
  if (errors.length) return { ok: false, errors, problems };

  const suggested = n.story ? suggestQuote(n.story, storyFlags) : null;
  const area = areas.get(n.areaId)!;
  return db.transaction((tx): ApproveResult => {
    // read before the address is deleted below, in the same transaction
    const asked = tx
      .select({ email: nominations.contactEmail, notify: nominations.notifyPublished, lang: nominations.lang })
      .from(nominations)
      .where(eq(nominations.id, n.id))
      .get();
    const claimed = tx
      .update(nominations)
      .set({ status: 'approved', decidedAt: input.now, decidedBy: input.moderatorId, contactEmail: null })
      .where(stillPending(n.id))
      .run().changes;
    if (claimed === 0) {
      const now = getNomination(db, n.id);
      if (!now) throw new NotFoundError('nomination not found');
      throw alreadyDecided(now);
    }
    let workerId: number;
    let slug: string;
    if (existing) {
      workerId = existing.id;
      slug = existing.slug;
      tx.update(workers).set({ updatedAt: input.now }).where(eq(workers.id, workerId)).run();
    } else {
      slug = uniqueWorkerSlug(db, newName, area.slug);
      workerId = Number(
        tx
          .insert(workers)
          .values({ slug, name: newName, areaId: n.areaId, team: n.team, status: 'published', createdAt: input.now, updatedAt: input.now })
          .run().lastInsertRowid,
      );
    }
    tx.update(nominations).set({ workerId }).where(eq(nominations.id, n.id)).run();
    const quoteId = Number(
      tx.insert(quotes).values({ nominationId: n.id, workerId, text: quote, relationship: n.relationship, publishedAt: input.now }).run()
        .lastInsertRowid,
    );
    audit(db, {
      at: input.now,
      moderatorId: input.moderatorId,
      action: 'nomination.approved',
      subjectType: 'nomination',
      subjectId: n.id,
      before: { quote: suggested },
      after: { quote, quoteId, workerId, workerSlug: slug, newWorker: !existing },
      note: problems.length ? 'published with privacy flags overridden' : null,
    });
    if (checks.confirmed.length) {
      audit(db, {
        at: input.now,
        moderatorId: input.moderatorId,
        action: 'nomination.checks_confirmed',
        subjectType: 'nomination',
        subjectId: n.id,
        after: { flags: checks.confirmed.map((f) => ({ kind: f.kind, text: f.text })) },
        note: 'The moderator ticked each check flag left in the quote as fine to publish',
      });
    }
    if (problems.length) {
      audit(db, {
        at: input.now,
        moderatorId: input.moderatorId,
        action: 'nomination.flags_overridden',
        subjectType: 'nomination',
        subjectId: n.id,
        after: { flags: problems.map((p) => ({ kind: p.kind, text: p.text })) },
        note: 'The moderator ticked "publish anyway"',
      });
    }
    // the family's one mail, queued with the decision (and rolled back with it); not for a hidden profile
    if (asked?.notify && asked.email && existing?.status !== 'hidden') {
      // in the language the family nominated in
      queueMail(tx, nominatorPublishedMail(input.publicUrl, asked.lang, asked.email, slug, n.id), input.now);
    }
    return { ok: true, workerId, slug, quoteId, newWorker: !existing };
  });
}

export type RejectInput = { nominationId: number; moderatorId: number; reason: unknown; note: unknown; now: number };
export type RejectResult = { ok: true } | { ok: false; errors: FieldError[] };

export function rejectNomination(db: Db, input: RejectInput): RejectResult {
  const n = getNomination(db, input.nominationId);
  if (!n) throw new NotFoundError('nomination not found');
  if (n.status !== 'pending') throw alreadyDecided(n);
  const errors: FieldError[] = [];
  const reason = typeof input.reason === 'string' ? input.reason : '';
  const note = textOf(input.note);
  if (!Object.hasOwn(REJECT_REASONS, reason)) errors.push({ field: 'reason', message: 'Choose a reason for rejecting' });
  else if (reason === 'other' && !note) errors.push({ field: 'note', message: 'Say why in the note' });
  if (chars(note) > 1000) errors.push({ field: 'note', message: 'The note must be 1,000 characters or fewer' });
  if (errors.length) return { ok: false, errors };
  db.transaction((tx) => {
    const claimed = tx
      .update(nominations)
      .set({
        status: 'rejected',
        decidedAt: input.now,
        decidedBy: input.moderatorId,
        contactEmail: null,
        rejectReason: reason,
        rejectNote: note || null,
      })
      .where(stillPending(n.id))
      .run().changes;
    if (claimed === 0) {
      const now = getNomination(db, n.id);
      if (!now) throw new NotFoundError('nomination not found');
      throw alreadyDecided(now);
    }
    audit(db, {
      at: input.now,
      moderatorId: input.moderatorId,
      action: 'nomination.rejected',
      subjectType: 'nomination',
      subjectId: n.id,
      before: { status: 'pending' },
      after: { status: 'rejected', reason },
      note: note || null,
    });
  });
  return { ok: true };
}
