// `npm run crash:mail` — is every queued mail delivered exactly once (or marked failed) when the server
// is killed mid-send? (A measurement script, not a test; tests/mail-crash.test.ts runs a small version.)
//
//   npm run crash:mail [-- --messages 300 --kills 6 --random-kills 2 --refuse-every 25]
//
// A kill normally lands with a message's recipient sent and not yet answered; the first --random-kills
// land a moment later, anywhere (after a "250 OK" and before the row is marked sent a message is
// delivered again after the restart: delivery is at least once, and such a repeat is reported).
import { runMailCrash } from '../tests/helpers/mail-crash.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

const options = {
  messages: arg('messages', 300),
  kills: arg('kills', 6),
  randomKills: arg('random-kills', 2),
  refuseEvery: arg('refuse-every', 25),
  timeoutMs: 120_000,
};
console.log(
  `crash:mail: ${options.messages} messages, ${options.kills} SIGKILLs mid-send (${options.randomKills} at a random moment), every ${options.refuseEvery}th recipient refused for good`,
);
const r = await runMailCrash({ ...options, say: (line) => console.log(`  ${line}`) });
console.log(
  `${r.queued} queued; ${r.sent} sent, ${r.failed} failed; ${r.deliveries} deliveries at the SMTP server; ` +
    `${r.inFlightAtKills.length} on the wire at a kill; ${r.duplicates.length} delivered twice ` +
    `(${r.unexplainedDuplicates.length} not on the wire at a kill); ${r.lost.length} lost; ${r.wrongOutcome.length} with the wrong outcome; ` +
    `${r.leakedLogLines.length} log lines with an address or a body; ${(r.ms / 1000).toFixed(1)} s`,
);
const ok = !r.lost.length && !r.duplicates.length && !r.wrongOutcome.length && !r.leakedLogLines.length;
if (r.leakedLogLines.length) console.log(r.leakedLogLines.slice(0, 5).join('\n'));
if (ok) console.log('OK: every message delivered exactly once or marked failed, none lost');
else {
  console.log(
    `FAILED: lost ${r.lost.join(', ') || 'none'}; delivered twice ${r.duplicates.join(', ') || 'none'}; wrong outcome ${r.wrongOutcome.join(', ') || 'none'}`,
  );
}
process.exitCode = ok ? 0 : 1;
