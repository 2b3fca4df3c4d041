// How long moderators have to act on a change request, where the law sets a time:
//  - a notice of defamation: 48 hours (Defamation (Operators of Websites) Regulations 2013, reg. 3
//    and the Schedule: the operator must act within 48 hours of receiving the notice);
//  - an objection to processing (UK GDPR article 21): an answer without undue delay and within one
//    month of receipt (article 12(3)).
// Hide and correct requests have no legal clock; they come after those that do.
import type { CHANGE_REQUEST_KINDS } from '../../db/schema.ts';

export type ChangeRequestKind = (typeof CHANGE_REQUEST_KINDS)[number];

/** short: in tables; heading: before "the profile of …" in lists; page: the same on the request's page; asked: what they asked for */
export const REQUEST_KIND_LABELS: Record<ChangeRequestKind, { short: string; heading: string; page: string; asked: string }> = {
  hide: { short: 'Hide', heading: 'Hide', page: 'Request to hide', asked: 'Hide the profile' },
  correct: { short: 'Correct', heading: 'Correct', page: 'Request to correct', asked: 'Correct the profile' },
  objection: {
    short: 'Objection',
    heading: 'Objection (UK GDPR art. 21) about',
    page: 'Objection (UK GDPR art. 21) about',
    asked: 'Stop showing their data (an objection)',
  },
  defamation: {
    short: 'Defamation notice',
    heading: 'Notice of defamation about',
    page: 'Notice of defamation about',
    asked: 'Remove a statement they say is defamatory',
  },
};

/** One calendar month on (31 March + 1 month = 30 April, as the ICO counts). */
function addMonth(ms: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, d.getUTCHours(), d.getUTCMinutes()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/** When the law says the request must have been acted on, or null when it sets no time. */
export function dueAt(kind: string, submittedAt: number): number | null {
  if (kind === 'defamation') return submittedAt + 48 * 60 * 60_000;
  if (kind === 'objection') return addMonth(submittedAt);
  return null;
}

/** Requests with a clock first, the most overdue (earliest due) first; then the rest, oldest first. */
export function byLegalClock<T extends { request: string; submittedAt: number; id: number }>(rows: T[]): (T & { dueAt: number | null })[] {
  return rows
    .map((r) => ({ ...r, dueAt: dueAt(r.request, r.submittedAt) }))
    .sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.submittedAt - b.submittedAt || a.id - b.id);
}
