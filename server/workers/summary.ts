// A profile as the moderators see it (any status): its area's name and live recommendations.
// Used by change requests, hidden profiles and the review page.
import { eq, like, sql } from 'drizzle-orm';
import { areas, workers } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { preparedQuery } from '../statements.ts';
import { liveQuoteCount } from './visibility.ts';

export type WorkerSummary = {
  id: number;
  slug: string;
  name: string;
  areaId: number;
  areaName: string;
  team: string | null;
  status: 'published' | 'hidden';
  recommendations: number;
};

/** The WorkerSummary columns, for a query over `workers` joined to `areas`. */
export const workerSummaryColumns = {
  id: workers.id,
  slug: workers.slug,
  name: workers.name,
  areaId: workers.areaId,
  areaName: areas.name,
  team: workers.team,
  status: workers.status,
  recommendations: liveQuoteCount,
};

/** `select workerSummaryColumns from workers join areas`, for adding conditions to. */
export const workerSummaries = (db: Db) => db.select(workerSummaryColumns).from(workers).innerJoin(areas, eq(areas.id, workers.areaId));

const byId = (db: Db) =>
  workerSummaries(db)
    .where(eq(workers.id, sql.placeholder('id')))
    .prepare();

export function getWorker(db: Db, id: number): WorkerSummary | undefined {
  return preparedQuery(db, byId).get({ id });
}

export function workersInAreaAnyStatus(db: Db, areaId: number): WorkerSummary[] {
  return workerSummaries(db).where(eq(workers.areaId, areaId)).all();
}

/** Up to 2000 profiles whose name contains `fragment` (case-insensitive for ASCII, as LIKE is). */
export function workersNamedLike(db: Db, fragment: string): WorkerSummary[] {
  return workerSummaries(db)
    .where(like(workers.name, `%${fragment.replace(/[%_]/g, '')}%`))
    .limit(2000)
    .all();
}
