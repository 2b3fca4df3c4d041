// Every route module, one per area of the site.
import type { FastifyInstance } from 'fastify';
import { WELSH_PREFIX, type SiteOptions } from '../i18n/index.ts';
import health from './public/health.ts';
import home from './public/home.ts';
import workers from './public/workers.ts';
import areas from './public/areas.ts';
import pages from './public/pages.ts';
import openData from './public/open-data.ts';
import insights from './public/insights.ts';
import search from './public/search.ts';
import nominate from './public/nominate.ts';
import withdraw from './public/withdraw.ts';
import status from './public/status.ts';
import requestChange from './public/request-change.ts';
import moderateAuth from './moderate/auth.ts';
import moderateQueue from './moderate/queue.ts';
import moderateNominations from './moderate/nominations.ts';
import moderateRequests from './moderate/requests.ts';
import moderateAudit from './moderate/audit.ts';
import moderateModerators from './moderate/moderators.ts';
import moderateHidden from './moderate/hidden.ts';
import moderateWorkerItems from './moderate/worker-items.ts';
import named from './public/named.ts';
import workerClaim from './worker/claim.ts';
import workerAccount from './worker/account.ts';
import moderateMail from './moderate/mail.ts';

export async function registerRoutes(app: FastifyInstance) {
  for (const routes of [health, openData]) await app.register(routes);
  // Every public page twice: once in English, once under /cy in Welsh. Modules with API routes
  // register those for English only (the JSON is the same in both).
  for (const routes of [home, workers, areas, pages, insights, search, nominate, withdraw, status, requestChange, named]) {
    await app.register(routes, { lang: 'en' } satisfies SiteOptions);
    await app.register(routes, { lang: 'cy', prefix: WELSH_PREFIX } satisfies SiteOptions & { prefix: string });
  }
  for (const routes of [
    moderateAuth,
    moderateQueue,
    moderateNominations,
    moderateRequests,
    moderateHidden,
    moderateWorkerItems,
    moderateAudit,
    moderateModerators,
    moderateMail,
  ]) {
    await app.register(routes);
  }
  // the named worker's side, in both languages too: claim and sign-in are open, the rest needs a worker session
  for (const routes of [workerClaim, workerAccount]) {
    await app.register(routes, { lang: 'en' } satisfies SiteOptions);
    await app.register(routes, { lang: 'cy', prefix: WELSH_PREFIX } satisfies SiteOptions & { prefix: string });
  }
}
