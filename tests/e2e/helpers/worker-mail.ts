// The named worker in browser tests: authority domains seeded before the server starts, and the
// mailed sign-in link read back. Until the mail sender is in main, the queued message is read from
// the outbox table of the server's database file (read-only, beside the running server).
import Database from 'better-sqlite3';
import type { Seeder } from './seed-db.ts';

export function seedDomains(s: Seeder): void {
  const insert = s.db.$client.prepare('INSERT OR IGNORE INTO authority_domains (authority, nation, domain) VALUES (?, ?, ?)');
  insert.run('East Sussex', 'England', 'eastsussex.gov.uk');
  insert.run('Sefton', 'England', 'sefton.gov.uk');
  insert.run('Cardiff', 'Wales', 'cardiff.gov.uk');
}

/** The path of the sign-in link in the newest mail to this address, waiting up to 10 s for it. */
export async function signInLinkFor(dbPath: string, to: string): Promise<string> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    for (let i = 0; i < 100; i++) {
      const body = db.prepare('SELECT body_text FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1').pluck().get(to) as string | undefined;
      const m = body && /https?:\/\/[^/\s]+(\/worker\/sign-in\/[A-Za-z0-9_-]{43})/.exec(body);
      if (m) return m[1]!;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no sign-in mail to ${to}`);
  } finally {
    db.close();
  }
}
