// `npm run bench:http` — HTTP load on a 100k-profile database (a measurement, not a test).
//
// The app runs in THIS process (buildApp + listen, RATE_LIMIT_MAX=0) with a bare Fastify route
// `/bench-baseline` beside it as the baseline: same process, same plugins' hooks, no work. Each
// target is driven by autocannon in a CHILD process (so the load generator does not compete with
// the server for this process's event loop) at 50 connections: 2 s warm-up, then 10 s measured.
// Prints req/s, p50/p99 latency, errors, req/s as a ratio of the baseline, and peak RSS.
//
//   npm run bench:http [-- --db /tmp/big.db] [--workers 100000] [--nominations 300000]
//                      [--duration 10] [--connections 50] [--only home,search] [--no-compression]
//                      [--cpu-prof uncached]
//
// --db reuses (or creates, then keeps) a generated database; without it a temporary one is made.
// --cpu-prof NAME writes a CPU profile of the server (this process) while each target whose name
// contains NAME is measured, to bench-<target>.cpuprofile (open it in Chrome's DevTools).
// Requests carry Accept-Encoding as browsers' do (pages travel compressed); --no-compression
// leaves it out, so every page travels whole.
// "search" repeats 44 queries (so after the first of each, the page cache answers, as for
// popular names); "uncached search" never repeats one, measuring the engine and rendering.
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync, execSync } from 'node:child_process';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

type Target = {
  name: string;
  method: 'GET' | 'POST';
  /** paths rotated round-robin, one per request */
  paths: string[];
  headers?: Record<string, string>;
  /** bodies rotated round-robin; `{{n}}` is replaced by a unique counter per request, `{{w}}` by letters made from it */
  bodyTemplate?: string;
  /** the status a correct answer has */
  expect: number;
  /** where in `paths` the measured run starts (the warm-up starts at 0), so it can avoid the warm-up's paths */
  measureFrom?: number;
};

type DriveResult = {
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  wrongStatus: number;
  statuses: Record<string, number>;
};

const SCRIPT = fileURLToPath(import.meta.url);
/** Distinct queries for the uncached search target; the warm-up uses the first UNCACHED_WARMUP_SPAN. */
const UNCACHED_QUERIES = 60_000;
const UNCACHED_WARMUP_SPAN = 15_000;

// ---------------------------------------------------------------- the driver (child process)

/** A number as lower-case letters (names take no digits): 0 -> "a", 27 -> "bb". */
function letters(k: number): string {
  let out = '';
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  } while (k > 0);
  return out;
}

async function drive(target: Target, url: string, connections: number, duration: number, start: number): Promise<DriveResult> {
  const require = createRequire(import.meta.url);
  const autocannon = require('autocannon') as (opts: unknown) => Promise<{
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; max: number };
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }>;
  let n = start;
  let counter = Date.now() * 1000;
  const result = await autocannon({
    url,
    connections,
    duration,
    pipelining: 1,
    requests: [
      {
        method: target.method,
        headers: target.headers,
        setupRequest: (req: Record<string, unknown>) => {
          const i = n++;
          req.path = target.paths[i % target.paths.length];
          if (target.bodyTemplate) {
            const k = counter++;
            req.body = target.bodyTemplate.replaceAll('{{n}}', String(k)).replaceAll('{{w}}', letters(k));
          }
          return req;
        },
      },
    ],
  });
  let right = 0;
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) if (Number(code) === target.expect) right += s.count;
  const total = Object.values(result.statusCodeStats ?? {}).reduce((a, s) => a + s.count, 0);
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    wrongStatus: total - right,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}

if (process.argv[2] === '--drive') {
  // The job comes over IPC: 60,000 search paths are too long for a command line.
  process.once('message', (job) => {
    const { target, url, connections, duration, start } = job as {
      target: Target;
      url: string;
      connections: number;
      duration: number;
      start: number;
    };
    drive(target, url, connections, duration, start).then(
      (r) => {
        process.send!(r);
        process.exit(0);
      },
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}

function runDriver(target: Target, url: string, connections: number, duration: number, start = 0): Promise<DriveResult> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(SCRIPT, ['--drive'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: DriveResult | undefined;
    child.send({ target, url, connections, duration, start });
    child.on('message', (m) => (result = m as DriveResult));
    child.on('exit', (code) => (result ? resolvePromise(result) : reject(new Error(`autocannon driver exited with ${code}`))));
  });
}

// ---------------------------------------------------------------- the bench (parent process)

function arg(argv: string[], name: string, dflt: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : dflt;
}

function gitCommit(): string {
  try {
    const hash = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' }).trim() ? ' (+ uncommitted changes)' : '';
    return hash + dirty;
  } catch {
    return 'unknown';
  }
}

/** A plausible misspelling: two neighbouring letters swapped in the longest word. */
function misspell(name: string): string {
  const words = name.split(' ');
  const i = words.reduce((best, w, j) => (w.length > words[best]!.length ? j : best), 0);
  const w = words[i]!;
  if (w.length < 5) return name;
  const k = Math.floor(w.length / 2);
  words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return words.join(' ');
}

async function bench(argv: string[]) {
  const workers = Number(arg(argv, 'workers', '100000'));
  const nominations = Number(arg(argv, 'nominations', '300000'));
  const duration = Number(arg(argv, 'duration', '10'));
  const connections = Number(arg(argv, 'connections', '50'));
  const only = arg(argv, 'only', '').split(',').filter(Boolean);
  const keepDb = arg(argv, 'db', '');
  const profileName = arg(argv, 'cpu-prof', '');
  // Ask for compressed answers as every browser does (Accept-Encoding); --no-compression asks
  // for none, as autocannon does by default (and as runs before aaae058 did).
  const browser = !argv.includes('--no-compression');
  const tmp = mkdtempSync(join(tmpdir(), 'gsw-bench-http-'));
  const dbPath = join(tmp, 'bench.db');
  const commit = gitCommit();

  try {
    // 1. The database: generated once with engineer F's generator, reused with --db. It runs in a
    //    child process so its memory does not count in this (the server's) RSS.
    const target = keepDb ? resolve(keepDb) : dbPath;
    if (keepDb && existsSync(target)) {
      console.log(`Using the database at ${keepDb} (copied, so the bench's writes do not accumulate)`);
    } else {
      const t = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', join(dirname(SCRIPT), 'generate-profiles.ts'), '--db', target, '--workers', String(workers), '--nominations', String(nominations), '--seed', '1', '--force'], { stdio: 'inherit' });
      console.log(`Generated ${workers.toLocaleString('en-GB')} profiles and ${nominations.toLocaleString('en-GB')} nominations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    if (keepDb) copyFileSync(target, dbPath);

    // 2. The app in this process, plus the baseline route.
    const { loadConfig } = await import('../server/config.ts');
    const { buildApp } = await import('../server/app.ts');
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_PATH: dbPath,
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-1',
      RATE_LIMIT_MAX: '0',
      MIN_FILL_SECONDS: '0',
      LOG_LEVEL: 'warn',
    });
    const bootStarted = performance.now();
    const app = await buildApp({ config });
    app.get('/bench-baseline', async (_req, reply) => reply.type('text/plain').send('ok'));
    await app.ready();
    const search = (app as unknown as { search?: { ready?: () => Promise<unknown> } }).search;
    if (search?.ready) await search.ready();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    console.log(`App ready in ${((performance.now() - bootStarted) / 1000).toFixed(1)} s on ${base}; commit ${commit}`);

    // 3. What to ask for: real slugs and names from the database.
    const sqlite = app.db.$client;
    const slugs = sqlite
      .prepare("SELECT slug FROM workers WHERE status = 'published' ORDER BY (id * 7919) % 100003 LIMIT 1000")
      .pluck()
      .all() as string[];
    const names = sqlite.prepare('SELECT w.name, a.name AS area FROM workers w JOIN areas a ON a.id = w.area_id ORDER BY (w.id * 104729) % 100019 LIMIT 40').all() as {
      name: string;
      area: string;
    }[];
    const queries = [
      ...names.slice(0, 20).map((n) => n.name),
      ...names.slice(20, 30).map((n) => misspell(n.name)),
      ...names.slice(30, 35).map((n) => n.name.split(' ').pop()!),
      ...names.slice(35, 40).map((n) => `${n.name} ${n.area}`),
      'okaf',
      'smith',
      'jane',
      'hastings',
    ];
    const searchPaths = queries.map((q) => `/search?q=${encodeURIComponent(q)}`);
    // Every request a query not asked before (so none is answered from the page cache): the
    // search engine and the page's rendering, as for a long tail of different names.
    const fresh = new Set<string>();
    for (const n of sqlite.prepare('SELECT w.name, a.name AS area FROM workers w JOIN areas a ON a.id = w.area_id ORDER BY (w.id * 15485863) % 1000003').iterate() as IterableIterator<{ name: string; area: string }>) {
      for (const q of [n.name, misspell(n.name), `${n.name} ${n.area}`]) if (!queries.includes(q)) fresh.add(q);
      if (fresh.size >= UNCACHED_QUERIES) break;
    }
    const uncachedPaths = [...fresh].slice(0, UNCACHED_QUERIES).map((q) => `/search?q=${encodeURIComponent(q)}`);

    // A valid nomination, taken through the form like a browser: cookie + CSRF token + hidden fields.
    const { HttpClient, formFields, VALID_NOMINATION } = await import('../tests/e2e/helpers/http.ts');
    let confirmTarget: Target | undefined;
    try {
      const client = new HttpClient(base);
      const form = await client.get('/nominate');
      const check = await client.submit('/nominate', '/nominate', { ...VALID_NOMINATION, story: `${VALID_NOMINATION.story} Bench.` }, form.body);
      if (check.status !== 200) throw new Error(`POST /nominate answered ${check.status}`);
      const fields = formFields(check.body, '/nominate/confirm');
      if (!fields.some(([k]) => k === 'submission_key')) throw new Error('the confirm form has no submission_key');
      const body = new URLSearchParams();
      // A unique submission key per request (the form's key is 22-64 URL-safe characters).
      // Every nomination its own: a new submission key, worker and story (the same story posted
      // again and again would measure the duplicate check against an ever longer list instead).
      const own: Record<string, string> = { submission_key: 'benchsubmissionkey{{n}}', worker_name: 'Jane Smith{{w}}' };
      for (const [k, v] of fields) body.append(k, own[k] ?? (k === 'story' ? `${v} Thank you from family {{w}}.` : v));
      confirmTarget = {
        name: 'POST /nominate/confirm',
        method: 'POST',
        paths: ['/nominate/confirm'],
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        bodyTemplate: body.toString().replaceAll('%7B%7Bn%7D%7D', '{{n}}').replaceAll('%7B%7Bw%7D%7D', '{{w}}'),
        expect: 303,
      };
    } catch (err) {
      console.log(`(POST /nominate/confirm skipped: ${(err as Error).message})`);
    }

    const targets = ([
      { name: 'baseline (bare route)', method: 'GET', paths: ['/bench-baseline'], expect: 200 },
      { name: 'home /', method: 'GET', paths: ['/'], expect: 200 },
      { name: 'profile (1,000 rotating)', method: 'GET', paths: slugs.map((s) => `/workers/${encodeURIComponent(s)}`), expect: 200 },
      { name: 'areas /areas', method: 'GET', paths: ['/areas'], expect: 200 },
      { name: `search (${queries.length} queries)`, method: 'GET', paths: searchPaths, expect: 200 },
      { name: `uncached search (${uncachedPaths.length.toLocaleString('en-GB')} new queries)`, method: 'GET', paths: uncachedPaths, expect: 200, measureFrom: UNCACHED_WARMUP_SPAN },
      ...(confirmTarget ? [confirmTarget] : []),
    ] as Target[])
      .filter((t) => t.name.startsWith('baseline') || !only.length || only.some((o) => t.name.includes(o)))
      .map((t) => (browser ? { ...t, headers: { ...t.headers, 'accept-encoding': 'gzip, deflate, br, zstd' } } : t));

    // 4. Drive each target; sample this process's RSS meanwhile (after collecting the garbage
    //    the bench itself made above, which is not the server's).
    (globalThis as { gc?: () => void }).gc?.();
    let peakRss = process.memoryUsage().rss;
    console.log(`RSS after boot (index built): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    const rows: { target: Target; r: DriveResult; rssMb: number; settledMb: number }[] = [];
    // The baseline runs first and again last; ratios use the faster of the two (the conservative
    // choice: right after start-up the process is still settling, which made early baselines low).
    const baselineTarget = targets[0]!;
    for (const target of [...targets, { ...baselineTarget, name: 'baseline again (bare route)' }]) {
      await runDriver(target, base, connections, 2); // warm-up
      let targetPeak = process.memoryUsage().rss;
      let atPeak = process.memoryUsage();
      const perTarget = setInterval(() => {
        const m = process.memoryUsage();
        if (m.rss > targetPeak) [targetPeak, atPeak] = [m.rss, m];
      }, 200);
      // What holds requests up in this process: event-loop delay and garbage-collection pauses.
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      const gcPauses = { count: 0, totalMs: 0, maxMs: 0 };
      const gcObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          gcPauses.count++;
          gcPauses.totalMs += e.duration;
          gcPauses.maxMs = Math.max(gcPauses.maxMs, e.duration);
        }
      });
      gcObserver.observe({ entryTypes: ['gc'] });
      loopDelay.enable();
      const profiler = profileName && target.name.includes(profileName) ? new Session() : undefined;
      if (profiler) {
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
      }
      const r = await runDriver(target, base, connections, duration, target.measureFrom ?? 0);
      if (profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        const file = `bench-${target.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`;
        writeFileSync(file, JSON.stringify(profile));
        profiler.disconnect();
        console.log(`    CPU profile written to ${file}`);
      }
      loopDelay.disable();
      gcObserver.disconnect();
      clearInterval(perTarget);
      // What the process holds once garbage is collected (npm run bench:http passes --expose-gc).
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      rows.push({ target, r, rssMb: targetPeak / 1024 / 1024, settledMb: gc ? process.memoryUsage().rss / 1024 / 1024 : NaN });
      const mb = (n: number) => (n / 1048576).toFixed(0);
      console.log(
        `  ${target.name}: ${Math.round(r.reqPerSec)} req/s; statuses ${JSON.stringify(r.statuses)}; at peak RSS ${mb(atPeak.rss)} MB: V8 heap ${mb(atPeak.heapTotal)} (used ${mb(atPeak.heapUsed)}), buffers ${mb(atPeak.external)}`,
      );
      const ms = (ns: number) => (ns / 1e6).toFixed(1);
      console.log(
        `    event-loop delay p50 ${ms(loopDelay.percentile(50))} / p99 ${ms(loopDelay.percentile(99))} / max ${ms(loopDelay.max)} ms; GC ${gcPauses.count} pauses, ${gcPauses.totalMs.toFixed(0)} ms in all (${((gcPauses.totalMs / (duration * 1000)) * 100).toFixed(1)}% of the run), longest ${gcPauses.maxMs.toFixed(1)} ms`,
      );
    }
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    // 5. The table.
    const baseline = Math.max(...rows.filter((row) => row.target.name.startsWith('baseline')).map((row) => row.r.reqPerSec));
    const TARGET_RATIO: Record<string, number> = { home: 0.4, profile: 0.4, search: 0.25 };
    const pad = (s: string, n: number) => s.padEnd(n);
    const lpad = (s: string, n: number) => s.padStart(n);
    console.log(`\nHTTP load, ${connections} connections, ${duration} s each, commit ${commit}, ${workers.toLocaleString('en-GB')} profiles, ${browser ? 'Accept-Encoding: gzip, deflate, br, zstd (as browsers)' : 'no Accept-Encoding (--no-compression)'}`);
    console.log(`${pad('target', 28)}${lpad('req/s', 9)}${lpad('p50 ms', 8)}${lpad('p99 ms', 8)}${lpad('max ms', 8)}${lpad('errors', 8)}${lpad('ratio', 8)}${lpad('RSS MB', 8)}${lpad('after GC', 10)}  verdict`);
    let allOk = true;
    for (const { target, r, rssMb, settledMb } of rows) {
      const ratio = r.reqPerSec / baseline;
      const key = Object.keys(TARGET_RATIO).find((k) => target.name.startsWith(k));
      const failures: string[] = [];
      const errors = r.errors + r.timeouts + r.wrongStatus;
      if (errors) failures.push(`${errors} errors`);
      if (r.p99 > 50) failures.push('p99 > 50 ms');
      if (key && ratio < TARGET_RATIO[key]!) failures.push(`ratio < ${TARGET_RATIO[key]}`);
      if (failures.length) allOk = false;
      console.log(
        `${pad(target.name, 28)}${lpad(String(Math.round(r.reqPerSec)), 9)}${lpad(String(r.p50), 8)}${lpad(String(r.p99), 8)}${lpad(String(r.max), 8)}${lpad(String(errors), 8)}${lpad(ratio.toFixed(2), 8)}${lpad(rssMb.toFixed(0), 8)}${lpad(Number.isNaN(settledMb) ? '-' : settledMb.toFixed(0), 10)}  ${failures.length ? failures.join(', ') : 'ok'}`,
      );
    }
    const rssMb = peakRss / 1024 / 1024;
    if (rssMb > 400) allOk = false;
    console.log(`peak RSS of the server process: ${rssMb.toFixed(0)} MB (target ≤ 400 MB); "after GC" is RSS once garbage is collected after each target`);
    console.log(allOk ? 'All targets met.' : 'Some targets NOT met (see verdicts).');
    await app.close();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] !== '--drive' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  bench(process.argv.slice(2)).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
