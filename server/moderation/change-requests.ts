// Change requests from workers (or anyone): hide a profile, correct its name/area/team, unpublish a
// quote, or decline. Each decision is one transaction, audited with before and after.
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { changeRequests, moderators, quotes, workerSlugRedirects, workers } from '../../db/schema.ts';
import { shownName } from '../workers/name.ts';
import type { Db } from '../db.ts';
import type { ChangeRequestKind } from './legal-clock.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { audit } from '../audit.ts';
import { uniqueWorkerSlug, workerSlugBase } from '../workers/slug.ts';
import { getWorker, workersInAreaAnyStatus, workersNamedLike, type WorkerSummary } from '../workers/summary.ts';
import { ConflictError, NotFoundError, type FieldError } from '../errors.ts';
import { workerNameProblem } from '../workers/name.ts';
import { lineOf, textOf } from './decisions.ts';
import { nameSimilarity, nameWords } from './names.ts';

export type ChangeRequest = {
  id: number;
  workerName: string;
  areaText: string;
  areaId: number | null;
  workerId: number | null;
  request: ChangeRequestKind;
  details: string;
  contactEmail: string | null;
  status: 'pending' | 'done' | 'declined';
  submittedAt: number;
  decidedAt: number | null;
  decidedBy: number | null;
  decidedByEmail: string | null;
  outcome: string | null;
};

export { getWorker, type WorkerSummary } from '../workers/summary.ts';

export type WorkerQuote = { id: number; text: string; relationship: string; publishedAt: number; unpublishedAt: number | null };

const r = changeRequests;
const REQUEST_COLUMNS = {
  id: r.id,
  workerName: r.workerName,
  areaText: r.areaText,
  areaId: r.areaId,
  workerId: r.workerId,
  request: r.request,
  details: r.details,
  contactEmail: r.contactEmail,
  status: r.status,
  submittedAt: r.submittedAt,
  decidedAt: r.decidedAt,
  decidedBy: r.decidedBy,
  decidedByEmail: moderators.email,
  outcome: r.outcome,
};
const requests = (db: Db) => db.select(REQUEST_COLUMNS).from(r).leftJoin(moderators, eq(moderators.id, r.decidedBy));

export function getChangeRequest(db: Db, id: number): ChangeRequest | undefined {
  return requests(db).where(eq(r.id, id)).get();
}

/** Pending requests oldest first, or decided ones newest first. */
export function listChangeRequests(db: Db, which: 'pending' | 'decided', limit = 100): ChangeRequest[] {
  return which === 'pending'
    ? requests(db).where(eq(r.status, 'pending')).orderBy(asc(r.submittedAt), asc(r.id)).limit(limit).all()
    : requests(db).where(ne(r.status, 'pending')).orderBy(desc(r.decidedAt), desc(r.id)).limit(limit).all();
}

export function workerQuotes(db: Db, workerId: number): WorkerQuote[] {
  return db
    .select({
      id: quotes.id,
      text: quotes.text,
      relationship: quotes.relationship,
      publishedAt: quotes.publishedAt,
      unpublishedAt: quotes.unpublishedAt,
    })
    .from(quotes)
    .where(eq(quotes.workerId, workerId))
    .orderBy(desc(quotes.publishedAt), desc(quotes.id))
    .all();
}

/** Profiles whose names are like `name`, in `area` if given; best first. */
export function findWorkers(db: Db, name: string, area: Area | undefined, limit = 20): WorkerSummary[] {
  const words = nameWords(name);
  let rows: WorkerSummary[];
  if (area) {
    rows = workersInAreaAnyStatus(db, area.id);
  } else {
    if (!words.length) return [];
    // Without an area, narrow by the longest word first (LIKE is case-insensitive for ASCII).
    const key = [...words].sort((a, b) => b.length - a.length)[0]!.slice(0, 4);
    rows = workersNamedLike(db, key);
  }
  if (!words.length) return rows.slice(0, limit);
  return rows
    .map((w) => ({ w, score: nameSimilarity(name, w.name) }))
    .filter((x) => x.score >= 0.6)
    .sort((a, b) => b.score - a.score || a.w.id - b.w.id)
    .slice(0, limit)
    .map((x) => x.w);
}

export const REQUEST_ACTIONS = ['hide', 'correct', 'unpublish_quote', 'decline'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** A request that is no longer pending: the 409's detail is the request as it now stands. */
const alreadyDecided = (request: ChangeRequest) => new ConflictError('already decided', request);

export type ApplyInput = {
  requestId: number;
  moderatorId: number;
  action: unknown;
  worker?: unknown;
  quote?: unknown;
  newName?: unknown;
  newArea?: unknown;
  newTeam?: unknown;
  note?: unknown;
  now: number;
};

export type ApplyResult = { ok: true; action: RequestAction; workerId: number | null; slug?: string } | { ok: false; errors: FieldError[] };

export function applyChangeRequest(db: Db, areas: AreaDirectory, input: ApplyInput): ApplyResult {
  const request = getChangeRequest(db, input.requestId);
  if (!request) throw new NotFoundError('change request not found');
  if (request.status !== 'pending') throw alreadyDecided(request);

  const errors: FieldError[] = [];
  const action = (REQUEST_ACTIONS as readonly string[]).includes(input.action as string) ? (input.action as RequestAction) : undefined;
  const note = textOf(input.note);
  if (!action) errors.push({ field: 'action', message: 'Choose what to do with this request' });
  if ([...note].length > 1000) errors.push({ field: 'note', message: 'The note must be 1,000 characters or fewer' });
  if (action === 'decline' && !note) errors.push({ field: 'note', message: 'Say why the request is declined' });

  let worker: WorkerSummary | undefined;
  if (action && action !== 'decline') {
    const w = typeof input.worker === 'string' && /^\d{1,12}$/.test(input.worker) ? getWorker(db, Number(input.worker)) : undefined;
    if (!w) errors.push({ field: 'worker', message: 'Choose the profile this request is about' });
    worker = w;
  }

  let correction: { name: string; area: Area; team: string | null } | undefined;
  if (action === 'correct' && worker) {
    const name = lineOf(input.newName) || worker.name;
    const nameProblem = workerNameProblem(name);
    if (nameProblem) errors.push({ field: 'new_name', message: nameProblem });
    const areaText = lineOf(input.newArea);
    const area = areaText ? areas.resolve(areaText) : areas.get(worker.areaId);
    if (!area) errors.push({ field: 'new_area', message: 'Enter an area we know, like Hastings or Cardiff' });
    const team = lineOf(input.newTeam);
    if ([...team].length > 100) errors.push({ field: 'new_team', message: 'The team must be 100 characters or fewer' });
    if (!nameProblem && area) {
      correction = { name, area, team: team || null };
      if (name === worker.name && area.id === worker.areaId && (team || null) === worker.team) {
        errors.push({ field: 'new_name', message: 'Change the name, area or team, or choose another action' });
      }
    }
  }

  let quote: WorkerQuote | undefined;
  if (action === 'unpublish_quote' && worker) {
    const id = typeof input.quote === 'string' && /^\d{1,12}$/.test(input.quote) ? Number(input.quote) : NaN;
    quote = workerQuotes(db, worker.id).find((q) => q.id === id && q.unpublishedAt === null);
    if (!quote) errors.push({ field: 'quote', message: 'Choose the published quote to remove' });
  }
  if (errors.length || !action) return { ok: false, errors };

  return db.transaction((tx): ApplyResult => {
    const outcome =
      action === 'decline'
        ? 'declined'
        : action === 'hide'
          ? 'profile hidden'
          : action === 'correct'
            ? 'profile corrected'
            : 'quote unpublished';
    const claimed = tx
      .update(r)
      .set({
        status: action === 'decline' ? 'declined' : 'done',
        decidedAt: input.now,
        decidedBy: input.moderatorId,
        outcome: note ? `${outcome}: ${note}` : outcome,
        contactEmail: null,
        ...(worker ? { workerId: worker.id } : {}),
      })
      .where(and(eq(r.id, request.id), eq(r.status, 'pending')))
      .run().changes;
    if (claimed === 0) throw alreadyDecided(getChangeRequest(db, request.id)!);

    const base = { at: input.now, moderatorId: input.moderatorId, note: note || null };
    audit(db, {
      ...base,
      action: `change_request.${action === 'decline' ? 'declined' : 'done'}`,
      subjectType: 'change_request',
      subjectId: request.id,
      before: { status: 'pending', request: request.request },
      after: { status: action === 'decline' ? 'declined' : 'done', action, workerId: worker?.id ?? null },
    });
    let slug = worker?.slug;
    if (action === 'hide' && worker) {
      tx.update(workers).set({ status: 'hidden', updatedAt: input.now }).where(eq(workers.id, worker.id)).run();
      audit(db, {
        ...base,
        action: 'worker.hidden',
        subjectType: 'worker',
        subjectId: worker.id,
        before: { status: worker.status },
        after: { status: 'hidden' },
      });
    } else if (action === 'correct' && worker && correction) {
      // A worker who chose "first name only" stays so: the corrected name is kept as the full name.
      const current = tx
        .select({ display: workers.display, fullName: workers.fullName })
        .from(workers)
        .where(eq(workers.id, worker.id))
        .get();
      // an unchanged (shown) first name keeps the full name it stands for
      const full = correction.name === worker.name && current?.fullName ? current.fullName : correction.name;
      const shown = shownName(full, current?.display ?? 'full');
      // Correcting back to an old name frees that old slug for this worker.
      const base_ = workerSlugBase(shown.name, correction.area.slug);
      tx.delete(workerSlugRedirects)
        .where(and(eq(workerSlugRedirects.oldSlug, base_), eq(workerSlugRedirects.workerId, worker.id)))
        .run();
      slug = uniqueWorkerSlug(db, shown.name, correction.area.slug, worker.id);
      if (slug !== worker.slug) {
        tx.insert(workerSlugRedirects)
          .values({ oldSlug: worker.slug, workerId: worker.id })
          .onConflictDoUpdate({ target: workerSlugRedirects.oldSlug, set: { workerId: worker.id } })
          .run();
      }
      tx.update(workers)
        .set({ name: shown.name, fullName: shown.fullName, areaId: correction.area.id, team: correction.team, slug, updatedAt: input.now })
        .where(eq(workers.id, worker.id))
        .run();
      audit(db, {
        ...base,
        action: 'worker.corrected',
        subjectType: 'worker',
        subjectId: worker.id,
        before: { name: worker.name, area: worker.areaName, team: worker.team, slug: worker.slug },
        after: { name: correction.name, area: correction.area.name, team: correction.team, slug },
      });
    } else if (action === 'unpublish_quote' && worker && quote) {
      tx.update(quotes)
        .set({ unpublishedAt: input.now })
        .where(and(eq(quotes.id, quote.id), isNull(quotes.unpublishedAt)))
        .run();
      audit(db, {
        ...base,
        action: 'quote.unpublished',
        subjectType: 'quote',
        subjectId: quote.id,
        before: { quote: quote.text, workerId: worker.id, published: true },
        after: { published: false },
      });
    }
    return { ok: true, action, workerId: action === 'decline' ? null : worker!.id, slug };
  });
}
