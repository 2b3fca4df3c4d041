// The static pages: /about, /privacy, /house-rules, /help, /staying-safe, /accessibility.
import type { FastifyInstance } from 'fastify';

/** When the accessibility statement was prepared and last reviewed (each shown as its month). */
const ACCESSIBILITY_STATEMENT = { prepared: Date.UTC(2026, 11, 15), reviewed: Date.UTC(2026, 11, 15) };

export default async function pages(app: FastifyInstance) {
  app.get('/about', async (req, reply) => reply.page('about', { title: req.t('about.title'), description: req.t('about.description') }));
  app.get('/privacy', async (req, reply) =>
    reply.page('privacy', {
      title: req.t('privacy.title'),
      description: req.t('privacy.description'),
      // the config keeps it as the digits it was given
      retentionDays: Number(app.config.RETENTION_DAYS),
    }),
  );
  app.get('/house-rules', async (req, reply) =>
    reply.page('house-rules', { title: req.t('houseRules.title'), description: req.t('houseRules.description') }),
  );
  app.get('/help', async (req, reply) => reply.page('help', { title: req.t('help.title'), description: req.t('help.description') }));
  app.get('/staying-safe', async (req, reply) =>
    reply.page('staying-safe', {
      title: req.t('stayingSafe.title'),
      description: req.t('stayingSafe.description'),
      // the sender the mails come from (MAIL_FROM's name, else its address), as the page promises
      mailName: senderName(app.config.MAIL_FROM),
    }),
  );
  app.get('/accessibility', async (req, reply) =>
    reply.page('accessibility', {
      title: req.t('accessibility.title'),
      description: req.t('accessibility.description'),
      statement: ACCESSIBILITY_STATEMENT,
    }),
  );
}

/** "The Good Social Worker directory <no-reply@…>" -> its name; a bare address is its own name. */
function senderName(from: string): string {
  const named = /^([^<]*)</.exec(from);
  return named?.[1]?.trim() || from;
}
