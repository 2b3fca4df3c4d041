// The worker's own pages: GET /worker and the forms on it (display, reply, registration, hide, merge),
// "my thanks" (printable page and PDF), sign-out and sign-out everywhere. Every route needs a worker
// session (checked on onRequest, before the body or the CSRF token is read), and every form names a
// profile that must be one of this worker's: anything else is answered like an unknown profile.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WORKER_DISPLAYS } from '../../../db/schema.ts';
import { InvalidError, type FieldError } from '../../errors.ts';
import { formRateLimit } from '../../http/rate-limit.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { hint } from '../../http/route-schemas.ts';
import { liveQuotes, qualityCounts } from '../../workers/profile.ts';
import { accountProfiles, ownedProfile, profileExtras, type OwnedProfile } from '../../worker-accounts/profiles.ts';
import { DISPLAY_LABELS, setDisplay } from '../../worker-accounts/display.ts';
import { firstName } from '../../workers/name.ts';
import { cleanReply, REPLY_MAX, submitReply } from '../../worker-accounts/replies.ts';
import { cleanRegistration, REGULATOR_INFO, setRegistration } from '../../worker-accounts/registration.ts';
import { setHidden } from '../../worker-accounts/hide.ts';
import { requestMerge } from '../../worker-accounts/moderation.ts';
import { formatCode, issueThanks } from '../../worker-accounts/thanks.ts';
import { thanksPdf } from '../../worker-accounts/thanks-pdf.ts';
import { audit } from '../../audit.ts';
import { endAllWorkerSessions, endWorkerSession, sessionWorker, WORKER_SESSION_COOKIE } from '../../worker-accounts/sessions.ts';
import { charCount, cleanMultiline } from '../../text.ts';
import { clearWorkerCookie, withErrors, workerRoutes } from './shared.ts';

const DONE: Record<string, string> = {
  display: 'How you are shown has changed. It applies everywhere on the site now.',
  reply_sent: 'Your reply has been sent to the moderators. It will show on your profile once a moderator has checked it.',
  reply_removed: 'Your reply has been removed from your profile.',
  registration: 'Your registration details have been saved.',
  hidden: 'Your profile is hidden. It no longer appears anywhere on the site. The moderators have a record of it.',
  shown: 'Your profile is shown again.',
  merge: 'Your request to merge two profiles has been sent to the moderators.',
};

export default async function account(appBase: FastifyInstance) {
  const app = workerRoutes(appBase);
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
        title: `${problem.errors.length ? 'Error: ' : ''}Your profile`,
        noindex: true,
        email: req.workerAccount!.email,
        profiles,
        problem,
        done: done ? DONE[done] : undefined,
        displayLabels: DISPLAY_LABELS,
        regulators: REGULATOR_INFO,
        replyMax: REPLY_MAX,
        ...withErrors(problem.errors),
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
      if (!display) throw new InvalidError([{ field: 'display', message: 'Select how you want to be shown' }]);
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
      if (charCount(note) > 1000) throw new InvalidError([{ field: 'note', message: 'Your note must be 1,000 characters or fewer' }]);
      requestMerge(app.db, { accountId: accountId(req), from, into, note, now: app.now() });
      return 'merge';
    }),
  );

  const profileQuery = { schema: { querystring: z.object({ profile: hint }) } };

  const thanksFor = (req: FastifyRequest, slug: string) => {
    const profile = mine(req, slug);
    return {
      profile,
      area: app.areas.get(profile.areaId)!,
      thanks: issueThanks(app.db, { accountId: accountId(req), workerId: profile.id, now: app.now() }),
    };
  };

  app.get('/worker/thanks', profileQuery, async (req, reply) => {
    const t = thanksFor(req, req.query.profile);
    return reply.page('worker/thanks', {
      title: `Thanks for ${t.profile.fullName}`,
      noindex: true,
      ...t,
      code: formatCode(t.thanks.code),
      checkUrl: `${app.config.PUBLIC_URL.replace(/\/+$/, '')}/check`,
    });
  });

  app.get('/worker/thanks.pdf', profileQuery, async (req, reply) => {
    const t = thanksFor(req, req.query.profile);
    const pdf = await thanksPdf({
      name: t.profile.fullName,
      area: t.area,
      thanks: t.thanks,
      checkUrl: `${app.config.PUBLIC_URL.replace(/\/+$/, '')}/check`,
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="thanks-${t.thanks.code.slice(0, 4).toLowerCase()}.pdf"`)
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
