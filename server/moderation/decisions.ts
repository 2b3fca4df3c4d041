// A moderator's decision on a nomination: approve (publish an anonymised quote on a new or existing
// profile) or reject. Each decision is one transaction that only succeeds while the nomination is
// still pending, so of two moderators deciding at once the second is told it was already decided.
import { eq } from 'drizzle-orm';
import { nominations } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { audit } from '../audit.ts';
import { findFlags, suggestQuote, type Flag } from '../privacy/index.ts';
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

export type FieldError = { field: string; message: string };

export class NotFoundError extends Error {}
export class AlreadyDecidedError extends Error {
  constructor(readonly nomination: NominationRow) {
    super('already decided');
  }
}

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u;
const chars = (s: string) => [...s].length;

export function cleanText(s: unknown): string {
  return typeof s === 'string' ? s.replace(/\r\n?/g, '\n').trim() : '';
}

export function workerNameProblem(name: string): string | undefined {
  if (!name) return "Enter the social worker's name";
  if (chars(name) < 2 || chars(name) > 100) return "The social worker's name must be between 2 and 100 characters";
  if (!NAME.test(name)) return "The social worker's name can only contain letters, spaces, hyphens, apostrophes and full stops";
  return undefined;
}

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
export function quotePrivacyProblems(quote: string, story: string, nominatedName: string, publishedName: string): Flag[] {
  const leftovers = leftoverFlaggedText(quote, story ? findFlags(story, nominatedName) : []);
  const asPublished = new Set(findFlags(quote, publishedName).map((f) => `${f.start}:${f.end}`));
  const inQuote = findFlags(quote, nominatedName).filter((f) => asPublished.has(`${f.start}:${f.end}`));
  const texts = new Set(leftovers.map((f) => f.text.toLowerCase()));
  return [...leftovers, ...inQuote.filter((f) => !texts.has(f.text.toLowerCase()))];
}

export type ApproveInput = {
  nominationId: number;
  moderatorId: number;
  quote: unknown;
  /** an existing worker id or 'new' */
  worker: unknown;
  /** the name for a new profile (defaults to the name as nominated) */
  newName?: unknown;
  overrideFlags?: unknown;
  now: number;
  /** for the link in the one mail to a family who asked to be told (PUBLIC_URL) */
  publicUrl: string;
};

export type ApproveResult =
  | { ok: true; workerId: number; slug: string; quoteId: number; newWorker: boolean }
  | { ok: false; errors: FieldError[]; problems: Flag[] };

type WorkerRow = { id: number; slug: string; name: string; areaId: number; status: string };

export function approveNomination(db: Db, areas: AreaDirectory, input: ApproveInput): ApproveResult {
  const sqlite = db.$client;
  const n = getNomination(db, input.nominationId);
  if (!n) throw new NotFoundError();
  if (n.status !== 'pending') throw new AlreadyDecidedError(n);

  const errors: FieldError[] = [];
  const quote = cleanText(input.quote);
  if (!quote) errors.push({ field: 'quote', message: 'Enter the quote to publish' });
  else if (chars(quote) < QUOTE_MIN) errors.push({ field: 'quote', message: `The quote must be at least ${QUOTE_MIN} characters` });
  else if (chars(quote) > QUOTE_MAX) errors.push({ field: 'quote', message: `The quote must be ${QUOTE_MAX.toLocaleString('en-GB')} characters or fewer` });

  let existing: WorkerRow | undefined;
  const workerChoice = typeof input.worker === 'string' ? input.worker.trim() : '';
  const newName = cleanText(input.newName) || n.workerName;
  if (workerChoice === 'new') {
    const problem = workerNameProblem(newName);
    if (problem) errors.push({ field: 'new_name', message: problem });
  } else if (/^\d{1,12}$/.test(workerChoice)) {
    existing = sqlite
      .prepare('SELECT id, slug, name, area_id AS areaId, status FROM workers WHERE id = ?')
      .get(Number(workerChoice)) as WorkerRow | undefined;
    if (!existing) errors.push({ field: 'worker', message: 'That profile no longer exists. Choose another or a new profile' });
  } else {
    errors.push({ field: 'worker', message: 'Choose an existing profile or a new profile' });
  }

  const override = input.overrideFlags === 'yes';
  const problems = quote && n.story !== null ? quotePrivacyProblems(quote, n.story, n.workerName, existing?.name ?? newName) : [];
  if (problems.length && !override && !errors.some((e) => e.field === 'quote')) {
    errors.push({
      field: 'quote',
      message: `The quote may still identify someone: ${problems.map((p) => `“${p.text}”`).join(', ')}. Edit it, or tick the box to publish it anyway`,
    });
  }
  if (errors.length) return { ok: false, errors, problems };

  const suggested = n.story ? suggestQuote(n.story, findFlags(n.story, n.workerName)) : null;
  const area = areas.get(n.areaId)!;
  return sqlite.transaction((): ApproveResult => {
    // read before the address is deleted below, in the same transaction
    const asked = db
      .select({ email: nominations.contactEmail, notify: nominations.notifyPublished })
      .from(nominations)
      .where(eq(nominations.id, n.id))
      .get();
    const claimed = sqlite
      .prepare(
        `UPDATE nominations SET status = 'approved', decided_at = ?, decided_by = ?, contact_email = NULL
          WHERE id = ? AND status = 'pending'`,
      )
      .run(input.now, input.moderatorId, n.id).changes;
    if (claimed === 0) {
      const now = getNomination(db, n.id);
      if (!now) throw new NotFoundError();
      throw new AlreadyDecidedError(now);
    }
    let workerId: number;
    let slug: string;
    if (existing) {
      workerId = existing.id;
      slug = existing.slug;
      sqlite.prepare('UPDATE workers SET updated_at = ? WHERE id = ?').run(input.now, workerId);
    } else {
      slug = uniqueWorkerSlug(db, newName, area.slug);
      workerId = Number(
        sqlite
          .prepare(`INSERT INTO workers (slug, name, area_id, team, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'published', ?, ?)`)
          .run(slug, newName, n.areaId, n.team, input.now, input.now).lastInsertRowid,
      );
    }
    sqlite.prepare('UPDATE nominations SET worker_id = ? WHERE id = ?').run(workerId, n.id);
    const quoteId = Number(
      sqlite
        .prepare('INSERT INTO quotes (nomination_id, worker_id, text, relationship, published_at) VALUES (?, ?, ?, ?, ?)')
        .run(n.id, workerId, quote, n.relationship, input.now).lastInsertRowid,
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
      queueMail(db, nominatorPublishedMail(input.publicUrl, asked.email, slug, n.id), input.now);
    }
    return { ok: true, workerId, slug, quoteId, newWorker: !existing };
  })();
}

export type RejectInput = { nominationId: number; moderatorId: number; reason: unknown; note: unknown; now: number };
export type RejectResult = { ok: true } | { ok: false; errors: FieldError[] };

export function rejectNomination(db: Db, input: RejectInput): RejectResult {
  const sqlite = db.$client;
  const n = getNomination(db, input.nominationId);
  if (!n) throw new NotFoundError();
  if (n.status !== 'pending') throw new AlreadyDecidedError(n);
  const errors: FieldError[] = [];
  const reason = typeof input.reason === 'string' ? input.reason : '';
  const note = cleanText(input.note);
  if (!Object.hasOwn(REJECT_REASONS, reason)) errors.push({ field: 'reason', message: 'Choose a reason for rejecting' });
  else if (reason === 'other' && !note) errors.push({ field: 'note', message: 'Say why in the note' });
  if (chars(note) > 1000) errors.push({ field: 'note', message: 'The note must be 1,000 characters or fewer' });
  if (errors.length) return { ok: false, errors };
  sqlite.transaction(() => {
    const claimed = sqlite
      .prepare(
        `UPDATE nominations SET status = 'rejected', decided_at = ?, decided_by = ?, contact_email = NULL,
                reject_reason = ?, reject_note = ?
          WHERE id = ? AND status = 'pending'`,
      )
      .run(input.now, input.moderatorId, reason, note || null, n.id).changes;
    if (claimed === 0) {
      const now = getNomination(db, n.id);
      if (!now) throw new NotFoundError();
      throw new AlreadyDecidedError(now);
    }
    audit(db, {
      at: input.now, moderatorId: input.moderatorId, action: 'nomination.rejected', subjectType: 'nomination', subjectId: n.id,
      before: { status: 'pending' }, after: { status: 'rejected', reason }, note: note || null,
    });
  })();
  return { ok: true };
}
