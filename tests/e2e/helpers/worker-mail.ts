// The named worker in browser tests: authority domains seeded before the server starts, and the
// mailed sign-in link read back from a real SMTP server in the test process (the server under test
// is given its address as SMTP_URL).
import type { Seeder } from './seed-db.ts';
import type { TestSmtpServer } from '../../helpers/smtp.ts';

export function seedDomains(s: Seeder): void {
  const insert = s.db.$client.prepare('INSERT OR IGNORE INTO authority_domains (authority, nation, domain) VALUES (?, ?, ?)');
  insert.run('East Sussex', 'England', 'eastsussex.gov.uk');
  insert.run('Sefton', 'England', 'sefton.gov.uk');
  insert.run('Cardiff', 'Wales', 'cardiff.gov.uk');
}

/** The path of the sign-in link (with /cy when asked for in Welsh) in the newest mail delivered to this address, waiting up to 15 s for it. */
export async function signInLinkFor(smtp: TestSmtpServer, to: string): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const mail = smtp.received.filter((r) => r.envelopeTo.includes(to)).at(-1);
    const m = mail && /https?:\/\/[^/\s]+((?:\/cy)?\/worker\/sign-in\/[A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '');
    if (m) return m[1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in mail to ${to}`);
}
