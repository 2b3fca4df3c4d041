// "Remove or correct" for a confirmed worker: hiding their own profile takes effect at once and is
// recorded for the moderators as a change request already done, not as one waiting for them.
import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { changeRequests, workers } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import type { OwnedProfile } from './profiles.ts';

export function setHidden(
  db: Db,
  areas: AreaDirectory,
  input: { accountId: number; profile: OwnedProfile; hidden: boolean; now: number },
): void {
  const { profile, hidden, now } = input;
  if ((profile.status === 'hidden') === hidden) return;
  db.$client.transaction(() => {
    db.update(workers)
      .set({ status: hidden ? 'hidden' : 'published', updatedAt: now })
      .where(eq(workers.id, profile.id))
      .run();
    const id = Number(
      db
        .insert(changeRequests)
        .values({
          workerName: profile.fullName,
          areaText: areas.get(profile.areaId)?.name ?? '',
          areaId: profile.areaId,
          workerId: profile.id,
          request: 'hide',
          details: hidden
            ? 'Hidden by the confirmed social worker from their own page.'
            : 'Shown again by the confirmed social worker from their own page.',
          status: 'done',
          submittedAt: now,
          decidedAt: now,
          outcome: hidden ? 'profile hidden by the worker' : 'profile shown again by the worker',
        })
        .run().lastInsertRowid,
    );
    audit(db, {
      at: now,
      moderatorId: null,
      action: hidden ? 'worker.hidden' : 'worker.unhidden',
      subjectType: 'worker',
      subjectId: profile.id,
      before: { status: profile.status },
      after: { status: hidden ? 'hidden' : 'published', changeRequest: id },
      note: `by the worker (account ${input.accountId})`,
    });
  })();
}
