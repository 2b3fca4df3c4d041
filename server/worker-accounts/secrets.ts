// Random tokens for sign-in links and sessions: 32 bytes from the OS, kept only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A token as it may come from a URL or cookie: base64url of 32 bytes is 43 characters. */
export const looksLikeToken = (raw: unknown): raw is string => typeof raw === 'string' && /^[A-Za-z0-9_-]{43}$/.test(raw);
