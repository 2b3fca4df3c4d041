// `npm run restore -- <backup.db>`: put a backup back as the live database.
//
// Refuses while any process (the server) has the database open: a running server would keep
// writing to the file it already has open and the restore would be silently lost or mixed.
// The current database (with its -wal/-shm) is moved aside, not deleted, so a restore can be
// undone; the search index snapshot is removed so the server rebuilds it from the restored data.
//
// Environment: DATABASE_PATH (default data/directory.db), SEARCH_SNAPSHOT_PATH (default beside it).
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MIGRATIONS_FOLDER } from '../server/db.ts';
import { integrityCheck, tableCounts, timestampName } from './backup.ts';

export class RestoreRefused extends Error {}

/** Process ids (other than ours) holding `file` or its -wal/-shm open, found through /proc (Linux). */
export function processesUsing(file: string): number[] {
  const targets = new Set([file, `${file}-wal`, `${file}-shm`]);
  const found = new Set<number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (targets.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) found.add(Number(pid));
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return [...found];
}

/** Check that `file` is a healthy database of this application that this code can run. */
export function checkBackup(file: string): Record<string, number> {
  if (!existsSync(file)) throw new RestoreRefused(`There is no file at ${file}.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } catch (err) {
    throw new RestoreRefused(`${file} is not a readable SQLite database (${(err as Error).message}).`);
  }
  try {
    const check = integrityCheck(db);
    if (check !== 'ok') throw new RestoreRefused(`${file} fails its integrity check: ${check}`);
    // Raw SQL: a file that may not be ours is read through sqlite_master and drizzle's own migrations table.
    const hasTables =
      db
        .prepare<[], number>(
          "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__drizzle_migrations', 'nominations', 'workers')",
        )
        .pluck()
        .get() ?? 0;
    if (hasTables < 3) throw new RestoreRefused(`${file} is a SQLite database but not one of this directory.`);
    const latest = db.prepare<[], number | null>('SELECT MAX(created_at) FROM __drizzle_migrations').pluck().get();
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    const known = Math.max(0, ...journal.entries.map((e) => e.when));
    if (latest != null && Number(latest) > known) {
      throw new RestoreRefused(`${file} was made by a newer version of this code; upgrade the code before restoring it.`);
    }
    return tableCounts(db);
  } finally {
    db.close();
  }
}

export type RestoreResult = { restored: string; from: string; movedAside: string[]; counts: Record<string, number> };

export function restoreDatabase(backup: string, dbPath: string, snapshotPath = join(dirname(dbPath), 'search-index.json')): RestoreResult {
  const from = resolve(backup);
  const target = resolve(dbPath);
  if (from === target) throw new RestoreRefused('The backup is the live database itself.');
  const users = processesUsing(target);
  if (users.length) {
    throw new RestoreRefused(
      `The database ${target} is open in process ${users.join(', ')} (the server?). Stop the server first, then run the restore again.`,
    );
  }
  const counts = checkBackup(from);

  // Move the current database aside with its WAL (which may hold committed data after a crash).
  const stamp = timestampName();
  const movedAside: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(target + suffix)) {
      const aside = `${target}.before-restore-${stamp}${suffix}`;
      renameSync(target + suffix, aside);
      movedAside.push(aside);
    }
  }
  const temp = `${target}.restoring`;
  copyFileSync(from, temp);
  const fd = openSync(temp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, target);
  const db = new Database(target, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  rmSync(snapshotPath, { force: true });
  return { restored: target, from, movedAside, counts };
}

function main(argv: string[]) {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run restore -- <backup file>   (stop the server first)');
    process.exit(2);
  }
  const dbPath = resolve(process.env.DATABASE_PATH || 'data/directory.db');
  const snapshot = process.env.SEARCH_SNAPSHOT_PATH
    ? resolve(process.env.SEARCH_SNAPSHOT_PATH)
    : join(dirname(dbPath), 'search-index.json');
  try {
    // `npm run` changes to the package folder; a relative backup path is relative to where it was typed.
    const r = restoreDatabase(resolve(process.env.INIT_CWD ?? '.', file), dbPath, snapshot);
    const counts = Object.entries(r.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    console.log(`Restored ${r.from}\n  to ${r.restored} (${counts})`);
    if (r.movedAside.length) console.log(`  the previous database was kept as:\n    ${r.movedAside.join('\n    ')}`);
    console.log('Start the server again; it rebuilds the search index from the restored data.');
  } catch (err) {
    console.error(`Restore refused: ${(err as Error).message}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
