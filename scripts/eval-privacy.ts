// Measures the privacy flags against the hand-labelled stories in tests/fixtures/privacy-stories.json.
//   npm run eval:privacy                          each set of every tuning fixture file, then the held-out sets (figures only)
//   npm run eval:privacy -- --set tune            only the tuning set (what the detector was tuned on)
//   npm run eval:privacy -- --file path.json      also every set of another fixture file in the same format
//   npm run eval:privacy -- --verbose             also list every miss and every false alarm
// A gold span is found when a predicted span overlaps it with a kind of the same group (a child's name
// flagged as a name counts; so does "born 3/4/2015" flagged as an age). Recall counts both tiers (a
// `check` flag shows the moderator the detail); over-redaction counts only `redact` flags, the ones
// replaced in the suggested quote: the share of ordinary words (outside every gold span) they take.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FLAG_KINDS, findFlagsDetailed, KIND_LABELS, type FlagKind, type FlagTier } from '../server/privacy/index.ts';
import { tokenize } from '../server/privacy/tokens.ts';

const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures');
export const FIXTURES = join(FIXTURE_DIR, 'privacy-stories.json');
/** Every fixture file tuned on, the first one first: later sets were written by others and tuned on after being measured once. */
export const TUNING_FIXTURES = [
  FIXTURES,
  join(FIXTURE_DIR, 'privacy-heldout-2026-12.json'),
  join(FIXTURE_DIR, 'privacy-stress-2026-12b.json'),
  join(FIXTURE_DIR, 'privacy-stress-2026-12d.json'),
  join(FIXTURE_DIR, 'privacy-stress-2026-12e.json'),
  join(FIXTURE_DIR, 'privacy-stress-2026-12h.json'),
  join(FIXTURE_DIR, 'privacy-stress-2026-12i.json'),
  join(FIXTURE_DIR, 'privacy-stress-2026-12t.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12vw.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12xy.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12np.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12qu.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12jz.json'),
];
/** Sets written after the rules were frozen, by someone who never saw them: measured, never tuned on (read no misses from them). */
export const HELD_OUT_FIXTURES = [
  join(FIXTURE_DIR, 'privacy-heldout-2026-12c.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12f.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12g.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12k.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12lm.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12rs.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12ao.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12aa-ab.json'),
  join(FIXTURE_DIR, 'privacy-heldout-2026-12ac-ad.json'),
];
/** Held-out sets not measured yet (until the next version is frozen, then moved to HELD_OUT_FIXTURES): only their shape is checked. */
export const SEALED_FIXTURES: string[] = [];

/** The detector's kinds, with a child's name told apart from other names (the fixtures label both). */
export const EVAL_KINDS: readonly EvalKind[] = FLAG_KINDS.flatMap((k): EvalKind[] => (k === 'name' ? ['child_name', 'name'] : [k]));
export type EvalKind = FlagKind | 'child_name';
/** What each kind is, in words: the review page's words, and "child's name" for the finer kind of a name. */
export const EVAL_LABELS: Record<EvalKind, string> = { ...KIND_LABELS, child_name: "child's name" };
export type GoldSpan = { kind: EvalKind; text: string; occurrence?: number };
export type Story = { id: string; set: string; worker: string; story: string; spans: GoldSpan[] };
type Located = { kind: EvalKind; start: number; end: number; text: string; tier?: FlagTier };

/** Other names a fixture file from elsewhere may give a kind: read as ours, and said so. */
const KIND_ALIASES: Record<string, EvalKind> = {
  nhs: 'nhs_number',
  chi: 'nhs_number',
  chi_number: 'nhs_number',
  ni_number: 'nhs_number',
  national_insurance: 'nhs_number',
  nino: 'nhs_number',
  id_number: 'nhs_number',
  vehicle: 'vehicle_reg',
  registration: 'vehicle_reg',
  reg: 'vehicle_reg',
  number_plate: 'vehicle_reg',
  vehicle_registration: 'vehicle_reg',
  handle: 'social_handle',
  social: 'social_handle',
  social_media: 'social_handle',
  ward: 'hospital',
  clinic: 'hospital',
  hospital_ward: 'hospital',
  employer: 'workplace',
  shop: 'workplace',
  work: 'workplace',
  street: 'address',
  estate: 'address',
  child: 'child_name',
  person: 'name',
  adult_name: 'name',
  professional: 'name',
  other_name: 'name',
};

export function loadStories(path = FIXTURES, aliased: string[] = []): Story[] {
  const stories = (JSON.parse(readFileSync(path, 'utf8')) as { stories: Story[] }).stories;
  for (const s of stories) {
    for (const g of s.spans) {
      const ours = KIND_ALIASES[g.kind];
      if (ours) {
        if (!aliased.includes(g.kind)) aliased.push(g.kind);
        g.kind = ours;
      }
    }
  }
  return stories;
}

const group = (k: EvalKind) => (k === 'child_name' ? 'name' : k === 'date' ? 'age' : k);

/**
 * Gold spans with offsets: the n-th listing of a text is its n-th occurrence unless `occurrence` says.
 * Strict (the default, for our own fixtures) throws on a span that is not in its story; lenient (for a
 * file from elsewhere) tries any case, then leaves the span out and says so in `unlocated`.
 */
export function locateGold(s: Story, strict = true, unlocated: string[] = []): Located[] {
  const seen = new Map<string, number>();
  const out: Located[] = [];
  for (const g of s.spans) {
    const nth = g.occurrence ?? (seen.get(g.text) ?? 0) + 1;
    seen.set(g.text, nth);
    // whole words only: "Jess" is not the start of "Jessica"
    const escaped = g.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const find = (flags: string) =>
      [...s.story.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags))][nth - 1]?.index;
    const at = find('gu') ?? (strict ? undefined : find('giu'));
    if (at === undefined) {
      if (strict) throw new Error(`${s.id}: occurrence ${nth} of ${JSON.stringify(g.text)} is not in the story`);
      unlocated.push(`${s.id} ${g.kind}: ${JSON.stringify(g.text)} (occurrence ${nth})`);
      continue;
    }
    out.push({ kind: g.kind, start: at, end: at + g.text.length, text: g.text });
  }
  return out;
}

function predicted(s: Story): Located[] {
  return findFlagsDetailed(s.story, s.worker).map((f) => ({
    kind: (f.sub ?? f.kind) as EvalKind,
    start: f.start,
    end: f.end,
    text: f.text,
    tier: f.tier,
  }));
}

const overlaps = (a: Located, b: Located) => a.start < b.end && b.start < a.end && group(a.kind) === group(b.kind);

/** found: by a flag of either tier; redacted: by a `redact` flag. */
export type Row = { gold: number; found: number; redacted: number; predicted: number; correct: number };
type Share = { of: number; part: number };
export type Evaluation = {
  stories: number;
  controls: number;
  rows: Record<EvalKind | 'names (both)' | 'overall', Row>;
  /** of the children's names found, how many got "[child's name]"; of the others', how many got "[name]" */
  childLabel: { right: number; of: number };
  otherLabel: { right: number; of: number };
  /** ordinary words (outside every gold span) taken by redact flags: in every story, and in the controls */
  overRedaction: Share;
  overRedactionControls: Share;
  /** check flags on control stories, per their words */
  controlChecks: { flags: number; words: number };
  /** check flags that overlap a real (gold) detail of any kind */
  checkReal: Share;
  misses: string[];
  falseAlarms: string[];
  /** gold spans not found in their story's text (a labelling slip), left out of every figure */
  unlocated: string[];
  msPerStory: number;
};

export function evaluate(stories: Story[]): Evaluation {
  const empty = (): Row => ({ gold: 0, found: 0, redacted: 0, predicted: 0, correct: 0 });
  const rows = Object.fromEntries([...EVAL_KINDS, 'names (both)', 'overall'].map((k) => [k, empty()])) as Evaluation['rows'];
  const ev: Evaluation = {
    stories: stories.length,
    controls: stories.filter((s) => s.spans.length === 0).length,
    rows,
    childLabel: { right: 0, of: 0 },
    otherLabel: { right: 0, of: 0 },
    overRedaction: { of: 0, part: 0 },
    overRedactionControls: { of: 0, part: 0 },
    controlChecks: { flags: 0, words: 0 },
    checkReal: { of: 0, part: 0 },
    misses: [],
    falseAlarms: [],
    unlocated: [],
    msPerStory: 0,
  };
  let ms = 0;
  for (const s of stories) predicted(s); // warm up, so the time is the steady state
  for (const s of stories) {
    const gold = locateGold(s, false, ev.unlocated);
    const c0 = process.cpuUsage();
    const pred = predicted(s);
    const c = process.cpuUsage(c0);
    ms += (c.user + c.system) / 1000;
    const bump = (k: EvalKind, f: (r: Row) => void) => {
      if (!rows[k]) rows[k] = empty(); // a kind this version does not know still gets a row
      f(rows[k]);
      f(rows.overall);
      if (group(k) === 'name') f(rows['names (both)']);
    };
    for (const g of gold) {
      const hit = pred.filter((p) => overlaps(p, g));
      const redacted = hit.some((p) => p.tier !== 'check');
      bump(g.kind, (r) => {
        r.gold++;
        if (hit.length) r.found++;
        if (redacted) r.redacted++;
      });
      if (!hit.length) ev.misses.push(`${s.id} ${g.kind}: ${JSON.stringify(g.text)}`);
      else if (group(g.kind) === 'name') {
        const label = g.kind === 'child_name' ? ev.childLabel : ev.otherLabel;
        label.of++;
        if (hit.some((p) => p.kind === g.kind)) label.right++;
      }
    }
    for (const p of pred) {
      const ok = gold.some((g) => overlaps(p, g));
      bump(p.kind, (r) => {
        r.predicted++;
        if (ok) r.correct++;
      });
      if (!ok) ev.falseAlarms.push(`${s.id} ${p.kind}${p.tier === 'check' ? ' (check)' : ''}: ${JSON.stringify(p.text)}`);
      if (p.tier === 'check') {
        ev.checkReal.of++;
        if (gold.some((g) => p.start < g.end && g.start < p.end)) ev.checkReal.part++;
      }
    }
    // ordinary words: not inside any gold span
    const words = tokenize(s.story).filter((t) => !gold.some((g) => t.start < g.end && g.start < t.end));
    const lost = words.filter((t) => pred.some((p) => p.tier !== 'check' && t.start < p.end && p.start < t.end)).length;
    ev.overRedaction.of += words.length;
    ev.overRedaction.part += lost;
    if (s.spans.length === 0) {
      ev.overRedactionControls.of += words.length;
      ev.overRedactionControls.part += lost;
      ev.controlChecks.words += words.length;
      ev.controlChecks.flags += pred.filter((p) => p.tier === 'check').length;
    }
  }
  ev.msPerStory = ms / Math.max(1, stories.length);
  return ev;
}

export const recall = (r: Row) => (r.gold ? r.found / r.gold : 1);
export const redactRecall = (r: Row) => (r.gold ? r.redacted / r.gold : 1);
export const precision = (r: Row) => (r.predicted ? r.correct / r.predicted : 1);
export const share = (x: Share) => (x.of ? x.part / x.of : 0);
export const checksPer100Words = (ev: Evaluation) => (ev.controlChecks.words ? (100 * ev.controlChecks.flags) / ev.controlChecks.words : 0);

export function formatTable(title: string, ev: Evaluation): string {
  const f = (x: number) => x.toFixed(2);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const head = 'kind           gold redact both  recall(redact) recall(both)  flagged right precision';
  const rule = '-'.repeat(head.length);
  const lines = [`${title} (${ev.stories} stories, ${ev.controls} controls)`, head, rule];
  for (const [k, r] of Object.entries(ev.rows)) {
    if (k === 'names (both)' || k === 'overall') lines.push(rule);
    if (r.gold === 0 && r.predicted === 0 && k !== 'overall') continue;
    lines.push(
      `${k.padEnd(14)} ${String(r.gold).padStart(4)} ${String(r.redacted).padStart(6)} ${String(r.found).padStart(4)} ${f(redactRecall(r)).padStart(15)} ${f(recall(r)).padStart(12)} ${String(r.predicted).padStart(8)} ${String(r.correct).padStart(5)} ${f(precision(r)).padStart(9)}`,
    );
  }
  lines.push(
    rule,
    `over-redaction (ordinary words lost to redact flags): ${pct(share(ev.overRedaction))} of ${ev.overRedaction.of} words in all stories; ${pct(share(ev.overRedactionControls))} of ${ev.overRedactionControls.of} in the controls`,
    `check flags: ${checksPer100Words(ev).toFixed(2)} per 100 words on the controls (${ev.controlChecks.flags} flags); ${ev.checkReal.part}/${ev.checkReal.of} (${pct(share(ev.checkReal) || (ev.checkReal.of ? 0 : 1))}) mark a real detail`,
    `placeholders: children's names found given "[child's name]" ${ev.childLabel.right}/${ev.childLabel.of}; other names given "[name]" ${ev.otherLabel.right}/${ev.otherLabel.of}`,
    `time: ${ev.msPerStory.toFixed(2)} ms of CPU per story`,
  );
  if (ev.unlocated.length) lines.push(`left out, not in their story: ${ev.unlocated.join('; ')}`);
  return lines.join('\n');
}

const TITLES: Record<string, string> = {
  tune: 'Tuning set',
  heldout: 'Held-out set (first round; its new kinds labelled later)',
  stress: 'Stress set (written after the first freeze; its misses tuned the second round)',
  stress2: 'Second stress set (written after the second round was frozen; tuned on since)',
  'tune-h3': 'Held-out set 3 (written by someone else; measured once, tuned on since 2026-12-02)',
  'stress-2026-12b': 'Stress set 12b (written by someone else; measured once untouched, tuned on since)',
  'stress-2026-12d': 'Stress set 12d (schools, hospitals, workplaces, streets; by someone else; measured once untouched, tuned on since)',
  'stress-2026-12e': 'Stress set 12e (every kind, phone-typed; by someone else; measured once untouched, tuned on since)',
  'stress-2026-12h':
    'Stress set 12h (schools, hospitals, workplaces, addresses named bare; by someone else; measured once untouched at version 5, tuned on for version 6)',
  'stress-2026-12i':
    'Stress set 12i (places named bare, every kind; by someone else; measured once untouched at version 5, tuned on for version 6)',
  'stress-2026-12t':
    'Stress set 12t (schools, hospitals, streets, workplaces named bare, odd phone numbers; by someone else; measured once untouched at version 6, tuned on for version 7)',
  'heldout-2026-12v': 'Held-out set 12v (by someone else; sealed until version 7 was frozen, measured once, tuned on for version 8)',
  'heldout-2026-12w': 'Held-out set 12w (by someone else; sealed until version 7 was frozen, measured once, tuned on for version 8)',
  'heldout-2026-12x': 'Held-out set 12x (by someone else; sealed until version 8 was frozen, measured once, tuned on for version 10)',
  'heldout-2026-12y': 'Held-out set 12y (by someone else; sealed until version 8 was frozen, measured once, tuned on for version 10)',
  'heldout-2026-12n': 'Held-out set 12n (by someone else; sealed until version 10 was frozen, measured once, tuned on for version 12)',
  'heldout-2026-12p': 'Held-out set 12p (by someone else; sealed until version 10 was frozen, measured once, tuned on for version 12)',
  'heldout-2026-12q': 'Held-out set 12q (by someone else; sealed until version 12 was frozen, measured once, tuned on for version 13)',
  'heldout-2026-12u': 'Held-out set 12u (by someone else; sealed until version 12 was frozen, measured once, tuned on for version 13)',
  'heldout-2026-12j': 'Held-out set 12j (by someone else; sealed until version 13 was frozen, measured once, tuned on from version 14)',
  'heldout-2026-12z': 'Held-out set 12z (by someone else; sealed until version 13 was frozen, measured once, tuned on from version 14)',
};

function report(title: string, chosen: Story[], verbose: boolean): void {
  const ev = evaluate(chosen);
  console.log(`${formatTable(title, ev)}\n`);
  if (verbose) {
    console.log(`missed:\n  ${ev.misses.join('\n  ') || '(none)'}`);
    console.log(`false alarms:\n  ${ev.falseAlarms.join('\n  ') || '(none)'}\n`);
  }
}

const setsOf = (stories: Story[]) => [...new Set(stories.map((s) => s.set))];

function main(argv: string[]): void {
  const flagValue = (flag: string) => (argv.indexOf(flag) >= 0 ? argv[argv.indexOf(flag) + 1] : undefined);
  const which = flagValue('--set') ?? 'each';
  const file = flagValue('--file');
  const verbose = argv.includes('--verbose');
  const stories = TUNING_FIXTURES.flatMap((path) => loadStories(path));
  const sets = which === 'each' ? setsOf(stories) : [which];
  for (const set of sets) {
    const chosen = set === 'all' ? stories : stories.filter((s) => s.set === set);
    if (!chosen.length) throw new Error(`no stories in set ${set} (use ${setsOf(stories).join(', ')}, all)`);
    report(TITLES[set] ?? set, chosen, verbose);
  }
  // held out: their figures only, so nobody tunes on their misses by accident
  if (which === 'each')
    for (const held of HELD_OUT_FIXTURES.map((path) => loadStories(path)))
      for (const set of [...setsOf(held), ...(setsOf(held).length > 1 ? ['all'] : [])])
        report(
          `held out, never tuned on: ${set === 'all' ? setsOf(held).join(' and ') : set}`,
          set === 'all' ? held : held.filter((s) => s.set === set),
          false,
        );
  if (file) {
    const aliased: string[] = [];
    const extra = loadStories(file, aliased);
    if (aliased.length) console.log(`note: ${file} kinds read as ours: ${aliased.map((k) => `${k} -> ${KIND_ALIASES[k]}`).join(', ')}\n`);
    const unknown = [
      ...new Set(extra.flatMap((s) => s.spans.map((g) => g.kind)).filter((k) => !(EVAL_KINDS as readonly string[]).includes(k))),
    ];
    if (unknown.length) console.log(`note: ${file} has kinds this detector does not know: ${unknown.join(', ')} (reported, never found)\n`);
    for (const set of setsOf(extra))
      report(
        `${file}: ${set}`,
        extra.filter((s) => s.set === set),
        verbose,
      );
    if (setsOf(extra).length > 1) report(`${file}: all`, extra, verbose);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
