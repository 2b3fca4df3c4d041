// "Is this you?": GET/POST /worker/claim, POST /worker/claim/manual, GET/POST /worker/sign-in (a
// confirmed worker asks for a new link), and the mailed link GET/POST /worker/sign-in/:token.
import type { FastifyInstance, FastifyReply } from 'fastify';
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
import { currentWorker, RATE_LIMITED, SLUG, withErrors, workEmail, workerCookieOptions, workerMessage, workerRoutes } from './shared.ts';

const NOTE_MAX = 1000;

export default async function claim(appBase: FastifyInstance) {
  const app = workerRoutes(appBase);

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
      'We could not find that profile',
      'Find your profile with the search, then choose "Is this you?" on it. If you have already confirmed your profile, sign in with your email address.',
      [
        { href: '/search', text: 'Search the directory' },
        { href: '/worker/sign-in', text: 'Sign in again' },
      ],
    );

  const renderClaim = (reply: FastifyReply, worker: WorkerRow, email: string, errors: FieldError[], status = 200) => {
    const area = app.areas.get(worker.areaId)!;
    return reply.page(
      'worker/claim',
      { title: `${errors.length ? 'Error: ' : ''}Is this you?`, noindex: true, worker, area, email, ...withErrors(errors) },
      status,
    );
  };
  const renderSent = (reply: FastifyReply, worker: WorkerRow, email: string, note: string, errors: FieldError[], status = 200) => {
    const area = app.areas.get(worker.areaId)!;
    return reply.page(
      'worker/claim-sent',
      { title: `${errors.length ? 'Error: ' : ''}Check your email`, noindex: true, worker, area, email, note, ...withErrors(errors) },
      status,
    );
  };

  app.get('/worker/claim', { schema: { querystring: z.object({ profile: hint }) } }, async (req, reply) => {
    if (!req.query.profile) {
      return workerMessage(
        reply,
        200,
        'Is this you?',
        'If you are a social worker named on this site, find your profile with the search and choose "Is this you?" on it. If you have already confirmed your profile, sign in with your email address.',
        [
          { href: '/search', text: 'Search the directory' },
          { href: '/worker/sign-in', text: 'Sign in again' },
          { href: '/named', text: 'Named on this site? What we hold and your rights' },
        ],
      );
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
      workerId: worker.id,
      authority: app.areas.get(worker.areaId)!.authority,
      email: checked.email,
      clientHash: clientHash(app.config.SESSION_SECRET, req),
      now: app.now(),
      publicUrl: app.config.PUBLIC_URL,
    });
    if (!accepted)
      return workerMessage(reply, 429, 'Too many requests', RATE_LIMITED, [
        { href: `/workers/${encodeURIComponent(worker.slug)}`, text: 'Back to the profile' },
      ]);
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
    if (charCount(note) < 10)
      errors.push({
        field: 'note',
        message:
          'Tell the moderators in a few words who you are and why your address does not match, for example "agency worker for East Sussex"',
      });
    else if (charCount(note) > NOTE_MAX)
      errors.push({ field: 'note', message: `Your note must be ${NOTE_MAX.toLocaleString('en-GB')} characters or fewer` });
    if (errors.length || 'error' in checked)
      return renderSent(reply, worker, formText(req.body, 'email'), formText(req.body, 'note'), errors, 400);
    const ok = requestManualConfirmation(app.db, {
      workerId: worker.id,
      email: checked.email,
      note,
      clientHash: clientHash(app.config.SESSION_SECRET, req),
      now: app.now(),
      publicUrl: app.config.PUBLIC_URL,
    });
    if (!ok)
      return workerMessage(reply, 429, 'Too many requests', RATE_LIMITED, [
        { href: `/workers/${encodeURIComponent(worker.slug)}`, text: 'Back to the profile' },
      ]);
    return workerMessage(
      reply,
      200,
      'Request sent to the moderators',
      'A moderator will check who you are, usually within a few working days. If they can confirm you, a sign-in link will come to the address you gave; the address is deleted once they have decided. Nothing on the profile changes until then.',
      [{ href: `/workers/${encodeURIComponent(worker.slug)}`, text: 'Back to the profile' }],
    );
  });

  // A confirmed worker signing in again: only the address is asked for.
  const renderSignIn = (reply: FastifyReply, email: string, errors: FieldError[], status = 200, ended = false) =>
    reply.page(
      'worker/sign-in',
      { title: `${errors.length ? 'Error: ' : ''}Sign in to your profile`, noindex: true, email, ended, ...withErrors(errors) },
      status,
    );

  app.get('/worker/sign-in', { schema: { querystring: z.object({ ended: hint }) } }, async (req, reply) => {
    if (currentWorker(appBase, req)) return reply.redirect('/worker', 303);
    return renderSignIn(reply, '', [], 200, req.query.ended === '1');
  });

  app.post('/worker/sign-in', { ...formRateLimit(appBase), schema: { body: formBody } }, async (req, reply) => {
    const checked = workEmail(formText(req.body, 'email'));
    if ('error' in checked) return renderSignIn(reply, formText(req.body, 'email'), [checked.error], 400);
    const ok = requestReturningSignIn(app.db, {
      email: checked.email,
      clientHash: clientHash(app.config.SESSION_SECRET, req),
      now: app.now(),
      publicUrl: app.config.PUBLIC_URL,
    });
    if (!ok) return workerMessage(reply, 429, 'Too many requests', RATE_LIMITED);
    app.mail.nudge();
    return workerMessage(
      reply,
      200,
      'Check your email',
      `If ${checked.email} belongs to a social worker who has confirmed their profile, we have sent a sign-in link to it. The link works once, within 30 minutes.`,
      [{ href: '/worker/claim', text: 'Not confirmed yet? Find your profile first' }],
    );
  });

  // The mailed link. GET only shows a button: mail scanners open links, and must not use them up.
  const linkProblem = (reply: FastifyReply, state: string, slug?: string) => {
    const again = slug ? `/worker/claim?profile=${encodeURIComponent(slug)}` : '/worker/sign-in';
    const message =
      state === 'expired'
        ? 'This sign-in link has expired: links work for 30 minutes. Ask for a new one.'
        : state === 'used'
          ? 'This sign-in link has already been used: each link works once. Ask for a new one.'
          : state === 'taken'
            ? 'This profile has been confirmed by someone else in the meantime. If it is yours, ask a moderator to confirm you by hand.'
            : 'This sign-in link is not right. Check you copied the whole link from the email, or ask for a new one.';
    return workerMessage(reply, state === 'unknown' ? 404 : 410, 'This link cannot be used', message, [
      { href: again, text: 'Ask for a new sign-in link' },
    ]);
  };

  const tokenParams = z.object({ token: z.string().max(200) });

  app.get('/worker/sign-in/:token', { schema: { params: tokenParams } }, async (req, reply) => {
    const { state, workerSlug } = linkState(app.db, req.params.token, app.now());
    if (state !== 'valid') return linkProblem(reply, state, workerSlug);
    return reply.page('worker/link', { title: 'Sign in', noindex: true, token: req.params.token });
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
    reply.setCookie(WORKER_SESSION_COOKIE, createWorkerSession(app.db, result.accountId, app.now()), workerCookieOptions(appBase));
    return reply.redirect('/worker', 303);
  });

  app.get('/worker/signed-out', { schema: { querystring: z.object({ everywhere: hint }) } }, async (req, reply) =>
    workerMessage(
      reply,
      200,
      'You have signed out',
      req.query.everywhere === '1'
        ? 'You have been signed out on every device and browser you used.'
        : 'You have been signed out on this browser.',
      [{ href: '/worker/sign-in', text: 'Sign in again' }],
    ),
  );
}
