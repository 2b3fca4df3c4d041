// A real SMTP server on loopback, in the test process, that keeps what it accepts (parsed with mailparser)
// and can be told to refuse the next messages with given reply codes (451: try later, 550: never).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { raw: string; parsed: ParsedMail; envelopeTo: string[] };

export class TestSmtpServer {
  received: Received[] = [];
  /** reply codes for the next DATA commands, in order; an empty list accepts */
  refuseNext: number[] = [];
  /** how long to wait before answering DATA (to make a crash land mid-send) */
  answerDelayMs = 0;
  private server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, cb) => cb(null, { user: 'test' }),
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const code = this.refuseNext.shift();
          const answer = async () => {
            if (code) return cb(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }));
            const raw = Buffer.concat(chunks).toString('utf8');
            this.received.push({ raw, parsed: await simpleParser(raw), envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            cb();
          };
          setTimeout(() => void answer(), this.answerDelayMs);
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://user:secret@127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
