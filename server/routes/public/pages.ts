// The static pages: /about, /privacy, /house-rules, /help, /staying-safe, /accessibility.
import type { FastifyInstance } from 'fastify';

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
  app.get('/house-rules', async (_req, reply) =>
    reply.page('house-rules', {
      title: 'House rules: what we publish and what we remove',
      description: 'What gets published on the directory and what gets removed.',
    }),
  );
  app.get('/help', async (req, reply) => reply.page('help', { title: req.t('help.title'), description: req.t('help.description') }));
  app.get('/staying-safe', async (_req, reply) =>
    reply.page('staying-safe', {
      title: 'Staying safe online',
      description: 'How to use this site without other people knowing: private browsing, history, and the exit button.',
    }),
  );
  app.get('/accessibility', async (_req, reply) =>
    reply.page('accessibility', {
      title: 'Accessibility statement',
      description: 'How accessible this site is, what does not work yet, and how to tell us about a problem.',
    }),
  );
}
