import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formRateLimit } from '../../http/rate-limit.ts';
import { BOT_MESSAGES, looksLikeBot, screenForm, startedOf, startToken } from '../../http/bot-check.ts';
import { formBody, formText, type FormBody } from '../../http/form-input.ts';
import { hint } from '../../http/route-schemas.ts';
import { QUALITIES, QUALITY_LABELS } from '../../qualities.ts';
import { cleanValues, errorMap, validateNomination, type FieldError, type NominationValues } from '../../nominations/form.ts';
import { labelOf, RELATIONSHIP_CHOICES, STILL_INVOLVED_CHOICES } from '../../nominations/labels.ts';
import { compactReference, formatReference } from '../../nominations/reference.ts';
import { nominationFlagsByRef, SUBMISSION_KEY } from '../../nominations/store.ts';
import { AreaOptionsHtml, areaSelectGroups } from '../../areas/select-options.ts';

const TITLE = 'Recommend a social worker';
const EMPTY: NominationValues = {
  worker_name: '', area: '', area_text: '', team: '', relationship: '', still_involved: '', qualities: [], story: '', contact_email: '', independent: '', consent: '',
};

export default async function nominate(app: FastifyInstance) {
  const { config } = app;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const areaOptions = new AreaOptionsHtml(areaSelectGroups(app.areas));
  const qualityOptions = QUALITIES.map((q) => ({ value: q.key, label: q.label }));

  /** `notices` go in the error summary only, not beside a field. */
  function renderForm(reply: FastifyReply, values: NominationValues, errors: FieldError[], started: string, status = 200, notices: FieldError[] = []) {
    return reply.page(
      'nominate',
      {
        title: errors.length || notices.length ? `Error: ${TITLE}` : TITLE,
        description: 'Say thank you to a social worker who made a difference to your family. A moderator checks every recommendation.',
        values,
        errors: [...notices, ...errors],
        fieldErrors: errorMap(errors),
        areaOptionsHtml: areaOptions.render(values.area),
        qualityOptions,
        relationships: RELATIONSHIP_CHOICES,
        stillInvolved: STILL_INVOLVED_CHOICES,
        started,
      },
      status,
    );
  }

  /** The form again with the answers kept, a fresh `started` and a notice in the error summary. */
  function renderAgain(req: FastifyRequest, reply: FastifyReply, status: number, message: string) {
    const notice = { field: 'worker_name', message };
    return renderForm(reply, validateNomination(req.body, app.areas).values, [], startToken(req, reply), status, [notice]);
  }

  /**
   * A form left open too long (or sent from another tab) fails the CSRF check. Nothing is stored,
   * but the family must not lose what they wrote: show the form again with their answers and a
   * fresh token, still as a 403.
   */
  const formExpired = (req: FastifyRequest, reply: FastifyReply) => {
    if (looksLikeBot(req)) return undefined;
    req.log.info({ status: 403 }, 'form expired; answers shown again');
    return renderAgain(req, reply, 403, 'This form timed out, so nothing has been sent yet. Your answers are below: check them and send the form again.');
  };
  const formRoute = { schema: { body: formBody }, config: { ...formRateLimit(app).config, formExpired } };

  /** Honeypot and fill time; a form older than a day is shown again with its answers (400). */
  function screen(req: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
    const result = screenForm(req, reply, { fillTime: true });
    if (result === 'refused') return reply;
    if (result === 'expired') return renderAgain(req, reply, 400, BOT_MESSAGES.expired);
    return undefined;
  }

  /** The hidden `started` field: carried through the journey once the fill time has been checked. */
  const startedFor = (req: FastifyRequest, reply: FastifyReply, body: FormBody) => startedOf(body) ?? startToken(req, reply);

  routes.get('/nominate', { schema: { querystring: z.object({ area: hint }) } }, async (req, reply) => {
    const area = req.query.area ? app.areas.resolve(req.query.area) : undefined;
    return renderForm(reply, { ...EMPTY, area: area?.slug ?? '' }, [], startToken(req, reply));
  });

  routes.post('/nominate', formRoute, async (req, reply) => {
    const screened = screen(req, reply);
    if (screened) return screened;
    const body = req.body;
    const started = startedFor(req, reply, body);
    const v = validateNomination(body, app.areas);
    // "Change" on the check page posts the answers back here to show them in the form again.
    if (formText(body, 'edit')) return renderForm(reply, v.values, [], started);
    if (!v.ok) return renderForm(reply, v.values, v.errors, started, 400);
    const values = cleanValues(v.data);
    return reply.page('nominate-check', {
      title: 'Check your answers',
      values,
      started,
      submissionKey: randomBytes(16).toString('base64url'),
      answers: {
        area: v.data.area.name,
        relationship: labelOf(RELATIONSHIP_CHOICES, values.relationship),
        stillInvolved: labelOf(STILL_INVOLVED_CHOICES, values.still_involved),
        qualities: values.qualities.map((k) => QUALITY_LABELS[k]!),
      },
    });
  });

  routes.post('/nominate/confirm', formRoute, async (req, reply) => {
    const screened = screen(req, reply);
    if (screened) return screened;
    const body = req.body;
    const key = body.submission_key;
    if (typeof key !== 'string' || !SUBMISSION_KEY.test(key)) {
      return reply.errorPage(400, 'Your answers could not be sent. Please go back to the form, check your answers and send them again.');
    }
    const v = validateNomination(body, app.areas);
    if (!v.ok) return renderForm(reply, v.values, v.errors, startedFor(req, reply, body), 400);
    const stored = await app.committer.store(v.data, { submissionKey: key, now: app.now(), hashKey: config.SESSION_SECRET });
    return reply.code(303).header('location', `/nominate/done/${formatReference(stored.ref)}`).send();
  });

  routes.get('/nominate/done/:ref', { schema: { params: z.object({ ref: z.string() }) } }, async (req, reply) => {
    const ref = compactReference(req.params.ref);
    const flags = ref.length <= 64 ? nominationFlagsByRef(app.db, ref) : undefined;
    if (!flags) return reply.errorPage(404);
    return reply.page('nominate-done', {
      title: 'Recommendation sent',
      noindex: true,
      ref: formatReference(ref),
      concern: flags.includes('safeguarding') || flags.includes('complaint'),
    });
  });
}
