// Paging for long public lists (profiles' quotes, an area's workers, search results).
// Routes parse ?page= with parsePage and hand a Pager to views/partials/pagination.eta.

export const PAGE_SIZE = 20;
/** Beyond this a page number is nonsense, not a deep link. */
export const MAX_PAGE = 100_000;

/** ?page= as a number: absent or empty → 1; a whole number 1…MAX_PAGE → it; anything else → null (answer 400). */
export function parsePage(raw: unknown): number | null {
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_PAGE ? n : null;
}

export type Pager = {
  page: number;
  /** at least 1, so "page 1 of 1" reads sensibly for an empty list */
  pages: number;
  total: number;
  perPage: number;
  offset: number;
  prev?: string;
  next?: string;
  first: string;
  /** true when the requested page is past the last one */
  beyond: boolean;
};

/** A link to `path` with `params`, leaving out empty values and page 1. */
export function pageHref(path: string, params: Record<string, string | number | undefined>, page: number): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && k !== 'page') qs.set(k, String(v));
  if (page > 1) qs.set('page', String(page));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export function pager(
  page: number,
  total: number,
  path: string,
  params: Record<string, string | number | undefined> = {},
  perPage = PAGE_SIZE,
): Pager {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return {
    page,
    pages,
    total,
    perPage,
    offset: (page - 1) * perPage,
    prev: page > 1 && page <= pages ? pageHref(path, params, page - 1) : undefined,
    next: page < pages ? pageHref(path, params, page + 1) : undefined,
    first: pageHref(path, params, 1),
    beyond: page > pages,
  };
}
