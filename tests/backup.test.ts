// `npm run backup` while the real server takes nominations and approvals: the copy is consistent
// (integrity ok; every approval complete with its quote, profile and audit entry; everything
// acknowledged before the backup began is in it). `npm run restore` refuses while the server has
// the database open, then puts the backup back, keeps the old file aside, and the server starts
// on it serving exactly the backed-up data.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT, startServer, TSX, type RunningServer } from './e2e/helpers/server.ts';
import { seedDatabase } from './e2e/helpers/seed-db.ts';
import { HttpClient, nominate, VALID_NOMINATION } from './e2e/helpers/http.ts';
import { MODERATOR } from './e2e/helpers/flows.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

function script(name: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [`scripts/${name}.ts`, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'gsw-backup-'));
const dbPath = join(dir, 'directory.db');
const backupDir = join(dir, 'backups');
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let backupFile = '';
  const acked: { ref: string; at: number }[] = [];
  let backupStartedAt = 0;
  let backupEndedAt = 0;

  it('npm run backup makes a consistent copy while the server takes writes', async () => {
    await seedDatabase(dbPath, (s) => s.moderator(MODERATOR));
    server = await startServer({ dir, dbPath });
    const base = server.url;
    const mod = new HttpClient(base);
    expect((await mod.submit('/moderate/login', '/moderate/login', { email: MODERATOR.email, password: MODERATOR.password })).status).toBe(
      303,
    );

    let stop = false;
    // Families nominating, two at a time.
    const families = [0, 1].map(async (f) => {
      const client = new HttpClient(base);
      for (let i = 0; !stop; i++) {
        const ref = await nominate(client, { story: `${VALID_NOMINATION.story} Family ${f}, number ${i}.` });
        acked.push({ ref: ref.replaceAll('-', ''), at: Date.now() });
      }
    });
    // A moderator approving whatever is pending, each approval one transaction of several tables.
    let approvals = 0;
    const moderator = (async () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        while (!stop) {
          const id = db.prepare("SELECT id FROM nominations WHERE status = 'pending' ORDER BY id LIMIT 1").pluck().get() as
            | number
            | undefined;
          if (!id) {
            await new Promise((r) => setTimeout(r, 20));
            continue;
          }
          const path = `/moderate/nominations/${id}`;
          const review = await mod.get(path);
          const res = await mod.submit(
            path,
            path,
            { action: 'approve', quote: `Quote number ${id}: they listened to us.`, worker: 'new' },
            review.body,
          );
          expect(res.status).toBe(303);
          approvals++;
        }
      } finally {
        db.close();
      }
    })();

    // Start the backup once writes are flowing (however slow the machine is).
    for (let waited = 0; (acked.length < 4 || approvals < 2) && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    backupStartedAt = Date.now();
    const result = await script('backup', [], { DATABASE_PATH: dbPath, BACKUP_DIR: backupDir });
    backupEndedAt = Date.now();
    // ...and keep writing a little after it, so the copy was taken mid-stream.
    const ackedAtEnd = acked.length;
    for (let waited = 0; acked.length < ackedAtEnd + 2 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all([...families, moderator]);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/integrity ok/);
    const files = readdirSync(backupDir);
    expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(files).toHaveLength(1);
    backupFile = join(backupDir, files[0]!);
    expect(approvals).toBeGreaterThan(0);

    const copy = new Database(backupFile, { readonly: true });
    try {
      expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      const refs = new Set(copy.prepare('SELECT ref FROM nominations').pluck().all() as string[]);
      // Everything acknowledged before the backup began is in it; nothing that was never acknowledged.
      const before = acked.filter((a) => a.at < backupStartedAt);
      expect(before.length).toBeGreaterThan(0);
      for (const a of before) expect(refs.has(a.ref), `acknowledged ${a.ref} missing from the backup`).toBe(true);
      const allAcked = new Set(acked.map((a) => a.ref));
      for (const r of refs) expect(allAcked.has(r)).toBe(true);
      // Every approval is whole: quote, profile and audit entry, or none of them.
      const one = (sql: string) => copy.prepare(sql).pluck().get() as number;
      const approved = one("SELECT COUNT(*) FROM nominations WHERE status = 'approved'");
      expect(approved).toBeGreaterThan(0);
      expect(one('SELECT COUNT(*) FROM quotes')).toBe(approved);
      expect(one("SELECT COUNT(*) FROM nominations n WHERE status = 'approved' AND worker_id IS NULL")).toBe(0);
      expect(one('SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = q.worker_id)')).toBe(0);
      expect(one("SELECT COUNT(*) FROM audit_log WHERE action = 'nomination.approved'")).toBe(approved);
      console.log(
        `backup taken during ${backupEndedAt - backupStartedAt} ms of writes: ${refs.size} of ${acked.length} acknowledged nominations, ${approved} of ${approvals} approvals`,
      );
    } finally {
      copy.close();
    }
  });

  it('npm run restore refuses while the server is running', async () => {
    const res = await script('restore', [backupFile], { DATABASE_PATH: dbPath });
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/Stop the server first/);
    expect(existsSync(dbPath)).toBe(true);
  });

  it('refuses a file that is not a backup of this directory', async () => {
    await server!.stop();
    const res = await script('restore', [join(ROOT, 'package.json')], { DATABASE_PATH: dbPath });
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/not a readable SQLite database/);
  });

  it('restores the backup, keeps the old database aside, and the server serves the backed-up data', async () => {
    const res = await script('restore', [backupFile], { DATABASE_PATH: dbPath });
    expect(res.code, res.out).toBe(0);
    expect(readdirSync(dir).some((f) => f.startsWith('directory.db.before-restore-'))).toBe(true);

    server = await startServer({ dir, dbPath });
    const client = new HttpClient(server.url);
    const copy = new Database(backupFile, { readonly: true });
    const inBackup = new Set(copy.prepare('SELECT ref FROM nominations').pluck().all() as string[]);
    const slug = copy.prepare('SELECT slug FROM workers ORDER BY id LIMIT 1').pluck().get() as string;
    copy.close();
    const kept = acked.find((a) => inBackup.has(a.ref))!;
    const lost = acked.filter((a) => !inBackup.has(a.ref)).at(-1);
    expect((await client.get(`/nominate/done/${kept.ref}`)).status).toBe(200);
    if (lost) expect((await client.get(`/nominate/done/${lost.ref}`)).status).toBe(404);
    expect((await client.get(`/workers/${slug}`)).status).toBe(200);
    // And it takes new writes.
    expect(await nominate(client)).toMatch(/\w/);
  });
});
