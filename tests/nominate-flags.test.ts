// What the moderator is told about a nomination: safeguarding/complaint words, near-duplicates;
// and the reference a family keeps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { nominate, validNomination } from './helpers/nominate.ts';
import { findConcerns } from '../server/nominations/concerns.ts';
import { backfillNameKeys, similarity, SIMILARITY_THRESHOLD } from '../server/nominations/duplicates.ts';
import { compactReference, formatReference, newReference, REFERENCE_ALPHABET } from '../server/nominations/reference.ts';

describe('safeguarding and complaint words', () => {
  const cases: [string, string[]][] = [
    ['She listened to us and gave us hope when things were hard.', []],
    ['He always made time for the children and helped with the school run.', []],
    ['My partner hit me and she helped us get away.', ['safeguarding']],
    ['My son is not safe at home right now and nobody is listening.', ['safeguarding']],
    ["I don't feel safe with him around.", ['safeguarding']],
    ['There was abuse in the house before she came.', ['safeguarding']],
    ['My daughter has been self-harming again.', ['safeguarding']],
    ['He threatened to take the kids.', ['safeguarding']],
    ['I feel suicidal sometimes.', ['safeguarding']],
    ['The house was dangerous for the children.', ['safeguarding']],
    ['I want to make a complaint about the previous worker.', ['complaint']],
    ['I am going to the Ombudsman, the last one was negligent.', ['complaint']],
    ['She was totally unprofessional with us.', ['complaint']],
    ['NOT SAFE and a complaint too', ['safeguarding', 'complaint']],
  ];
  for (const [story, flags] of cases) {
    it(`${JSON.stringify(story)} -> ${flags.join(', ') || 'none'}`, () => {
      expect(findConcerns(story)).toEqual(flags);
    });
  }

  it('matches whole words only ("harmony", "hitherto", "abusement" are not concerns)', () => {
    expect(findConcerns('We found harmony again, hitherto unknown, thanks to her.')).toEqual([]);
  });

  describe('through the journey', () => {
    let app: TestApp;
    beforeEach(async () => {
      app = await makeApp();
    });
    afterEach(async () => {
      await app.close();
    });

    it('stores a flagged nomination normally and puts the signposting at the top of the done page', async () => {
      const { ref } = await nominate(
        app,
        validNomination({ story: 'She helped us after my ex threatened us. I still do not feel safe some days.' }),
      );
      const row = app.db.$client.prepare('SELECT status, flags FROM nominations').get() as { status: string; flags: string };
      expect(row).toEqual({ status: 'pending', flags: '["safeguarding"]' });
      const done = (await app.inject(`/nominate/done/${ref}`)).body;
      const main = done.slice(done.indexOf('<main'));
      expect(main.indexOf('notice warning')).toBeGreaterThan(-1);
      expect(main.indexOf('notice warning')).toBeLessThan(main.indexOf('class="confirmation"'));
      expect(main).toContain('If you are worried about a child');
      expect(main).toContain('999');
    });

    it('shows the signposting lower down, not as a warning, when nothing was flagged', async () => {
      const { ref } = await nominate(app);
      const main = (await app.inject(`/nominate/done/${ref}`)).body.split('<main')[1]!;
      expect(main).not.toContain('notice warning');
      expect(main.indexOf('0808 800 5000')).toBeGreaterThan(main.indexOf('class="confirmation"'));
    });
  });
});

describe('near-duplicates: kept, and flagged', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await makeApp();
  });
  afterEach(async () => {
    await app.close();
  });
  const all = () =>
    app.db.$client.prepare('SELECT id, flags, duplicate_of AS duplicateOf FROM nominations ORDER BY id').all() as {
      id: number;
      flags: string;
      duplicateOf: number | null;
    }[];

  it('the same story for the same worker again is a second row flagged duplicate of the first', async () => {
    await nominate(app);
    // A new visit (new submission key), the name typed differently, the story re-spaced.
    const story = validNomination().story as string;
    await nominate(app, validNomination({ worker_name: 'priya  OKAFOR', story: `  ${story.replace(/ /g, '  ')}` }));
    expect(all()).toEqual([
      { id: 1, flags: '[]', duplicateOf: null },
      { id: 2, flags: '["duplicate"]', duplicateOf: 1 },
    ]);
  });

  it('a lightly edited story is "very similar"; a third copy points at the first', async () => {
    const story =
      'She listened to us when nobody else would and gave us hope that things could change for our family. She came to every meeting and fought for us in court.';
    await nominate(app, validNomination({ story }));
    await nominate(app, validNomination({ story: `${story.replace('every meeting', 'every single meeting')} Thank you.` }));
    await nominate(app, validNomination({ story }));
    expect(all().map((r) => [r.flags, r.duplicateOf])).toEqual([
      ['[]', null],
      ['["duplicate"]', 1],
      ['["duplicate"]', 1],
    ]);
  });

  it('is not a duplicate for another worker, another area, or a different story', async () => {
    await nominate(app);
    await nominate(app, validNomination({ worker_name: 'Sam Taylor' }));
    await nominate(app, validNomination({ area: 'sefton' }));
    await nominate(app, validNomination({ story: 'He turned up every week, kept every promise, and helped my son back into school.' }));
    expect(all().every((r) => r.flags === '[]' && r.duplicateOf === null)).toBe(true);
  });

  it('stores the folded name, and still finds duplicates among rows stored without one', async () => {
    const story =
      'She listened to us when nobody else would and gave us hope that things could change for our family. She came to every meeting.';
    await nominate(app, validNomination({ worker_name: "Siân O'Neill", story }));
    const key = () => app.db.$client.prepare('SELECT worker_name_key FROM nominations WHERE id = 1').pluck().get();
    expect(key()).toBe('sian oneill');
    // as a row written before the key existed, or by a script
    app.db.$client.prepare('UPDATE nominations SET worker_name_key = NULL').run();
    await nominate(app, validNomination({ worker_name: 'SIAN ONEILL', story: `${story} Thank you.` }));
    expect(all().map((r) => [r.flags, r.duplicateOf])).toEqual([
      ['[]', null],
      ['["duplicate"]', 1],
    ]);
    expect(backfillNameKeys(app.db, 1)).toBe(1);
    expect(key()).toBe('sian oneill');
    expect(backfillNameKeys(app.db)).toBe(0);
  });

  it('finds the same duplicates once ANALYZE has stored statistics (the lookups do not depend on bound values)', async () => {
    const story =
      'She listened to us when nobody else would and gave us hope that things could change for our family. She came to every meeting.';
    await nominate(app, validNomination({ story }));
    for (let i = 0; i < 6; i++) {
      await nominate(
        app,
        validNomination({ story: `He turned up every week number ${i}, kept every promise, and helped my son back into school.` }),
      );
      await nominate(
        app,
        validNomination({ worker_name: `Sam Taylor${'x'.repeat(i)}`, area: i % 2 ? 'sefton' : 'hastings', story: `${story} Visit ${i}.` }),
      );
    }
    app.db.$client.exec('ANALYZE');
    expect(app.db.$client.prepare('SELECT count(*) FROM sqlite_stat4').pluck().get()).toBeGreaterThan(0);
    const before = all().length;
    await nominate(app, validNomination({ worker_name: 'PRIYA OKAFOR', story })); // the same story again
    await nominate(app, validNomination({ story: story.replace('every meeting', 'every single meeting') })); // very similar
    await nominate(app, validNomination({ worker_name: 'Grace Hughes', story })); // another worker
    expect(
      all()
        .slice(before)
        .map((r) => [r.flags, r.duplicateOf]),
    ).toEqual([
      ['["duplicate"]', 1],
      ['["duplicate"]', 1],
      ['[]', null],
    ]);
  });

  it('similarity is 1 for the same words and low for different stories', () => {
    expect(similarity('A b c d e', 'a  B c, d e!')).toBe(1);
    expect(similarity('She listened to us every week without fail', 'He never once turned up to any meeting at all')).toBeLessThan(
      SIMILARITY_THRESHOLD,
    );
  });
});

describe('references', () => {
  it('are 13 characters from 32 letters (65 bits) with no 0, O, 1 or I, grouped 4-4-4-1', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(32);
    expect(REFERENCE_ALPHABET).not.toMatch(/[0O1I]/);
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const r = newReference();
      expect(r).toMatch(/^[2-9A-HJ-NP-Z]{13}$/);
      seen.add(r);
      for (const ch of r) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(seen.size).toBe(20_000);
    // Uniform over the alphabet: each letter near 20000*13/32 = 8125 times.
    expect(counts.size).toBe(32);
    for (const n of counts.values()) expect(Math.abs(n - 8125)).toBeLessThan(600);
    expect(formatReference('K7MDPQ4XZR2NH')).toBe('K7MD-PQ4X-ZR2N-H');
    expect(compactReference(' k7md pq4x-zr2n–h ')).toBe('K7MDPQ4XZR2NH');
  });
});
