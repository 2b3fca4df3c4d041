// `npm run bench:nominate` — how many nominations a second POST /nominate/confirm stores (a
// measurement, not a test). The server runs as a child process (`node --import tsx`, rate
// limiting off: RATE_LIMIT_MAX=0, MIN_FILL_SECONDS=0) over a temporary database; autocannon in
// this process posts confirmations, each with its own submission key, worker name, area and
// story, as a browser would after "check your answers". Prints nominations/s, latency, and checks
// that the rows in the database equal the 303s received.
//
//   npm run bench:nominate [-- --duration 10 --connections 8 --warmup 2]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { freePort, ROOT } from '../tests/e2e/helpers/server.ts';
import { formFields, HttpClient, VALID_NOMINATION } from '../tests/e2e/helpers/http.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 8);
const WARMUP = arg('warmup', 2);

type Autocannon = (opts: unknown) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  statusCodeStats: Record<string, { count: number }>;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const dir = mkdtempSync(join(tmpdir(), 'gsw-bench-nominate-'));
const dbPath = join(dir, 'directory.db');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess | undefined;

const AREAS = [
  'hastings',
  'sefton',
  'cardiff',
  'highland',
  'belfast',
  'leeds',
  'kingston-upon-hull-city-of',
  'cornwall',
  'glasgow-city',
  'bristol-city-of',
];
const FIRST = ['Priya', 'Sam', 'Siân', 'Zoë', 'Mohammed', 'Grace', 'Tom', 'Aisha', 'Nguyễn', 'Oluwaseun', 'Kirsty', 'Dafydd'];
const LAST = ['Okafor', 'Taylor', "O'Neill", 'Smith-Jones', 'Evans', 'Khan', 'Patel', 'Murphy', 'Campbell', 'Hughes'];
/** Letters only, so the number can live in a valid name: 123 -> "bcd". */
const letters = (n: number) => String(n).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

function gitCommit(): string {
  try {
    const dirty = execSync('git status --porcelain --untracked-files=no -- server views', { cwd: ROOT, encoding: 'utf8' }).trim();
    return (
      execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim() +
      (dirty ? ' (+ uncommitted changes in server/ or views/)' : '')
    );
  } catch {
    return 'unknown';
  }
}

try {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // one process: the committer's own rate, comparable with earlier runs (bench:http --processes compares cluster sizes)
      WEB_CONCURRENCY: '1',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: dbPath,
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-1',
      RATE_LIMIT_MAX: '0',
      MIN_FILL_SECONDS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (i > 300 || child.exitCode !== null) throw new Error('the server did not start');
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  // One real trip through the form gives the cookie, CSRF token and the confirm form's fields.
  const client = new HttpClient(base);
  const form = await client.get('/nominate');
  const check = await client.submit('/nominate', '/nominate', VALID_NOMINATION, form.body);
  if (check.status !== 200) throw new Error(`POST /nominate answered ${check.status}`);
  const fixed = formFields(check.body, '/nominate/confirm').filter(([k]) =>
    ['_csrf', 'started', 'relationship', 'still_involved', 'qualities', 'independent', 'consent', 'team', 'contact_email'].includes(k),
  );
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  let n = 0;
  const run = (duration: number) =>
    autocannon({
      url: `${base}/nominate/confirm`,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          setupRequest: (req: Record<string, unknown>) => {
            const i = n++;
            const body = new URLSearchParams(fixed);
            body.set('submission_key', `bench-${String(i).padStart(16, '0')}-${process.pid}`);
            body.set('worker_name', `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]} ${letters(i % 500)}`);
            body.set('area', AREAS[i % AREAS.length]!);
            body.set(
              'story',
              `Nomination ${i}. ${VALID_NOMINATION.story} She came to every meeting, week ${i % 52}, and never gave up on us.`,
            );
            req.body = body.toString();
            return req;
          },
        },
      ],
    });

  // autocannon stops with requests still in flight; they finish (and store) after it returns.
  const settle = () => new Promise((r) => setTimeout(r, 1000));
  if (WARMUP > 0) await run(WARMUP);
  await settle();
  const db = new Database(dbPath, { readonly: true });
  const count = () => db.prepare('SELECT COUNT(*) FROM nominations').pluck().get() as number;
  const before = count();
  const r = await run(DURATION);
  await settle();
  const after = count();
  db.close();
  const s303 = r.statusCodeStats['303']?.count ?? 0;
  const other = Object.entries(r.statusCodeStats).filter(([c]) => c !== '303');
  console.log(`POST /nominate/confirm, ${CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s warm-up, commit ${gitCommit()}`);
  console.log(
    `  ${(s303 / DURATION).toFixed(0)} nominations/s stored (${s303} in ${DURATION} s); p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
  );
  // Every 303 is a stored row; at most one request per connection was cut off in flight at the end.
  const inFlight = after - before - s303;
  const consistent = inFlight >= 0 && inFlight <= CONNECTIONS;
  console.log(
    `  rows added: ${after - before} = ${s303} acknowledged + ${inFlight} in flight when the clock stopped (${consistent ? 'consistent' : 'INCONSISTENT'}); other statuses: ${JSON.stringify(Object.fromEntries(other.map(([c, v]) => [c, v.count])))}; errors ${r.errors}`,
  );
  console.log(`  database: ${after} nominations at the end; synchronous=FULL, WAL`);
  process.exitCode = consistent && other.length === 0 ? 0 : 1;
} finally {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
