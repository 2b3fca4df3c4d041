// "Is this you?": GET/POST /worker/claim, POST /worker/claim/manual, GET/POST /worker/sign-in (a
// confirmed worker asks for a new link), and the mailed link GET/POST /worker/sign-in/:token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clientHash } from '../../client-id.ts';
import { ConflictError, type FieldError } from '../../errors.ts';
import { charCount, cleanMultiline } from '../../text.ts';
import { formRateLimit } from '../../http/rate-limit.ts';
import { formBody, formText } from '../../http/form-input.ts';
import { hint } from '../../http/route-schemas.ts';
import { lookupWorker, type WorkerRow } from '../../workers/profile.ts';
import { claimProfile, requestManualConfirmation, requestReturningSignIn } from '../../worker-accounts/claim.ts';
import { linkState, useSignInLink } from '../../worker-accounts/sign-in.ts';
import { createWorkerSession, endWorkerSession, WORKER_SESSION_COOKIE } from '../../worker-accounts/sessions.ts';
import { currentWorker, setWorkerCookie, SLUG, withErrors, workEmail, workerMessage, workerRoutes } from './shared.ts';
import type { SiteOptions } from '../../i18n/index.ts';
import { WORKER_LIMITS, WORKER_MESSAGES } from '../../worker-accounts/messages.ts';

export default async function claim(appBase: FastifyInstance, { lang }: SiteOptions) {
  const app = workerRoutes(appBase);
  const t = appBase.catalogue.t[lang];
  const errorTitle = (title: string, errors: FieldError[]) => (errors.length ? t('workerAccount.errorTitle', { title }) : title);
  const fieldErrors = (errors: FieldError[]) => withErrors(t, lang, errors);
  const backToProfile = (worker: WorkerRow) => ({
    href: `/workers/${encodeURIComponent(worker.slug)}`,
    text: t('workerAccount.backToProfile'),
  });
  /** the claim form of this profile: where the other language's link goes from the claim's answers */
  const claimPage = (worker: WorkerRow) => `/worker/claim?profile=${encodeURIComponent(worker.slug)}`;
  const tooMany = (reply: FastifyReply, worker?: WorkerRow) =>
    worker
      ? workerMessage(
          reply,
          429,
          t('workerAccount.tooMany.title'),
          t('workerAccount.tooMany.message'),
          [backToProfile(worker)],
          claimPage(worker),
        )
      : workerMessage(reply, 429, t('workerAccount.tooMany.title'), t('workerAccount.tooMany.message'));
  const mailContext = (req: FastifyRequest) => ({
    clientHash: clientHash(app.config.SESSION_SECRET, req),
    now: app.now(),
    publicUrl: app.config.PUBLIC_URL,
    lang,
  });

  /** A public profile by slug (the only ones a claim can name), or undefined. */
  const publicProfile = (slug: string): WorkerRow | undefined => {
    if (!SLUG.test(slug)) return undefined;
    const found = lookupWorker(app.db, slug);
    return found.kind === 'public' ? found.worker : undefined;
  };
  const noProfile = (reply: FastifyReply) =>
    workerMessage(
      reply,
      404,
      t('workerAccount.claim.noProfileTitle'),
      t('workerAccount.claim.noProfile'),
      [
        { href: '/search', text: t('workerAccount.searchLink') },
        { href: '/worker/sign-in', text: t('workerAccount.signInAgain') },
      ],
      '/worker/claim',
    );

  /** The claim form, or the "check your email" page with its manual-request form: the same frame, fields kept. */
  const renderStep = (
    step: 'claim' | 'sent',
    reply: FastifyReply,
    worker: WorkerRow,
    values: { email: string; note?: string },
    errors: FieldError[],
    status = 200,
  ) =>
    reply.page(
      step === 'claim' ? 'worker/claim' : 'worker/claim-sent',
      {
        title: errorTitle(t(step === 'claim' ? 'workerAccount.claim.title' : 'workerAccount.sent.title'), errors),
        noindex: true,
        worker,
        area: app.areas.get(worker.areaId)!,
        ...values,
        samePage: claimPage(worker),
        ...fieldErrors(errors),
      },
      status,
    );
  const renderClaim = (reply: FastifyReply, worker: WorkerRow, email: string, errors: FieldError[], status = 200) =>
    renderStep('claim', reply, worker, { email }, errors, status);
  const renderSent = (reply: FastifyReply, worker: WorkerRow, email: string, note: string, errors: FieldError[], status = 200) =>
    renderStep('sent', reply, worker, { email, note }, errors, status);

  app.get('/worker/claim', { schema: { querystring: z.object({ profile: hint }) } }, async (req, reply) => {
    if (!req.query.profile) {
      return workerMessage(reply, 200, t('workerAccount.claim.title'), t('workerAccount.claim.start'), [
        { href: '/search', text: t('workerAccount.searchLink') },
        { href: '/worker/sign-in', text: t('workerAccount.signInAgain') },
        { href: '/named', text: t('workerAccount.namedLink') },
      ]);
    }
    const worker = publicProfile(req.query.profile);
    return worker ? renderClaim(reply, worker, '', []) : noProfile(reply);
  });

  app.post('/worker/claim', { ...formRateLimit(appBase), schema: { body: formBody } }, async (req, reply) => {
    const worker = publicProfile(formText(req.body, 'profile'));
    if (!worker) return noProfile(reply);
    const checked = workEmail(formText(req.body, 'email'));
    if ('error' in checked) return renderClaim(reply, worker, formText(req.body, 'email'), [checked.error], 400);
    const accepted = claimProfile(app.db, {
      ...mailContext(req),
      workerId: worker.id,
      authority: app.areas.get(worker.areaId)!.authority,
      email: checked.email,
    });
    if (!accepted) return tooMany(reply, worker);
    // whatever was queued (or not) goes out now, after the commit
    app.mail.nudge();
    // The same answer whether or not a link was sent: nobody learns which addresses match.
    return renderSent(reply, worker, checked.email, '', []);
  });

  app.post('/worker/claim/manual', { ...formRateLimit(appBase), schema: { body: formBody } }, async (req, reply) => {
    const worker = publicProfile(formText(req.body, 'profile'));
    if (!worker) return noProfile(reply);
    const errors: FieldError[] = [];
    const checked = workEmail(formText(req.body, 'email'));
    if ('error' in checked) errors.push(checked.error);
    const note = cleanMultiline(formText(req.body, 'note'));
    if (charCount(note) < 10) errors.push({ field: 'note', message: WORKER_MESSAGES.noteShort });
    else if (charCount(note) > WORKER_LIMITS.noteMax) errors.push({ field: 'note', message: WORKER_MESSAGES.noteLong });
    if (errors.length || 'error' in checked)
      return renderSent(reply, worker, formText(req.body, 'email'), formText(req.body, 'note'), errors, 400);
    // the language is kept with the request: a moderator's confirmation mails the link in it
    const ok = requestManualConfirmation(app.db, { ...mailContext(req), workerId: worker.id, email: checked.email, note });
    if (!ok) return tooMany(reply, worker);
    return workerMessage(
      reply,
      200,
      t('workerAccount.sent.manualSentTitle'),
      t('workerAccount.sent.manualSent'),
      [backToProfile(worker)],
      claimPage(worker),
    );
  });

  // A confirmed worker signing in again: only the address is asked for.
  const renderSignIn = (reply: FastifyReply, email: string, errors: FieldError[], status = 200, ended = false) =>
    reply.page(
      'worker/sign-in',
      { title: errorTitle(t('workerAccount.signIn.title'), errors), noindex: true, email, ended, ...fieldErrors(errors) },
      status,
    );

  app.get('/worker/sign-in', { schema: { querystring: z.object({ ended: hint }) } }, async (req, reply) => {
    if (currentWorker(appBase, req)) return reply.redirect('/worker', 303);
    return renderSignIn(reply, '', [], 200, req.query.ended === '1');
  });

  app.post('/worker/sign-in', { ...formRateLimit(appBase), schema: { body: formBody } }, async (req, reply) => {
    const checked = workEmail(formText(req.body, 'email'));
    if ('error' in checked) return renderSignIn(reply, formText(req.body, 'email'), [checked.error], 400);
    const ok = requestReturningSignIn(app.db, { ...mailContext(req), email: checked.email });
    if (!ok) return tooMany(reply);
    app.mail.nudge();
    return workerMessage(reply, 200, t('workerAccount.sent.title'), t('workerAccount.sent.signIn', { email: checked.email }), [
      { href: '/worker/claim', text: t('workerAccount.sent.notConfirmed') },
    ]);
  });

  // The mailed link. GET only shows a button: mail scanners open links, and must not use them up.
  const linkProblem = (reply: FastifyReply, state: string, slug?: string) => {
    const again = slug ? `/worker/claim?profile=${encodeURIComponent(slug)}` : '/worker/sign-in';
    const known = state === 'expired' || state === 'used' || state === 'taken';
    return workerMessage(
      reply,
      known ? 410 : 404,
      t('workerAccount.link.problemTitle'),
      t(known ? `workerAccount.link.${state}` : 'workerAccount.link.unknown'),
      [{ href: again, text: t('workerAccount.link.askAgain') }],
    );
  };

  const tokenParams = z.object({ token: z.string().max(200) });

  app.get('/worker/sign-in/:token', { schema: { params: tokenParams } }, async (req, reply) => {
    const { state, workerSlug } = linkState(app.db, req.params.token, app.now());
    if (state !== 'valid') return linkProblem(reply, state, workerSlug);
    return reply.page('worker/link', { title: t('workerAccount.link.title'), noindex: true, token: req.params.token });
  });

  app.post('/worker/sign-in/:token', { ...formRateLimit(appBase), schema: { params: tokenParams, body: formBody } }, async (req, reply) => {
    const signedIn = currentWorker(appBase, req);
    let result: { accountId: number; workerId: number };
    try {
      result = useSignInLink(app.db, req.params.token, app.now(), signedIn?.id);
    } catch (err) {
      if (err instanceof ConflictError) return linkProblem(reply, err.message, linkState(app.db, req.params.token, app.now()).workerSlug);
      throw err;
    }
    // a fresh session at every sign-in; one this browser had is ended
    endWorkerSession(app.db, req.cookies[WORKER_SESSION_COOKIE]);
    setWorkerCookie(appBase, reply, createWorkerSession(app.db, result.accountId, app.now()));
    return reply.redirect('/worker', 303);
  });

  app.get('/worker/signed-out', { schema: { querystring: z.object({ everywhere: hint }) } }, async (req, reply) =>
    workerMessage(
      reply,
      200,
      t('workerAccount.signedOut.title'),
      t(req.query.everywhere === '1' ? 'workerAccount.signedOut.everywhere' : 'workerAccount.signedOut.here'),
      [{ href: '/worker/sign-in', text: t('workerAccount.signInAgain') }],
    ),
  );
}
