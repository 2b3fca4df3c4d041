// Server-side moderator sessions. The cookie holds a random 32-byte token; the table holds only its SHA-256,
// so a copy of the database cannot be used to sign in. Sessions end after 30 minutes idle or 12 hours in all,
// at logout, and at once when the moderator is disabled.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db.ts';
import type { Moderator } from './accounts.ts';

export const SESSION_COOKIE = 'gsw_session';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
// Writing last_seen_at on every request is wasteful; a minute's slack on a 30-minute timeout is fine.
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a new session (a fresh token at every login) and returns the token for the cookie. */
export function createSession(db: Db, moderatorId: number, now: number): string {
  const token = randomBytes(32).toString('base64url');
  const sqlite = db.$client;
  // Expired sessions of this moderator are tidied away here rather than by a job.
  sqlite
    .prepare('DELETE FROM moderator_sessions WHERE moderator_id = ? AND (last_seen_at <= ? OR created_at <= ?)')
    .run(moderatorId, now - IDLE_MS, now - ABSOLUTE_MS);
  sqlite
    .prepare('INSERT INTO moderator_sessions (id_hash, moderator_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
    .run(hashToken(token), moderatorId, now, now);
  return token;
}

/** The signed-in moderator for a cookie token, or undefined (and the row removed) when it has expired. */
export function sessionModerator(db: Db, token: string | undefined, now: number): Moderator | undefined {
  if (!token || token.length > 100) return undefined;
  const sqlite = db.$client;
  const idHash = hashToken(token);
  const row = sqlite
    .prepare(
      `SELECT s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
              m.id, m.email, m.role, m.created_at AS modCreatedAt, m.disabled_at AS disabledAt,
              m.locked_until AS lockedUntil, m.failed_logins AS failedLogins
         FROM moderator_sessions s JOIN moderators m ON m.id = s.moderator_id
        WHERE s.id_hash = ?`,
    )
    .get(idHash) as
    | { createdAt: number; lastSeenAt: number; id: number; email: string; role: Moderator['role']; modCreatedAt: number; disabledAt: number | null; lockedUntil: number | null; failedLogins: number }
    | undefined;
  if (!row) return undefined;
  if (row.disabledAt !== null || now - row.lastSeenAt >= IDLE_MS || now - row.createdAt >= ABSOLUTE_MS || now < row.createdAt) {
    sqlite.prepare('DELETE FROM moderator_sessions WHERE id_hash = ?').run(idHash);
    return undefined;
  }
  if (now - row.lastSeenAt >= TOUCH_EVERY_MS) {
    sqlite.prepare('UPDATE moderator_sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, idHash);
  }
  return {
    id: row.id, email: row.email, role: row.role, createdAt: row.modCreatedAt,
    disabledAt: row.disabledAt, lockedUntil: row.lockedUntil, failedLogins: row.failedLogins,
  };
}

export function deleteSession(db: Db, token: string | undefined): void {
  if (!token) return;
  db.$client.prepare('DELETE FROM moderator_sessions WHERE id_hash = ?').run(hashToken(token));
}

/** Removes sessions that can no longer be used (run hourly by the jobs plugin). */
export function purgeExpiredSessions(db: Db, now: number): number {
  return db.$client
    .prepare('DELETE FROM moderator_sessions WHERE last_seen_at <= ? OR created_at <= ?')
    .run(now - IDLE_MS, now - ABSOLUTE_MS).changes;
}
