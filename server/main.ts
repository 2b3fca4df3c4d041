// Starts the server: one process per core by default (WEB_CONCURRENCY; 1 runs a single process),
// all serving from one database. Everything else is built in server/app.ts.
//
// With WEB_CONCURRENCY > 1 this process is node:cluster's primary and serves nothing itself: it
// sets the database up once (migrations, areas, back-fills, demo content) so the others never
// race to, forks the server processes, which share the port, and forks a new one when one dies.
// Each holds its own counts, search index and page cache, kept current from the change log
// (server/workers/changes.ts): a write through any process is seen by every other.
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DatabaseTooNewError } from './db.ts';
import { setUpDatabase } from './plugins/db.ts';

/** Configuration and start-up errors people can act on are printed plainly, and the process exits. */
function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DatabaseTooNewError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

function orExit<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    fail(err);
  }
}

async function serve(config: Config): Promise<void> {
  // imported here, not above: the cluster's primary serves nothing and need not load the app
  const { buildApp } = await import('./app.ts');
  const app = await buildApp({ config }).catch(fail);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: Ctrl-C reaches every process of the group and the primary passes it on
    // too; a second signal must not kill a process that is closing.
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      void app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ port: config.PORT, host: config.HOST });
}

/** A process that dies is replaced after this long (not at once: a crash at start-up would spin). */
const REPLACE_AFTER_MS = 1000;

function primary(config: Config): void {
  const { db } = orExit(() => setUpDatabase(config, Date.now(), { info: (obj, msg) => console.log(msg ?? obj) }));
  db.$client.close();
  let stopping = false;
  for (let i = 0; i < config.WEB_CONCURRENCY; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    console.error(`server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    setTimeout(() => cluster.fork(), REPLACE_AFTER_MS);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (!workers.length) process.exit(0);
      for (const w of workers) w?.process.kill(signal);
    });
  }
}

const config = orExit(() => loadConfig(process.env, process.argv.slice(2)));
if (config.WEB_CONCURRENCY > 1 && cluster.isPrimary) primary(config);
else void serve(config);
