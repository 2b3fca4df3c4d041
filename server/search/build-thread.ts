// Runs in a worker thread: reads the public profiles through its own read-only connection, builds
// the index, writes the snapshot, and hands the parts back without copying the arrays.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { buildParts, readPublicProfiles, transferList, writeSnapshot } from './build.ts';

export type BuildJob = { dbPath: string; snapshotPath: string | null; builtAt: number };

const job = workerData as BuildJob;
try {
  const started = performance.now();
  const sqlite = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const { profiles, fingerprint } = readPublicProfiles(sqlite);
  sqlite.close();
  const read = performance.now();
  const parts = buildParts(profiles, fingerprint, job.builtAt);
  const built = performance.now();
  if (job.snapshotPath) writeSnapshot(job.snapshotPath, parts);
  const saved = performance.now();
  const timings = { readMs: read - started, buildMs: built - read, snapshotMs: saved - built };
  parentPort!.postMessage({ ok: true, parts, timings }, transferList(parts));
} catch (err) {
  parentPort!.postMessage({ ok: false, error: (err as Error).message });
}
