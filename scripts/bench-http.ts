// `npm run bench:http` — HTTP load on a 100k-profile database, from outside (a measurement, not a test).
//
// The server runs as `npm start` runs it (the node flags and entry point are read from package.json's
// "start" script), in its own process on a copy of the database, with WEB_CONCURRENCY set per run.
// The baseline is a bare Fastify route in another process of its own (no plugins, no work): what
// this machine's Node can answer at most. Each target is driven by autocannon in a third process
// at 50 connections: 2 s warm-up, then the measured run. Prints req/s, p50/p99, errors, req/s as
// a share of the bare route (run just before each target: the machine's other load comes and
// goes, so a share is only fair against a baseline taken at the same moment), and the server's RSS; with one process, also its event-loop delay and
// GC pauses (through scripts/bench-probe.ts, loaded into it).
//
//   npm run bench:http [-- --db /tmp/big.db] [--workers 100000] [--nominations 300000]
//                      [--duration 10] [--connections 50] [--only profile-new,search-new]
//                      [--no-compression] [--cpu-prof profile-new] [--processes 1,2,1,2]
//                      [--zipf 1] [--json out.json] [--log-level info]
//
// --db reuses (or creates, then keeps) a generated database; without it a temporary one is made.
// --only takes target keys (printed in the table's first column; a key matches exactly, else as
// a prefix: `--only search` runs every search target).
// --cpu-prof KEY[,KEY] writes a CPU profile of the server while each of those targets runs (bench-KEY.cpuprofile,
// for Chrome's DevTools); one process only.
// --processes runs the targets once per entry, each on a fresh server with that WEB_CONCURRENCY
// (alternate them, `1,2,1,2`, so the machine's other load falls on both alike).
// Requests carry Accept-Encoding as browsers' do; --no-compression leaves it out.
// --log-level sets the server's LOG_LEVEL (warn by default, so the figures are the app's own work;
// `info`, what `npm start` logs, writes a line per request to server.log beside the run's database).
//
// Two kinds of target. CACHED ones ask the same few pages again and again, so the page cache
// answers (home, /areas, 1,000 rotating profiles, 44 searches): popular pages. LONG-TAIL ones are
// the traffic of a national directory: profiles drawn from a Zipf distribution over every public
// profile (a few are asked often, most rarely), profiles and searches never asked before (typos,
// partial names, lower case, surname first: each query typed once), the same as JSON, and a mix
// (70% Zipf profiles, 20% never-repeated searches, 10% home and /areas). A never-repeated target
// never asks a path twice: the measured run starts where its warm-up stopped.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync, execSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import type { ProbeReport } from './bench-probe.ts';

type Target = {
  /** what --only and --cpu-prof name it by */
  key: string;
  name: string;
  kind: 'baseline' | 'cached' | 'long tail' | 'write';
  method: 'GET' | 'POST';
  /** paths asked in turn, one per request */
  paths: string[];
  /** true when no path may be asked twice (the pool must outlast the run) */
  neverRepeat?: boolean;
  headers?: Record<string, string>;
  /** bodies made per request; `{{n}}` is replaced by a unique counter per request, `{{w}}` by letters made from it */
  bodyTemplate?: string;
  /** the status a correct answer has */
  expect: number;
  /** issue 16's goals for this target */
  goal?: { share: number; p99: number };
  /** the bare process, not the server */
  bare?: boolean;
  /** ask every path twice before the warm-up, so the page cache holds them all (a cached target) */
  prime?: boolean;
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
  /** the index of the next path: where a following run starts */
  next: number;
};

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SCRIPT), '..');

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
    next: n,
  };
}

if (process.argv[2] === '--drive') {
  // The job comes over IPC: 100,000 paths are too long for a command line.
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

function runDriver(target: Target, url: string, connections: number, duration: number, start: number): Promise<DriveResult> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(SCRIPT, ['--drive'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: DriveResult | undefined;
    child.send({ target, url, connections, duration, start });
    child.on('message', (m) => (result = m as DriveResult));
    child.on('exit', (code) => (result ? resolvePromise(result) : reject(new Error(`autocannon driver exited with ${code}`))));
  });
}

// ---------------------------------------------------------------- the bare baseline (child process)

if (process.argv[2] === '--bare') {
  const { default: Fastify } = await import('fastify');
  const bare = Fastify({ logger: false });
  bare.get('/', async (_req, reply) => reply.type('text/plain').send('ok'));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
}

function startBare(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(SCRIPT, ['--bare'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolvePromise({ child, url: `http://127.0.0.1:${(m as { port: number }).port}` }));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

// ---------------------------------------------------------------- the server under test

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolvePromise(port));
    });
  });
}

/**
 * What package.json's "start" script runs: its build step now (once per bench), then node's arguments
 * with the probe (compiled with the server) loaded before the entry point.
 */
function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const steps = pkg.scripts.start!.split('&&').map((step) => step.trim());
  const run = steps.pop()!;
  if (!built) {
    for (const step of steps) execSync(step, { cwd: ROOT, stdio: 'inherit' });
    built = true;
  }
  const words = run.split(/\s+/).filter(Boolean);
  if (words[0] !== 'node') throw new Error(`the start script does not run node: ${pkg.scripts.start}`);
  const args = words.slice(1);
  const entry = args.findIndex((a) => /\.[mc]?[jt]s$/.test(a) && !a.startsWith('-'));
  const probe = join(ROOT, '.build', 'scripts', 'bench-probe.js');
  return [...args.slice(0, entry), '--import', pathToFileURL(probe).href, ...args.slice(entry)];
}
let built = false;

/** user + system CPU time of a process (all its threads), ms; /proc/PID/stat fields 14 and 15, in ticks of 10 ms. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

class Server {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly processes: number,
  ) {}

  static async start(dbPath: string, processes: number, logLevel: string): Promise<Server> {
    const port = await freePort();
    const log = logLevel === 'warn' ? 'inherit' : openSync(join(dirname(dbPath), 'server.log'), 'a');
    const child = spawn(process.execPath, startCommand(), {
      cwd: ROOT,
      stdio: ['ignore', log, 'inherit', 'ipc'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_PATH: dbPath,
        SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-1',
        RATE_LIMIT_MAX: '0',
        MIN_FILL_SECONDS: '0',
        LOG_LEVEL: logLevel,
        HOST: '127.0.0.1',
        PORT: String(port),
        WEB_CONCURRENCY: String(processes),
      },
    });
    if (typeof log === 'number') closeSync(log); // the server holds its own copy
    const server = new Server(child, `http://127.0.0.1:${port}`, processes);
    const deadline = Date.now() + 300_000;
    // Up when the home page answers; ready when a search answers (it waits for the index).
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('the server did not start in 5 minutes');
      try {
        if ((await fetch(`${server.url}/`)).ok && (await fetch(`${server.url}/search?q=bench+ready`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return server;
  }

  /** The server's processes: the one started, and its children when it forks (node:cluster). */
  pids(): number[] {
    const pid = this.child.pid!;
    try {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      // node's children only: tsx's esbuild service is not the server
      return [pid, ...children.filter((c) => readFileSync(`/proc/${c}/comm`, 'utf8').trim() === 'node')];
    } catch {
      return [pid];
    }
  }

  /** CPU time the server's processes have used so far, ms. */
  cpuMs(): number {
    return this.pids().reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  }

  /** Resident memory of each of the server's processes, MB. */
  rss(): number[] {
    return this.pids().map((pid) => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : 0;
      } catch {
        return 0;
      }
    });
  }

  private ask<T>(message: object, answer: string): Promise<T> {
    return new Promise((resolvePromise) => {
      const on = (m: { cmd: string }) => {
        if (m.cmd !== answer) return;
        this.child.off('message', on);
        resolvePromise(m as T);
      };
      this.child.on('message', on);
      this.child.send(message);
    });
  }

  /** The probe sees inside one process only: a cluster's primary serves nothing. */
  get probed(): boolean {
    return this.processes === 1;
  }

  probeStart(profile?: string): Promise<unknown> {
    return this.probed ? this.ask({ cmd: 'start', profile }, 'started') : Promise.resolve();
  }

  async probeStop(): Promise<ProbeReport | undefined> {
    return this.probed ? (await this.ask<{ report: ProbeReport }>({ cmd: 'stop' }, 'stopped')).report : undefined;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- what to ask for

function arg(argv: string[], name: string, dflt: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : dflt;
}

function gitCommit(): string {
  try {
    const hash = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: ROOT, encoding: 'utf8' }).trim()
      ? ' (+ uncommitted changes)'
      : '';
    return hash + dirty;
  } catch {
    return 'unknown';
  }
}

/** A small seeded generator (mulberry32), so every run asks for the same things. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Draws ranks 0..n-1 with P(rank k) proportional to 1/(k+1)^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1) ** s;
  return () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
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

const KEYBOARD_NEIGHBOUR: Record<string, string> = {
  a: 's',
  e: 'r',
  i: 'o',
  o: 'p',
  u: 'y',
  n: 'm',
  m: 'n',
  r: 't',
  t: 'r',
  s: 'a',
  l: 'k',
  h: 'j',
};

/** The ways a family types a name once: each a different query. */
function typedOnce(name: string, area: string, random: () => number): string[] {
  const words = name.split(' ');
  const first = words[0]!;
  const surname = words.slice(1).join(' ') || first;
  const lower = name.toLowerCase();
  const typo = () => {
    // one slip in the surname: a letter dropped, doubled or hit beside its key
    const w = surname.toLowerCase();
    if (w.length < 4) return `${first.toLowerCase()} ${w}`;
    const k = 1 + Math.floor(random() * (w.length - 2));
    const slip = [
      w.slice(0, k) + w.slice(k + 1),
      w.slice(0, k) + w[k] + w.slice(k),
      w.slice(0, k) + (KEYBOARD_NEIGHBOUR[w[k]!] ?? 'e') + w.slice(k + 1),
    ];
    return `${first} ${slip[Math.floor(random() * 3)]}`;
  };
  return [
    lower,
    `${surname} ${first}`,
    `${first} ${surname.slice(0, Math.max(3, Math.ceil(surname.length / 2)))}`,
    typo(),
    misspell(name),
    `${surname.toLowerCase()} ${area.toLowerCase()}`,
    `${name} ${area}`,
  ];
}

// ---------------------------------------------------------------- the bench (parent process)

type Row = {
  target: Target;
  processes: number;
  run: number;
  r: DriveResult;
  rssMb: number[];
  probe?: ProbeReport;
  repeated: boolean;
  share?: number;
  cpuUsPerReq: number;
  cpuShare?: number;
};

async function bench(argv: string[]) {
  const workers = Number(arg(argv, 'workers', '100000'));
  const nominations = Number(arg(argv, 'nominations', '300000'));
  const duration = Number(arg(argv, 'duration', '10'));
  const connections = Number(arg(argv, 'connections', '50'));
  const only = arg(argv, 'only', '').split(',').filter(Boolean);
  const keepDb = arg(argv, 'db', '');
  const logLevel = arg(argv, 'log-level', 'warn');
  const profileKeys = arg(argv, 'cpu-prof', '').split(',').filter(Boolean);
  const runs = arg(argv, 'processes', '1').split(',').map(Number);
  const zipfS = Number(arg(argv, 'zipf', '1'));
  const jsonOut = arg(argv, 'json', '');
  const browser = !argv.includes('--no-compression');
  const tmp = mkdtempSync(join(tmpdir(), 'gsw-bench-http-'));
  const commit = gitCommit();
  const servers: Server[] = [];
  let bare: ChildProcess | undefined;

  try {
    // 1. The database: generated once, reused with --db (and copied per run, so the bench's
    //    writes do not accumulate).
    const source = keepDb ? resolve(keepDb) : join(tmp, 'generated.db');
    if (keepDb && existsSync(source)) {
      console.log(`Using the database at ${keepDb}`);
    } else {
      const t = performance.now();
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'scripts', 'generate-profiles.ts'),
          '--db',
          source,
          '--workers',
          String(workers),
          '--nominations',
          String(nominations),
          '--seed',
          '1',
          '--force',
        ],
        { stdio: 'inherit' },
      );
      console.log(
        `Generated ${workers.toLocaleString('en-GB')} profiles and ${nominations.toLocaleString('en-GB')} nominations in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }

    // 2. What to ask for: every public slug and name, read once (and closed before any server starts).
    // Set up as the server sets it up (migrations, back-fills such as ASCII slugs), so the slugs
    // asked for are the ones it serves.
    const { setUpDatabase } = await import('../server/plugins/db.ts');
    const { workers: workersTable, areas } = await import('../db/schema.ts');
    const { db } = setUpDatabase({ DATABASE_PATH: source, DEMO: false }, Date.now(), { info: () => undefined });
    const published = db
      .select({ slug: workersTable.slug, name: workersTable.name, area: areas.name })
      .from(workersTable)
      .innerJoin(areas, eq(areas.id, workersTable.areaId))
      .where(eq(workersTable.status, 'published'))
      .all();
    db.$client.close();
    const random = rng(16);
    const people = shuffle(published, random);
    const profileOf = (i: number) => `/workers/${encodeURIComponent(people[i]!.slug)}`;
    const rank = zipf(people.length, zipfS, random);
    const zipfProfiles = Array.from({ length: 300_000 }, () => profileOf(rank()));
    const zipfApi = Array.from({ length: 300_000 }, () => `/api/workers/${encodeURIComponent(people[rank()]!.slug)}`);

    const cachedNames = people.slice(0, 40);
    const cachedQueries = [
      ...cachedNames.slice(0, 20).map((n) => n.name),
      ...cachedNames.slice(20, 30).map((n) => misspell(n.name)),
      ...cachedNames.slice(30, 35).map((n) => n.name.split(' ').pop()!),
      ...cachedNames.slice(35, 40).map((n) => `${n.name} ${n.area}`),
      'okaf',
      'smith',
      'jane',
      'hastings',
    ];
    // Queries typed once: seven ways per name, none asked twice in the whole bench, dealt out to
    // the HTML target, the JSON target and the mix so no target meets another's query.
    const seen = new Set(cachedQueries);
    const pools: string[][] = [[], [], []];
    let deal = 0;
    for (const p of people.slice(40)) {
      for (const q of typedOnce(p.name, p.area, random)) {
        if (seen.has(q)) continue;
        seen.add(q);
        pools[deal++ % 3]!.push(q);
      }
    }
    const [htmlPool, apiPool, mixPool] = pools as [string[], string[], string[]];
    const searchPath = (q: string) => `/search?q=${encodeURIComponent(q)}`;
    const mixed: string[] = [];
    for (let i = 0, q = 0; i < 300_000 && q < mixPool.length; i++) {
      const u = random();
      if (u < 0.7) mixed.push(profileOf(rank()));
      else if (u < 0.9) mixed.push(searchPath(mixPool[q++]!));
      else mixed.push(u < 0.95 ? '/' : '/areas');
    }
    // Profiles never asked before: the first 40 are the cached searches' names, so start past them.
    const freshProfiles = people.slice(40).map((_, i) => profileOf(i + 40));

    const targets: Target[] = [
      { key: 'bare', name: 'bare Fastify, own process', kind: 'baseline', method: 'GET', paths: ['/'], expect: 200, bare: true },
      { key: 'home', prime: true, name: 'home / (cached)', kind: 'cached', method: 'GET', paths: ['/'], expect: 200 },
      { key: 'areas', prime: true, name: '/areas (cached)', kind: 'cached', method: 'GET', paths: ['/areas'], expect: 200 },
      {
        key: 'profile-cached',
        prime: true,
        name: 'profiles, 1,000 rotating (cached)',
        kind: 'cached',
        method: 'GET',
        paths: people.slice(0, 1000).map((_, i) => profileOf(i)),
        expect: 200,
      },
      {
        key: 'search-cached',
        prime: true,
        name: `search, ${cachedQueries.length} queries (cached)`,
        kind: 'cached',
        method: 'GET',
        paths: cachedQueries.map(searchPath),
        expect: 200,
      },
      {
        key: 'api-search-repeated',
        name: '/api/search?q=john+smith repeated',
        kind: 'long tail',
        method: 'GET',
        paths: ['/api/search?q=john+smith'],
        expect: 200,
      },
      {
        key: 'profile-new',
        name: 'profiles never asked before',
        kind: 'long tail',
        method: 'GET',
        paths: freshProfiles,
        neverRepeat: true,
        expect: 200,
        goal: { share: 0.1, p99: 50 },
      },
      {
        key: 'profile-zipf',
        name: `profiles, Zipf s=${zipfS} over ${people.length.toLocaleString('en-GB')}`,
        kind: 'long tail',
        method: 'GET',
        paths: zipfProfiles,
        expect: 200,
      },
      {
        key: 'api-profile-zipf',
        name: `/api/workers/:slug, Zipf s=${zipfS}`,
        kind: 'long tail',
        method: 'GET',
        paths: zipfApi,
        expect: 200,
      },
      {
        key: 'search-new',
        name: 'searches never repeated',
        kind: 'long tail',
        method: 'GET',
        paths: htmlPool.map(searchPath),
        neverRepeat: true,
        expect: 200,
        goal: { share: 0.05, p99: 50 },
      },
      {
        key: 'api-search-new',
        name: '/api/search never repeated',
        kind: 'long tail',
        method: 'GET',
        paths: apiPool.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
        neverRepeat: true,
        expect: 200,
      },
      {
        key: 'mixed',
        name: 'mixed 70% Zipf profiles, 20% new searches, 10% home+areas',
        kind: 'long tail',
        method: 'GET',
        paths: mixed,
        neverRepeat: true,
        expect: 200,
      },
    ];
    const selected = (t: Target) => t.key === 'bare' || !only.length || only.some((o) => t.key === o || t.key.startsWith(o));
    const encoding = (t: Target): Target =>
      browser ? { ...t, headers: { ...t.headers, 'accept-encoding': 'gzip, deflate, br, zstd' } } : t;

    // 3. The bare baseline, in its own process for the whole bench.
    const started = await startBare();
    bare = started.child;

    const rows: Row[] = [];
    const drive = async (target: Target, url: string, server: Server | undefined, processes: number, run: number) => {
      if (target.prime) await prime(target, url, processes);
      const warm = await runDriver(target, url, connections, 2, 0);
      const profile = server && profileKeys.includes(target.key) ? join(ROOT, `bench-${target.key}.cpuprofile`) : undefined;
      if (profile && !server?.probed) console.log(`    (no CPU profile with ${processes} processes)`);
      await server?.probeStart(profile);
      let peak = server ? server.rss() : [];
      const sampler = setInterval(() => {
        if (!server) return;
        const now = server.rss();
        peak = now.map((mb, i) => Math.max(mb, peak[i] ?? 0));
      }, 200);
      const cpuBefore = server ? server.cpuMs() : cpuMsOf(bare!.pid!);
      const r = await runDriver(target, url, connections, duration, warm.next);
      const cpuMs = (server ? server.cpuMs() : cpuMsOf(bare!.pid!)) - cpuBefore;
      clearInterval(sampler);
      const probe = await server?.probeStop();
      const repeated = Boolean(target.neverRepeat && r.next > target.paths.length);
      rows.push({ target, processes, run, r, rssMb: peak, probe, repeated, cpuUsPerReq: (cpuMs * 1000) / Math.max(1, r.requests) });
      const mb = (n: number) => (n / 1048576).toFixed(0);
      console.log(
        `  ${target.key}: ${Math.round(r.reqPerSec)} req/s, ${r.requests} requests (${warm.next} in warm-up), ${((cpuMs * 1000) / Math.max(1, r.requests)).toFixed(0)} µs CPU each; statuses ${JSON.stringify(r.statuses)}${repeated ? '; POOL EXHAUSTED, paths repeated' : ''}`,
      );
      if (probe) {
        console.log(
          `    at peak RSS ${mb(probe.peak.rss)} MB: V8 heap ${mb(probe.peak.heapTotal)} (used ${mb(probe.peak.heapUsed)}), buffers ${mb(probe.peak.external)}; after GC ${mb(probe.settledRss)} MB`,
        );
        console.log(
          `    event-loop delay p50 ${probe.loopP50.toFixed(1)} / p99 ${probe.loopP99.toFixed(1)} / max ${probe.loopMax.toFixed(1)} ms; GC ${probe.gcCount} pauses, ${probe.gcMs.toFixed(0)} ms (${((probe.gcMs / (duration * 1000)) * 100).toFixed(1)}% of the run), longest ${probe.gcMaxMs.toFixed(1)} ms`,
        );
      }
      if (profile) console.log(`    CPU profile written to ${profile}`);
    };

    // 4. One run per --processes entry, each on a fresh copy of the database.
    for (const [run, processes] of runs.entries()) {
      const dir = join(tmp, `run-${run}`);
      execFileSync('mkdir', ['-p', dir]);
      const dbPath = join(dir, 'bench.db');
      copyFileSync(source, dbPath);
      // The search index's snapshot, kept beside a --db database so later runs load instead of building it.
      const snapshot = join(dirname(source), 'search-index.json');
      if (keepDb && existsSync(snapshot)) copyFileSync(snapshot, join(dir, 'search-index.json'));
      const t = performance.now();
      const server = await Server.start(dbPath, processes, logLevel);
      servers.push(server);
      console.log(
        `\nRun ${run + 1}: WEB_CONCURRENCY=${processes}, ready in ${((performance.now() - t) / 1000).toFixed(1)} s on ${server.url}; RSS ${server
          .rss()
          .map((m) => m.toFixed(0))
          .join(' + ')} MB; commit ${commit}`,
      );
      if (keepDb && !existsSync(snapshot) && existsSync(join(dir, 'search-index.json')))
        copyFileSync(join(dir, 'search-index.json'), snapshot);
      // The nomination target: a valid form taken through the journey like a browser (cookie, CSRF token, hidden fields).
      const list = targets.filter(selected).map(encoding);
      if (!only.length || only.some((o) => 'nominate'.startsWith(o))) {
        const nominate = await nominationTarget(server.url).catch((err: Error) =>
          console.log(`(POST /nominate/confirm skipped: ${err.message})`),
        );
        if (nominate) list.push(encoding(nominate));
      }
      // The machine is shared: its other load comes and goes, so each target is measured right
      // after a run of the bare route, and its share is taken against that one.
      const bareTarget = list.find((t) => t.bare)!;
      for (const target of list.filter((t) => !t.bare)) {
        await drive(bareTarget, started.url, undefined, processes, run);
        await drive(target, server.url, server, processes, run);
      }
      await server.stop();
      servers.pop();
    }

    // 5. The table(s).
    const bareRates = rows.filter((row) => row.target.bare).map((row) => row.r.reqPerSec);
    // The table's columns, widths and alignment in one place: the header and every row use them.
    const COLUMNS: [label: string, width: number][] = [
      ['key', -20],
      ['kind', -10],
      ['procs', 6],
      ['req/s', 8],
      ['p50', 6],
      ['p99', 6],
      ['max', 7],
      ['errors', 7],
      ['share', 7],
      ['µs CPU', 8],
      ['cpu share', 10],
      ['RSS MB', 14],
    ];
    const line = (cells: string[], verdict: string) =>
      `${cells
        .map((c, i) => {
          const w = COLUMNS[i]![1];
          return w < 0 ? c.padEnd(-w) : c.padStart(w);
        })
        .join('')}  ${verdict}`;
    console.log(
      `\nHTTP load, ${connections} connections, ${duration} s each (after 2 s warm-up), commit ${commit}, LOG_LEVEL ${logLevel}, ${people.length.toLocaleString('en-GB')} public profiles, ${browser ? 'Accept-Encoding: gzip, deflate, br, zstd (as browsers)' : 'no Accept-Encoding (--no-compression)'}; share = req/s over the bare Fastify run just before (bare runs ${Math.round(Math.min(...bareRates))}-${Math.round(Math.max(...bareRates))} req/s)`,
    );
    // CPU per request is what a loaded machine does not blur: req/s depends on how much of a core
    // the server got meanwhile, CPU time per request hardly at all. "cpu share" = the bare route's
    // CPU per request over the target's: the share of bare req/s it would reach with a core of its own.
    const bareCpu = rows
      .filter((row) => row.target.bare)
      .map((row) => row.cpuUsPerReq)
      .sort((a, b) => a - b);
    const bareCpuMedian = bareCpu[Math.floor(bareCpu.length / 2)]!;
    console.log(
      `CPU per request of the bare route: median ${bareCpuMedian.toFixed(0)} µs over ${bareCpu.length} runs (${bareCpu[0]!.toFixed(0)}-${bareCpu.at(-1)!.toFixed(0)})`,
    );
    console.log(
      line(
        COLUMNS.map(([label]) => label),
        'verdict',
      ),
    );
    let allOk = true;
    for (const [i, { target, processes, r, rssMb, repeated, cpuUsPerReq }] of rows.entries()) {
      const share = r.reqPerSec / (target.bare ? r.reqPerSec : rows[i - 1]!.r.reqPerSec);
      const cpuShare = bareCpuMedian / cpuUsPerReq;
      rows[i]!.share = share;
      rows[i]!.cpuShare = cpuShare;
      const failures: string[] = [];
      const errors = r.errors + r.timeouts + r.wrongStatus;
      if (errors) failures.push(`${errors} errors`);
      if (repeated) failures.push('paths repeated');
      if (target.goal && share < target.goal.share) failures.push(`share < ${target.goal.share}`);
      if (target.goal && cpuShare < target.goal.share) failures.push(`cpu share < ${target.goal.share}`);
      if (target.goal && r.p99 > target.goal.p99) failures.push(`p99 > ${target.goal.p99} ms`);
      if (rssMb.some((mb) => mb > 300)) failures.push('RSS > 300 MB');
      if (failures.length) allOk = false;
      console.log(
        line(
          [
            target.key,
            target.kind,
            String(processes),
            String(Math.round(r.reqPerSec)),
            String(r.p50),
            String(r.p99),
            String(r.max),
            String(errors),
            share.toFixed(3),
            cpuUsPerReq.toFixed(0),
            cpuShare.toFixed(3),
            rssMb.length ? rssMb.map((m) => m.toFixed(0)).join('+') : '-',
          ],
          failures.length ? failures.join(', ') : 'ok',
        ),
      );
    }
    console.log(
      'Targets (issue 16, one process): profile-new share ≥ 0.10 and search-new ≥ 0.05, p99 ≤ 50 ms for both, no errors, RSS ≤ 300 MB per process.',
    );
    console.log(allOk ? 'All targets met.' : 'Some targets NOT met (see verdicts).');
    if (jsonOut)
      writeFileSync(
        jsonOut,
        JSON.stringify(
          {
            commit,
            connections,
            duration,
            rows: rows.map(({ target, ...rest }) => ({ key: target.key, name: target.name, kind: target.kind, ...rest })),
          },
          null,
          2,
        ),
      );
  } finally {
    for (const s of servers) await s.stop();
    bare?.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every path asked twice per server process (a page is kept from its second request), eight at a time. */
async function prime(target: Target, url: string, processes: number): Promise<void> {
  for (let round = 0; round < 2 * processes; round++) {
    let next = 0;
    const worker = async () => {
      while (next < target.paths.length) {
        const res = await fetch(url + target.paths[next++]!, { headers: target.headers });
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }
}

async function nominationTarget(base: string): Promise<Target> {
  const { HttpClient, formFields, VALID_NOMINATION } = await import('../tests/e2e/helpers/http.ts');
  const client = new HttpClient(base);
  const form = await client.get('/nominate');
  const check = await client.submit(
    '/nominate',
    '/nominate',
    { ...VALID_NOMINATION, story: `${VALID_NOMINATION.story} Bench.` },
    form.body,
  );
  if (check.status !== 200) throw new Error(`POST /nominate answered ${check.status}`);
  const fields = formFields(check.body, '/nominate/confirm');
  if (!fields.some(([k]) => k === 'submission_key')) throw new Error('the confirm form has no submission_key');
  const body = new URLSearchParams();
  // Every nomination its own: a new submission key, worker and story (the same story posted
  // again and again would measure the duplicate check against an ever longer list instead).
  const own: Record<string, string> = { submission_key: 'benchsubmissionkey{{n}}', worker_name: 'Jane Smith{{w}}' };
  for (const [k, v] of fields) body.append(k, own[k] ?? (k === 'story' ? `${v} Thank you from family {{w}}.` : v));
  return {
    key: 'nominate',
    name: 'POST /nominate/confirm',
    kind: 'write',
    method: 'POST',
    paths: ['/nominate/confirm'],
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    bodyTemplate: body.toString().replaceAll('%7B%7Bn%7D%7D', '{{n}}').replaceAll('%7B%7Bw%7D%7D', '{{w}}'),
    expect: 303,
  };
}

if (process.argv[2] !== '--drive' && process.argv[2] !== '--bare' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  bench(process.argv.slice(2)).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
