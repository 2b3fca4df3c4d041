// The pieces route schemas are made of (zod, through fastify-type-provider-zod), so every route reads
// typed params and query strings. Query values arrive as a string, or an array when repeated.
import { z } from 'zod';
import { parsePage } from '../pagination.ts';
import { firstText } from './form-input.ts';

/** Whatever a query string holds for a key, if anything (optional, so a missing key is not an error). */
const anyValue = z.unknown().optional();

/** A positive whole-number id in a path: anything else names nothing. */
export const ID = /^[1-9]\d{0,11}$/;
export const idParams = z.object({ id: z.string().regex(ID).transform(Number) });

/** A slug or other text in a path (checked by the route: an unknown one is a 404, not bad input). */
export const slugParams = z.object({ slug: z.string() });

const pageNumber = (pick: (raw: unknown) => unknown) =>
  anyValue.transform((raw, ctx) => {
    const n = parsePage(pick(raw));
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'page must be a whole number from 1' });
      return z.NEVER;
    }
    return n;
  });

/** ?page= on public lists: absent or empty is 1; anything but a whole number 1…MAX_PAGE is refused (400). */
export const page = pageNumber((raw) => raw);
/** The same, taking the first of repeated values (search, whose other parameters do too). */
export const firstPage = pageNumber((raw) => firstText(raw) || undefined);

/** A hint in a query string: the value if it is one string, else '' (never refused). */
export const hint = anyValue.transform((v) => (typeof v === 'string' ? v : ''));

/** A query value where repeats are allowed: the first one, '' if missing. */
export const first = anyValue.transform(firstText);

/** A value as an id: a number, or undefined for anything else. */
export const idOf = (v: unknown): number | undefined => (typeof v === 'string' && ID.test(v) ? Number(v) : undefined);

/** An id in a path for routes whose answer to a malformed one is their own page: undefined. */
export const lenientIdParams = z.object({ id: z.string().transform(idOf) });

/** An optional id in a query string (?decided=12): a number, or undefined for anything else. */
export const optionalId = anyValue.transform(idOf);

/** A lenient page number (moderation lists): a bad one is page 1. */
export const lenientPage = anyValue.transform((v) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : 1));
