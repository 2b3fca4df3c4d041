// The nomination journey: form -> check your answers -> confirm (stored) -> done with a reference.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formRateLimit } from '../../plugins/security.ts';
import { handleError, isCsrfError, sendError } from '../../plugins/errors.ts';
import { QUALITIES, QUALITY_LABELS } from '../../qualities.ts';
import { firstString } from '../../nominations/clean.ts';
import { checkFillTime, formStartToken } from '../../nominations/fill-time.ts';
import { cleanValues, errorMap, validateNomination, type FieldError, type NominationValues } from '../../nominations/form.ts';
import { labelOf, RELATIONSHIP_CHOICES, STILL_INVOLVED_CHOICES } from '../../nominations/labels.ts';
import { compactReference, formatReference } from '../../nominations/reference.ts';
import { nominationFlagsByRef, SUBMISSION_KEY } from '../../nominations/store.ts';
import { AreaOptionsHtml, areaSelectGroups } from '../../areas/select-options.ts';
import { committerOf } from '../../nominations/committer.ts';

const TITLE = 'Recommend a social worker';
const EMPTY: NominationValues = {
  worker_name: '', area: '', area_text: '', team: '', relationship: '', still_involved: '', qualities: [], story: '', contact_email: '', notify_published: '', consent: '',
};
const START_TOKEN = /^\d{1,15}\.[A-Za-z0-9_-]{32}$/;

type Body = Record<string, unknown>;
const bodyOf = (req: FastifyRequest): Body => (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Body) : {});

export default async function nominate(app: FastifyInstance) {
  const { config } = app;
  const areaOptions = new AreaOptionsHtml(areaSelectGroups(app.areas));
  const qualityOptions = QUALITIES.map((q) => ({ value: q.key, label: q.label }));

  /** The hidden `started` field: carried through the journey once the fill time has been checked. */
  function startedOf(body: Body): string {
    const s = body.started;
    return typeof s === 'string' && START_TOKEN.test(s) ? s : formStartToken(config.SESSION_SECRET, app.now());
  }

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

  /**
   * Bots get a plain 400 page and nothing is stored: the honeypot was filled, or the form came back
   * sooner after it was served than a person could fill it in (or without a genuine timestamp).
   */
  function refuseBot(req: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
    const body = bodyOf(req);
    if (body.website !== undefined && body.website !== '') {
      req.log.info({ reason: 'honeypot' }, 'form refused');
      return sendError(req, reply, 400, 'We could not accept this form. If you filled it in yourself, please go back and send it again.');
    }
    const fill = checkFillTime(config.SESSION_SECRET, body.started, app.now(), config.MIN_FILL_SECONDS);
    if (fill !== 'ok') {
      req.log.info({ reason: `fill-time-${fill}` }, 'form refused');
      return sendError(
        req,
        reply,
        400,
        'That form came back faster than a person can usually fill it in, so we could not accept it. Please go back, wait a few seconds and send it again: what you typed is still on the previous page.',
      );
    }
    return undefined;
  }

  /**
   * A form left open too long (or sent from another tab) fails the CSRF check. Nothing is stored,
   * but the family must not lose what they wrote: show the form again with their answers and a
   * fresh token, still as a 403.
   */
  const keepAnswersOnExpiry = {
    errorHandler(err: Parameters<typeof handleError>[0], req: FastifyRequest, reply: FastifyReply) {
      const body = bodyOf(req);
      const looksLikeBot =
        (body.website !== undefined && body.website !== '') ||
        checkFillTime(config.SESSION_SECRET, body.started, app.now(), config.MIN_FILL_SECONDS) !== 'ok';
      if (!isCsrfError(err) || looksLikeBot) return handleError(err, req, reply);
      req.log.info({ status: 403, code: err.code }, 'form expired; answers shown again');
      const notice = { field: 'worker_name', message: 'This form timed out, so nothing has been sent yet. Your answers are below: check them and send the form again.' };
      return renderForm(reply, validateNomination(body, app.areas).values, [], startedOf(body), 403, [notice]);
    },
  };

  app.get<{ Querystring: { area?: string } }>('/nominate', async (req, reply) => {
    const area = typeof req.query.area === 'string' ? app.areas.resolve(req.query.area) : undefined;
    return renderForm(reply, { ...EMPTY, area: area?.slug ?? '' }, [], formStartToken(config.SESSION_SECRET, app.now()));
  });

  app.post('/nominate', { ...formRateLimit(app), ...keepAnswersOnExpiry }, async (req, reply) => {
    const refused = refuseBot(req, reply);
    if (refused) return refused;
    const body = bodyOf(req);
    const started = startedOf(body);
    const v = validateNomination(body, app.areas);
    // "Change" on the check page posts the answers back here to show them in the form again.
    if (firstString(body.edit)) return renderForm(reply, v.values, [], started);
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

  app.post('/nominate/confirm', { ...formRateLimit(app), ...keepAnswersOnExpiry }, async (req, reply) => {
    const refused = refuseBot(req, reply);
    if (refused) return refused;
    const body = bodyOf(req);
    const key = body.submission_key;
    if (typeof key !== 'string' || !SUBMISSION_KEY.test(key)) {
      return sendError(req, reply, 400, 'Your answers could not be sent. Please go back to the form, check your answers and send them again.');
    }
    const v = validateNomination(body, app.areas);
    if (!v.ok) return renderForm(reply, v.values, v.errors, startedOf(body), 400);
    const stored = await committerOf(app.db).store(v.data, { submissionKey: key, now: app.now(), hashKey: config.SESSION_SECRET });
    return reply.code(303).header('location', `/nominate/done/${formatReference(stored.ref)}`).send();
  });

  app.get<{ Params: { ref: string } }>('/nominate/done/:ref', async (req, reply) => {
    const ref = compactReference(req.params.ref);
    const flags = ref.length <= 64 ? nominationFlagsByRef(app.db, ref) : undefined;
    if (!flags) return sendError(req, reply, 404);
    return reply.page('nominate-done', {
      title: 'Recommendation sent',
      noindex: true,
      ref: formatReference(ref),
      concern: flags.includes('safeguarding') || flags.includes('complaint'),
    });
  });
}
