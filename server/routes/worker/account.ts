// The worker's own pages: GET /worker and the forms on it (display, reply, registration, hide, merge),
// "my thanks" (printable page and PDF), sign-out and sign-out everywhere. Every route needs a worker
// session (checked on onRequest, before the body or the CSRF token is read), and every form names a
// profile that must be one of this worker's: anything else is answered like an unknown profile.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REGULATORS, WORKER_DISPLAYS } from '../../../db/schema.ts';
import { InvalidError, type FieldError } from '../../errors.ts';
import { formRateLimit } from '../../http/rate-limit.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { hint } from '../../http/route-schemas.ts';
import { liveQuotes, qualityCounts } from '../../workers/profile.ts';
import { accountProfiles, ownedProfile, profileExtras, type OwnedProfile } from '../../worker-accounts/profiles.ts';
import { setDisplay } from '../../worker-accounts/display.ts';
import { firstName } from '../../workers/name.ts';
import { cleanReply, REPLY_MAX, submitReply } from '../../worker-accounts/replies.ts';
import { cleanRegistration, regulatorName, setRegistration } from '../../worker-accounts/registration.ts';
import { WORKER_LIMITS, WORKER_MESSAGES } from '../../worker-accounts/messages.ts';
import { localPath, type MessageKey, type SiteOptions } from '../../i18n/index.ts';
import { siteLink } from '../../mail/messages.ts';
import { formatFor } from '../../format.ts';
import { setHidden } from '../../worker-accounts/hide.ts';
import { requestMerge } from '../../worker-accounts/moderation.ts';
import { formatCode, issueThanks } from '../../worker-accounts/thanks.ts';
import { thanksPdf } from '../../worker-accounts/thanks-pdf.ts';
import { audit } from '../../audit.ts';
import { endAllWorkerSessions, endWorkerSession, sessionWorker, WORKER_SESSION_COOKIE } from '../../worker-accounts/sessions.ts';
import { charCount, cleanMultiline } from '../../text.ts';
import { clearWorkerCookie, withErrors, workerRoutes } from './shared.ts';

/** What `?done=` says after each form, by catalogue key. */
const DONE = {
  display: 'workerAccount.done.display',
  reply_sent: 'workerAccount.done.replySent',
  reply_removed: 'workerAccount.done.replyRemoved',
  registration: 'workerAccount.done.registration',
  hidden: 'workerAccount.done.hidden',
  shown: 'workerAccount.done.shown',
  merge: 'workerAccount.done.merge',
} as const satisfies Record<string, MessageKey>;
const isDone = (v: string | undefined): v is keyof typeof DONE => v !== undefined && Object.hasOwn(DONE, v);

export default async function account(appBase: FastifyInstance, { lang }: SiteOptions) {
  const app = workerRoutes(appBase);
  const t = appBase.catalogue.t[lang];
  app.decorateRequest('workerAccount', null);

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[WORKER_SESSION_COOKIE];
    const worker = sessionWorker(app.db, token, app.now());
    if (!worker) {
      if (token) clearWorkerCookie(appBase, reply);
      return reply.redirect(token ? '/worker/sign-in?ended=1' : '/worker/sign-in', 303);
    }
    req.workerAccount = worker;
  });

  const accountId = (req: FastifyRequest) => req.workerAccount!.id;

  /** The worker's profile named by a form or query, or a 404 page (an unknown slug and someone else's look the same). */
  const mine = (req: FastifyRequest, slug: string): OwnedProfile => ownedProfile(app.db, accountId(req), slug);

  type Problem = { profile?: string; errors: FieldError[]; values?: Record<string, string> };

  const renderHome = (req: FastifyRequest, reply: FastifyReply, problem: Problem = { errors: [] }, done?: string, status = 200) => {
    const errors = withErrors(t, lang, problem.errors);
    const profiles = accountProfiles(app.db, accountId(req)).map((p) => {
      const quotes = liveQuotes(app.db, p.id);
      return {
        ...p,
        area: app.areas.get(p.areaId)!,
        firstName: firstName(p.fullName),
        total: quotes.length,
        quotes,
        qualities: qualityCounts(app.db, p.id).filter((q) => q.count > 0),
        ...profileExtras(app.db, p.id),
      };
    });
    return reply.page(
      'worker/home',
      {
        title: problem.errors.length
          ? t('workerAccount.errorTitle', { title: t('workerAccount.home.title') })
          : t('workerAccount.home.title'),
        noindex: true,
        // a form's errors are shown at its POST address: the other language's link goes to the page
        samePage: '/worker',
        email: req.workerAccount!.email,
        profiles,
        problem: { ...problem, errors: errors.errors },
        done: isDone(done) ? t(DONE[done]) : undefined,
        regulators: REGULATORS.map((r) => ({ value: r, ...regulatorName(r, lang) })),
        replyMax: REPLY_MAX,
        ...errors,
      },
      status,
    );
  };

  app.get('/worker', { schema: { querystring: z.object({ done: hint }) } }, async (req, reply) =>
    renderHome(req, reply, { errors: [] }, req.query.done),
  );

  const done = (reply: FastifyReply, what: keyof typeof DONE) => reply.redirect(`/worker?done=${what}`, 303);

  /** Runs a form's change; a broken rule re-renders /worker with the message beside the field. */
  const form = async (
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    values: Record<string, string>,
    change: () => keyof typeof DONE,
  ) => {
    try {
      return done(reply, change());
    } catch (err) {
      if (err instanceof InvalidError) return renderHome(req, reply, { profile: slug, errors: err.errors, values }, undefined, 400);
      throw err;
    }
  };

  const post = { ...formRateLimit(appBase) };

  app.post('/worker/display', { ...post, schema: { body: formBody } }, async (req, reply) =>
    form(req, reply, formText(req.body, 'profile'), { display: formText(req.body, 'display') }, () => {
      const profile = mine(req, formText(req.body, 'profile'));
      const display = WORKER_DISPLAYS.find((d) => d === formText(req.body, 'display'));
      if (!display) throw new InvalidError([{ field: 'display', message: WORKER_MESSAGES.display }]);
      setDisplay(app.db, app.areas, { accountId: accountId(req), profile, display, now: app.now() });
      return 'display';
    }),
  );

  app.post('/worker/reply', { ...post, schema: { body: formBody } }, async (req, reply) =>
    form(req, reply, formText(req.body, 'profile'), { reply: formText(req.body, 'reply') }, () => {
      const profile = mine(req, formText(req.body, 'profile'));
      const result = submitReply(app.db, {
        accountId: accountId(req),
        workerId: profile.id,
        text: cleanReply(formText(req.body, 'reply')),
        now: app.now(),
      });
      return result === 'removed' ? 'reply_removed' : 'reply_sent';
    }),
  );

  app.post('/worker/registration', { ...post, schema: { body: formBody } }, async (req, reply) =>
    form(
      req,
      reply,
      formText(req.body, 'profile'),
      { regulator: formText(req.body, 'regulator'), number: formText(req.body, 'number') },
      () => {
        const profile = mine(req, formText(req.body, 'profile'));
        setRegistration(app.db, {
          accountId: accountId(req),
          workerId: profile.id,
          registration: cleanRegistration(formText(req.body, 'regulator'), formText(req.body, 'number')),
          now: app.now(),
        });
        return 'registration';
      },
    ),
  );

  app.post('/worker/hide', { ...post, schema: { body: formBody } }, async (req, reply) =>
    form(req, reply, formText(req.body, 'profile'), {}, () => {
      const profile = mine(req, formText(req.body, 'profile'));
      const hidden = formText(req.body, 'hidden') !== 'no';
      setHidden(app.db, app.areas, { accountId: accountId(req), profile, hidden, now: app.now() });
      return hidden ? 'hidden' : 'shown';
    }),
  );

  app.post('/worker/merge', { ...post, schema: { body: formBody } }, async (req, reply) =>
    form(req, reply, formText(req.body, 'from'), { note: formText(req.body, 'note') }, () => {
      const from = mine(req, formText(req.body, 'from'));
      const into = mine(req, formText(req.body, 'into'));
      const note = cleanMultiline(formText(req.body, 'note'));
      if (charCount(note) > WORKER_LIMITS.noteMax) throw new InvalidError([{ field: 'note', message: WORKER_MESSAGES.noteLong }]);
      requestMerge(app.db, { accountId: accountId(req), from, into, note, now: app.now() });
      return 'merge';
    }),
  );

  const profileQuery = { schema: { querystring: z.object({ profile: hint }) } };
  // where a manager checks the document: the check page in the worker's language
  const checkUrl = siteLink(app.config.PUBLIC_URL, localPath(lang, '/check'));
  const format = formatFor(lang, t);

  const thanksFor = (req: FastifyRequest, slug: string) => {
    const profile = mine(req, slug);
    return {
      profile,
      area: app.areas.get(profile.areaId)!,
      thanks: issueThanks(app.db, { accountId: accountId(req), workerId: profile.id, now: app.now() }),
    };
  };

  app.get('/worker/thanks', profileQuery, async (req, reply) => {
    const doc = thanksFor(req, req.query.profile);
    return reply.page('worker/thanks', {
      title: t('workerAccount.thanks.title', { name: doc.profile.fullName }),
      noindex: true,
      samePage: `/worker/thanks?profile=${encodeURIComponent(doc.profile.slug)}`,
      ...doc,
      code: formatCode(doc.thanks.code),
      checkUrl,
    });
  });

  app.get('/worker/thanks.pdf', profileQuery, async (req, reply) => {
    const doc = thanksFor(req, req.query.profile);
    const pdf = await thanksPdf({ name: doc.profile.fullName, area: doc.area, thanks: doc.thanks, checkUrl, t, format });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="thanks-${doc.thanks.code.slice(0, 4).toLowerCase()}.pdf"`)
      .send(pdf);
  });

  app.post('/worker/sign-out', { schema: { body: formBody } }, async (req, reply) => {
    endWorkerSession(app.db, req.cookies[WORKER_SESSION_COOKIE]);
    audit(app.db, {
      at: app.now(),
      moderatorId: null,
      action: 'worker.signed_out',
      subjectType: 'worker_account',
      subjectId: accountId(req),
    });
    clearWorkerCookie(appBase, reply);
    return reply.redirect('/worker/signed-out', 303);
  });

  app.post('/worker/sign-out-everywhere', { schema: { body: formBody } }, async (req, reply) => {
    const ended = endAllWorkerSessions(app.db, accountId(req));
    audit(app.db, {
      at: app.now(),
      moderatorId: null,
      action: 'worker.signed_out_everywhere',
      subjectType: 'worker_account',
      subjectId: accountId(req),
      after: { sessions: ended },
    });
    clearWorkerCookie(appBase, reply);
    return reply.redirect('/worker/signed-out?everywhere=1', 303);
  });
}
