import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { Client, type TestApp } from './helpers/app.ts';
import { login } from './helpers/moderator.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gsw-script-'));
  dbPath = join(dir, 'directory.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function createModerator(args: string[], password: string | undefined) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_PATH: dbPath,
    SESSION_SECRET: 'script-test-secret-script-test-secret',
    NODE_ENV: 'test',
  };
  if (password !== undefined) env.MODERATOR_PASSWORD = password;
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/create-moderator.ts', ...args], { cwd: ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run create-moderator', () => {
  it('refuses a weak password, creates a working login with a good one, refuses the same email twice, and never prints the password', async () => {
    const weak = await createModerator(['--email', 'lead@example.org', '--role', 'admin'], 'password1234');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too common/);

    const missing = await createModerator(['--email', 'lead@example.org'], undefined);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/MODERATOR_PASSWORD/);

    const password = 'tidal lantern copper 77';
    const ok = await createModerator(['--email', 'Lead@Example.org', '--role', 'admin'], password);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Created admin lead@example.org');
    expect(ok.stdout + ok.stderr).not.toContain(password);

    const again = await createModerator(['--email', 'lead@example.org'], 'another good pass phrase');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already a moderator.*--reset/);

    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_PATH: dbPath,
      SESSION_SECRET: 'script-test-secret-script-test-secret',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '0',
    });
    const app = (await buildApp({ config, logger: false })) as TestApp;
    await app.ready();
    try {
      const res = await login(new Client(app), 'lead@example.org', password);
      expect(res.statusCode).toBe(303);
      expect((await login(new Client(app), 'lead@example.org', 'another good pass phrase')).statusCode).toBe(401);
    } finally {
      await app.close();
    }

    const reset = await createModerator(['--email', 'lead@example.org', '--reset'], 'another good pass phrase');
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('Reset the password');
  }, 120_000);
});
