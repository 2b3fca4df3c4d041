// One name rule and one text cleaner, through the real forms: the family's nomination, the change
// request and the moderator's approval (as a new profile) must agree on every one of these.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { seedNomination } from './helpers/seed.ts';
import { escapeHtml, nominate, validNomination } from './helpers/nominate.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const NAME_CHARS = "The social worker's name must only include letters, spaces, hyphens, apostrophes and full stops";
const ZALGO = `Z${'\u0301'.repeat(98)}oe Smith`;
const BIDI = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
const STORY = 'Jane Smith listened to us when nobody else would. She came to every meeting and helped us get our family back together.';
const QUOTE = 'She listened to us when nobody else would and helped us get our family back together.';

const one = <T>(query: string, ...params: unknown[]) => app.db.$client.prepare(query).get(...params) as T;

/** The family's form, to the end: the stored nomination row (or the refusing response). */
async function familyNominates(over: Record<string, string>) {
  const { check, ref } = await nominate(app, validNomination(over));
  if (!ref) return { check, row: undefined };
  return {
    check,
    row: one<{ worker_name: string; team: string | null; story: string }>(
      'SELECT worker_name, team, story FROM nominations WHERE ref = ?',
      ref.replace(/-/g, ''),
    ),
  };
}

async function requestChange(over: Record<string, string>) {
  const client = new Client(app);
  const csrf = await client.csrf('/request-change');
  const res = await client.post('/request-change', {
    _csrf: csrf,
    worker_name: 'Alex Morgan',
    area: 'Sefton',
    request: 'correct',
    details: 'My surname is spelt wrongly on my profile.',
    ...over,
  });
  const row = one<{ worker_name: string; details: string } | undefined>(
    'SELECT worker_name, details FROM change_requests ORDER BY id DESC LIMIT 1',
  );
  return { res, row };
}

async function moderatorApproves(newName: string, quote = QUOTE) {
  const id = seedNomination(app, { workerName: 'Jane Smith', area: 'hastings', status: 'pending', story: STORY }).nominationId;
  const { client } = await signedInModerator(app);
  const page = await client.get(`/moderate/nominations/${id}`);
  const res = await client.post(`/moderate/nominations/${id}`, {
    _csrf: csrfFrom(page.body)!,
    action: 'approve',
    quote,
    worker: 'new',
    new_name: newName,
  });
  const worker = one<{ name: string } | undefined>(
    'SELECT w.name FROM workers w JOIN nominations n ON n.worker_id = w.id WHERE n.id = ?',
    id,
  );
  const q = one<{ text: string } | undefined>('SELECT text FROM quotes WHERE nomination_id = ?', id);
  return { res, worker, quote: q };
}

describe('the worker-name rule, the same on every form', () => {
  const accepted: [string, string, string][] = [
    ['a zero-width joiner (as in Malayalam and Sinhala spellings)', 'ലക്ഷ്\u200Dമി Nair', 'ലക്ഷ്\u200Dമി Nair'],
    ['a U+2010 hyphen', 'Anne\u2010Marie Jones', 'Anne\u2010Marie Jones'],
    ['a curly apostrophe', 'Siobhán O’Neill', 'Siobhán O’Neill'],
    ['a newline, which becomes a space', 'Jane\nSmith', 'Jane Smith'],
    ['bidi controls, which are dropped', `Jane${BIDI} Smith`, 'Jane Smith'],
  ];
  for (const [what, typed, stored] of accepted) {
    it(`accepts a name with ${what}`, async () => {
      const family = await familyNominates({ worker_name: typed });
      expect(family.row?.worker_name, family.check.body.slice(0, 300)).toBe(stored);
      const change = await requestChange({ worker_name: typed });
      expect(change.res.statusCode).toBe(200);
      expect(change.row?.worker_name).toBe(stored);
      const moderator = await moderatorApproves(typed);
      expect(moderator.res.statusCode, moderator.res.body.slice(0, 300)).toBe(303);
      expect(moderator.worker?.name).toBe(stored);
    });
  }

  it('refuses a letter carrying 98 combining marks, on every form, with the same message', async () => {
    const family = await familyNominates({ worker_name: ZALGO });
    expect(family.row).toBeUndefined();
    expect(family.check.statusCode).toBe(400);
    expect(family.check.body).toContain(escapeHtml(NAME_CHARS));
    const change = await requestChange({ worker_name: ZALGO });
    expect(change.res.statusCode).toBe(400);
    expect(change.res.body).toContain(escapeHtml(NAME_CHARS));
    expect(change.row).toBeUndefined();
    const moderator = await moderatorApproves(ZALGO);
    expect(moderator.res.statusCode).toBe(400);
    expect(moderator.res.body).toContain(escapeHtml(NAME_CHARS));
    expect(moderator.worker).toBeUndefined();
  });

  it('still accepts a letter with a few marks (Vietnamese written decomposed)', async () => {
    const typed = 'Nguye\u0302\u0303n Van An';
    const family = await familyNominates({ worker_name: typed });
    expect(family.row?.worker_name).toBe(typed.normalize('NFC'));
    expect((await moderatorApproves(typed)).worker?.name).toBe(typed.normalize('NFC'));
  });
});

describe('the one text cleaner', () => {
  it('drops bidi controls from the team, the story, the details and the quote', async () => {
    const family = await familyNominates({
      team: `Family ${BIDI}Support`,
      story: `She listened to us ${BIDI}when nobody else would and gave us hope that things could change.`,
    });
    expect(family.row?.team).toBe('Family Support');
    expect(family.row?.story).toBe('She listened to us when nobody else would and gave us hope that things could change.');
    const change = await requestChange({ details: `My surname ${BIDI}is spelt wrongly on my profile.` });
    expect(change.row?.details).toBe('My surname is spelt wrongly on my profile.');
    const moderator = await moderatorApproves('Jane Smith', `She listened ${BIDI}to us when nobody else would and helped us.`);
    expect(moderator.res.statusCode).toBe(303);
    expect(moderator.quote?.text).toBe('She listened to us when nobody else would and helped us.');
  });

  it('caps a stack of combining marks in a story at four, keeping the letter and the rest of the text', async () => {
    const family = await familyNominates({ story: `H${'\u0301'.repeat(98)}e listened to us and gave us hope that things could change.` });
    expect(family.row?.story).toBe(`H${'\u0301'.repeat(4)}e listened to us and gave us hope that things could change.`);
  });
});
