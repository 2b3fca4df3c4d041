// A worker's registration with their regulator, shown as "Registered with …" and a link to that
// regulator's public register search. Only the number's shape is checked: no lookup is made.
import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { workerRegistrations, workers, REGULATORS } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { InvalidError } from '../errors.ts';

export type Regulator = (typeof REGULATORS)[number];

export const REGULATOR_INFO: Record<Regulator, { name: string; nation: string; register: string; format: RegExp; hint: string }> = {
  // "SW" then the number, e.g. SW12345 (numbers carried over from the HCPC register keep the prefix)
  swe: {
    name: 'Social Work England',
    nation: 'England',
    register: 'https://www.socialworkengland.org.uk/search-the-register/',
    format: /^SW\d{3,7}$/,
    hint: '"SW" then numbers, like SW123456',
  },
  sssc: {
    name: 'the Scottish Social Services Council (SSSC)',
    nation: 'Scotland',
    register: 'https://www.sssc.uk.com/the-register/',
    format: /^\d{4,8}$/,
    hint: 'numbers only, like 1234567',
  },
  scw: {
    name: 'Social Care Wales',
    nation: 'Wales',
    register: 'https://socialcare.wales/registration/check-the-register',
    format: /^\d{4,8}$/,
    hint: 'numbers only, like 1234567',
  },
  niscc: {
    name: 'the Northern Ireland Social Care Council (NISCC)',
    nation: 'Northern Ireland',
    register: 'https://niscc.info/the-register/',
    format: /^\d{4,8}$/,
    hint: 'numbers only, like 1234567',
  },
};

export const isRegulator = (v: string): v is Regulator => REGULATORS.some((r) => r === v);

/** The number as stored (upper case, spaces and dashes dropped), '' to remove it, or InvalidError. */
export function cleanRegistration(regulator: string, raw: string): { regulator: Regulator; number: string } | null {
  const number = raw.toUpperCase().replace(/[\s\-‐–]/g, '');
  if (number === '') return null;
  if (!isRegulator(regulator)) throw new InvalidError([{ field: 'regulator', message: 'Select the regulator you are registered with' }]);
  const info = REGULATOR_INFO[regulator];
  if (!info.format.test(number)) {
    throw new InvalidError([
      { field: 'number', message: `Enter a registration number with ${info.name} in the right format: ${info.hint}` },
    ]);
  }
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
