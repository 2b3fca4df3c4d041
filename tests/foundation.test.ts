import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { loadConfig, ConfigError } from '../server/config.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

describe('foundation', () => {
  it('answers /healthz when the database answers', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('seeds all 361 areas with their variants, idempotently', async () => {
    const count = app.db.$client.prepare('SELECT COUNT(*) FROM areas').pluck().get();
    expect(count).toBe(361);
    expect(app.areas.resolve('Hull')?.name).toBe('Kingston upon Hull, City of');
    expect(app.areas.resolve('St Helens')?.slug).toBe('st-helens');
    expect(app.areas.resolve('bristol')?.slug).toBe('bristol-city-of');
    expect(app.areas.resolve('E07000062')?.name).toBe('Hastings');
    expect(app.areas.resolve('Derry')?.name).toBe('Derry City and Strabane');
    expect(app.areas.resolve('Brighton & Hove')?.name).toBe('Brighton and Hove');
    expect(app.areas.resolve('Nowhere-on-Sea')).toBeUndefined();
  });

  it('serves security headers with a strict CSP and a friendly 404', async () => {
    const res = await app.inject('/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.body).toContain('Page not found');
  });

  it('sends the same security headers on every kind of answer, HSTS only behind HTTPS', async () => {
    const expected = {
      'content-security-policy':
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none';object-src 'none'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-site',
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
      'x-xss-protection': '0',
    };
    for (const url of ['/', '/no-such-page', '/api/stats', '/healthz', '/nominate']) {
      const res = await app.inject(url);
      expect(res.headers, url).toMatchObject(expected);
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
    const post = await app.inject({
      method: 'POST',
      url: '/nominate',
      payload: 'x=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(403);
    expect(post.headers).toMatchObject(expected);
    const secure = await makeApp({ COOKIE_SECURE: '1' });
    try {
      const res = await secure.inject('/');
      expect(res.headers).toMatchObject({ ...expected, 'strict-transport-security': 'max-age=31536000; includeSubDomains' });
    } finally {
      await secure.close();
    }
  });

  it('stops on a bad configuration value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_PATH: ':memory:' })).toThrow(/SESSION_SECRET/);
  });

  it('refuses UPDATE and DELETE on the audit log', () => {
    const sqlite = app.db.$client;
    sqlite.prepare("INSERT INTO audit_log (at, action, subject_type) VALUES (1, 'test', 'none')").run();
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
