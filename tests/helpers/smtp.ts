// A real SMTP server on loopback, in the test process, that keeps what it accepts (parsed with mailparser)
// and can be told to refuse the next messages with given reply codes (451: try later, 550: never), to
// refuse some recipients, and to wait before it answers a recipient (so a crash lands mid-send).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { raw: string; parsed: ParsedMail; envelopeTo: string[] };

export class TestSmtpServer {
  received: Received[] = [];
  /** reply codes for the next DATA commands, in order; an empty list accepts */
  refuseNext: number[] = [];
  /** recipients refused for good (550 at RCPT TO) */
  refuseRecipient: (address: string) => boolean = () => false;
  /** how long to wait before answering RCPT TO (so a crash can land mid-send, before the message is accepted) */
  recipientDelayMs = 0;
  /** called when a RCPT TO arrives, before it is answered */
  onRecipient: () => void = () => {};
  private server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      disableReverseLookup: true,
      onAuth: (_auth, _session, cb) => cb(null, { user: 'test' }),
      onRcptTo: (address, _session, cb) => {
        this.onRecipient();
        setTimeout(() => {
          if (this.refuseRecipient(address.address)) return cb(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
          cb();
        }, this.recipientDelayMs);
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const code = this.refuseNext.shift();
          if (code) return cb(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }));
          const raw = Buffer.concat(chunks).toString('utf8');
          void simpleParser(raw).then((parsed) => {
            this.received.push({ raw, parsed, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            cb();
          });
        });
      },
    });
  }

  async start(): Promise<string> {
    // a client killed mid-session resets its connection: that is what the crash tests do
    this.server.on('error', () => {});
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://user:secret@127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
