// "Hide or correct my profile": the form's fields, and the row that goes to the moderators' queue.
import { z } from 'zod';
import { CHANGE_REQUEST_KINDS } from '../../db/schema.ts';
import { and, asc, desc, eq } from 'drizzle-orm';
import { changeRequests, workers } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { normalizePhrase } from '../text.ts';
import { isPublicWorker } from '../workers/visibility.ts';
import { charCount, cleanLine, cleanMultiline } from '../text.ts';
import type { FieldError } from '../errors.ts';
import { workerNameProblem } from '../workers/name.ts';
import { formRecord, formText } from '../http/form-input.ts';
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
  worker_name: z.string({ error: CHANGE_MESSAGES.nameEmpty }).overwrite(cleanLine).superRefine(check(workerNameProblem)),
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
    .superRefine(
      check((s) =>
        !s
          ? null
          : s.length > LIMITS.emailMax
            ? CHANGE_MESSAGES.emailLong
            : emailFormat.safeParse(s).success
              ? null
              : CHANGE_MESSAGES.email,
      ),
    )
    .transform((s) => s || null),
});

const ORDER = ['worker_name', 'area', 'request', 'details', 'contact_email'] as const;

export function validateChangeRequest(
  body: unknown,
): { ok: true; data: ChangeRequestInput; values: ChangeRequestValues } | { ok: false; errors: FieldError[]; values: ChangeRequestValues } {
  const b = formRecord(body);
  const values: ChangeRequestValues = {
    worker_name: formText(b, 'worker_name'),
    area: formText(b, 'area'),
    request: formText(b, 'request'),
    details: formText(b, 'details'),
    contact_email: formText(b, 'contact_email'),
  };
  const parsed = changeRequestSchema.safeParse(b);
  if (parsed.success) {
    const d = parsed.data;
    return {
      ok: true,
      values,
      data: { workerName: d.worker_name, areaText: d.area, request: d.request, details: d.details, contactEmail: d.contact_email },
    };
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
export function createChangeRequest(
  db: Db,
  areas: AreaDirectory,
  input: ChangeRequestInput,
  now: number,
): { id: number; workerId: number | null } {
  const area = areas.resolve(input.areaText);
  let workerId: number | null = null;
  if (area) {
    const name = normalizePhrase(input.workerName);
    const inArea = db
      .select({ id: workers.id, name: workers.name })
      .from(workers)
      .where(eq(workers.areaId, area.id))
      .orderBy(desc(isPublicWorker), asc(workers.id))
      .all();
    workerId = inArea.find((w) => normalizePhrase(w.name) === name)?.id ?? null;
  }
  const info = db
    .insert(changeRequests)
    .values({
      workerName: input.workerName,
      areaText: input.areaText,
      areaId: area?.id ?? null,
      workerId,
      request: input.request,
      details: input.details,
      contactEmail: input.contactEmail,
      status: 'pending',
      submittedAt: now,
    })
    .run();
  return { id: Number(info.lastInsertRowid), workerId };
}

/** Name and area of a public profile, to prefill the form from a profile's "ask for a change" link. */
export function publicWorkerForPrefill(db: Db, areas: AreaDirectory, slug: string): { name: string; area: string } | undefined {
  const w = db
    .select({ name: workers.name, areaId: workers.areaId })
    .from(workers)
    .where(and(eq(workers.slug, slug), isPublicWorker))
    .get();
  return w ? { name: w.name, area: areas.get(w.areaId)?.name ?? '' } : undefined;
}
