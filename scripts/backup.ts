// `npm run backup [-- --out file.db]`: a consistent copy of the live database, safe while the
// server is taking writes.
//
// How: `VACUUM INTO` runs inside one read transaction, so the copy is exactly the database as of
// one committed transaction (WAL lets the server keep writing meanwhile). It is written to
// `<name>.partial`, checked with `PRAGMA integrity_check`, then renamed, so a file named `.db` in
// the backup folder is always complete. Backups hold families' stories and emails: mode 0600.
//
// Environment: DATABASE_PATH (default data/directory.db), BACKUP_DIR (default backups/).
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type BackupResult = {
  file: string;
  bytes: number;
  ms: number;
  counts: Record<string, number>;
};

export const COUNTED_TABLES = ['workers', 'nominations', 'quotes', 'change_requests', 'moderators', 'audit_log'] as const;

/** "2026-03-18T12-00-00-123Z" — sorts by time, safe in file names. */
export function timestampName(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

// Raw SQL throughout: these read any file that claims to be a backup (perhaps of an older schema,
// perhaps not ours), through sqlite_master, PRAGMA integrity_check and VACUUM INTO, none of which
// drizzle's builder says.

export function tableCounts(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of COUNTED_TABLES) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
    if (exists) out[t] = db.prepare<[], number>(`SELECT COUNT(*) FROM ${t}`).pluck().get() ?? 0;
  }
  return out;
}

export function integrityCheck(db: Database.Database): string {
  return db.prepare<[], string>('PRAGMA integrity_check').pluck().all().join('; ');
}

/** Copy the database at `source` to `dest` (default `<dir>/<timestamp>.db`), consistently. */
export function backupDatabase(source: string, opts: { dir?: string; dest?: string } = {}): BackupResult {
  const started = Date.now();
  if (!existsSync(source)) throw new Error(`There is no database at ${source} (set DATABASE_PATH).`);
  const dest = resolve(opts.dest ?? join(opts.dir ?? 'backups', `${timestampName()}.db`));
  if (existsSync(dest)) throw new Error(`${dest} already exists; not overwriting it.`);
  mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  chmodSync(partial, 0o600);
  const copy = new Database(partial, { fileMustExist: true });
  let counts: Record<string, number>;
  try {
    const check = integrityCheck(copy);
    if (check !== 'ok') throw new Error(`The copy failed its integrity check (${check}); ${partial} kept for inspection.`);
    counts = tableCounts(copy);
  } finally {
    copy.close();
  }
  renameSync(partial, dest);
  return { file: dest, bytes: statSync(dest).size, ms: Date.now() - started, counts };
}

function main(argv: string[]) {
  const outAt = argv.indexOf('--out');
  const source = resolve(process.env.DATABASE_PATH || 'data/directory.db');
  try {
    const result = backupDatabase(source, {
      dir: process.env.BACKUP_DIR || 'backups',
      // `npm run` changes to the package folder; --out is relative to where it was typed.
      dest: outAt >= 0 && argv[outAt + 1] ? resolve(process.env.INIT_CWD ?? '.', argv[outAt + 1]!) : undefined,
    });
    const counts = Object.entries(result.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    console.log(
      `Backed up ${source}\n  to ${result.file}\n  ${(result.bytes / 1024).toFixed(0)} KB in ${result.ms} ms; integrity ok; ${counts}`,
    );
  } catch (err) {
    console.error(`Backup failed: ${(err as Error).message}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
