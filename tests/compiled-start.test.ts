// `npm start` compiles the server into .build/ and runs the JavaScript (no TypeScript loader in
// each process: ~35 MB less memory apiece). Everything else runs from the sources, so this test
// holds the compiled server to what the sources do: files found from the project root (templates,
// static assets, migrations, area lists, the privacy word lists), one process per core, and the
// search index built in its worker thread.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMPILED_MAIN, ROOT, RunningServer, TEST_SECRET, freePort } from './e2e/helpers/server.ts';
import { seedDatabase } from './e2e/helpers/seed-db.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

let dir: string;
let dbPath: string;
let server: RunningServer;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'gsw-compiled-'));
  dbPath = join(dir, 'directory.db');
  await seedDatabase(dbPath, (s) => {
    s.nominate({ workerName: 'Rhiannon Pritchard', area: 'Cardiff', status: 'approved', quote: 'She listened to all of us.' });
  });
  server = new RunningServer(await freePort(), dir, dbPath, { WEB_CONCURRENCY: '2' }, false, true);
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server as npm start compiles it', () => {
  it('serves the public pages in both languages from two processes', async () => {
    for (const path of ['/', '/cy', '/areas', '/search?q=rhiannon', '/api/search?q=pritchard', '/static/site.css']) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
    }
    const search = await (await fetch(`${server.url}/api/search?q=pritchard`)).json();
    expect(search.results.map((r: { name: string }) => r.name)).toEqual(['Rhiannon Pritchard']);
    const home = await (await fetch(server.url)).text();
    expect(home).toMatch(/\/static\/site\.css\?v=[0-9a-f]{10}/);
  });

  it('builds the search index in its worker thread', () => {
    // the compiled app in its own process, as a rebuild at 100k profiles runs it
    const script = `
      const { loadConfig } = await import(${JSON.stringify(pathToFileURL(join(ROOT, '.build', 'server', 'config.js')).href)});
      const { buildApp } = await import(${JSON.stringify(pathToFileURL(join(ROOT, '.build', 'server', 'app.js')).href)});
      const config = loadConfig({ DATABASE_PATH: ${JSON.stringify(dbPath)}, SESSION_SECRET: ${JSON.stringify(TEST_SECRET)}, LOG_LEVEL: 'silent' });
      const app = await buildApp({ config, logger: false, mailLoop: false });
      await app.ready();
      await app.searchIndex.rebuild({ offThread: true });
      const found = await app.searchIndex.find('rhiannon', undefined, 1, 20);
      console.log(JSON.stringify({ offThread: app.searchIndex.lastBuild.offThread, names: found.results.map((r) => r.name) }));
      await app.close();`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ offThread: true, names: ['Rhiannon Pritchard'] });
  });

  it('runs no TypeScript loader', () => {
    expect(COMPILED_MAIN.endsWith('.js')).toBe(true);
    const cmdline = execFileSync('ps', ['-o', 'args=', '-p', String(server.child.pid)], { encoding: 'utf8' });
    expect(cmdline).not.toContain('tsx');
  });
});
