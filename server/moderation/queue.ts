// The moderation queue: pending nominations oldest first, pending change requests, and counts.
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { findFlags, type FlagKind } from '../privacy/index.ts';
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
  const sqlite = db.$client;
  const pendingNominations = sqlite.prepare(`SELECT COUNT(*) FROM nominations WHERE status = 'pending'`).pluck().get() as number;
  const pendingRequests = sqlite.prepare(`SELECT COUNT(*) FROM change_requests WHERE status = 'pending'`).pluck().get() as number;
  const pages = Math.max(1, Math.ceil(pendingNominations / QUEUE_PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const rows = sqlite
    .prepare(
      `SELECT id, worker_name AS workerName, area_id AS areaId, submitted_at AS submittedAt, flags, story
         FROM nominations WHERE status = 'pending' ORDER BY submitted_at, id LIMIT ? OFFSET ?`,
    )
    .all(QUEUE_PAGE_SIZE, (p - 1) * QUEUE_PAGE_SIZE) as {
    id: number; workerName: string; areaId: number; submittedAt: number; flags: string; story: string | null;
  }[];
  const nominations = rows.map((r) => {
    const counts = new Map<FlagKind, number>();
    for (const f of r.story ? findFlags(r.story, r.workerName) : []) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
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
  const requests = sqlite
    .prepare(
      `SELECT id, worker_name AS workerName, area_text AS areaText, request, submitted_at AS submittedAt
         FROM change_requests WHERE status = 'pending'
        ORDER BY request IN ('defamation', 'objection') DESC, submitted_at, id LIMIT 100`,
    )
    .all() as Omit<QueueRequest, 'dueAt'>[];
  return { nominations, requests: byLegalClock(requests), pendingNominations, pendingRequests, page: p, pages };
}

/** "3 days", "5 hours", "12 minutes": how long something has waited. */
export function age(since: number, now: number): string {
  const mins = Math.max(0, Math.floor((now - since) / 60_000));
  if (mins < 60) return mins === 1 ? '1 minute' : `${mins} minutes`;
  const hours = Math.floor(mins / 60);
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}
