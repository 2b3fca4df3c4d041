// A worker's registration with their regulator, shown as "Registered with …" and a link to that
// regulator's public register search. Only the number's shape is checked: no lookup is made.
import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { workerRegistrations, workers, REGULATORS } from '../../db/schema.ts';
import { NUMBER_FORMAT_MESSAGE, WORKER_MESSAGES } from './messages.ts';
import { audit } from '../audit.ts';
import { InvalidError } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';

export type Regulator = (typeof REGULATORS)[number];

/** `welsh`: the regulator's own Welsh name, where it has one (the others are named in English on Welsh pages too). */
export const REGULATOR_INFO: Record<Regulator, { name: string; welsh?: string; register: string; format: RegExp }> = {
  // "SW" then the number, e.g. SW12345 (numbers carried over from the HCPC register keep the prefix)
  swe: {
    name: 'Social Work England',
    register: 'https://www.socialworkengland.org.uk/search-the-register/',
    format: /^SW\d{3,7}$/,
  },
  sssc: {
    name: 'the Scottish Social Services Council (SSSC)',
    register: 'https://www.sssc.uk.com/the-register/',
    format: /^\d{4,8}$/,
  },
  scw: {
    name: 'Social Care Wales',
    welsh: 'Gofal Cymdeithasol Cymru',
    register: 'https://socialcare.wales/registration/check-the-register',
    format: /^\d{4,8}$/,
  },
  niscc: {
    name: 'the Northern Ireland Social Care Council (NISCC)',
    register: 'https://niscc.info/the-register/',
    format: /^\d{4,8}$/,
  },
};

/** The regulator's name as a page in `lang` shows it; an English name on a Welsh page says it is English (`lang: 'en'`). */
export function regulatorName(regulator: Regulator, lang: Lang): { name: string; lang?: 'en' } {
  const info = REGULATOR_INFO[regulator];
  if (lang === 'cy' && info.welsh) return { name: info.welsh };
  const name = info.name.replace(/^the /, '');
  return lang === 'cy' ? { name, lang: 'en' } : { name };
}

export const isRegulator = (v: string): v is Regulator => REGULATORS.some((r) => r === v);

/** The number as stored (upper case, spaces and dashes dropped), '' to remove it, or InvalidError. */
export function cleanRegistration(regulator: string, raw: string): { regulator: Regulator; number: string } | null {
  const number = raw.toUpperCase().replace(/[\s\-‐–]/g, '');
  if (number === '') return null;
  if (!isRegulator(regulator)) throw new InvalidError([{ field: 'regulator', message: WORKER_MESSAGES.regulator }]);
  if (!REGULATOR_INFO[regulator].format.test(number))
    throw new InvalidError([{ field: 'number', message: NUMBER_FORMAT_MESSAGE[regulator] }]);
  return { regulator, number };
}

export function setRegistration(
  db: Db,
  input: { accountId: number; workerId: number; registration: { regulator: Regulator; number: string } | null; now: number },
): void {
  const { workerId, registration, now } = input;
  db.$client.transaction(() => {
    if (registration) {
      db.insert(workerRegistrations)
        .values({ workerId, ...registration, updatedAt: now })
        .onConflictDoUpdate({ target: workerRegistrations.workerId, set: { ...registration, updatedAt: now } })
        .run();
    } else {
      db.delete(workerRegistrations).where(eq(workerRegistrations.workerId, workerId)).run();
    }
    db.update(workers).set({ updatedAt: now }).where(eq(workers.id, workerId)).run();
    audit(db, {
      at: now,
      moderatorId: null,
      action: registration ? 'worker.registration_set' : 'worker.registration_removed',
      subjectType: 'worker',
      subjectId: workerId,
      after: registration,
      note: `by the worker (account ${input.accountId})`,
    });
  })();
}
