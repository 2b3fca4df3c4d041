// The measured figures as a regression test: the tuning sets must keep meeting what they reach now (issues 4
// and 15). Held-out set 3 and stress sets 12b, 12d and 12e were each measured once untouched (their "about"
// says how they did) and are tuning sets since. The honest measure is a set written after the rules are frozen.
import { describe, expect, it } from 'vitest';
import {
  EVAL_KINDS,
  EVAL_LABELS,
  checksPer100Words,
  evaluate,
  loadStories,
  locateGold,
  precision,
  recall,
  share,
  HELD_OUT_FIXTURES,
  SEALED_FIXTURES,
  TUNING_FIXTURES,
} from '../scripts/eval-privacy.ts';
import { findFlags, suggestQuote } from '../server/privacy/index.ts';

const stories = loadStories();
const tuning = stories.filter((s) => s.set === 'tune');

describe('privacy-flag fixtures', () => {
  it('hold at least 60 labelled stories, about 20 of them held out, every span findable in its story', () => {
    expect(stories.length).toBeGreaterThanOrEqual(60);
    expect(stories.filter((s) => s.set === 'heldout').length).toBeGreaterThanOrEqual(20);
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    for (const s of stories) {
      for (const g of s.spans) expect(EVAL_KINDS).toContain(g.kind);
      expect(() => locateGold(s)).not.toThrow();
    }
    // precision needs stories with nothing to flag
    expect(stories.filter((s) => s.spans.length === 0).length).toBeGreaterThanOrEqual(8);
  });
});

// The held-out sets are read (so `npm run eval:privacy` can report them) but held to no figure here:
// a test that asserted their recall would be something to tune to.
describe.each([...HELD_OUT_FIXTURES, ...SEALED_FIXTURES])('held-out fixture %s', (path) => {
  it('holds at least 60 stories with controls, every span findable in its story', () => {
    const held = loadStories(path);
    expect(held.length).toBeGreaterThanOrEqual(60);
    expect(held.filter((s) => s.spans.length === 0).length).toBeGreaterThanOrEqual(10);
    for (const s of held) expect(() => locateGold(s)).not.toThrow();
  });
});

describe('privacy flags on the tuning set', () => {
  const ev = evaluate(tuning);

  it.each([
    ['email', 0.95],
    ['phone', 0.95],
    ['postcode', 0.95],
    ['child_name', 0.97],
    ['name', 0.97],
    // issue 15, on both tiers
    ['nhs_number', 0.95],
    ['vehicle_reg', 0.95],
    ['social_handle', 0.95],
    ['hospital', 0.95],
    ['workplace', 0.95],
    ['address', 0.95],
    ['school', 0.95],
  ] as const)('recall for %s is at least %s', (kind, target) => {
    expect(recall(ev.rows[kind])).toBeGreaterThanOrEqual(target);
  });

  it('loses at most 2% of ordinary words on the controls, and check flags stay worth reading', () => {
    expect(share(ev.overRedactionControls)).toBeLessThanOrEqual(0.02);
    expect(checksPer100Words(ev)).toBeLessThanOrEqual(1);
    expect(ev.checkReal.part).toBeGreaterThanOrEqual(ev.checkReal.of / 2);
  });

  it('labels every kind in words', () => {
    for (const k of EVAL_KINDS) expect(EVAL_LABELS[k]).toMatch(/^[a-zA-Z ,']+$/);
  });

  it('keeps overall precision at 0.97 or better, so moderators are not buried in false alarms', () => {
    expect(precision(ev.rows.overall)).toBeGreaterThanOrEqual(0.97);
    expect(recall(ev.rows.overall)).toBeGreaterThanOrEqual(0.98);
  });

  it("leaves no redact-flagged text in any suggested quote (bar the worker's own name, when a child shares it)", () => {
    for (const s of tuning) {
      const flags = findFlags(s.story, s.worker);
      const quote = suggestQuote(s.story, flags);
      for (const f of flags.filter((x) => x.tier === 'redact')) {
        if (s.worker.split(/\s+/).includes(f.text)) continue;
        const word = new RegExp(`(?<![\\p{L}\\p{N}])${f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
        expect(word.test(quote), `${s.id}: ${JSON.stringify(f.text)} is still in: ${quote}`).toBe(false);
      }
    }
  });
});

// Written by others, measured once, then tuned on: every kind, both tiers, and the issue-15 limits on check flags
describe.each([
  ['tune-h3', 0.97, 0.98],
  ['stress-2026-12b', 0.95, 0.98],
  ['stress-2026-12d', 0.96, 0.99],
  ['stress-2026-12e', 0.92, 0.98],
] as const)('privacy flags on set %s', (set, everyKind, overall) => {
  const chosen = TUNING_FIXTURES.flatMap((path) => loadStories(path)).filter((s) => s.set === set);
  const ev = evaluate(chosen);

  it('holds its stories, every span findable', () => {
    expect(chosen.length).toBeGreaterThanOrEqual(60);
    for (const s of chosen) expect(() => locateGold(s)).not.toThrow();
  });

  it(`finds at least ${everyKind} of every kind and ${overall} overall`, () => {
    for (const k of EVAL_KINDS) if (ev.rows[k].gold) expect(recall(ev.rows[k]), k).toBeGreaterThanOrEqual(everyKind);
    expect(recall(ev.rows.overall)).toBeGreaterThanOrEqual(overall);
  });

  it('loses at most 0.5% of the words of its controls, with at most 0.5 check flags per 100 of their words, 70% of checks real', () => {
    expect(share(ev.overRedactionControls)).toBeLessThanOrEqual(0.005);
    expect(checksPer100Words(ev)).toBeLessThanOrEqual(0.5);
    expect(ev.checkReal.part).toBeGreaterThanOrEqual(0.7 * ev.checkReal.of);
  });
});
