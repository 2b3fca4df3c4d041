// The sender over a real SMTP server in this process: delivery, retries with back-off on the app's
// clock, permanent failures shown to admins, the .eml fallback, and logs that hold no address or body.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../db/schema.ts';
import { queueMail } from '../server/mail/outbox.ts';
import { INTERRUPTED, MailSender, MAX_ATTEMPTS, RETRY_DELAYS_MS, type MailLog } from '../server/mail/sender.ts';
import { smtpTransport, fileTransport } from '../server/mail/transports.ts';
import { workerSignInMail } from '../server/mail/messages.ts';
import { makeApp, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { TestSmtpServer } from './helpers/smtp.ts';

const TO = 'jane.smith@eastsussex.gov.uk';
const FROM = 'The Good Social Worker directory <no-reply@example.org>';
const BODY_MARKER = 'body-marker-7f3a';
const msg = { to: TO, subject: 'Your sign-in link', text: `Hello ${BODY_MARKER}`, kind: 'worker_sign_in' };

let smtp: TestSmtpServer;
let smtpUrl: string;
beforeAll(async () => {
  smtp = new TestSmtpServer();
  smtpUrl = await smtp.start();
});
afterAll(() => smtp.stop());

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  smtp.received = [];
  smtp.refuseNext = [];
});

const smtpApp = async () => (app = await makeApp({ SMTP_URL: smtpUrl, MAIL_FROM: FROM, PUBLIC_URL: 'https://goodsocialworker.example' }));
const rows = (a: TestApp) => a.db.select().from(outbox).all();

describe('sending over SMTP', () => {
  it('sends nothing for a mail queued in a transaction that rolled back', async () => {
    const a = await smtpApp();
    expect(() =>
      a.db.transaction((tx) => {
        queueMail(tx, msg, a.clock.now);
        throw new Error('the action failed');
      }),
    ).toThrow();
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('delivers a message once, with the right From, To and Subject, then keeps no body and only a masked address', async () => {
    const a = await smtpApp();
    a.mail.queue(workerSignInMail(a.config.PUBLIC_URL, 'en', TO, 'tok123'));
    expect(await a.mail.flush()).toEqual({ sent: 1, retry: 0, failed: 0 });
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.envelopeTo).toEqual([TO]);
    expect(m.parsed.from?.value).toEqual([{ name: 'The Good Social Worker directory', address: 'no-reply@example.org' }]);
    expect(m.parsed.to && !Array.isArray(m.parsed.to) ? m.parsed.to.text : '').toBe(TO);
    expect(m.parsed.subject).toBe('Your sign-in link for The Good Social Worker directory');
    expect(m.parsed.text).toContain('https://goodsocialworker.example/worker/sign-in/tok123');
    expect(m.parsed.html).toBe(false);
    const [row] = rows(a);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: a.clock.now,
      bodyText: '',
      bodyHtml: null,
      toAddress: 'j•••@eastsussex.gov.uk',
      lastError: null,
    });
    expect(m.parsed.messageId).toBe(row!.messageId);
  });

  it('retries a message the server refuses for now (451), after the back-off on the app clock', async () => {
    const a = await smtpApp();
    smtp.refuseNext = [451, 451];
    a.mail.queue(msg);
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 1, failed: 0 });
    let [row] = rows(a);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: a.clock.now + RETRY_DELAYS_MS[0]! });
    expect(row!.lastError).toMatch(/451/);
    expect(row!.lastError).not.toContain(TO);

    a.clock.now += RETRY_DELAYS_MS[0]! - 1;
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 0, failed: 0 });
    a.clock.now += 1;
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 1, failed: 0 });
    [row] = rows(a);
    expect(row).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: a.clock.now + 5 * 60_000 });

    a.clock.now += 5 * 60_000;
    expect(await a.mail.flush()).toEqual({ sent: 1, retry: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(rows(a)[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('gives up after the last attempt', async () => {
    const a = await smtpApp();
    smtp.refuseNext = Array(MAX_ATTEMPTS).fill(421);
    a.mail.queue(msg);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      expect(await a.mail.flush()).toEqual({ sent: 0, retry: 1, failed: 0 });
      a.clock.now += RETRY_DELAYS_MS[i]!;
    }
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 0, failed: 1 });
    expect(rows(a)[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, bodyText: '' });
    expect(smtp.received).toHaveLength(0);
  });

  it('marks a permanent refusal (550) failed at once, and shows it to admins without the body or the address', async () => {
    const a = await smtpApp();
    smtp.refuseNext = [550];
    a.mail.queue(msg);
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 0, failed: 1 });
    const [row] = rows(a);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, bodyText: '', toAddress: 'j•••@eastsussex.gov.uk' });
    expect(row!.lastError).toMatch(/550/);

    const { client } = await signedInModerator(a, { role: 'admin' });
    const page = await client.get('/moderate/mail');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`data-mail-id="${row!.id}" data-mail-status="failed"`));
    expect(page.body).toContain('j•••@eastsussex.gov.uk');
    expect(page.body).toContain('550');
    expect(page.body).toContain('data-mail-failed="1"');
    expect(page.body).not.toContain(TO);
    expect(page.body).not.toContain(BODY_MARKER);
    const queue = await client.get('/moderate');
    expect(queue.body).toMatch(/<a href="\/moderate\/mail"><strong>1<\/strong> mail failed<\/a>/);
  });

  it('shows queued mail to admins masked, and the page only to admins', async () => {
    const a = await smtpApp();
    a.mail.queue(msg);
    const admin = (await signedInModerator(a, { role: 'admin' })).client;
    const page = await admin.get('/moderate/mail');
    expect(page.body).toContain('data-mail-status="queued"');
    expect(page.body).not.toContain(TO);
    expect(page.body).not.toContain(BODY_MARKER);
    const moderator = (await signedInModerator(a)).client;
    expect((await moderator.get('/moderate/mail')).statusCode).toBe(403);
    expect((await a.inject('/moderate/mail')).statusCode).toBe(303);
  });

  it('marks a message left "sending" by a crash as failed once it is older than a send can last, and never sends it again', async () => {
    const a = await smtpApp();
    a.mail.queue(msg);
    a.db.update(outbox).set({ status: 'sending', attempts: 1, claimedAt: a.clock.now }).run();
    expect(await a.mail.flush()).toEqual({ sent: 0, retry: 0, failed: 0 });
    // a restart ten minutes on, as after a crash: whether the mail server took it is unknown
    const again = await makeApp({ DATABASE_PATH: a.config.DATABASE_PATH, SMTP_URL: smtpUrl }, a.clock.now + 10 * 60_000);
    try {
      expect(rows(again)[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: INTERRUPTED });
      await again.mail.flush();
      expect(smtp.received).toHaveLength(0);
      expect(rows(again)[0]).toMatchObject({ status: 'failed', attempts: 1 });
    } finally {
      await again.close();
    }
  });
});

describe('without SMTP_URL', () => {
  it('writes each message as a parseable .eml file in outbox/ beside the database', async () => {
    const a = (app = await makeApp({ PUBLIC_URL: 'https://goodsocialworker.example' }));
    expect(a.mail.transport).toBe('file');
    expect(a.mail.folder).toBe(join(a.dir, 'outbox'));
    a.mail.queue(workerSignInMail(a.config.PUBLIC_URL, 'en', TO, 'tok456'));
    expect(await a.mail.flush()).toEqual({ sent: 1, retry: 0, failed: 0 });
    const files = readdirSync(a.mail.folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^outbox\.\d+\.[a-z0-9]+\.eml$/);
    const parsed = await simpleParser(readFileSync(join(a.mail.folder, files[0]!)));
    expect(parsed.from?.value).toEqual([{ name: 'The Good Social Worker directory', address: 'no-reply@localhost' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe(TO);
    expect(parsed.subject).toBe('Your sign-in link for The Good Social Worker directory');
    expect(parsed.text).toContain('https://goodsocialworker.example/worker/sign-in/tok456');
    expect(rows(a)[0]).toMatchObject({ status: 'sent', bodyText: '' });
  });
});

describe('logs', () => {
  it('name the message and the file, never the address or the body, whatever happens', async () => {
    const a = await smtpApp();
    const lines: string[] = [];
    const record = (obj: object, text: string) => lines.push(`${text} ${JSON.stringify(obj)}`);
    const log: MailLog = { info: record, warn: record, error: record };
    const base = { db: a.db, from: FROM, messageHost: 'example.org', now: () => a.clock.now, log };
    const viaSmtp = new MailSender({ ...base, transport: smtpTransport(smtpUrl) });
    const viaFile = new MailSender({ ...base, transport: fileTransport(join(a.dir, 'eml')) });
    // an address in the server's refusal text too
    smtp.refuseNext = [451, 550];
    for (let i = 0; i < 3; i++) queueMail(a.db, msg, a.clock.now);
    await viaSmtp.drain();
    queueMail(a.db, msg, a.clock.now);
    await viaFile.drain();
    a.clock.now += 60_000;
    await viaSmtp.drain();
    a.db.update(outbox).set({ status: 'sending', claimedAt: 0 }).where(eq(outbox.id, 1)).run();
    viaSmtp.recoverStuck(a.clock.now);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(expect.arrayContaining(['mail']));
    expect(lines.join('\n')).toMatch(/mail will be retried/);
    expect(lines.join('\n')).toMatch(/mail failed/);
    expect(lines.join('\n')).toMatch(/mail sent/);
    expect(lines.join('\n')).toMatch(/mail written to file .*"path":".*\.eml"/);
    for (const line of lines) {
      expect(line).not.toContain(TO);
      expect(line).not.toContain('jane.smith');
      expect(line).not.toContain(BODY_MARKER);
      expect(line).not.toContain(msg.subject);
    }
  });
});

describe('mail settings', () => {
  it('refuse a bad SMTP_URL or MAIL_FROM with a message naming the variable, never repeating a password', async () => {
    const { loadConfig } = await import('../server/config.ts');
    const base = { NODE_ENV: 'test', DATABASE_PATH: ':memory:', SESSION_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://user:hunter2@mail.example.org' })).toThrow(
      /^Configuration error: SMTP_URL must start with smtp:\/\/ or smtps:\/\/ \(value not shown/,
    );
    expect(() => loadConfig({ ...base, SMTP_URL: 'not a url hunter2' })).toThrow(
      /SMTP_URL must be a URL such as smtp:\/\/user:pass@mail\.example\.org:587/,
    );
    for (const url of ['http://user:hunter2@mail.example.org', 'not a url hunter2']) {
      expect(() => loadConfig({ ...base, SMTP_URL: url })).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
      );
    }
    expect(() => loadConfig({ ...base, MAIL_FROM: 'The directory' })).toThrow(/MAIL_FROM must be an address or "Name <address>"/);
    expect(loadConfig({ ...base, SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'Directory <hello@example.org>' })).toMatchObject(
      {
        SMTP_URL: 'smtps://u:p@mail.example.org:465',
        MAIL_FROM: 'Directory <hello@example.org>',
      },
    );
    const defaults = loadConfig(base);
    expect(defaults.SMTP_URL).toBeUndefined();
    expect(defaults.MAIL_FROM).toBe('The Good Social Worker directory <no-reply@localhost>');
  });
});

describe('the record of sent mail', () => {
  it('is deleted once older than the retention period; waiting mail is kept', async () => {
    const a = await smtpApp();
    const sender = new MailSender({
      db: a.db,
      transport: smtpTransport(smtpUrl),
      from: FROM,
      messageHost: 'example.org',
      now: () => a.clock.now,
      log: { info() {}, warn() {}, error() {} },
    });
    queueMail(a.db, msg, a.clock.now);
    await sender.drain();
    queueMail(a.db, { ...msg, dedupeKey: 'later' }, a.clock.now + 60_000);
    expect(sender.forgetDone(a.clock.now)).toBe(0);
    expect(sender.forgetDone(a.clock.now + 1)).toBe(1);
    expect(rows(a)).toMatchObject([{ status: 'queued', dedupeKey: 'later' }]);
  });
});
