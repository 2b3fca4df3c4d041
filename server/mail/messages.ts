// Every mail the site sends is built here, by one rule: the site's name, a neutral subject, a few plain
// sentences and at most one link. No story, no quote, nothing about the family or the case: a mail may
// be read by someone else in a shared inbox, so it says only what the recipient asked for.
// Every word comes from the catalogue (mail.*), in the language of the person it goes to: the page
// they asked from, or the page a family nominated from. One language per mail, not both: the person
// chose it on the site, and a short mail with one link reads best on a phone.
import type { OutgoingMail } from './outbox.ts';
import { createCatalogue, localPath, type Lang, type MessageKey } from '../i18n/index.ts';

export type MailKind = 'worker_sign_in' | 'worker_claim_taken' | 'nominator_published';

// Mails are built by domain code (no request, no app), so they read their own copy of the catalogue.
const catalogue = createCatalogue();
/** Keys a mail asked for that the catalogue lacks ("lang:key"), for tests. */
export const mailMissingKeys = catalogue.missing;

type Neutral = {
  to: string;
  kind: MailKind;
  lang: Lang;
  subject: MessageKey;
  paragraphs: string[];
  /** `path` is an English site path: the link goes to the page in the mail's language */
  link?: { label: MessageKey; path: string };
  dedupeKey?: string;
};

/** An absolute link on this site: PUBLIC_URL (any path it has kept) + an encoded path. */
export function siteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Plain text only: no HTML part, so nothing in it can be hidden or tracked. */
function neutralMail(publicUrl: string, m: Neutral): OutgoingMail {
  const t = catalogue.t[m.lang];
  const lines = [...m.paragraphs];
  if (m.link) lines.push(`${t(m.link.label)}:\n${siteLink(publicUrl, localPath(m.lang, m.link.path))}`);
  lines.push(t('mail.ignore'));
  lines.push(`${t('site.name')}\n${siteLink(publicUrl, localPath(m.lang, '/'))}`);
  return { to: m.to, kind: m.kind, subject: t(m.subject), text: `${lines.join('\n\n')}\n`, dedupeKey: m.dedupeKey };
}

/** The single-use link a social worker asked for on "Is this you?" or "Sign in", in the language of that page. */
export function workerSignInMail(publicUrl: string, lang: Lang, to: string, token: string, validMinutes = 30): OutgoingMail {
  const t = catalogue.t[lang];
  return neutralMail(publicUrl, {
    to,
    kind: 'worker_sign_in',
    lang,
    subject: 'mail.signIn.subject',
    paragraphs: [t('mail.signIn.asked'), t('mail.signIn.valid', { count: validMinutes })],
    link: { label: 'mail.signIn.link', path: `/worker/sign-in/${encodeURIComponent(token)}` },
  });
}

/** "Is this you?" from a matching address for a profile another address has already confirmed: no link. */
export function workerClaimTakenMail(publicUrl: string, lang: Lang, to: string): OutgoingMail {
  const t = catalogue.t[lang];
  return neutralMail(publicUrl, {
    to,
    kind: 'worker_claim_taken',
    lang,
    subject: 'mail.claimTaken.subject',
    paragraphs: [t('mail.claimTaken.asked'), t('mail.claimTaken.taken'), t('mail.claimTaken.byHand')],
    link: { label: 'mail.claimTaken.link', path: '/worker/claim' },
  });
}

/** The one message a family asked for: "tell me when it is published". Queued once per nomination, in the language they nominated in. */
export function nominatorPublishedMail(publicUrl: string, lang: Lang, to: string, workerSlug: string, nominationId: number): OutgoingMail {
  const t = catalogue.t[lang];
  return neutralMail(publicUrl, {
    to,
    kind: 'nominator_published',
    lang,
    subject: 'mail.published.subject',
    paragraphs: [t('mail.published.asked'), t('mail.published.deleted')],
    link: { label: 'mail.published.link', path: `/workers/${encodeURIComponent(workerSlug)}` },
    dedupeKey: `nominator_published:${nominationId}`,
  });
}
