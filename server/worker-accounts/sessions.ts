// Worker sessions, to the moderators' standards (server/moderation/sessions.ts): the cookie holds a
// random 32-byte token, the table only its SHA-256; a session ends after 30 minutes idle, 12 hours
// in all, at sign-out, or when the worker signs out everywhere.
import { and, eq, lte, or } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { workerAccounts, workerSessions } from '../../db/schema.ts';
import { ABSOLUTE_MS, IDLE_MS } from '../moderation/sessions.ts';
import { looksLikeToken, newToken, sha256 } from './secrets.ts';

export { ABSOLUTE_MS, IDLE_MS };
export const WORKER_SESSION_COOKIE = 'gsw_worker';
// A minute's slack on a 30-minute timeout saves a write on every request.
const TOUCH_EVERY_MS = 60_000;

export type WorkerAccount = { id: number; email: string };

export function createWorkerSession(db: Db, accountId: number, now: number): string {
  const token = newToken();
  db.delete(workerSessions)
    .where(
      and(
        eq(workerSessions.accountId, accountId),
        or(lte(workerSessions.lastSeenAt, now - IDLE_MS), lte(workerSessions.createdAt, now - ABSOLUTE_MS)),
      ),
    )
    .run();
  db.insert(workerSessions)
    .values({ idHash: sha256(token), accountId, createdAt: now, lastSeenAt: now })
    .run();
  return token;
}

/** The signed-in worker for a cookie token, or undefined (and the row removed) once it has expired. */
export function sessionWorker(db: Db, token: string | undefined, now: number): WorkerAccount | undefined {
  if (!looksLikeToken(token)) return undefined;
  const idHash = sha256(token);
  const row = db
    .select({
      createdAt: workerSessions.createdAt,
      lastSeenAt: workerSessions.lastSeenAt,
      id: workerAccounts.id,
      email: workerAccounts.email,
    })
    .from(workerSessions)
    .innerJoin(workerAccounts, eq(workerAccounts.id, workerSessions.accountId))
    .where(eq(workerSessions.idHash, idHash))
    .get();
  if (!row) return undefined;
  if (now - row.lastSeenAt >= IDLE_MS || now - row.createdAt >= ABSOLUTE_MS || now < row.createdAt) {
    db.delete(workerSessions).where(eq(workerSessions.idHash, idHash)).run();
    return undefined;
  }
  if (now - row.lastSeenAt >= TOUCH_EVERY_MS)
    db.update(workerSessions).set({ lastSeenAt: now }).where(eq(workerSessions.idHash, idHash)).run();
  return { id: row.id, email: row.email };
}

export function endWorkerSession(db: Db, token: string | undefined): void {
  if (looksLikeToken(token))
    db.delete(workerSessions)
      .where(eq(workerSessions.idHash, sha256(token)))
      .run();
}

/** "Sign out everywhere": every session of this worker, this browser's included. */
export function endAllWorkerSessions(db: Db, accountId: number): number {
  return db.delete(workerSessions).where(eq(workerSessions.accountId, accountId)).run().changes;
}

export function purgeExpiredWorkerSessions(db: Db, now: number): number {
  return db
    .delete(workerSessions)
    .where(or(lte(workerSessions.lastSeenAt, now - IDLE_MS), lte(workerSessions.createdAt, now - ABSOLUTE_MS)))
    .run().changes;
}
