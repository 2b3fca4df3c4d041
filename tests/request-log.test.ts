// The request log: one line per request when it is answered, with nothing from the query string.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';

describe('request log', () => {
  const lines: Record<string, unknown>[] = [];
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsw-log-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_PATH: join(dir, 'test.db'),
      SESSION_SECRET: 'test-secret-test-secret-test-secret-1234',
      LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: '0',
    });
    const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    app = await buildApp({ config, logStream, mailLoop: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const requestLines = () => lines.filter((l) => l.req !== undefined || l.res !== undefined);

  it('writes one line per answered request: method, URL without its query, status and time taken', async () => {
    lines.length = 0;
    expect((await app.inject('/search?q=ottoline+marsh')).statusCode).toBe(200);
    expect((await app.inject('/no-such-page?email=someone@example.org')).statusCode).toBe(404);
    const logged = requestLines();
    expect(logged).toHaveLength(2);
    expect(logged.map((l) => [l.msg, l.req, l.res])).toEqual([
      ['request completed', { method: 'GET', url: '/search' }, { statusCode: 200 }],
      ['request completed', { method: 'GET', url: '/no-such-page' }, { statusCode: 404 }],
    ]);
    for (const l of logged) expect(l.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(lines)).not.toMatch(/ottoline|someone@example/i);
  });

  it('logs nothing when a request comes in, only when it is answered', async () => {
    lines.length = 0;
    await app.inject('/');
    expect(lines.map((l) => l.msg)).toEqual(['request completed']);
  });
});
