// Change requests from workers (or anyone): hide a profile, correct its name/area/team, unpublish a
// quote, or decline. Each decision is one transaction, audited with before and after.
import type { ChangeRequestKind } from './legal-clock.ts';
import type { Db } from '../db.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { audit } from '../audit.ts';
import { slugify } from '../text.ts';
import { uniqueWorkerSlug } from '../workers/slug.ts';
import { cleanText, workerNameProblem, type FieldError } from './decisions.ts';
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

export type WorkerSummary = {
  id: number;
  slug: string;
  name: string;
  areaId: number;
  areaName: string;
  team: string | null;
  status: 'published' | 'hidden';
  recommendations: number;
};

export type WorkerQuote = { id: number; text: string; relationship: string; publishedAt: number; unpublishedAt: number | null };

const REQUEST_COLUMNS = `r.id, r.worker_name AS workerName, r.area_text AS areaText, r.area_id AS areaId, r.worker_id AS workerId,
  r.request, r.details, r.contact_email AS contactEmail, r.status, r.submitted_at AS submittedAt, r.decided_at AS decidedAt,
  r.decided_by AS decidedBy, m.email AS decidedByEmail, r.outcome`;

export function getChangeRequest(db: Db, id: number): ChangeRequest | undefined {
  return db.$client
    .prepare(`SELECT ${REQUEST_COLUMNS} FROM change_requests r LEFT JOIN moderators m ON m.id = r.decided_by WHERE r.id = ?`)
    .get(id) as ChangeRequest | undefined;
}

/** Pending requests oldest first, or decided ones newest first. */
export function listChangeRequests(db: Db, which: 'pending' | 'decided', limit = 100): ChangeRequest[] {
  const sql =
    which === 'pending'
      ? `SELECT ${REQUEST_COLUMNS} FROM change_requests r LEFT JOIN moderators m ON m.id = r.decided_by
          WHERE r.status = 'pending' ORDER BY r.submitted_at, r.id LIMIT ?`
      : `SELECT ${REQUEST_COLUMNS} FROM change_requests r LEFT JOIN moderators m ON m.id = r.decided_by
          WHERE r.status != 'pending' ORDER BY r.decided_at DESC, r.id DESC LIMIT ?`;
  return db.$client.prepare(sql).all(limit) as ChangeRequest[];
}

/** A workers row `w` joined to its area `a`, as a WorkerSummary. */
export const WORKER_COLUMNS = `w.id, w.slug, w.name, w.area_id AS areaId, a.name AS areaName, w.team, w.status,
  (SELECT COUNT(*) FROM quotes q WHERE q.worker_id = w.id AND q.unpublished_at IS NULL) AS recommendations`;

export function getWorker(db: Db, id: number): WorkerSummary | undefined {
  return db.$client
    .prepare(`SELECT ${WORKER_COLUMNS} FROM workers w JOIN areas a ON a.id = w.area_id WHERE w.id = ?`)
    .get(id) as WorkerSummary | undefined;
}

export function workerQuotes(db: Db, workerId: number): WorkerQuote[] {
  return db.$client
    .prepare(
      `SELECT id, text, relationship, published_at AS publishedAt, unpublished_at AS unpublishedAt
         FROM quotes WHERE worker_id = ? ORDER BY published_at DESC, id DESC`,
    )
    .all(workerId) as WorkerQuote[];
}

/** Profiles whose names are like `name`, in `area` if given; best first. */
export function findWorkers(db: Db, name: string, area: Area | undefined, limit = 20): WorkerSummary[] {
  const words = nameWords(name);
  let rows: WorkerSummary[];
  if (area) {
    rows = db.$client
      .prepare(`SELECT ${WORKER_COLUMNS} FROM workers w JOIN areas a ON a.id = w.area_id WHERE w.area_id = ?`)
      .all(area.id) as WorkerSummary[];
  } else {
    if (!words.length) return [];
    // Without an area, narrow by the longest word first (LIKE is case-insensitive for ASCII).
    const key = [...words].sort((a, b) => b.length - a.length)[0]!.slice(0, 4);
    rows = db.$client
      .prepare(`SELECT ${WORKER_COLUMNS} FROM workers w JOIN areas a ON a.id = w.area_id WHERE w.name LIKE ? LIMIT 2000`)
      .all(`%${key.replace(/[%_]/g, '')}%`) as WorkerSummary[];
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

export class RequestNotFoundError extends Error {}
export class RequestAlreadyDecidedError extends Error {
  constructor(readonly request: ChangeRequest) {
    super('already decided');
  }
}

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
  const sqlite = db.$client;
  const request = getChangeRequest(db, input.requestId);
  if (!request) throw new RequestNotFoundError();
  if (request.status !== 'pending') throw new RequestAlreadyDecidedError(request);

  const errors: FieldError[] = [];
  const action = (REQUEST_ACTIONS as readonly string[]).includes(input.action as string) ? (input.action as RequestAction) : undefined;
  const note = cleanText(input.note);
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
    const name = cleanText(input.newName) || worker.name;
    const nameProblem = workerNameProblem(name);
    if (nameProblem) errors.push({ field: 'new_name', message: nameProblem });
    const areaText = cleanText(input.newArea);
    const area = areaText ? areas.resolve(areaText) : areas.get(worker.areaId);
    if (!area) errors.push({ field: 'new_area', message: 'Enter an area we know, like Hastings or Cardiff' });
    const team = cleanText(input.newTeam);
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

  return sqlite.transaction((): ApplyResult => {
    const outcome =
      action === 'decline' ? 'declined' : action === 'hide' ? 'profile hidden' : action === 'correct' ? 'profile corrected' : 'quote unpublished';
    const claimed = sqlite
      .prepare(
        `UPDATE change_requests SET status = ?, decided_at = ?, decided_by = ?, outcome = ?, contact_email = NULL,
                worker_id = COALESCE(?, worker_id)
          WHERE id = ? AND status = 'pending'`,
      )
      .run(action === 'decline' ? 'declined' : 'done', input.now, input.moderatorId, note ? `${outcome}: ${note}` : outcome, worker?.id ?? null, request.id)
      .changes;
    if (claimed === 0) throw new RequestAlreadyDecidedError(getChangeRequest(db, request.id)!);

    const base = { at: input.now, moderatorId: input.moderatorId, note: note || null };
    audit(db, {
      ...base, action: `change_request.${action === 'decline' ? 'declined' : 'done'}`, subjectType: 'change_request', subjectId: request.id,
      before: { status: 'pending', request: request.request }, after: { status: action === 'decline' ? 'declined' : 'done', action, workerId: worker?.id ?? null },
    });
    let slug = worker?.slug;
    if (action === 'hide' && worker) {
      sqlite.prepare(`UPDATE workers SET status = 'hidden', updated_at = ? WHERE id = ?`).run(input.now, worker.id);
      audit(db, { ...base, action: 'worker.hidden', subjectType: 'worker', subjectId: worker.id, before: { status: worker.status }, after: { status: 'hidden' } });
    } else if (action === 'correct' && worker && correction) {
      // Correcting back to an old name frees that old slug for this worker.
      const base_ = `${slugify(correction.name)}-${correction.area.slug}`.slice(0, 120);
      sqlite.prepare('DELETE FROM worker_slug_redirects WHERE old_slug = ? AND worker_id = ?').run(base_, worker.id);
      slug = uniqueWorkerSlug(db, correction.name, correction.area.slug, worker.id);
      if (slug !== worker.slug) {
        sqlite.prepare('INSERT OR REPLACE INTO worker_slug_redirects (old_slug, worker_id) VALUES (?, ?)').run(worker.slug, worker.id);
      }
      sqlite
        .prepare('UPDATE workers SET name = ?, area_id = ?, team = ?, slug = ?, updated_at = ? WHERE id = ?')
        .run(correction.name, correction.area.id, correction.team, slug, input.now, worker.id);
      audit(db, {
        ...base, action: 'worker.corrected', subjectType: 'worker', subjectId: worker.id,
        before: { name: worker.name, area: worker.areaName, team: worker.team, slug: worker.slug },
        after: { name: correction.name, area: correction.area.name, team: correction.team, slug },
      });
    } else if (action === 'unpublish_quote' && worker && quote) {
      sqlite.prepare('UPDATE quotes SET unpublished_at = ? WHERE id = ? AND unpublished_at IS NULL').run(input.now, quote.id);
      audit(db, {
        ...base, action: 'quote.unpublished', subjectType: 'quote', subjectId: quote.id,
        before: { quote: quote.text, workerId: worker.id, published: true }, after: { published: false },
      });
    }
    return { ok: true, action, workerId: action === 'decline' ? null : worker!.id, slug };
  })();
}
