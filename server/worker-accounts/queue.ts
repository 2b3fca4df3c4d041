// What named workers sent that waits for a moderator, for the queue at /moderate: replies, requests
// to be confirmed by hand, and merges, each with the profile it is about (oldest first).
import { inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { workers } from '../../db/schema.ts';
import { findFlags } from '../privacy/index.ts';
import { pendingReplies } from './replies.ts';
import { pendingConfirmations, pendingMerges } from './moderation.ts';

export type QueueProfile = { id: number; slug: string; name: string; areaName: string; authority: string };

export function workerQueue(db: Db, areas: AreaDirectory) {
  const replies = pendingReplies(db);
  const confirmations = pendingConfirmations(db);
  const merges = pendingMerges(db);
  const ids = [
    ...new Set([
      ...replies.map((r) => r.workerId),
      ...confirmations.map((c) => c.workerId),
      ...merges.flatMap((m) => [m.fromWorkerId, m.intoWorkerId]),
    ]),
  ];
  const rows = ids.length
    ? db
        .select({ id: workers.id, slug: workers.slug, name: workers.name, fullName: workers.fullName, areaId: workers.areaId })
        .from(workers)
        .where(inArray(workers.id, ids))
        .all()
    : [];
  const profiles = new Map<number, QueueProfile>(
    rows.map((w) => {
      const area = areas.get(w.areaId);
      return [
        w.id,
        { id: w.id, slug: w.slug, name: w.fullName ?? w.name, areaName: area?.name ?? 'Unknown area', authority: area?.authority ?? '' },
      ];
    }),
  );
  const profile = (id: number) => profiles.get(id)!;
  return {
    // a reply is public text like a quote: the moderator sees the same privacy flags
    replies: replies.map((r) => ({
      ...r,
      profile: profile(r.workerId),
      flags: findFlags(r.text, profile(r.workerId).name).map((f) => f.kind),
    })),
    confirmations: confirmations.map((c) => ({ ...c, profile: profile(c.workerId) })),
    merges: merges.map((m) => ({ ...m, from: profile(m.fromWorkerId), into: profile(m.intoWorkerId) })),
  };
}
