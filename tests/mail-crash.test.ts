// A small version of `npm run crash:mail`: the real server is killed with SIGKILL while a mail is on the
// wire, restarted, and every queued mail is delivered exactly once or marked failed; none lost.
import { describe, expect, it } from 'vitest';
import { runMailCrash } from './helpers/mail-crash.ts';

describe('mail survives a crash mid-send', () => {
  it('delivers every queued message once, or marks it failed, across a SIGKILL', async () => {
    const r = await runMailCrash({ messages: 12, kills: 1, refuseEvery: 5, timeoutMs: 90_000 });
    expect(r.inFlightAtKills).toHaveLength(1);
    expect(r.lost).toEqual([]);
    expect(r.duplicates).toEqual([]);
    expect(r.wrongOutcome).toEqual([]);
    expect(r.leakedLogLines).toEqual([]);
    // recipients 0, 5 and 10 are refused for good
    expect([r.queued, r.sent, r.failed, r.deliveries]).toEqual([12, 9, 3, 9]);
  }, 180_000);
});
