// The words of the named worker's form rules, in English where the rules are. Each one is in the
// catalogue word for word (workerAccount.error.*), so a Welsh page shows it in Welsh
// (server/i18n/form-messages.ts); tests/i18n-catalogue.test.ts keeps the two the same.
import type { REGULATORS } from '../../db/schema.ts';

export const WORKER_LIMITS = { emailMax: 254, noteMax: 1000, replyMax: 500 } as const;

export const WORKER_MESSAGES = {
  emailEmpty: 'Enter your work email address',
  emailLong: `Email address must be ${WORKER_LIMITS.emailMax} characters or fewer`,
  emailFormat: 'Enter an email address in the correct format, like name@council.gov.uk',
  noteShort:
    'Tell the moderators in a few words who you are and why your address does not match, for example "agency worker for East Sussex"',
  noteLong: `Your note must be ${WORKER_LIMITS.noteMax.toLocaleString('en-GB')} characters or fewer`,
  display: 'Select how you want to be shown',
  /** followed by ". You have written N." */
  replyLong: `Your reply must be ${WORKER_LIMITS.replyMax} characters or fewer`,
  regulator: 'Select the regulator you are registered with',
  numberSwe: 'Enter a registration number with Social Work England in the right format: "SW" then numbers, like SW123456',
  numberSssc:
    'Enter a registration number with the Scottish Social Services Council (SSSC) in the right format: numbers only, like 1234567',
  numberScw: 'Enter a registration number with Social Care Wales in the right format: numbers only, like 1234567',
  numberNiscc:
    'Enter a registration number with the Northern Ireland Social Care Council (NISCC) in the right format: numbers only, like 1234567',
  mergeSame: 'Choose two different profiles to merge',
  mergeWaiting: 'A request to merge this profile is already waiting for a moderator',
} as const;

/** The message for a number in the wrong format, per regulator. */
export const NUMBER_FORMAT_MESSAGE: Record<(typeof REGULATORS)[number], string> = {
  swe: WORKER_MESSAGES.numberSwe,
  sssc: WORKER_MESSAGES.numberSssc,
  scw: WORKER_MESSAGES.numberScw,
  niscc: WORKER_MESSAGES.numberNiscc,
};
