// Reading what a form sent: the one place that knows a field may be missing, repeated, or (from a
// JSON post) not text at all. Plain functions, no HTTP: the bot checks that use them are bot-check.ts.
import { z } from 'zod';

/**
 * A form body as the parsers give it: each field one string or, when repeated, several. Permissive
 * on purpose: the domain's validation gives the field errors, so a person sees the form again with
 * their values instead of a schema error. A post without a body reads as an empty form.
 */
export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});
export type FormBody = z.output<typeof formBody>;

function fieldValue(body: unknown, name: string): unknown {
  if (body === null || typeof body !== 'object' || !Object.hasOwn(body, name)) return undefined;
  return Object.getOwnPropertyDescriptor(body, name)?.value;
}

/** A value as one string: the first if repeated, '' if missing or not text. */
export function firstText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
}

/** Every string of a repeated value. */
export function allTexts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A submitted body as a plain record of its own fields ({} for anything that is not an object). */
export function formRecord(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.fromEntries(Object.entries(body)) : {};
}

/** One field of a form: the first if repeated, '' if missing or not text. */
export function formText(body: unknown, name: string): string {
  return firstText(fieldValue(body, name));
}

/** Every value of a repeated field (checkboxes). */
export function formTexts(body: unknown, name: string): string[] {
  return allTexts(fieldValue(body, name));
}

/** The hidden field people never see or fill in (views/partials: the "honeypot" div). */
export const HONEYPOT = 'website';

export function honeypotFilled(body: unknown): boolean {
  const v = fieldValue(body, HONEYPOT);
  return v !== undefined && v !== '';
}
