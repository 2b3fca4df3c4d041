// The profiles a signed-in worker holds, and the one check every /worker action makes first: the
// profile named in the form is one of theirs (anything else is answered like an unknown profile).
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db.ts';
import {
  nominations,
  quotes,
  workerAccountProfiles,
  workerRegistrations,
  workerReplies,
  workers,
  type WORKER_DISPLAYS,
  type WORKER_STATUSES,
  type REGULATORS,
} from '../../db/schema.ts';
import { NotFoundError } from '../errors.ts';

export type OwnedProfile = {
  id: number;
  slug: string;
  /** the name as nominated (the public one may be the first name only) */
  fullName: string;
  publicName: string;
  areaId: number;
  team: string | null;
  status: (typeof WORKER_STATUSES)[number];
  display: (typeof WORKER_DISPLAYS)[number];
  confirmedAt: number;
};

const columns = {
  id: workers.id,
  slug: workers.slug,
  name: workers.name,
  fullName: workers.fullName,
  areaId: workers.areaId,
  team: workers.team,
  status: workers.status,
  display: workers.display,
  confirmedAt: workerAccountProfiles.confirmedAt,
};

const held = (db: Db) => db.select(columns).from(workerAccountProfiles).innerJoin(workers, eq(workers.id, workerAccountProfiles.workerId));
type Row = ReturnType<ReturnType<typeof held>['all']>[number];

const toProfile = ({ name, fullName, ...r }: Row): OwnedProfile => ({ ...r, publicName: name, fullName: fullName ?? name });

export function accountProfiles(db: Db, accountId: number): OwnedProfile[] {
  return held(db).where(eq(workerAccountProfiles.accountId, accountId)).orderBy(workerAccountProfiles.id).all().map(toProfile);
}

/** The signed-in worker's profile with this slug, or NotFoundError (unknown, or someone else's). */
export function ownedProfile(db: Db, accountId: number, slug: string): OwnedProfile {
  const row = held(db)
    .where(and(eq(workerAccountProfiles.accountId, accountId), eq(workers.slug, slug)))
    .get();
  if (!row) throw new NotFoundError('not your profile');
  return toProfile(row);
}

export type ProfileExtras = {
  reply: { published: string | null; pending: string | null; rejected: boolean };
  registration: { regulator: (typeof REGULATORS)[number]; number: string } | null;
};

/** What the worker has added to a profile: their reply (published and waiting) and registration. */
export function profileExtras(db: Db, workerId: number): ProfileExtras {
  const replies = db
    .select({ text: workerReplies.text, status: workerReplies.status })
    .from(workerReplies)
    .where(and(eq(workerReplies.workerId, workerId), inArray(workerReplies.status, ['pending', 'published', 'rejected'])))
    .orderBy(desc(workerReplies.id))
    .all();
  const latest = replies[0];
  const registration = db
    .select({ regulator: workerRegistrations.regulator, number: workerRegistrations.number })
    .from(workerRegistrations)
    .where(eq(workerRegistrations.workerId, workerId))
    .get();
  return {
    reply: {
      published: replies.find((r) => r.status === 'published')?.text ?? null,
      pending: replies.find((r) => r.status === 'pending')?.text ?? null,
      rejected: latest?.status === 'rejected',
    },
    registration: registration ?? null,
  };
}

/** Whether a worker has confirmed this profile (the public mark). */
export function isConfirmed(db: Db, workerId: number): boolean {
  return !!db
    .select({ id: workerAccountProfiles.id })
    .from(workerAccountProfiles)
    .where(eq(workerAccountProfiles.workerId, workerId))
    .get();
}

/** The areas the profile's live recommendations were sent from (more than one after a merge). */
export function recommendationAreaIds(db: Db, workerId: number): number[] {
  return db
    .selectDistinct({ areaId: nominations.areaId })
    .from(quotes)
    .innerJoin(nominations, eq(nominations.id, quotes.nominationId))
    .where(and(eq(quotes.workerId, workerId), isNull(quotes.unpublishedAt)))
    .all()
    .map((r) => r.areaId);
}

/** What the public profile and its JSON show of the worker's own side. */
export function publicWorkerSide(db: Db, workerId: number) {
  const { reply, registration } = profileExtras(db, workerId);
  return { confirmed: isConfirmed(db, workerId), reply: reply.published, registration };
}
