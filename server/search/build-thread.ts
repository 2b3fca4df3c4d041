// Runs in a worker thread: reads the public profiles through its own read-only connection, builds
// the index, writes the snapshot, and hands the parts back without copying the arrays.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema.ts';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { buildFromDatabase, transferList, writeSnapshot } from './build.ts';

export type BuildJob = { dbPath: string; snapshotPath: string | null; builtAt: number };

const job = workerData as BuildJob;

// On Linux a thread has its own niceness: run this one at the lowest priority, so on a busy
// machine requests are served first and the rebuild takes the time that is left.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) setPriority(tid, 19);
} catch {
  // not Linux, or not allowed: the build still runs, at normal priority
}

try {
  const started = performance.now();
  const sqlite = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const parts = buildFromDatabase(drizzle(sqlite, { schema }), job.builtAt);
  sqlite.close();
  const built = performance.now();
  if (job.snapshotPath) writeSnapshot(job.snapshotPath, parts);
  const timings = { buildMs: built - started, snapshotMs: performance.now() - built };
  parentPort!.postMessage({ ok: true, parts, timings }, transferList(parts));
} catch (err) {
  parentPort!.postMessage({ ok: false, error: (err as Error).message });
}
