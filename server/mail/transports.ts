// How a message leaves: nodemailer over SMTP when SMTP_URL is set, otherwise an .eml file per
// message in a folder (a fresh machine with no mail server still works, and the mail can be read).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export type Envelope = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** stable per outbox row, so a message resent after a crash is recognisably the same one */
  messageId: string;
};

export type Delivery = { messageId: string; path?: string };

export interface MailTransport {
  readonly name: 'smtp' | 'file';
  deliver(mail: Envelope): Promise<Delivery>;
  close(): void;
}

/** A failure the transport says will not get better by trying again (an SMTP 5xx other than sign-in). */
export function isPermanent(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { responseCode?: unknown; code?: unknown };
  if (e.code === 'EAUTH') return false; // our own credentials: fix the config, then every mail can go
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // one kept-open connection: messages go one at a time anyway, without a new handshake each
    pool: true,
    maxConnections: 1,
    // Bounded waits, so a send in flight never outlives the sender's "stuck" threshold.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  });
  return {
    name: 'smtp',
    async deliver(mail) {
      const info = await transporter.sendMail({ ...mail, html: mail.html });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** Writes each message as `<row id>.eml` (RFC 5322, built by nodemailer) under `folder`, readable by the owner only. */
export function fileTransport(folder: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    name: 'file',
    async deliver(mail) {
      const info = await builder.sendMail(mail);
      if (!Buffer.isBuffer(info.message)) throw new Error('the mail builder returned a stream, not a buffer');
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const file = join(folder, `${fileNameOf(mail.messageId)}.eml`);
      // Written whole then renamed: a crash never leaves half a message under the final name.
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, info.message, { mode: 0o600 });
      renameSync(tmp, file);
      return { messageId: info.messageId, path: file };
    },
    close: () => builder.close(),
  };
}

/** "<outbox.12.k3j@localhost>" -> "outbox.12.k3j": the id part, safe as a file name. */
function fileNameOf(messageId: string): string {
  return messageId
    .replace(/^<|>$/g, '')
    .split('@')[0]!
    .replace(/[^A-Za-z0-9._-]/g, '_');
}
