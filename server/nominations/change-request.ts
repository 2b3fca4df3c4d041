// "Hide or correct my profile": the form's fields, and the row that goes to the moderators' queue.
import { z } from 'zod';
import { CHANGE_REQUEST_KINDS } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { normalizePhrase } from '../text.ts';
import { PUBLIC_WORKER } from '../workers/visibility.ts';
import { charCount, cleanLine, cleanMultiline } from '../text.ts';
import type { FieldError } from '../errors.ts';
import { workerNameProblem } from '../workers/name.ts';
import { firstString } from './clean.ts';
import { LIMITS, MESSAGES as NOMINATION_MESSAGES } from './form.ts';

export const CHANGE_LIMITS = { areaMax: 100, detailsMin: 10, detailsMax: 2000 } as const;

export const CHANGE_MESSAGES = {
  nameEmpty: "Enter the social worker's name",
  area: 'Enter the council area, for example Hastings or Sefton',
  areaLong: `Council area must be ${CHANGE_LIMITS.areaMax} characters or fewer`,
  request: 'Select whether the profile should be hidden or corrected',
  detailsEmpty: 'Enter what should change and why',
  detailsShort: `Details must be ${CHANGE_LIMITS.detailsMin} characters or more`,
  detailsLong: 'Details must be 2,000 characters or fewer',
  email: NOMINATION_MESSAGES.email,
  emailLong: NOMINATION_MESSAGES.emailLong,
} as const;

export type ChangeRequestValues = { worker_name: string; area: string; request: string; details: string; contact_email: string };

export type ChangeRequestInput = {
  workerName: string;
  areaText: string;
  request: (typeof CHANGE_REQUEST_KINDS)[number];
  details: string;
  contactEmail: string | null;
};

const emailFormat = z.email();
const check = (problem: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
  const m = problem(s);
  if (m) ctx.addIssue({ code: 'custom', message: m });
};

export const changeRequestSchema = z.object({
  worker_name: z
    .string({ error: CHANGE_MESSAGES.nameEmpty })
    .overwrite(cleanLine)
    .superRefine(check(workerNameProblem)),
  area: z
    .string({ error: CHANGE_MESSAGES.area })
    .overwrite(cleanLine)
    .superRefine(check((s) => (!s ? CHANGE_MESSAGES.area : charCount(s) > CHANGE_LIMITS.areaMax ? CHANGE_MESSAGES.areaLong : null))),
  request: z.enum(CHANGE_REQUEST_KINDS, { error: CHANGE_MESSAGES.request }),
  details: z
    .string({ error: CHANGE_MESSAGES.detailsEmpty })
    .overwrite(cleanMultiline)
    .superRefine(
      check((s) => {
        if (!s) return CHANGE_MESSAGES.detailsEmpty;
        const n = charCount(s);
        if (n < CHANGE_LIMITS.detailsMin) return CHANGE_MESSAGES.detailsShort;
        return n > CHANGE_LIMITS.detailsMax ? `${CHANGE_MESSAGES.detailsLong}. You have written ${n.toLocaleString('en-GB')}.` : null;
      }),
    ),
  contact_email: z
    .string({ error: CHANGE_MESSAGES.email })
    .optional()
    .transform((v) => (v === undefined ? '' : cleanLine(v)))
    .superRefine(check((s) => (!s ? null : s.length > LIMITS.emailMax ? CHANGE_MESSAGES.emailLong : emailFormat.safeParse(s).success ? null : CHANGE_MESSAGES.email)))
    .transform((s) => s || null),
});

const ORDER = ['worker_name', 'area', 'request', 'details', 'contact_email'] as const;

export function validateChangeRequest(
  body: unknown,
): { ok: true; data: ChangeRequestInput; values: ChangeRequestValues } | { ok: false; errors: FieldError[]; values: ChangeRequestValues } {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const values = Object.fromEntries(ORDER.map((k) => [k, firstString(b[k])])) as ChangeRequestValues;
  const parsed = changeRequestSchema.safeParse(b);
  if (parsed.success) {
    const d = parsed.data;
    return { ok: true, values, data: { workerName: d.worker_name, areaText: d.area, request: d.request, details: d.details, contactEmail: d.contact_email } };
  }
  const byField = new Map<string, string>();
  for (const i of parsed.error.issues) {
    const f = String(i.path[0] ?? 'worker_name');
    if (!byField.has(f)) byField.set(f, i.message);
  }
  return { ok: false, values, errors: ORDER.filter((f) => byField.has(f)).map((field) => ({ field, message: byField.get(field)! })) };
}

/**
 * Store a request for the moderators (status pending), matched where possible to the area and to a
 * profile there with the same name once folded (a published one first).
 */
export function createChangeRequest(db: Db, areas: AreaDirectory, input: ChangeRequestInput, now: number): { id: number; workerId: number | null } {
  const sqlite = db.$client;
  const area = areas.resolve(input.areaText);
  let workerId: number | null = null;
  if (area) {
    const name = normalizePhrase(input.workerName);
    const inArea = sqlite
      .prepare(`SELECT w.id, w.name, (${PUBLIC_WORKER}) AS public FROM workers w WHERE w.area_id = ? ORDER BY public DESC, w.id`)
      .all(area.id) as { id: number; name: string; public: number }[];
    workerId = inArea.find((w) => normalizePhrase(w.name) === name)?.id ?? null;
  }
  const info = sqlite
    .prepare(
      `INSERT INTO change_requests (worker_name, area_text, area_id, worker_id, request, details, contact_email, status, submitted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    )
    .run(input.workerName, input.areaText, area?.id ?? null, workerId, input.request, input.details, input.contactEmail, now);
  return { id: Number(info.lastInsertRowid), workerId };
}

/** Name and area of a public profile, to prefill the form from a profile's "ask for a change" link. */
export function publicWorkerForPrefill(db: Db, areas: AreaDirectory, slug: string): { name: string; area: string } | undefined {
  const w = db.$client.prepare(`SELECT w.name, w.area_id AS areaId FROM workers w WHERE w.slug = ? AND ${PUBLIC_WORKER}`).get(slug) as
    | { name: string; areaId: number }
    | undefined;
  return w ? { name: w.name, area: areas.get(w.areaId)?.name ?? '' } : undefined;
}
