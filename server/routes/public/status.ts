// "Check your recommendation" (/status), and the edit page a family reaches from it when a moderator
// sent their story back. Everything is found by the reference alone: no email, no account.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ConflictError, InvalidError, NotFoundError } from '../../errors.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { formatReference } from '../../nominations/reference.ts';
import { LIMITS } from '../../nominations/form.ts';
import { nominationStatus, referenceOf } from '../../families/status.ts';
import { resubmit, storyToEdit } from '../../families/send-back.ts';
import { noStore } from '../moderate/guard.ts';
import type { SiteOptions } from '../../i18n/index.ts';
import { localErrors, localMessage } from '../../i18n/form-messages.ts';

/** Tries per client before a pause: plenty for a family checking one or two references, useless for guessing 65 bits. */
export const STATUS_RATE_LIMIT = { max: 20, timeWindow: 10 * 60_000 } as const;

export default async function status(app: FastifyInstance, { lang }: SiteOptions) {
  const t = app.catalogue.t[lang];
  // notFound: the same words whether the reference is mistyped or unknown: a reference is not a thing to guess.
  const said = { empty: t('status.empty'), notFound: t('status.notFound'), tooMany: t('status.tooMany') };
  noStore(app); // these pages can carry a reference or a story: never kept by the browser or a proxy

  // counted after the body is read, so the 429 page can show the reference as typed
  const limited = app.config.RATE_LIMIT_MAX === 0 ? {} : { config: { rateLimit: { ...STATUS_RATE_LIMIT, hook: 'preHandler' as const } } };

  const renderForm = (reply: FastifyReply, reference: string, error?: string, code = 200) =>
    reply.page(
      'status',
      {
        title: error ? t('status.errorTitle') : t('status.title'),
        description: t('status.description'),
        noindex: true,
        reference,
        errors: error ? [{ field: 'reference', message: error }] : [],
      },
      code,
    );

  const renderStatus = (reply: FastifyReply, typed: string) => {
    const found = nominationStatus(app.db, typed);
    if (!found) return renderForm(reply, typed, said.notFound, 404);
    const ref = referenceOf(typed)!;
    // the decision's words come from a fixed list (families/reasons.ts): each is in the catalogue
    const shown = 'reason' in found ? { ...found, reason: localMessage(t, lang, found.reason) } : found;
    return reply.page('status-result', { title: t('status.result.title'), noindex: true, status: shown, reference: formatReference(ref) });
  };

  /** Too many tries: the same form, with the typed reference and a clear message (429). */
  const tooManyTries = {
    errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
      if (err.statusCode !== 429) throw err; // to the site's error handler
      req.log.info({ status: 429 }, 'status checks paused for this client');
      reply.header('retry-after', String(STATUS_RATE_LIMIT.timeWindow / 1000));
      return renderForm(reply, formText(req.body, 'reference'), said.tooMany, 429);
    },
  };

  const routes = app.withTypeProvider<ZodTypeProvider>();
  const form = { schema: { body: formBody }, ...limited, ...tooManyTries };

  routes.get('/status', async (_req, reply) => renderForm(reply, ''));

  routes.post('/status', form, async (req, reply) => {
    const reference = formText(req.body, 'reference');
    if (!reference.trim()) return renderForm(reply, reference, said.empty, 400);
    return renderStatus(reply, reference);
  });

  const renderEdit = (
    reply: FastifyReply,
    reference: string,
    story: string,
    errors: { field: string; message: string }[] = [],
    code = 200,
  ) =>
    reply.page(
      'status-edit',
      {
        title: errors.length ? t('status.edit.errorTitle') : t('status.edit.title'),
        noindex: true,
        reference: formatReference(reference),
        story,
        errors: localErrors(t, lang, errors),
        storyMax: LIMITS.storyMax,
      },
      code,
    );

  /** A reference that is unknown, or not waiting for an edit, gets the status page's answer. */
  const explain = (reply: FastifyReply, reference: string, e: unknown) => {
    if (e instanceof NotFoundError) return renderForm(reply, reference, said.notFound, 404);
    if (e instanceof ConflictError) return renderStatus(reply, reference);
    throw e;
  };

  routes.post('/status/edit', form, async (req, reply) => {
    const reference = formText(req.body, 'reference');
    try {
      const { ref, story } = storyToEdit(app.db, reference);
      return renderEdit(reply, ref, story);
    } catch (e) {
      return explain(reply, reference, e);
    }
  });

  routes.post('/status/edit/send', form, async (req, reply) => {
    const reference = formText(req.body, 'reference');
    const story = formText(req.body, 'story');
    try {
      resubmit(app.db, { reference, story, now: app.now(), hashKey: app.config.SESSION_SECRET });
      return reply.page('status-edit-done', {
        title: t('status.edit.doneTitle'),
        noindex: true,
        reference: formatReference(referenceOf(reference)!),
      });
    } catch (e) {
      if (e instanceof InvalidError) return renderEdit(reply, referenceOf(reference) ?? reference, story, e.errors, 400);
      return explain(reply, reference, e);
    }
  });
}
