// The static pages: /about, /privacy, /house-rules, /help, /staying-safe, /accessibility.
import type { FastifyInstance } from 'fastify';

export default async function pages(app: FastifyInstance) {
  app.get('/about', async (_req, reply) =>
    reply.page('about', { title: 'About the directory', description: 'What The Good Social Worker directory is, and why it exists.' }),
  );
  app.get('/privacy', async (_req, reply) =>
    reply.page('privacy', {
      title: 'Privacy: what we keep and for how long',
      description: 'What the directory keeps about you, for how long, and what is never published.',
      retentionDays: app.config.RETENTION_DAYS,
    }),
  );
  app.get('/house-rules', async (_req, reply) =>
    reply.page('house-rules', { title: 'House rules: what we publish and what we remove', description: 'What gets published on the directory and what gets removed.' }),
  );
  app.get('/help', async (_req, reply) =>
    reply.page('help', { title: 'Help and open data', description: 'Where to get help, how to withdraw a recommendation, and the open data the directory publishes.' }),
  );
  app.get('/staying-safe', async (_req, reply) =>
    reply.page('staying-safe', { title: 'Staying safe online', description: 'How to use this site without other people knowing: private browsing, history, and the exit button.' }),
  );
  app.get('/accessibility', async (_req, reply) =>
    reply.page('accessibility', { title: 'Accessibility statement', description: 'How accessible this site is, what does not work yet, and how to tell us about a problem.' }),
  );
}
