// `npm run crash:nominations` — does an acknowledged nomination survive a crash? (A measurement
// script, not a test.) The server runs as a child process (tests/e2e/helpers/server.ts: plain
// `node --import tsx`, so SIGKILL reaches the server itself, not a wrapper) over a temporary database. Several clients go through
// the whole journey in a loop (GET form -> POST check -> POST confirm -> follow the 303 to the
// done page); part-way through, the server is killed with SIGKILL, restarted on the same file,
// and every reference whose done page was received is looked up again. Repeated for a few rounds.
//
//   npm run crash:nominations [-- --rounds 5 --clients 4 --min-ms 1500 --max-ms 4000]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort, RunningServer } from '../tests/e2e/helpers/server.ts';
import { HttpClient, nominate } from '../tests/e2e/helpers/http.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const ROUNDS = arg('rounds', 5);
const CLIENTS = arg('clients', 4);
const MIN_MS = arg('min-ms', 1500);
const MAX_MS = arg('max-ms', 4000);

const dir = mkdtempSync(join(tmpdir(), 'gsw-crash-'));
const dbPath = join(dir, 'directory.db');
const server = new RunningServer(
  await freePort(),
  dir,
  dbPath,
  {
    // one process: this run kills the server process itself (npm start's cluster is crash-test.ts's subject)
    WEB_CONCURRENCY: '1',
    SESSION_SECRET: 'crash-secret-crash-secret-crash-secret-1',
    LOG_LEVEL: 'error',
  },
  true,
);
// the server's errors are this run's to show
server.onOutput = (line, stream) => {
  if (stream === 'stderr') console.error(line);
};
const base = server.url;

const acknowledged: string[] = [];
let counter = 0;

/** One client's loop: whole journeys until the server goes away. Returns how many it completed. */
async function clientLoop(id: number, stop: { now: boolean }): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const client = new HttpClient(base);
  while (!stop.now) {
    const n = ++counter;
    try {
      const ref = await nominate(client, {
        worker_name: `Crash Tester ${String.fromCharCode(65 + (n % 26))}`,
        story: `Client ${id}, nomination ${n}: she listened to us and helped our family through a very hard year.`,
      });
      // `nominate` returns only after the done page answered 200: this one was acknowledged.
      acknowledged.push(ref);
      done++;
    } catch {
      failed++;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return { done, failed };
}

try {
  console.log(`crash test: ${ROUNDS} rounds, ${CLIENTS} clients, SIGKILL after ${MIN_MS}-${MAX_MS} ms; database ${dbPath}`);
  let totalMissing = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    await server.start();
    const before = acknowledged.length;
    const stop = { now: false };
    const loops = Array.from({ length: CLIENTS }, (_, i) => clientLoop(i + 1, stop));
    await new Promise((r) => setTimeout(r, MIN_MS + Math.random() * (MAX_MS - MIN_MS)));
    await server.kill('SIGKILL');
    // Let the clients see the dead server, then stop them.
    await new Promise((r) => setTimeout(r, 200));
    stop.now = true;
    const results = await Promise.all(loops);
    const cutOff = results.filter((r) => r.failed > 0).length;

    // Restart on the same file and look every acknowledged reference up through the site.
    await server.start();
    let missing = 0;
    for (const ref of acknowledged) {
      const res = await fetch(`${base}/nominate/done/${encodeURIComponent(ref)}`);
      await res.text();
      if (res.status !== 200) {
        missing++;
        console.log(`  MISSING after restart: ${ref} (${res.status})`);
      }
    }
    totalMissing += missing;
    await server.stop();
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT COUNT(*) FROM nominations').pluck().get() as number;
    const check = db.pragma('integrity_check', { simple: true });
    db.close();
    console.log(
      `round ${round}: ${acknowledged.length - before} acknowledged this round (${acknowledged.length} in all), ` +
        `${acknowledged.length - missing}/${acknowledged.length} present after restart, ${rows} rows in the database ` +
        `(${rows - acknowledged.length} stored but not acknowledged: the journey in flight at the kill), ` +
        `${cutOff} of ${CLIENTS} clients had a journey cut off by the kill, integrity_check ${check}`,
    );
  }
  console.log(
    totalMissing === 0
      ? `OK: every acknowledged nomination (${acknowledged.length}) survived ${ROUNDS} SIGKILLs`
      : `FAILED: ${totalMissing} acknowledged nominations missing`,
  );
  process.exitCode = totalMissing === 0 ? 0 : 1;
} finally {
  await server.kill('SIGKILL');
  await server.cleanup();
}
