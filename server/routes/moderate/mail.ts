// GET /moderate/mail (admins): the state of outgoing mail, without bodies or whole addresses.
import type { FastifyInstance } from 'fastify';
import { mailCounts, recentMail } from '../../mail/admin.ts';
import { MAX_ATTEMPTS } from '../../mail/sender.ts';
import { moderationPage, requireModerator } from './guard.ts';

const KIND_LABELS: Record<string, string> = {
  worker_sign_in: 'Social worker sign-in link',
  nominator_published: 'Published: to a family who asked',
};

export default async function mail(app: FastifyInstance) {
  requireModerator(app, { admin: true });

  app.get('/moderate/mail', async (_req, reply) =>
    moderationPage(reply, 'moderate/mail', {
      title: 'Mail',
      counts: mailCounts(app.db),
      messages: recentMail(app.db),
      transport: app.mail.transport,
      folder: app.mail.folder,
      maxAttempts: MAX_ATTEMPTS,
      kindLabel: (k: string) => KIND_LABELS[k] ?? k,
    }),
  );
}
