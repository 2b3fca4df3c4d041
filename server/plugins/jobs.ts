// Scheduled jobs: retention at start-up and every hour (server/moderation/retention.ts), and
// clearing away moderator sessions that have expired.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { runRetention } from '../moderation/retention.ts';
import { purgeExpiredSessions } from '../moderation/sessions.ts';
import { purgeExpiredWorkerSessions } from '../worker-accounts/sessions.ts';
import { purgeClaimData, purgeStaleAccounts } from '../worker-accounts/claim.ts';

const HOUR = 60 * 60_000;

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
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    retention();
    timer = setInterval(retention, HOUR).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
});
