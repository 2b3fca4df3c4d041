// Server-side moderator sessions. The cookie holds a random 32-byte token; the table holds only its SHA-256,
// so a copy of the database cannot be used to sign in. Sessions end after 30 minutes idle or 12 hours in all,
// at logout, and at once when the moderator is disabled.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lte, or, sql } from 'drizzle-orm';
import { moderatorSessions, moderators } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { preparedQuery } from '../statements.ts';
import type { Moderator } from './accounts.ts';

export const SESSION_COOKIE = 'gsw_session';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
// Writing last_seen_at on every request is wasteful; a minute's slack on a 30-minute timeout is fine.
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const s = moderatorSessions;
const byHash = eq(s.idHash, sql.placeholder('idHash'));

// Every moderation request reads its session: these are prepared once per database.
const sessionRow = (db: Db) =>
  db
    .select({
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      id: moderators.id,
      email: moderators.email,
      role: moderators.role,
      modCreatedAt: moderators.createdAt,
      disabledAt: moderators.disabledAt,
      lockedUntil: moderators.lockedUntil,
      failedLogins: moderators.failedLogins,
    })
    .from(s)
    .innerJoin(moderators, eq(moderators.id, s.moderatorId))
    .where(byHash)
    .prepare();
const deleteSessionRow = (db: Db) => db.delete(s).where(byHash).prepare();
const touchSession = (db: Db) =>
  db
    .update(s)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(byHash)
    .prepare();

const expired = (now: number) => or(lte(s.lastSeenAt, now - IDLE_MS), lte(s.createdAt, now - ABSOLUTE_MS));

/** Starts a new session (a fresh token at every login) and returns the token for the cookie. */
export function createSession(db: Db, moderatorId: number, now: number): string {
  const token = randomBytes(32).toString('base64url');
  // Expired sessions of this moderator are tidied away here rather than by a job.
  db.delete(s)
    .where(and(eq(s.moderatorId, moderatorId), expired(now)))
    .run();
  db.insert(s)
    .values({ idHash: hashToken(token), moderatorId, createdAt: now, lastSeenAt: now })
    .run();
  return token;
}

/** The signed-in moderator for a cookie token, or undefined (and the row removed) when it has expired. */
export function sessionModerator(db: Db, token: string | undefined, now: number): Moderator | undefined {
  if (!token || token.length > 100) return undefined;
  const idHash = hashToken(token);
  const row = preparedQuery(db, sessionRow).get({ idHash });
  if (!row) return undefined;
  if (row.disabledAt !== null || now - row.lastSeenAt >= IDLE_MS || now - row.createdAt >= ABSOLUTE_MS || now < row.createdAt) {
    preparedQuery(db, deleteSessionRow).run({ idHash });
    return undefined;
  }
  if (now - row.lastSeenAt >= TOUCH_EVERY_MS) preparedQuery(db, touchSession).run({ idHash, now });
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.modCreatedAt,
    disabledAt: row.disabledAt,
    lockedUntil: row.lockedUntil,
    failedLogins: row.failedLogins,
  };
}

export function deleteSession(db: Db, token: string | undefined): void {
  if (!token) return;
  preparedQuery(db, deleteSessionRow).run({ idHash: hashToken(token) });
}

/** Removes sessions that can no longer be used (run hourly by the jobs plugin). */
export function purgeExpiredSessions(db: Db, now: number): number {
  return db.delete(s).where(expired(now)).run().changes;
}
