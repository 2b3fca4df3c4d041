// The moderation queue: pending nominations oldest first, pending change requests, and counts.
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { changeRequests, nominations as nominationsTable } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import type { FlagKind } from '../privacy/index.ts';
import { currentFlags } from './privacy-flags.ts';
import { getWorker } from '../workers/summary.ts';
import { byLegalClock, type ChangeRequestKind } from './legal-clock.ts';

export type QueueNomination = {
  id: number;
  workerName: string;
  areaName: string;
  submittedAt: number;
  /** 'safeguarding', 'complaint', 'duplicate' */
  concerns: string[];
  /** kinds of privacy flag in the story, with how many of each */
  privacy: { kind: FlagKind; count: number }[];
};

export type QueueRequest = {
  id: number;
  workerName: string;
  areaText: string;
  request: ChangeRequestKind;
  submittedAt: number;
  /** when the law says it must be acted on (defamation notice, objection), or null */
  dueAt: number | null;
};

export type Queue = {
  nominations: QueueNomination[];
  requests: QueueRequest[];
  pendingNominations: number;
  pendingRequests: number;
  page: number;
  pages: number;
};

export const QUEUE_PAGE_SIZE = 50;

export function loadQueue(db: Db, areas: AreaDirectory, page = 1): Queue {
  const n = nominationsTable;
  const r = changeRequests;
  const pendingNominations = db.select({ n: count() }).from(n).where(eq(n.status, 'pending')).get()?.n ?? 0;
  const pendingRequests = db.select({ n: count() }).from(r).where(eq(r.status, 'pending')).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(pendingNominations / QUEUE_PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const rows = db
    .select({
      id: n.id,
      workerName: n.workerName,
      areaId: n.areaId,
      submittedAt: n.submittedAt,
      flags: n.flags,
      story: n.story,
      privacyFlags: n.privacyFlags,
    })
    .from(n)
    .where(eq(n.status, 'pending'))
    .orderBy(asc(n.submittedAt), asc(n.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((p - 1) * QUEUE_PAGE_SIZE)
    .all();
  const nominations = rows.map((r) => {
    const counts = new Map<FlagKind, number>();
    // stored at submission: the queue does not re-scan every story on each view
    for (const f of r.story ? currentFlags(db, r) : []) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    let concerns: string[] = [];
    try {
      concerns = (JSON.parse(r.flags) as unknown[]).filter((x): x is string => typeof x === 'string');
    } catch {
      /* a malformed flags column shows as no concerns */
    }
    return {
      id: r.id,
      workerName: r.workerName,
      areaName: areas.get(r.areaId)?.name ?? 'Unknown area',
      submittedAt: r.submittedAt,
      concerns,
      privacy: [...counts].map(([kind, count]) => ({ kind, count })),
    };
  });
  const requests = db
    .select({ id: r.id, workerName: r.workerName, areaText: r.areaText, request: r.request, submittedAt: r.submittedAt })
    .from(r)
    .where(eq(r.status, 'pending'))
    // those with a legal clock (a defamation notice, an objection) first; byLegalClock orders them by when they are due
    .orderBy(desc(inArray(r.request, ['defamation', 'objection'])), asc(r.submittedAt), asc(r.id))
    .limit(100)
    .all();
  return { nominations, requests: byLegalClock(requests), pendingNominations, pendingRequests, page: p, pages };
}

/** The slug of the profile a decided nomination was published on, for the queue's "see the profile" link. */
export function publishedSlug(db: Db, workerId: number): string | undefined {
  return getWorker(db, workerId)?.slug;
}

/** "3 days", "5 hours", "12 minutes": how long something has waited. */
export function age(since: number, now: number): string {
  const mins = Math.max(0, Math.floor((now - since) / 60_000));
  if (mins < 60) return mins === 1 ? '1 minute' : `${mins} minutes`;
  const hours = Math.floor(mins / 60);
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}
