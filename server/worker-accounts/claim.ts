// "Is this you?": a worker proves they are named on a profile with their work email. A single-use
// sign-in link is mailed only when the address is on a domain of the profile's children's services
// authority; whatever happens, the person asking sees the same answer (no enumeration). Workers whose
// address does not match (agency staff, workers who moved) ask a moderator to confirm them by hand.
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import {
  workerAccountProfiles,
  workerAccounts,
  workerClaimAttempts,
  workerConfirmationRequests,
  workerSignInTokens,
  type SIGN_IN_VIA,
} from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { queueMail } from '../mail/outbox.ts';
import { workerClaimTakenMail, workerSignInMail } from '../mail/messages.ts';
import { authorityAcceptsEmail } from '../areas/authorities.ts';
import { newToken, sha256 } from './secrets.ts';
import type { Lang } from '../i18n/index.ts';

/** More than this many claims an hour from one client, or for one profile, are refused. */
export const CLAIM_LIMIT = 5;
export const CLAIM_WINDOW_MS = 60 * 60_000;
export const SIGN_IN_VALID_MS = 30 * 60_000;

/** `lang`: the language of the page the request came from; its mail is written in it. */
export type ClaimContext = { clientHash: string; now: number; publicUrl: string; lang: Lang };

/** Whether one more claim from this client (or for this profile) would pass the limit. Reads only. */
export function claimLimited(db: Db, clientHash: string, workerId: number | null, now: number): boolean {
  const since = now - CLAIM_WINDOW_MS;
  const byClient = db
    .select({ n: count() })
    .from(workerClaimAttempts)
    .where(and(eq(workerClaimAttempts.clientHash, clientHash), gt(workerClaimAttempts.at, since)))
    .get()!.n;
  if (byClient >= CLAIM_LIMIT) return true;
  if (workerId === null) return false;
  const byProfile = db
    .select({ n: count() })
    .from(workerClaimAttempts)
    .where(and(eq(workerClaimAttempts.workerId, workerId), gt(workerClaimAttempts.at, since)))
    .get()!.n;
  return byProfile >= CLAIM_LIMIT;
}

/** Mails a single-use sign-in link bound to one profile (inside the caller's transaction), in `lang`. */
export function issueSignInLink(
  db: Db,
  input: { workerId: number; email: string; via: (typeof SIGN_IN_VIA)[number]; now: number; publicUrl: string; lang: Lang },
): void {
  const token = newToken();
  db.insert(workerSignInTokens)
    .values({
      tokenHash: sha256(token),
      workerId: input.workerId,
      email: input.email,
      via: input.via,
      createdAt: input.now,
      expiresAt: input.now + SIGN_IN_VALID_MS,
    })
    .run();
  queueMail(db, workerSignInMail(input.publicUrl, input.lang, input.email, token, SIGN_IN_VALID_MS / 60_000), input.now);
  audit(db, {
    at: input.now,
    moderatorId: null,
    action: 'worker.sign_in_link_sent',
    subjectType: 'worker',
    subjectId: input.workerId,
    note: `because: ${input.via}`,
  });
}

/**
 * A claim of one profile. Returns false (and stores nothing) when the rate limit refuses it;
 * otherwise true, whether or not a mail was sent.
 */
export function claimProfile(db: Db, input: ClaimContext & { workerId: number; authority: string; email: string }): boolean {
  return db.$client.transaction(() => {
    if (claimLimited(db, input.clientHash, input.workerId, input.now)) return false;
    db.insert(workerClaimAttempts).values({ clientHash: input.clientHash, workerId: input.workerId, at: input.now }).run();
    if (!authorityAcceptsEmail(db, input.authority, input.email)) return true;
    const holder = db
      .select({ email: workerAccounts.email })
      .from(workerAccountProfiles)
      .innerJoin(workerAccounts, eq(workerAccounts.id, workerAccountProfiles.accountId))
      .where(eq(workerAccountProfiles.workerId, input.workerId))
      .get();
    const link = { workerId: input.workerId, email: input.email, now: input.now, publicUrl: input.publicUrl, lang: input.lang };
    if (!holder) issueSignInLink(db, { ...link, via: 'work_email' });
    else if (holder.email === input.email) issueSignInLink(db, { ...link, via: 'returning' });
    else queueMail(db, workerClaimTakenMail(input.publicUrl, input.lang, input.email), input.now);
    return true;
  })();
}

/** A confirmed worker asks to sign in again with their address alone. False when rate limited. */
export function requestReturningSignIn(db: Db, input: ClaimContext & { email: string }): boolean {
  return db.$client.transaction(() => {
    if (claimLimited(db, input.clientHash, null, input.now)) return false;
    db.insert(workerClaimAttempts).values({ clientHash: input.clientHash, workerId: null, at: input.now }).run();
    const profile = db
      .select({ workerId: workerAccountProfiles.workerId })
      .from(workerAccounts)
      .innerJoin(workerAccountProfiles, eq(workerAccountProfiles.accountId, workerAccounts.id))
      .where(eq(workerAccounts.email, input.email))
      .orderBy(workerAccountProfiles.id)
      .get();
    if (profile)
      issueSignInLink(db, {
        workerId: profile.workerId,
        email: input.email,
        via: 'returning',
        now: input.now,
        publicUrl: input.publicUrl,
        lang: input.lang,
      });
    return true;
  })();
}

/** The address does not match: the worker asks a moderator to confirm them by hand. False when rate limited. */
export function requestManualConfirmation(db: Db, input: ClaimContext & { workerId: number; email: string; note: string }): boolean {
  return db.$client.transaction(() => {
    if (claimLimited(db, input.clientHash, input.workerId, input.now)) return false;
    db.insert(workerClaimAttempts).values({ clientHash: input.clientHash, workerId: input.workerId, at: input.now }).run();
    const id = Number(
      db
        .insert(workerConfirmationRequests)
        .values({ workerId: input.workerId, email: input.email, note: input.note, lang: input.lang, submittedAt: input.now })
        .run().lastInsertRowid,
    );
    audit(db, {
      at: input.now,
      moderatorId: null,
      action: 'worker.confirmation_requested',
      subjectType: 'worker_confirmation',
      subjectId: id,
      after: { workerId: input.workerId },
    });
    return true;
  })();
}

/** Claims older than the window no longer count; tokens a day past expiry go with their address. */
export function purgeClaimData(db: Db, now: number): void {
  db.delete(workerClaimAttempts)
    .where(lt(workerClaimAttempts.at, now - CLAIM_WINDOW_MS))
    .run();
  db.delete(workerSignInTokens)
    .where(lt(workerSignInTokens.expiresAt, now - 24 * 60 * 60_000))
    .run();
}

/** Accounts unused for 2 years go, with their address; the profiles stay, no longer confirmed. */
export const ACCOUNT_KEPT_MS = 2 * 365 * 24 * 60 * 60_000;

export function purgeStaleAccounts(db: Db, now: number): number {
  return db
    .delete(workerAccounts)
    .where(lt(workerAccounts.lastSignInAt, now - ACCOUNT_KEPT_MS))
    .run().changes;
}
