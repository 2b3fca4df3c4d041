// Moderator passwords: scrypt hashes and the password policy.
//
// Parameters (stated in the README too): scrypt with N = 2^15, r = 8, p = 1, a 16-byte random salt and a
// 64-byte derived key, stored as `scrypt$N$r$p$<salt base64>$<hash base64>` so the parameters can be raised
// later without breaking old hashes. About 32 MiB and ~100 ms per hash; compared with timingSafeEqual.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r (32 MiB at these parameters).
    scryptCb(password.normalize('NFC'), salt, keylen, { ...opts, maxmem: 256 * opts.N! * opts.r! }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || n > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length === 0) return false;
  const actual = await scrypt(password, salt, expected.length, { N: n, r, p });
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the email is unknown, so a wrong email costs as long as a wrong password. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  return dummyHash;
}

export const MIN_PASSWORD_LENGTH = 12;

// A short list of the most common passwords of 12+ characters (the policy already refuses shorter ones),
// folded to lower case. Not exhaustive: it stops the obvious ones.
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789101',
  '1234567891011',
  '111111111111',
  '000000000000',
  '123123123123',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyqwerty',
  'asdfghjkl123',
  'zxcvbnm12345',
  'password1234',
  'password12345',
  'password123!',
  'passwordpassword',
  'password1234!',
  'passw0rd1234',
  'p@ssw0rd1234',
  'p@ssword1234',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'abc123456789',
  'abcdefghijkl',
  'abcd12345678',
  'administrator',
  'administrator1',
  'admin1234567',
  'admin12345678',
  'changeme1234',
  'changemenow1',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'trustno1trustno1',
  'superman1234',
  'starwars1234',
  'liverpool123',
  'liverpool1234',
  'chelsea12345',
  'arsenal12345',
  'manchester12',
  'manchesterunited',
  'socialworker',
  'socialworker1',
  'socialwork123',
  'moderator123',
  'moderator1234',
  'goodsocialworker',
  'correcthorsebatterystaple',
  'qwertyuiopasdfghjkl',
  '1234qwerasdfzxcv',
  'aaaaaaaaaaaa',
  'passwordpassword1',
  'mypassword123',
  'secretpassword',
  'verysecurepassword',
  'summer2024!!',
  'summer123456',
  'winter123456',
  'spring123456',
  'autumn123456',
  'january12345',
  'london123456',
]);

/** Why a password is refused, in plain English, or undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded) || /^(.)\1+$/.test(password) || /^(?:0123456789|1234567890)+\d*$/.test(password)) {
    return 'That password is too common. Choose a longer phrase that other people would not guess';
  }
  if (email) {
    const e = email.trim().toLowerCase();
    const local = e.split('@')[0] ?? '';
    if (folded === e || folded === local || (local.length >= 4 && folded.includes(local) && folded.length - local.length < 6)) {
      return 'Password must not be your email address';
    }
  }
  return undefined;
}
