// Every mail the site sends is built here, by one rule: the site's name, a neutral subject, a few plain
// sentences and at most one link. No story, no quote, nothing about the family or the case: a mail may
// be read by someone else in a shared inbox, so it says only what the recipient asked for.
import type { OutgoingMail } from './outbox.ts';

export const SITE_NAME = 'The Good Social Worker directory';

export type MailKind = 'worker_sign_in' | 'worker_claim_taken' | 'nominator_published';

type Neutral = {
  to: string;
  kind: MailKind;
  subject: string;
  paragraphs: string[];
  link?: { label: string; path: string };
  dedupeKey?: string;
};

/** An absolute link on this site: PUBLIC_URL (any path it has kept) + an encoded path. */
export function siteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Plain text only: no HTML part, so nothing in it can be hidden or tracked. */
export function neutralMail(publicUrl: string, m: Neutral): OutgoingMail {
  const lines = [...m.paragraphs];
  if (m.link) lines.push(`${m.link.label}:\n${siteLink(publicUrl, m.link.path)}`);
  lines.push('If you did not expect this message, you can ignore it: nothing else will be sent.');
  lines.push(`${SITE_NAME}\n${siteLink(publicUrl, '/')}`);
  return { to: m.to, kind: m.kind, subject: m.subject, text: `${lines.join('\n\n')}\n`, dedupeKey: m.dedupeKey };
}

/** The single-use link a social worker asked for on "Is this you?". */
export function workerSignInMail(publicUrl: string, to: string, token: string, validMinutes = 30): OutgoingMail {
  return neutralMail(publicUrl, {
    to,
    kind: 'worker_sign_in',
    subject: `Your sign-in link for ${SITE_NAME}`,
    paragraphs: [
      'Someone, probably you, asked to sign in with this work email address.',
      `The link works once and for ${validMinutes} minutes.`,
    ],
    link: { label: 'Sign in', path: `/worker/sign-in/${encodeURIComponent(token)}` },
  });
}

/** "Is this you?" from a matching address for a profile another address has already confirmed: no link. */
export function workerClaimTakenMail(publicUrl: string, to: string): OutgoingMail {
  return neutralMail(publicUrl, {
    to,
    kind: 'worker_claim_taken',
    subject: `About your request on ${SITE_NAME}`,
    paragraphs: [
      'Someone, probably you, asked to confirm a profile with this work email address.',
      'That profile has already been confirmed by its social worker with another address, so no sign-in link was sent.',
      'If the profile is yours and you no longer use that address, you can ask a moderator to confirm you by hand.',
    ],
    link: { label: 'Ask a moderator', path: '/worker/claim' },
  });
}

/** The one message a family asked for: "tell me when it is published". Queued once per nomination. */
export function nominatorPublishedMail(publicUrl: string, to: string, workerSlug: string, nominationId: number): OutgoingMail {
  return neutralMail(publicUrl, {
    to,
    kind: 'nominator_published',
    subject: `An update from ${SITE_NAME}`,
    paragraphs: [
      'You asked us to tell you when your recommendation was published. It is now on the site.',
      'We have now deleted your email address, as we said we would. You will not hear from us again.',
    ],
    link: { label: 'See the page', path: `/workers/${encodeURIComponent(workerSlug)}` },
    dedupeKey: `nominator_published:${nominationId}`,
  });
}
