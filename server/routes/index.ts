// Every route module, one per area of the site.
import type { FastifyInstance } from 'fastify';
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
import moderateMail from './moderate/mail.ts';

export async function registerRoutes(app: FastifyInstance) {
  for (const routes of [health, home, workers, areas, pages, openData, insights, search, nominate, withdraw, status, requestChange]) {
    await app.register(routes);
  }
  for (const routes of [moderateAuth, moderateQueue, moderateNominations, moderateRequests, moderateHidden, moderateAudit, moderateModerators, moderateMail]) {
    await app.register(routes);
  }
}
