import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formRateLimit } from '../../http/rate-limit.ts';
import { BOT_MESSAGES, looksLikeBot, screenForm, startedOf, startToken } from '../../http/bot-check.ts';
import { formBody, formText, type FormBody } from '../../http/form-input.ts';
import { hint } from '../../http/route-schemas.ts';
import { QUALITIES, type QualityKey } from '../../qualities.ts';
import { cleanValues, errorMap, validateNomination, type FieldError, type NominationValues } from '../../nominations/form.ts';
import { labelOf, RELATIONSHIP_CHOICES, STILL_INVOLVED_CHOICES } from '../../nominations/labels.ts';
import { compactReference, formatReference } from '../../nominations/reference.ts';
import { nominationFlagsByRef, SUBMISSION_KEY } from '../../nominations/store.ts';
import { AreaOptionsHtml, areaSelectGroups } from '../../areas/select-options.ts';
import type { SiteOptions } from '../../i18n/index.ts';
import { placeNames } from '../../i18n/places.ts';
import { localErrors } from '../../i18n/form-messages.ts';

const EMPTY: NominationValues = {
  worker_name: '',
  area: '',
  area_text: '',
  team: '',
  relationship: '',
  still_involved: '',
  qualities: [],
  story: '',
  contact_email: '',
  notify_published: '',
  independent: '',
  consent: '',
};

export default async function nominate(app: FastifyInstance, { lang }: SiteOptions) {
  const { config } = app;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const t = app.catalogue.t[lang];
  const places = placeNames(lang);
  const areaOptions = new AreaOptionsHtml(areaSelectGroups(app.areas, places, lang === 'cy' ? 'cy' : 'en-GB'));
  const qualityOptions = QUALITIES.map((q) => ({ value: q.key, label: t(`quality.${q.key}`) }));
  const relationships = RELATIONSHIP_CHOICES.map((c) => ({ value: c.value, label: t(`nominate.relationship.${c.value}`) }));
  const stillInvolved = STILL_INVOLVED_CHOICES.map((c) => ({ value: c.value, label: t(`nominate.stillInvolved.${c.value}`) }));

  /** `notices` go in the error summary only, not beside a field. */
  function renderForm(
    reply: FastifyReply,
    values: NominationValues,
    fieldErrors: FieldError[],
    started: string,
    status = 200,
    notices: FieldError[] = [],
  ) {
    const errors = localErrors(t, lang, fieldErrors);
    return reply.page(
      'nominate',
      {
        title: errors.length || notices.length ? t('nominate.errorTitle') : t('nominate.title'),
        description: t('nominate.description'),
        values,
        errors: [...localErrors(t, lang, notices), ...errors],
        fieldErrors: errorMap(errors),
        areaOptionsHtml: areaOptions.render(values.area),
        qualityOptions,
        relationships,
        stillInvolved,
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
    return renderAgain(req, reply, 403, t('nominate.timedOut'));
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
      title: t('nominate.check.title'),
      values,
      started,
      submissionKey: randomBytes(16).toString('base64url'),
      answers: {
        area: places.place(v.data.area),
        relationship: labelOf(relationships, values.relationship),
        stillInvolved: labelOf(stillInvolved, values.still_involved),
        qualities: values.qualities.map((k) => t(`quality.${k as QualityKey}`)),
      },
    });
  });

  routes.post('/nominate/confirm', formRoute, async (req, reply) => {
    const screened = screen(req, reply);
    if (screened) return screened;
    const body = req.body;
    const key = body.submission_key;
    if (typeof key !== 'string' || !SUBMISSION_KEY.test(key)) {
      return reply.errorPage(400, t('nominate.notSent'));
    }
    const v = validateNomination(body, app.areas);
    if (!v.ok) return renderForm(reply, v.values, v.errors, startedFor(req, reply, body), 400);
    const stored = await app.committer.store(v.data, { submissionKey: key, now: app.now(), hashKey: config.SESSION_SECRET, lang });
    return reply
      .code(303)
      .header('location', `/nominate/done/${formatReference(stored.ref)}`)
      .send();
  });

  routes.get('/nominate/done/:ref', { schema: { params: z.object({ ref: z.string() }) } }, async (req, reply) => {
    const ref = compactReference(req.params.ref);
    const flags = ref.length <= 64 ? nominationFlagsByRef(app.db, ref) : undefined;
    if (!flags) return reply.errorPage(404);
    return reply.page('nominate-done', {
      title: t('nominate.done.title'),
      noindex: true,
      ref: formatReference(ref),
      concern: flags.includes('safeguarding') || flags.includes('complaint'),
    });
  });
}
