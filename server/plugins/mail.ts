// Outgoing mail: `app.mail` queues messages and a loop in the server delivers the outbox (SMTP when
// SMTP_URL is set, otherwise .eml files under outbox/ beside the database). Started on onReady,
// stopped on onClose after the message in flight is finished.
import { dirname, join, resolve } from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { queueMail, type OutgoingMail } from '../mail/outbox.ts';
import { MailSender, type DrainResult } from '../mail/sender.ts';
import { fileTransport, smtpTransport } from '../mail/transports.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailService;
  }
}

export type MailService = {
  /** 'smtp' or 'file' */
  readonly transport: string;
  /** where .eml files go when there is no SMTP server */
  readonly folder: string;
  /** Queues a message now, outside any transaction; inside one, call queueMail(tx, …) and then nudge(). */
  queue(msg: OutgoingMail): void;
  /** Wakes the sender (after a transaction that queued mail has committed). */
  nudge(): void;
  /** Sends everything due by app.now(), and resolves when done (tests; the loop does this by itself). */
  flush(): Promise<DrainResult>;
};

const POLL_MS = 2_000;
const RECOVER_EVERY_MS = 60_000;
const DAY = 86_400_000;

/** The .eml folder: outbox/ in the database's folder. */
export function mailFolder(config: Config): string {
  const dbDir = config.DATABASE_PATH === ':memory:' ? resolve('data') : dirname(config.DATABASE_PATH);
  return join(dbDir, 'outbox');
}

export default fp(async function mail(app: FastifyInstance, opts: { loop?: boolean }) {
  const folder = mailFolder(app.config);
  const transport = app.config.SMTP_URL ? smtpTransport(app.config.SMTP_URL) : fileTransport(folder);
  const sender = new MailSender({
    db: app.db,
    transport,
    from: app.config.MAIL_FROM,
    messageHost: new URL(app.config.PUBLIC_URL).hostname,
    now: () => app.now(),
    log: app.log,
  });

  // One drain at a time in this process; other processes are kept off a message by the claim.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const p = chain.then(work);
    chain = p.catch(() => undefined);
    return p;
  };

  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wokenWhileBusy = false;
  let lastRecovery = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms).unref();
  };

  async function tick() {
    timer = undefined;
    wokenWhileBusy = false;
    try {
      await serial(async () => {
        const now = app.now();
        if (now - lastRecovery >= RECOVER_EVERY_MS || now < lastRecovery) {
          sender.recoverStuck(now);
          sender.forgetDone(now - app.config.RETENTION_DAYS * DAY);
          lastRecovery = now;
        }
        return sender.drain(() => !stopped);
      });
    } catch (err) {
      // A busy or read-only database must not stop the site; the next tick tries again.
      app.log.error(
        { err: { message: (err as Error).message, code: (err as { code?: string }).code } },
        'mail: sending paused by an error',
      );
    }
    schedule(wokenWhileBusy ? 0 : POLL_MS);
  }

  const nudge = () => {
    if (!started || stopped) return;
    if (timer) schedule(0);
    else wokenWhileBusy = true;
  };

  app.decorate('mail', {
    transport: transport.name,
    folder,
    queue(msg: OutgoingMail) {
      queueMail(app.db, msg, app.now());
      nudge();
    },
    nudge,
    flush: () => serial(() => sender.drain()),
  } satisfies MailService);

  app.addHook('onReady', async () => {
    if (transport.name === 'file') app.log.info({ folder }, 'mail: SMTP_URL is not set, so mails are written as .eml files');
    sender.recoverStuck(app.now());
    lastRecovery = app.now();
    if (opts.loop === false) return;
    started = true;
    schedule(0);
  });

  app.addHook('onClose', async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await chain;
    transport.close();
  });
});
