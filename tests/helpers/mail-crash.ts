// The mail crash run, shared by `npm run crash:mail` (scripts/crash-mail.ts) and a small vitest test:
// the real server (`node --import tsx server/main.ts`) sends the outbox to an SMTP server in this
// process; it is killed with SIGKILL while a message is on the wire (the whole message sent, "250"
// not yet answered) and restarted, several times. In the end every message must be delivered exactly
// once or marked failed (refused for good, or on the wire at a kill: see server/mail/sender.ts); none
// lost, none sent twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema.ts';
import { openDatabase } from '../../server/db.ts';
import { queueMail } from '../../server/mail/outbox.ts';
import { STUCK_AFTER_MS } from '../../server/mail/sender.ts';
import { freePort, RunningServer } from '../e2e/helpers/server.ts';
import { TestSmtpServer } from './smtp.ts';

export type MailCrashOptions = {
  messages: number;
  kills: number;
  /** every n-th recipient is refused for good (550) and must end up failed */
  refuseEvery?: number;
  recipientDelayMs?: number;
  /** kills at a random moment instead of with a message on the wire, for this many of the kills */
  randomKills?: number;
  timeoutMs?: number;
  say?: (line: string) => void;
};

export type MailCrashResult = {
  queued: number;
  kills: number;
  sent: number;
  failed: number;
  deliveries: number;
  /** ids queued but neither delivered nor failed, or marked sent without arriving */
  lost: number[];
  /** ids that arrived more than once, and which of them were on the wire at a kill */
  duplicates: number[];
  unexplainedDuplicates: number[];
  /** refused recipients that were not marked failed, or deliverable ones that were */
  wrongOutcome: number[];
  inFlightAtKills: number[];
  /** server log lines holding an address or a message body */
  leakedLogLines: string[];
  ms: number;
};

const BODY = 'crash-body-marker';

export async function runMailCrash(o: MailCrashOptions): Promise<MailCrashResult> {
  const say = o.say ?? (() => {});
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'gsw-crash-mail-'));
  const dbPath = join(dir, 'directory.db');
  const smtp = new TestSmtpServer();
  const smtpUrl = await smtp.start();
  smtp.recipientDelayMs = o.recipientDelayMs ?? 30;
  smtp.refuseRecipient = (a) => a.startsWith('refused');
  const db = openDatabase(dbPath);
  const server = new RunningServer(
    await freePort(),
    dir,
    dbPath,
    {
      // one process: this run kills the server process itself (npm start's cluster is crash-test.ts's subject)
      WEB_CONCURRENCY: '1',
      SESSION_SECRET: 'crash-secret-crash-secret-crash-secret-1',
      LOG_LEVEL: 'info',
      SMTP_URL: smtpUrl,
    },
    false,
  );
  // every line of every run of the server, for the check that none holds an address or a body
  const lines: string[] = [];
  server.onOutput = (line) => lines.push(line);
  const recent = () => server.output.slice(-3000);

  const addressOf = (i: number) =>
    o.refuseEvery && i % o.refuseEvery === 0 ? `refused.${i}@eastsussex.gov.uk` : `worker.${i}@eastsussex.gov.uk`;
  const addresses: string[] = [];
  const queue = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      addresses.push(addressOf(i));
      queueMail(
        db,
        { to: addressOf(i), subject: 'Your sign-in link', text: `${BODY} ${i}`, kind: 'worker_sign_in', dedupeKey: `crash:${i}` },
        Date.now(),
      );
    }
  };

  const start = () => server.start(60_000);
  const open = () =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(inArray(outbox.status, ['queued', 'sending']))
      .get()?.n ?? 0;
  const inFlightAtKills: number[] = [];

  try {
    const firstHalf = Math.ceil(o.messages / 2);
    queue(0, firstHalf);
    await start();
    for (let k = 1; k <= o.kills; k++) {
      // let some go, then kill while the next message is on the wire (its recipient sent, not yet answered)
      const target = smtp.received.length + Math.max(1, Math.floor(o.messages / (o.kills + 2)));
      const random = k <= (o.randomKills ?? 0);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail on the wire before kill ${k}:\n${recent()}`)), o.timeoutMs ?? 60_000);
        smtp.onRecipient = () => {
          if (smtp.received.length < target && open() > 1) return;
          smtp.onRecipient = () => {};
          clearTimeout(timer);
          // kill() sends the signal at once, before its first await
          if (random) setTimeout(() => void server.kill('SIGKILL'), Math.random() * 200);
          else void server.kill('SIGKILL');
          resolve();
        };
      });
      await server.exit();
      const sending = db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, 'sending')).all();
      inFlightAtKills.push(...sending.map((r) => r.id));
      // The time the server was down: long enough that its message on the wire counts as interrupted.
      db.update(outbox)
        .set({ claimedAt: sql`${outbox.claimedAt} - ${STUCK_AFTER_MS + 1000}` })
        .where(eq(outbox.status, 'sending'))
        .run();
      say(
        `kill ${k}${random ? ' (random moment)' : ''}: ${smtp.received.length} delivered so far, ${sending.length} on the wire (${sending.map((r) => r.id).join(', ')})`,
      );
      if (k === 1) queue(firstHalf, o.messages);
      await start();
    }
    const deadline = Date.now() + (o.timeoutMs ?? 60_000);
    while (open() > 0) {
      if (Date.now() > deadline) throw new Error(`${open()} messages still waiting after the last restart:\n${recent()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await server.stop();

    const rows = db.select({ id: outbox.id, status: outbox.status, dedupeKey: outbox.dedupeKey }).from(outbox).all();
    const perId = new Map<number, number>();
    for (const m of smtp.received) {
      const id = Number(/^<outbox\.(\d+)\./.exec(m.parsed.messageId ?? '')?.[1]);
      perId.set(id, (perId.get(id) ?? 0) + 1);
    }
    const refused = (r: { dedupeKey: string | null }) => addressOf(Number(r.dedupeKey!.split(':')[1])).startsWith('refused');
    const duplicates = [...perId].filter(([, n]) => n > 1).map(([id]) => id);
    const leakedLogLines = lines.filter((line) => line.includes(BODY) || addresses.some((a) => line.includes(a)));
    return {
      queued: rows.length,
      kills: o.kills,
      sent: rows.filter((r) => r.status === 'sent').length,
      failed: rows.filter((r) => r.status === 'failed').length,
      deliveries: smtp.received.length,
      lost: rows
        .filter((r) => (r.status !== 'sent' && r.status !== 'failed') || (r.status === 'sent' && !perId.get(r.id)))
        .map((r) => r.id),
      duplicates,
      unexplainedDuplicates: duplicates.filter((id) => !inFlightAtKills.includes(id)),
      // a message on the wire at a kill may end either way (sent before the kill, or failed as interrupted)
      wrongOutcome: rows
        .filter((r) =>
          refused(r)
            ? r.status !== 'failed' || perId.has(r.id)
            : r.status !== 'sent' && !(r.status === 'failed' && inFlightAtKills.includes(r.id)),
        )
        .map((r) => r.id),
      inFlightAtKills,
      leakedLogLines,
      ms: Date.now() - started,
    };
  } finally {
    await server.kill('SIGKILL');
    db.$client.close();
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
