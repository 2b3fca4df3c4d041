// Builds the real app (real migrations, real templates) over a fresh temporary SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';

export type TestApp = FastifyInstance & { dir: string; clock: { now: number } };

export async function makeApp(env: Record<string, string> = {}, startAt = Date.UTC(2026, 2, 18, 12, 0, 0)): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'gsw-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: join(dir, 'test.db'),
    SESSION_SECRET: 'test-secret-test-secret-test-secret-1234',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    MIN_FILL_SECONDS: '0',
    ...env,
  });
  const clock = { now: startAt };
  // no mail loop: a test delivers with app.mail.flush(), so what it counts is what it sent
  const app = (await buildApp({ config, now: () => clock.now, logger: false, mailLoop: false })) as TestApp;
  app.dir = dir;
  app.clock = clock;
  app.addHook('onClose', async () => rmSync(dir, { recursive: true, force: true }));
  await app.ready();
  return app;
}

/** A browser-like session: keeps cookies and pulls the CSRF token out of forms. */
export class Client {
  cookies = new Map<string, string>();
  constructor(private app: FastifyInstance) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    return res;
  }

  /** POST a urlencoded form. Values may be arrays (repeated fields). */
  async post(url: string, form: Record<string, string | string[] | undefined>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      payload: body.toString(),
    });
    this.keep(res);
    return res;
  }

  /** GET a page with a form and return its CSRF token. */
  async csrf(url: string): Promise<string> {
    const res = await this.get(url);
    const token = csrfFrom(res.body);
    if (!token) throw new Error(`no _csrf token on ${url} (status ${res.statusCode})`);
    return token;
  }
}

export function csrfFrom(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}
