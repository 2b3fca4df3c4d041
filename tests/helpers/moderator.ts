// Moderators for tests: create one with the domain function and sign in through the real login form.
import { expect } from 'vitest';
import { Client, type TestApp } from './app.ts';
import { createModerator, type Moderator, type Role } from '../../server/moderation/accounts.ts';

export const TEST_PASSWORD = 'correct horse battery staple 42';

let counter = 0;

export async function addModerator(app: TestApp, opts: { email?: string; password?: string; role?: Role } = {}): Promise<Moderator> {
  return createModerator(app.db, {
    email: opts.email ?? `moderator${++counter}@example.org`,
    password: opts.password ?? TEST_PASSWORD,
    role: opts.role ?? 'moderator',
    now: app.clock.now,
  });
}

/** A Client signed in as a (new, unless given) moderator. */
export async function signedInModerator(
  app: TestApp,
  opts: { email?: string; password?: string; role?: Role; moderator?: Moderator } = {},
): Promise<{ client: Client; moderator: Moderator }> {
  const moderator = opts.moderator ?? (await addModerator(app, opts));
  const client = new Client(app);
  const res = await login(client, moderator.email, opts.password ?? TEST_PASSWORD);
  expect(res.statusCode, 'login should redirect to the queue').toBe(303);
  expect(res.headers.location).toBe('/moderate');
  return { client, moderator };
}

export async function login(client: Client, email: string, password: string) {
  const _csrf = await client.csrf('/moderate/login');
  return client.post('/moderate/login', { _csrf, email, password });
}
