// `npm run bench:counts` — response times of the count-heavy pages at national scale (a
// measurement, not a test). Prints figures and ratios against /healthz measured in the same run.
//
//   npm run bench:counts [-- --db /tmp/big.db] [--workers 100000] [--nominations 300000] [--runs 30]
//
// The database is made by scripts/generate-profiles.ts (real migrations; nominations spread over
// the last 26 weeks, so every one of them falls inside the weekly trend: the worst case for it).
// --db reuses (or creates, then keeps) a generated database; without it a temporary one is made.
// Requests go through app.inject on the real app (templates, hooks, compression off: no
// accept-encoding), so the figures are server time without the network.
//  - "warm": the counts are in memory and summed (the usual case);
//  - "after a change": one worker's row was just written (as by an approval, hide or
//    correction), so the request reloads that worker's facts and re-adds everything;
//  - "full reload": everything is reloaded from SQLite (at start-up, or after a write by another
//    connection). Also the plain SQL recount (the reference) for comparison.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { computeInsights, computeSnapshot } from '../server/counts/index.ts';
import { LiveFacts } from '../server/counts/facts.ts';
import { generateProfiles } from './generate-profiles.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const workers = Number(opt('--workers', '100000'));
const nominations = Number(opt('--nominations', '300000'));
const runs = Number(opt('--runs', '30'));
const keep = args.includes('--db');
const dir = keep ? '' : mkdtempSync(join(tmpdir(), 'gsw-bench-counts-'));
const dbPath = keep ? resolve(opt('--db', '')) : join(dir, 'bench.db');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  if (!existsSync(dbPath)) {
    console.log(`generating ${workers} profiles / ${nominations} nominations into ${dbPath} …`);
    const g = generateProfiles({ db: dbPath, workers, nominations });
    g.db.$client.close();
    console.log(`  generated in ${(g.ms / 1000).toFixed(1)} s`);
  } else console.log(`reusing ${dbPath}`);

  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_PATH: dbPath,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-1',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
  });
  const app = await buildApp({ config, logger: false });
  await app.ready();
  try {
    const sqlite = app.db.$client;
    const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
    console.log(
      `database: ${count('SELECT COUNT(*) FROM workers')} workers, ${count('SELECT COUNT(*) FROM nominations')} nominations, ${count('SELECT COUNT(*) FROM quotes')} quotes`,
    );

    // the SQL reference recount, once (it is what the in-memory facts replace)
    let t = performance.now();
    computeSnapshot(app.db, app.areas, app.now());
    const sqlSnapshot = performance.now() - t;
    t = performance.now();
    computeInsights(app.db);
    const sqlInsights = performance.now() - t;
    const full: number[] = [];
    for (let i = 0; i < 3; i++) {
      app.counts.invalidate();
      t = performance.now();
      app.counts.warm();
      full.push(performance.now() - t);
    }
    global.gc?.();
    const heapWith = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers; // facts live in typed arrays
    app.counts.invalidate();
    (app.counts as unknown as { facts: LiveFacts }).facts = new LiveFacts(app.db); // an empty one
    global.gc?.();
    const heapWithout = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    app.counts.warm();
    console.log(`SQL reference recount: snapshot ${ms(sqlSnapshot)}, insights ${ms(sqlInsights)}`);
    if (global.gc) console.log(`memory held by the in-memory facts: ${((heapWith - heapWithout) / 1048576).toFixed(0)} MB`);
    console.log(`full reload of the in-memory facts + sum: median ${ms(median(full))} (start-up, or after another connection wrote)`);

    const workerIds = sqlite.prepare('SELECT id FROM workers ORDER BY random() LIMIT 1000').pluck().all() as number[];
    let nextWorker = 0;
    const touchWorker = sqlite.prepare('UPDATE workers SET area_id = area_id WHERE id = ?');
    const time = async (url: string, change: boolean) => {
      // a write that touches one worker's counted data, as an approval, hide or correction does
      if (change) touchWorker.run(workerIds[nextWorker++ % workerIds.length]!);
      const t = performance.now();
      const res = await app.inject({ url });
      const elapsed = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      return elapsed;
    };
    const measure = async (url: string, change: boolean, n: number) => {
      await time(url, change); // warm the code path (templates compiled, statements prepared)
      const xs: number[] = [];
      for (let i = 0; i < n; i++) xs.push(await time(url, change));
      return xs;
    };

    const baseline = median(await measure('/healthz', false, runs * 3));
    console.log(`\nbaseline /healthz: median ${ms(baseline)}\n`);
    console.log('path              warm: median      p95   ratio  | after a change: median      p95   ratio');
    for (const url of ['/insights', '/areas', '/api/stats', '/api/areas', '/', '/areas/hastings']) {
      const warm = await measure(url, false, runs);
      const changed = await measure(url, true, runs);
      const col = (xs: number[]) =>
        `${ms(median(xs)).padStart(10)}${ms(p95(xs)).padStart(10)}${(median(xs) / baseline).toFixed(1).padStart(7)}x`;
      console.log(`${url.padEnd(18)}${col(warm)}       |       ${col(changed)}`);
    }
  } finally {
    await app.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
