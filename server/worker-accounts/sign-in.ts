// Using a mailed sign-in link. Looking at a link (GET, which mail scanners do) changes nothing;
// signing in (POST) uses it up, once, within 30 minutes, for the one profile it was sent for.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { workerAccountProfiles, workerAccounts, workerSignInTokens, workers } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { ConflictError } from '../errors.ts';
import { looksLikeToken, sha256 } from './secrets.ts';

export type LinkState = 'valid' | 'expired' | 'used' | 'unknown';

export function linkState(db: Db, token: string, now: number): { state: LinkState; workerSlug?: string } {
  if (!looksLikeToken(token)) return { state: 'unknown' };
  const row = db
    .select({ expiresAt: workerSignInTokens.expiresAt, usedAt: workerSignInTokens.usedAt, slug: workers.slug })
    .from(workerSignInTokens)
    .innerJoin(workers, eq(workers.id, workerSignInTokens.workerId))
    .where(eq(workerSignInTokens.tokenHash, sha256(token)))
    .get();
  if (!row) return { state: 'unknown' };
  const state = row.usedAt !== null ? 'used' : row.expiresAt <= now ? 'expired' : 'valid';
  return { state, workerSlug: row.slug };
}

/**
 * Uses the link up and returns the account to start a session for. The profile it was sent for is
 * linked to the account (the one signed in on this browser, else the address's own, made if new).
 * Throws ConflictError with the link's state when it cannot be used, or 'taken' when another
 * worker confirmed the profile in the meantime.
 */
export function useSignInLink(db: Db, token: string, now: number, signedInAccountId?: number): { accountId: number; workerId: number } {
  if (!looksLikeToken(token)) throw new ConflictError('unknown');
  return db.$client.transaction(() => {
    const tokenHash = sha256(token);
    const used = db
      .update(workerSignInTokens)
      .set({ usedAt: now })
      .where(and(eq(workerSignInTokens.tokenHash, tokenHash), isNull(workerSignInTokens.usedAt), gt(workerSignInTokens.expiresAt, now)))
      .returning()
      .get();
    if (!used) throw new ConflictError(linkState(db, token, now).state);
    const holder = db
      .select({ accountId: workerAccountProfiles.accountId })
      .from(workerAccountProfiles)
      .where(eq(workerAccountProfiles.workerId, used.workerId))
      .get();
    let accountId: number;
    if (used.via === 'returning' || used.via === 'moderator') {
      // the profile was already linked to this address's account (a moderator's confirmation links it)
      const own = db.select({ id: workerAccounts.id }).from(workerAccounts).where(eq(workerAccounts.email, used.email)).get();
      if (!own || holder?.accountId !== own.id) throw new ConflictError('taken');
      accountId = own.id;
    } else {
      if (holder && holder.accountId !== signedInAccountId) {
        const own = db.select({ id: workerAccounts.id }).from(workerAccounts).where(eq(workerAccounts.email, used.email)).get();
        if (holder.accountId !== own?.id) throw new ConflictError('taken');
      }
      accountId = holder?.accountId ?? signedInAccountId ?? findOrCreateAccount(db, used.email, now);
      if (!holder) {
        db.insert(workerAccountProfiles).values({ accountId, workerId: used.workerId, confirmedAt: now, confirmedBy: 'work_email' }).run();
        // the "Confirmed by the social worker" mark shows at once (cached pages are dropped)
        db.update(workers).set({ updatedAt: now }).where(eq(workers.id, used.workerId)).run();
        audit(db, {
          at: now,
          moderatorId: null,
          action: 'worker.confirmed',
          subjectType: 'worker',
          subjectId: used.workerId,
          after: { account: accountId, by: 'work_email' },
        });
      }
    }
    db.update(workerAccounts).set({ lastSignInAt: now }).where(eq(workerAccounts.id, accountId)).run();
    audit(db, { at: now, moderatorId: null, action: 'worker.signed_in', subjectType: 'worker_account', subjectId: accountId });
    return { accountId, workerId: used.workerId };
  })();
}

export function findOrCreateAccount(db: Db, email: string, now: number): number {
  const found = db.select({ id: workerAccounts.id }).from(workerAccounts).where(eq(workerAccounts.email, email)).get();
  if (found) return found.id;
  return Number(db.insert(workerAccounts).values({ email, createdAt: now, lastSignInAt: now }).run().lastInsertRowid);
}
