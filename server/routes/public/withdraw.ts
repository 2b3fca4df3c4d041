// A nominator withdraws their nomination with its reference.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formRateLimit } from '../../http/rate-limit.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { cleanLine } from '../../text.ts';
import { withdrawNomination } from '../../nominations/withdraw.ts';

const TITLE = 'Withdraw a recommendation';
export const WITHDRAW_MESSAGES = {
  empty: 'Enter your reference',
  // The same words whether or not any other nomination exists: a reference is not a thing to guess.
  notFound: 'We could not find a recommendation with that reference. Check it and try again.',
} as const;

export default async function withdraw(app: FastifyInstance) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/withdraw', async (_req, reply) => reply.page('withdraw', { title: TITLE, reference: '', errors: [] }));

  // Stricter than other forms: at most 10 tries a minute from one client, to make guessing pointless.
  routes.post('/withdraw', { schema: { body: formBody }, ...formRateLimit(app, Math.min(10, app.config.RATE_LIMIT_MAX)) }, async (req, reply) => {
    const typed = formText(req.body, 'reference');
    const reference = cleanLine(typed);
    const fail = (message: string) => reply.page('withdraw', { title: `Error: ${TITLE}`, reference: typed, errors: [{ field: 'reference', message }] }, 400);
    if (!reference) return fail(WITHDRAW_MESSAGES.empty);
    const result = withdrawNomination(app.db, reference, app.now());
    if (!result.withdrawn) return fail(WITHDRAW_MESSAGES.notFound);
    return reply.page('withdraw-done', { title: 'Your recommendation has been withdrawn', wasLive: result.wasLive, noindex: true });
  });
}
