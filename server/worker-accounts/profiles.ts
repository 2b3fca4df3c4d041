// The profiles a signed-in worker holds, and the one check every /worker action makes first: the
// profile named in the form is one of theirs (anything else is answered like an unknown profile).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db.ts';
import {
  workerAccountProfiles,
  workerRegistrations,
  workerReplies,
  workers,
  type WORKER_DISPLAYS,
  type WORKER_STATUSES,
  type REGULATORS,
} from '../../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { preparedQuery } from '../statements.ts';

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

const ph = (name: string) => sql.placeholder(name);

// Prepared once per database handle: the public profile and its JSON ask these on every view.
const replyRows = (db: Db) =>
  db
    .select({ text: workerReplies.text, status: workerReplies.status })
    .from(workerReplies)
    .where(and(eq(workerReplies.workerId, ph('workerId')), inArray(workerReplies.status, ['pending', 'published', 'rejected'])))
    .orderBy(desc(workerReplies.id))
    .prepare();
const registrationOf = (db: Db) =>
  db
    .select({ regulator: workerRegistrations.regulator, number: workerRegistrations.number })
    .from(workerRegistrations)
    .where(eq(workerRegistrations.workerId, ph('workerId')))
    .prepare();
function registration(db: Db, workerId: number): ProfileExtras['registration'] {
  return preparedQuery(db, registrationOf).get({ workerId }) ?? null;
}

/** What the worker has added to a profile: their reply (published and waiting) and registration. */
export function profileExtras(db: Db, workerId: number): ProfileExtras {
  const replies = preparedQuery(db, replyRows).all({ workerId });
  const latest = replies[0];
  return {
    reply: {
      published: replies.find((r) => r.status === 'published')?.text ?? null,
      pending: replies.find((r) => r.status === 'pending')?.text ?? null,
      rejected: latest?.status === 'rejected',
    },
    registration: registration(db, workerId),
  };
}

type WorkerIdColumn = { id: AnySQLiteColumn };

/**
 * What the public profile and its JSON show of the worker's own side, as columns of a query over
 * `workers` (or an alias): the confirmed mark, the latest published reply (as profileExtras reads
 * it) and the registration. The profile's one lookup by slug selects them, so a view asks SQLite
 * once for the worker rather than four times (three of them about tables most workers have no row in).
 */
export function publicSideColumns(w: WorkerIdColumn) {
  // Conditions as eq(), not columns written into the SQL text: in a query over one table drizzle
  // writes a bare column unqualified, and "worker_id" = "id" inside a subquery reads the subquery's own id.
  const ofWorker = (column: AnySQLiteColumn) => eq(column, w.id);
  return {
    confirmed: sql<number>`EXISTS (SELECT 1 FROM ${workerAccountProfiles} WHERE ${ofWorker(workerAccountProfiles.workerId)})`,
    reply: sql<
      string | null
    >`(SELECT ${workerReplies.text} FROM ${workerReplies} WHERE ${and(ofWorker(workerReplies.workerId), eq(workerReplies.status, 'published'))} ORDER BY ${workerReplies.id} DESC LIMIT 1)`,
    regulator: sql<ProfileRegulator | null>`(SELECT ${workerRegistrations.regulator} FROM ${workerRegistrations} WHERE ${ofWorker(workerRegistrations.workerId)})`,
    registrationNumber: sql<
      string | null
    >`(SELECT ${workerRegistrations.number} FROM ${workerRegistrations} WHERE ${ofWorker(workerRegistrations.workerId)})`,
  };
}

type ProfileRegulator = (typeof REGULATORS)[number];
export type PublicSide = { confirmed: boolean; reply: string | null; registration: ProfileExtras['registration'] };

/** The columns of publicSideColumns, read back as the profile shows them. */
export function publicSide(row: {
  confirmed: number;
  reply: string | null;
  regulator: ProfileRegulator | null;
  registrationNumber: string | null;
}): PublicSide {
  return {
    confirmed: !!row.confirmed,
    reply: row.reply,
    registration: row.regulator && row.registrationNumber !== null ? { regulator: row.regulator, number: row.registrationNumber } : null,
  };
}
