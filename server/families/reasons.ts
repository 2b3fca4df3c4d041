// The words a family sees about a decision: short, kind and general. They are chosen from these
// lists by key; a moderator's own note is never shown to the family.
import type { RejectReason } from '../moderation/decisions.ts';

/** Why a moderator sends a story back for the family to change. Label for the moderator, text for the family. */
export const SEND_BACK_REASONS = {
  names_someone: {
    label: 'It names their child or someone else',
    family: 'It names your child or someone else. Take out the names, and anything else that could show who you are.',
  },
  complaint: {
    label: 'It is a complaint, not a recommendation',
    family: 'It reads like a complaint, not a thank-you. This site can only share thanks.',
  },
  more_than_one: {
    label: 'It is about more than one worker',
    family: 'It is about more than one worker. Tell us about one social worker only. You can send a new one for each worker.',
  },
  too_short: {
    label: 'It is too short to publish',
    family: 'It is too short for us to share. Tell us a bit more about what they did that helped.',
  },
  private_details: {
    label: 'It has private details (a school, an address, a date, a case)',
    family: 'It has private details, like a school, a street, a date or a case number. Take them out.',
  },
  unclear: {
    label: 'It is hard to tell what the worker did',
    family: 'We could not tell what the social worker did that helped. Say what they did, in your own words.',
  },
} as const;
export type SendBackReason = keyof typeof SEND_BACK_REASONS;

export function isSendBackReason(key: string): key is SendBackReason {
  return Object.hasOwn(SEND_BACK_REASONS, key);
}

/** A rejection, told to the family: general words for each of the moderator's reasons. */
export const NOT_PUBLISHED_WORDS: Record<RejectReason, string> = {
  not_about_worker: 'It was not a thank-you to a social worker, so it did not fit this site.',
  identifying: 'We could not take out the private details and still keep what you meant.',
  complaint_or_concern: 'It read more like a complaint or a worry than a thank-you. This site can only share thanks.',
  duplicate: 'We already had the same words about this worker, so we shared them once.',
  spam: 'It did not keep to our house rules.',
  other: 'It did not fit what this site can share.',
};

/** For a reason key stored before this list, or one since removed. */
export const NOT_PUBLISHED_FALLBACK = 'It did not fit what this site can share.';
export const SEND_BACK_FALLBACK = 'A moderator asked you to change your words before we can share them.';
