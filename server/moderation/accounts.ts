// Moderator accounts: creation, login with lockout, disabling.
import { asc, eq, isNotNull } from 'drizzle-orm';
import { moderatorSessions, moderators } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { audit } from '../audit.ts';
import { InvalidError } from '../errors.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

export type Role = 'moderator' | 'admin';

export type Moderator = {
  id: number;
  email: string;
  role: Role;
  createdAt: number;
  disabledAt: number | null;
  lockedUntil: number | null;
  failedLogins: number;
};

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

const COLUMNS = {
  id: moderators.id,
  email: moderators.email,
  role: moderators.role,
  createdAt: moderators.createdAt,
  disabledAt: moderators.disabledAt,
  lockedUntil: moderators.lockedUntil,
  failedLogins: moderators.failedLogins,
};

/** A bad email, weak password or taken email: an InvalidError naming the field, so forms show it beside the field. */
export class AccountError extends InvalidError {
  constructor(message: string, field: 'email' | 'password' = 'email') {
    super([{ field, message }]);
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function emailProblem(email: string): string | undefined {
  const e = normalizeEmail(email);
  if (!e) return 'Enter an email address';
  if (e.length > 254 || !EMAIL.test(e)) return 'Enter an email address in the correct format, like name@example.org';
  return undefined;
}

export function findModeratorByEmail(db: Db, email: string): (Moderator & { passwordHash: string }) | undefined {
  return db
    .select({ ...COLUMNS, passwordHash: moderators.passwordHash })
    .from(moderators)
    .where(eq(moderators.email, normalizeEmail(email)))
    .get();
}

export function getModerator(db: Db, id: number): Moderator | undefined {
  return db.select(COLUMNS).from(moderators).where(eq(moderators.id, id)).get();
}

export function listModerators(db: Db): Moderator[] {
  return db.select(COLUMNS).from(moderators).orderBy(isNotNull(moderators.disabledAt), asc(moderators.email)).all();
}

export type NewModerator = { email: string; password: string; role?: Role; now: number; by?: number | null };

/** Creates a moderator; throws AccountError with a plain message for a bad email, weak password or taken email. */
export async function createModerator(db: Db, m: NewModerator): Promise<Moderator> {
  const email = normalizeEmail(m.email);
  const role = m.role ?? 'moderator';
  const eProblem = emailProblem(email);
  if (eProblem) throw new AccountError(eProblem);
  const pProblem = passwordProblem(m.password, email);
  if (pProblem) throw new AccountError(pProblem, 'password');
  if (findModeratorByEmail(db, email)) throw new AccountError('There is already a moderator with that email address');
  const hash = await hashPassword(m.password);
  const id = db.transaction((tx) => {
    const newId = Number(tx.insert(moderators).values({ email, passwordHash: hash, role, createdAt: m.now }).run().lastInsertRowid);
    audit(db, {
      at: m.now,
      moderatorId: m.by ?? null,
      action: 'moderator.created',
      subjectType: 'moderator',
      subjectId: newId,
      after: { email, role },
    });
    return newId;
  });
  return getModerator(db, id)!;
}

/** Sets a new password (command line `--reset`); also clears a lock and ends the moderator's sessions. */
export async function resetPassword(db: Db, email: string, password: string, now: number, role?: Role): Promise<Moderator> {
  const existing = findModeratorByEmail(db, email);
  if (!existing) throw new AccountError('There is no moderator with that email address');
  const problem = passwordProblem(password, existing.email);
  if (problem) throw new AccountError(problem, 'password');
  const hash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(moderators)
      .set({ passwordHash: hash, failedLogins: 0, lockedUntil: null, ...(role ? { role } : {}) })
      .where(eq(moderators.id, existing.id))
      .run();
    tx.delete(moderatorSessions).where(eq(moderatorSessions.moderatorId, existing.id)).run();
    audit(db, {
      at: now,
      moderatorId: null,
      action: 'moderator.password_reset',
      subjectType: 'moderator',
      subjectId: existing.id,
      before: { role: existing.role },
      after: { role: role ?? existing.role },
    });
  });
  return getModerator(db, existing.id)!;
}

export type LoginResult = { ok: true; moderator: Moderator } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks an email and password. Five wrong passwords lock the account for 15 minutes; while locked even the
 * right password is refused. An unknown email costs the same scrypt work as a known one.
 * The caller shows ONE message for every failure, so nobody learns whether an email exists.
 */
export async function attemptLogin(db: Db, email: string, password: string, now: number): Promise<LoginResult> {
  const m = findModeratorByEmail(db, email);
  if (!m || m.disabledAt !== null) {
    await verifyPassword(password, await dummyPasswordHash());
    return { ok: false, reason: 'invalid' };
  }
  if (m.lockedUntil !== null && m.lockedUntil > now) {
    await verifyPassword(password, await dummyPasswordHash());
    return { ok: false, reason: 'locked' };
  }
  const good = await verifyPassword(password, m.passwordHash);
  const byId = eq(moderators.id, m.id);
  if (good) {
    db.update(moderators).set({ failedLogins: 0, lockedUntil: null }).where(byId).run();
    return { ok: true, moderator: getModerator(db, m.id)! };
  }
  // Re-read inside the transaction: two wrong tries at once must both count.
  const locked = db.transaction((tx) => {
    const row = tx.select({ n: moderators.failedLogins, lockedUntil: moderators.lockedUntil }).from(moderators).where(byId).get();
    if (!row) return false;
    // A lock that has run out starts a fresh count.
    const failures = (row.lockedUntil !== null && row.lockedUntil <= now ? 0 : row.n) + 1;
    if (failures >= MAX_FAILED_LOGINS) {
      tx.update(moderators)
        .set({ failedLogins: 0, lockedUntil: now + LOCK_MS })
        .where(byId)
        .run();
      audit(db, {
        at: now,
        moderatorId: null,
        action: 'moderator.locked',
        subjectType: 'moderator',
        subjectId: m.id,
        note: `${failures} wrong passwords in a row`,
      });
      return true;
    }
    tx.update(moderators).set({ failedLogins: failures, lockedUntil: null }).where(byId).run();
    return false;
  });
  return { ok: false, reason: locked ? 'locked' : 'invalid' };
}

/** Disables (or re-enables) a moderator; disabling ends their sessions at once. */
export function setModeratorDisabled(db: Db, id: number, disabled: boolean, now: number, by: number): Moderator | undefined {
  return db.transaction((tx) => {
    const before = getModerator(db, id);
    if (!before) return undefined;
    if (disabled === (before.disabledAt !== null)) return before;
    tx.update(moderators)
      .set({ disabledAt: disabled ? now : null })
      .where(eq(moderators.id, id))
      .run();
    if (disabled) tx.delete(moderatorSessions).where(eq(moderatorSessions.moderatorId, id)).run();
    audit(db, {
      at: now,
      moderatorId: by,
      action: disabled ? 'moderator.disabled' : 'moderator.enabled',
      subjectType: 'moderator',
      subjectId: id,
      before: { email: before.email, disabled: before.disabledAt !== null },
      after: { email: before.email, disabled },
    });
    return getModerator(db, id);
  });
}
