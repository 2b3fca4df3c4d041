// GET /named ("Named on this site?": what is held about a worker and their rights) and GET /check
// (is a thanks document genuine, and what does it list).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkThanks, compactCode, formatCode } from '../../worker-accounts/thanks.ts';

export default async function named(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/named', async (_req, reply) =>
    reply.page('named', {
      title: 'Named on this site?',
      description:
        'What the directory holds about a named social worker, where it came from, how long it is kept, and how to object or confirm.',
    }),
  );

  app.get('/check', { schema: { querystring: z.object({ code: z.string().max(100).optional() }) } }, async (req, reply) => {
    const typed = req.query.code;
    if (typed === undefined || typed.trim() === '')
      return reply.page('check', { title: 'Check a thanks document', code: '', errors: [], noindex: true });
    const code = compactCode(typed);
    const error = (message: string, status: number) =>
      reply.page(
        'check',
        { title: 'Error: Check a thanks document', code: typed, errors: [{ field: 'code', message }], noindex: true },
        status,
      );
    if (!code) return error('Enter the check code as it is printed on the document: 16 letters and numbers, like ABCD-EFGH-JKLM-NPQR', 400);
    const found = checkThanks(app.db, code);
    if (!found)
      return error(
        'No document has this check code. Check you typed it as printed; if it is right, the document is not one we issued',
        404,
      );
    reply.header('x-robots-tag', 'noindex');
    return reply.page('check-result', { title: 'This document is genuine', code: formatCode(code), found, noindex: true });
  });
}
