// Issue 15 through the real app: flags stored once at submission with the detector version, the review
// page's flag elements and tiers, approval refusing an unresolved check flag unless ticked (audited),
// and the Welsh-story warning.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csrfFrom, makeApp, type Client, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { nominate, unescapeHtml, validNomination } from './helpers/nominate.ts';
import { seedNomination } from './helpers/seed.ts';
import { DETECTOR_VERSION } from '../server/privacy/index.ts';
import { backfillPrivacyFlags } from '../server/moderation/privacy-flags.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const sql = () => app.db.$client;
const storedOf = (id: number) => sql().prepare('SELECT privacy_flags FROM nominations WHERE id = ?').pluck().get(id) as string | null;

// one sure detail (a child's name) and one possible one (a chain named as a workplace, with no place)
const STORY = 'Priya Okafor was there for my son Tyler every single week. My partner works at Tesco now and we are back on our feet.';
const QUOTE_WITH_CHECK = 'She was there for my son every single week. My partner works at Tesco now and we are back on our feet.';

/** Every flag element on the page: its kind, tier and its text without visually hidden labels. */
function flagElements(html: string) {
  return [...html.matchAll(/<span data-flag-kind="([a-z_]+)" data-flag-tier="(redact|check)">([\s\S]*?)<\/mark><\/span>/g)].map((m) => ({
    kind: m[1]!,
    tier: m[2]!,
    text: unescapeHtml(m[3]!.replace(/<span class="visually-hidden">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, '')),
  }));
}

async function submitted(story = STORY): Promise<number> {
  const { ref } = await nominate(app, validNomination({ story }));
  expect(ref).toBeTruthy();
  return sql().prepare('SELECT id FROM nominations ORDER BY id DESC LIMIT 1').pluck().get() as number;
}

async function reviewPage(client: Client, id: number) {
  const page = await client.get(`/moderate/nominations/${id}`);
  expect(page.statusCode).toBe(200);
  return page;
}

async function approve(client: Client, id: number, form: Record<string, string | string[]>) {
  const _csrf = csrfFrom((await reviewPage(client, id)).body)!;
  return client.post(`/moderate/nominations/${id}`, { _csrf, action: 'approve', worker: 'new', new_name: 'Priya Okafor', ...form });
}

describe('flags stored with the nomination', () => {
  it('are computed once at submission, with the detector version', async () => {
    const id = await submitted();
    const stored = JSON.parse(storedOf(id)!) as { version: number; flags: { kind: string; tier: string; text: string }[] };
    expect(stored.version).toBe(DETECTOR_VERSION);
    expect(stored.flags.map((f) => [f.kind, f.tier, f.text])).toEqual([
      ['name', 'redact', 'Tyler'],
      ['workplace', 'check', 'Tesco'],
    ]);
  });

  it('are what the review page and the queue show (no re-scan while they are current)', async () => {
    const id = await submitted();
    // a stored flag the detector would never make: if the page shows it, the page read the column
    const stored = JSON.parse(storedOf(id)!) as { version: number; of: string; flags: Record<string, unknown>[] };
    const at = STORY.indexOf('partner');
    stored.flags.push({ kind: 'hospital', tier: 'check', start: at, end: at + 7, text: 'partner', sub: null, placeholder: '[hospital]' });
    stored.flags.sort((a, b) => Number(a.start) - Number(b.start));
    sql().prepare('UPDATE nominations SET privacy_flags = ? WHERE id = ?').run(JSON.stringify(stored), id);
    const { client } = await signedInModerator(app);
    expect(flagElements((await reviewPage(client, id)).body)).toContainEqual({ kind: 'hospital', tier: 'check', text: 'partner' });
    const queue = await client.get('/moderate');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('hospital');
  });

  it('are recomputed and stored again when the detector version or the story changes', async () => {
    const id = await submitted();
    sql()
      .prepare('UPDATE nominations SET privacy_flags = ? WHERE id = ?')
      .run(JSON.stringify({ ...JSON.parse(storedOf(id)!), version: DETECTOR_VERSION - 1, flags: [] }), id);
    const { client } = await signedInModerator(app);
    expect(flagElements((await reviewPage(client, id)).body).map((f) => f.text)).toEqual(['Tyler', 'Tesco']);
    expect(JSON.parse(storedOf(id)!).version).toBe(DETECTOR_VERSION);

    sql().prepare('UPDATE nominations SET story = ? WHERE id = ?').run(STORY.replace('Tyler', 'Kayden'), id);
    expect(flagElements((await reviewPage(client, id)).body).map((f) => f.text)).toEqual(['Kayden', 'Tesco']);
    expect(storedOf(id)).toContain('Kayden');
  });

  it('are back-filled at start-up for pending nominations stored without them', async () => {
    const { nominationId } = seedNomination(app, { workerName: 'Priya Okafor', area: 'hastings', status: 'pending', story: STORY });
    sql().prepare('UPDATE nominations SET privacy_flags = NULL WHERE id = ?').run(nominationId);
    expect(backfillPrivacyFlags(app.db)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(storedOf(nominationId)!).flags.map((f: { text: string }) => f.text)).toEqual(['Tyler', 'Tesco']);
    expect(backfillPrivacyFlags(app.db)).toBe(0);
  });
});

describe('the review page', () => {
  it('marks each flag with its kind and tier, its text exactly the flagged text; check flags say their kind in words', async () => {
    const id = await submitted();
    const { client } = await signedInModerator(app);
    const html = (await reviewPage(client, id)).body;
    expect(flagElements(html)).toEqual([
      { kind: 'name', tier: 'redact', text: 'Tyler' },
      { kind: 'workplace', tier: 'check', text: 'Tesco' },
    ]);
    expect(html).toContain('<li>Check, workplace: “Tesco”</li>');
    // the check flag stays in the suggested quote; the sure one does not
    const textarea = /<textarea id="quote" name="quote"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!;
    expect(textarea).toContain('Tesco');
    expect(textarea).not.toContain('Tyler');
    expect(html).toMatch(/<input type="checkbox" id="check_ok" name="check_ok" value="\d+-\d+">/);
    expect(html).not.toContain('data-welsh-story');
  });

  it('says the flags are tuned for English when the story looks Welsh', async () => {
    const id = await submitted('Roedd Priya yn wych gyda fy mab. Mae hi wedi helpu ni gymaint a diolch yn fawr iawn i chi am bopeth.');
    const { client } = await signedInModerator(app);
    const html = (await reviewPage(client, id)).body;
    expect(html).toContain('data-welsh-story');
    expect(html).toContain('tuned for English');
  });
});

describe('approving with a check flag', () => {
  it('is refused while a check flag is still in the quote and not ticked, keeping what the moderator typed', async () => {
    const id = await submitted();
    const { client } = await signedInModerator(app);
    const res = await approve(client, id, { quote: QUOTE_WITH_CHECK });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toMatch(/<a href="#check_ok">[^<]*“Tesco”/);
    expect(/<textarea id="quote" name="quote"[^>]*>([\s\S]*?)<\/textarea>/.exec(res.body)![1]).toBe(QUOTE_WITH_CHECK);
    expect(sql().prepare('SELECT status FROM nominations WHERE id = ?').pluck().get(id)).toBe('pending');
  });

  it('goes through when each check flag is ticked as fine, and the audit log says which', async () => {
    const id = await submitted();
    const { client } = await signedInModerator(app);
    const html = (await reviewPage(client, id)).body;
    const tick = /name="check_ok" value="(\d+-\d+)"/.exec(html)![1]!;
    const res = await approve(client, id, { quote: QUOTE_WITH_CHECK, check_ok: [tick] });
    expect(res.statusCode).toBe(303);
    expect(sql().prepare('SELECT status FROM nominations WHERE id = ?').pluck().get(id)).toBe('approved');
    const logged = sql().prepare("SELECT after FROM audit_log WHERE action = 'nomination.checks_confirmed'").pluck().all() as string[];
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toEqual({ flags: [{ kind: 'workplace', text: 'Tesco' }] });
  });

  it('goes through with no tick once the moderator has taken the check flag out', async () => {
    const id = await submitted();
    const { client } = await signedInModerator(app);
    const res = await approve(client, id, { quote: 'She was there for my son every single week. We are back on our feet.' });
    expect(res.statusCode).toBe(303);
    expect(sql().prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'nomination.checks_confirmed'").pluck().get()).toBe(0);
  });

  it('does not accept a tick for a flag that is not on the story', async () => {
    const id = await submitted();
    const { client } = await signedInModerator(app);
    const res = await approve(client, id, { quote: QUOTE_WITH_CHECK, check_ok: ['0-5'] });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('“Tesco”');
  });
});
