// Scheduled jobs: retention at start-up and every hour (server/moderation/retention.ts), and
// clearing away moderator sessions that have expired; the change log's readers' heartbeat every
// few seconds, its pruning every minute, and a look four times a second whether another process
// wrote (server/workers/changes.ts). Every one of them is safe
// to run in several processes at once (each a short transaction whose outcome does not depend
// on who ran it first), so each server process runs them all.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { runRetention } from '../moderation/retention.ts';
import { purgeExpiredSessions } from '../moderation/sessions.ts';
import { purgeExpiredWorkerSessions } from '../worker-accounts/sessions.ts';
import { purgeClaimData, purgeStaleAccounts } from '../worker-accounts/claim.ts';
import { keepReadersAlive, pollReaders, pruneChangeLog, READER_TIMEOUT_MS } from '../workers/changes.ts';

const HOUR = 60 * 60_000;
/** Well inside READER_TIMEOUT_MS, so a live reader is never taken for dead. */
const HEARTBEAT_MS = READER_TIMEOUT_MS / 6;
const PRUNE_MS = 60_000;
/** How often to look whether another process wrote: what it changed is taken in before anyone asks. */
const POLL_MS = 250;

export default fp(async function jobs(app: FastifyInstance) {
  const retention = () => {
    try {
      const r = runRetention(app.db, app.now(), app.config.RETENTION_DAYS);
      purgeExpiredSessions(app.db, app.now());
      // named workers: expired sessions, sign-in links and claim counts, accounts unused for 2 years
      purgeExpiredWorkerSessions(app.db, app.now());
      purgeClaimData(app.db, app.now());
      purgeStaleAccounts(app.db, app.now());
      if (r.stories || r.nominationEmails || r.requestEmails) app.log.info(r, 'retention: deleted old personal data');
    } catch (err) {
      // A busy or read-only database must not stop the site; the next run tries again.
      app.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'retention failed');
    }
  };
  const changeLog = (prune: boolean) => {
    try {
      keepReadersAlive(app.db);
      if (prune) pruneChangeLog(app.db);
    } catch (err) {
      // busy or read-only: readers stay registered as they were, rows stay a little longer
      app.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'change log upkeep failed');
    }
  };
  // PRAGMA data_version moves when another connection commits: a cheap look, four times a second
  // (writes through this connection are taken in at the next read anyway). Raw: a pragma.
  let seenVersion = -1;
  const poll = () => {
    try {
      const version = app.db.$client.pragma('data_version', { simple: true });
      if (version === seenVersion) return;
      seenVersion = Number(version);
      pollReaders(app.db);
    } catch (err) {
      app.log.error({ err: { message: (err as Error).message } }, 'change log poll failed');
    }
  };
  const timers: NodeJS.Timeout[] = [];
  app.addHook('onReady', async () => {
    retention();
    changeLog(true);
    timers.push(setInterval(retention, HOUR).unref());
    timers.push(setInterval(() => changeLog(false), HEARTBEAT_MS).unref());
    timers.push(setInterval(() => changeLog(true), PRUNE_MS).unref());
    timers.push(setInterval(poll, POLL_MS).unref());
  });
  app.addHook('onClose', async () => {
    for (const t of timers) clearInterval(t);
  });
});
