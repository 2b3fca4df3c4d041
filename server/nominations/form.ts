// The nomination form's fields (spec: "Nomination form fields"): one zod schema, plain-English
// messages, and the values to put back in the form when something needs fixing.
import { z } from 'zod';
import { RELATIONSHIPS, STILL_INVOLVED } from '../../db/schema.ts';
import { QUALITY_KEYS, type QualityKey } from '../qualities.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { charCount, cleanLine, cleanMultiline } from '../text.ts';
import type { FieldError } from '../errors.ts';
import { NAME_LIMITS, NAME_MESSAGES, workerNameProblem } from '../workers/name.ts';
import { firstText, formRecord, formText, formTexts } from '../http/form-input.ts';

export type Relationship = (typeof RELATIONSHIPS)[number];
export type StillInvolved = (typeof STILL_INVOLVED)[number];

/** A checked nomination, tidied, ready to store. */
export type NominationInput = {
  workerName: string;
  area: Area;
  team: string | null;
  relationship: Relationship;
  qualities: QualityKey[];
  stillInvolved: StillInvolved;
  story: string;
  contactEmail: string | null;
  /** one mail when it is published; only ever true with a contactEmail */
  notifyPublished: boolean;
  /** the nominator confirmed they are not the worker, a colleague, or acting for them */
  independent: true;
};

/** What goes back into the form's fields (as typed) or the check page's hidden fields (tidied). */
export type NominationValues = {
  worker_name: string;
  area: string;
  area_text: string;
  team: string;
  relationship: string;
  still_involved: string;
  qualities: string[];
  story: string;
  contact_email: string;
  notify_published: string;
  independent: string;
  consent: string;
};

export type { FieldError } from '../errors.ts';

export const LIMITS = {
  nameMin: NAME_LIMITS.min,
  nameMax: NAME_LIMITS.max,
  teamMax: 100,
  storyMin: 20,
  storyMax: 3000,
  emailMax: 254,
} as const;

export const MESSAGES = {
  nameEmpty: NAME_MESSAGES.empty,
  nameShort: NAME_MESSAGES.short,
  nameLong: NAME_MESSAGES.long,
  nameChars: NAME_MESSAGES.chars,
  areaEmpty: 'Select the area, or type the council or town',
  areaUnknownText: 'Check the spelling of the council or town, or select the area from the list',
  teamLong: `Team must be ${LIMITS.teamMax} characters or fewer`,
  relationship: 'Select how you know the social worker',
  stillInvolved: 'Select whether this social worker is still working with your family',
  qualities: 'Select the things they did well from the list',
  storyEmpty: 'Enter what this social worker did that made a difference',
  storyShort: `Story must be ${LIMITS.storyMin} characters or more`,
  storyLong: 'Story must be 3,000 characters or fewer',
  email: 'Enter an email address in the correct format, like name@example.com',
  emailLong: `Email address must be ${LIMITS.emailMax} characters or fewer`,
  notifyWithoutEmail: 'Enter your email address, so we can tell you when it is published, or untick the box',
  independent: 'Tick the box to confirm you are not the social worker, a colleague, or acting for them',
  consent: 'Tick the box to agree that a shortened, anonymised version may be published',
  honeypot: 'Leave this field empty',
} as const;

/** The order fields appear on the form, so the error summary lists them in the same order. */
const FIELD_ORDER = [
  'worker_name',
  'area',
  'area_text',
  'team',
  'relationship',
  'still_involved',
  'qualities',
  'story',
  'contact_email',
  'notify_published',
  'independent',
  'consent',
  'website',
];

const issue = (message: string) => ({ code: 'custom' as const, message });

function storyProblem(s: string): string | null {
  if (s === '') return MESSAGES.storyEmpty;
  const n = charCount(s);
  if (n < LIMITS.storyMin) return `${MESSAGES.storyShort}. You have written ${n.toLocaleString('en-GB')}.`;
  if (n > LIMITS.storyMax) return `${MESSAGES.storyLong}. You have written ${n.toLocaleString('en-GB')}.`;
  return null;
}

/** The story field's rule on its own (the edit page after a send back): tidied text, or the message. */
export function checkStory(raw: unknown): { ok: true; story: string } | { ok: false; message: string } {
  const story = cleanMultiline(firstText(raw));
  const message = storyProblem(story);
  return message ? { ok: false, message } : { ok: true, story };
}

const emailFormat = z.email();

function emailProblem(s: string): string | null {
  if (s.length > LIMITS.emailMax) return MESSAGES.emailLong;
  return emailFormat.safeParse(s).success ? null : MESSAGES.email;
}

/** A one-line text field: tidied, then checked by `problem` (which also sees ''). */
const lineField = (missing: string, problem: (s: string) => string | null) =>
  z
    .string({ error: missing })
    .overwrite(cleanLine)
    .superRefine((s, ctx) => {
      const m = problem(s);
      if (m) ctx.addIssue(issue(m));
    });

/** An optional one-line field: absent or blank becomes null. */
const optionalLine = (problem: (s: string) => string | null, wrongType: string) =>
  z
    .string({ error: wrongType })
    .optional()
    .transform((v) => (v === undefined ? '' : cleanLine(v)))
    .superRefine((s, ctx) => {
      const m = s === '' ? null : problem(s);
      if (m) ctx.addIssue(issue(m));
    })
    .transform((s) => (s === '' ? null : s));

// Built once per area directory: zod compiles an object schema on its first parse, which is far
// slower than parsing, so a schema per request would cost milliseconds.
const schemas = new WeakMap<AreaDirectory, ReturnType<typeof buildSchema>>();

export function nominationSchema(areas: AreaDirectory) {
  let schema = schemas.get(areas);
  if (!schema) schemas.set(areas, (schema = buildSchema(areas)));
  return schema;
}

function buildSchema(areas: AreaDirectory) {
  return z.object({
    worker_name: lineField(MESSAGES.nameEmpty, workerNameProblem),
    // The select (`area`) and the typed fallback (`area_text`) arrive together; typing wins when
    // given, because typing is a deliberate act and the select may be left over from before.
    area: z.object({ select: z.unknown(), typed: z.unknown() }).transform((v, ctx): Area => {
      const typed = typeof v.typed === 'string' ? cleanLine(v.typed) : '';
      const select = typeof v.select === 'string' ? cleanLine(v.select) : '';
      if (typed) {
        const found = areas.resolve(typed);
        if (!found) ctx.addIssue({ ...issue(MESSAGES.areaUnknownText), path: ['typed'] });
        return found!;
      }
      if (select) {
        const found = areas.resolve(select);
        // `area` may be typed by hand too (spec); one we cannot place is shown back in the text box.
        if (!found) ctx.addIssue({ ...issue(MESSAGES.areaUnknownText), path: ['typed'] });
        return found!;
      }
      ctx.addIssue(issue(MESSAGES.areaEmpty));
      return undefined as never;
    }),
    team: optionalLine((s) => (charCount(s) > LIMITS.teamMax ? MESSAGES.teamLong : null), MESSAGES.teamLong),
    relationship: z.enum(RELATIONSHIPS, { error: MESSAGES.relationship }),
    still_involved: z.enum(STILL_INVOLVED, { error: MESSAGES.stillInvolved }),
    qualities: z
      .union([z.string(), z.array(z.string())], { error: MESSAGES.qualities })
      .optional()
      .transform((v, ctx): QualityKey[] => {
        const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
        const keys = new Set<string>(QUALITY_KEYS);
        if (list.some((k) => !keys.has(k))) ctx.addIssue(issue(MESSAGES.qualities));
        // In the table's order, each once, whatever order they were ticked or sent in.
        return QUALITY_KEYS.filter((k) => list.includes(k));
      }),
    story: z
      .string({ error: MESSAGES.storyEmpty })
      .overwrite(cleanMultiline)
      .superRefine((s, ctx) => {
        const m = storyProblem(s);
        if (m) ctx.addIssue(issue(m));
      }),
    contact_email: optionalLine(emailProblem, MESSAGES.email),
    notify_published: z
      .unknown()
      .optional()
      .transform((v) => (Array.isArray(v) ? v[0] : v) === 'yes'),
    independent: z.literal('yes', { error: MESSAGES.independent }),
    consent: z.literal('yes', { error: MESSAGES.consent }),
    website: z.literal('', { error: MESSAGES.honeypot }).optional(),
  });
}

/** The form's values as the person typed them, for putting back into the form. */
export function typedValues(body: unknown): NominationValues {
  const area = formText(body, 'area');
  return {
    worker_name: formText(body, 'worker_name'),
    area,
    area_text: formText(body, 'area_text'),
    team: formText(body, 'team'),
    relationship: formText(body, 'relationship'),
    still_involved: formText(body, 'still_involved'),
    qualities: formTexts(body, 'qualities'),
    story: formText(body, 'story'),
    contact_email: formText(body, 'contact_email'),
    notify_published: formText(body, 'notify_published'),
    independent: formText(body, 'independent'),
    consent: formText(body, 'consent'),
  };
}

/** The tidied answers as form values: what the check page shows and carries in hidden fields. */
export function cleanValues(data: NominationInput): NominationValues {
  return {
    worker_name: data.workerName,
    area: data.area.slug,
    area_text: '',
    team: data.team ?? '',
    relationship: data.relationship,
    still_involved: data.stillInvolved,
    qualities: [...data.qualities],
    story: data.story,
    contact_email: data.contactEmail ?? '',
    notify_published: data.notifyPublished ? 'yes' : '',
    independent: 'yes',
    consent: 'yes',
  };
}

export type Validation =
  | { ok: true; data: NominationInput; values: NominationValues }
  | { ok: false; errors: FieldError[]; values: NominationValues };

/** Check a submitted body (any shape: a form, JSON, junk). Never throws. */
export function validateNomination(body: unknown, areas: AreaDirectory): Validation {
  const b = formRecord(body);
  const values = typedValues(b);
  const parsed = nominationSchema(areas).safeParse({ ...b, area: { select: b.area, typed: b.area_text } });
  // "tell me when it is published" needs the address; checked with the other fields, so all show at once
  const notifyWithoutEmail = values.notify_published === 'yes' && cleanLine(values.contact_email) === '';
  if (parsed.success && !notifyWithoutEmail) {
    const d = parsed.data;
    return {
      ok: true,
      values,
      data: {
        workerName: d.worker_name,
        area: d.area,
        team: d.team,
        relationship: d.relationship,
        qualities: d.qualities,
        stillInvolved: d.still_involved,
        story: d.story,
        contactEmail: d.contact_email,
        notifyPublished: d.notify_published,
        independent: true,
      },
    };
  }
  const byField = new Map<string, string>();
  if (notifyWithoutEmail) byField.set('contact_email', MESSAGES.notifyWithoutEmail);
  for (const i of parsed.error?.issues ?? []) {
    const field = i.path.join('.') === 'area.typed' ? 'area_text' : String(i.path[0] ?? 'worker_name');
    if (!byField.has(field)) byField.set(field, i.message);
  }
  // A select value that is not an area is shown back in the text box (see the area field above).
  if (byField.has('area_text') && !values.area_text && !areas.resolve(values.area)) {
    values.area_text = values.area;
    values.area = '';
  }
  const errors = FIELD_ORDER.filter((f) => byField.has(f)).map((field) => ({ field, message: byField.get(field)! }));
  return { ok: false, errors, values };
}

/** Field name -> message, for showing each message beside its field. */
export function errorMap(errors: FieldError[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.field, e.message]));
}
