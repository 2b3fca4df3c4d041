// Measures the privacy flags against the hand-labelled stories in tests/fixtures/privacy-stories.json.
//   npm run eval:privacy                     each set, one table each (tuning, held out, stress, stress2)
//   npm run eval:privacy -- --set tune       only the tuning set (what the detector was tuned on)
//   npm run eval:privacy -- --verbose        also list every miss and every false alarm
// A gold span is found when a predicted span overlaps it with a kind of the same group (a child's name
// flagged as a name counts; so does "born 3/4/2015" flagged as an age). A predicted span is correct when
// it overlaps some gold span of its group. Matching is by overlap, not one-to-one: one predicted span
// covering "Leo and Maisie" finds both.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findFlagsDetailed } from '../server/privacy/index.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'privacy-stories.json');

export const EVAL_KINDS = ['email', 'phone', 'postcode', 'address', 'date', 'age', 'school', 'case_ref', 'child_name', 'name', 'url'] as const;
export type EvalKind = (typeof EVAL_KINDS)[number];
export type GoldSpan = { kind: EvalKind; text: string; occurrence?: number };
export type Story = { id: string; set: 'tune' | 'heldout' | 'stress' | 'stress2'; worker: string; story: string; spans: GoldSpan[] };
type Located = { kind: EvalKind; start: number; end: number; text: string };

export function loadStories(path = FIXTURES): Story[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { stories: Story[] }).stories;
}

const group = (k: EvalKind) => (k === 'child_name' ? 'name' : k === 'date' ? 'age' : k);

/** Gold spans with offsets: the n-th listing of a text is its n-th occurrence unless `occurrence` says. */
export function locateGold(s: Story): Located[] {
  const seen = new Map<string, number>();
  return s.spans.map((g) => {
    const nth = g.occurrence ?? (seen.get(g.text) ?? 0) + 1;
    seen.set(g.text, nth);
    // whole words only: "Jess" is not the start of "Jessica"
    const escaped = g.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const all = [...s.story.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))];
    const at = all[nth - 1]?.index;
    if (at === undefined) throw new Error(`${s.id}: occurrence ${nth} of ${JSON.stringify(g.text)} is not in the story`);
    return { kind: g.kind, start: at, end: at + g.text.length, text: g.text };
  });
}

function predicted(s: Story): Located[] {
  return findFlagsDetailed(s.story, s.worker).map((f) => ({ kind: (f.sub ?? f.kind) as EvalKind, start: f.start, end: f.end, text: f.text }));
}

const overlaps = (a: Located, b: Located) => a.start < b.end && b.start < a.end && group(a.kind) === group(b.kind);

export type Row = { gold: number; found: number; predicted: number; correct: number };
export type Evaluation = {
  stories: number;
  rows: Record<EvalKind | 'names (both)' | 'overall', Row>;
  /** of the children's names found, how many got "[child's name]"; of the others', how many got "[name]" */
  childLabel: { right: number; of: number };
  otherLabel: { right: number; of: number };
  misses: string[];
  falseAlarms: string[];
  msPerStory: number;
};

export function evaluate(stories: Story[]): Evaluation {
  const empty = (): Row => ({ gold: 0, found: 0, predicted: 0, correct: 0 });
  const rows = Object.fromEntries([...EVAL_KINDS, 'names (both)', 'overall'].map((k) => [k, empty()])) as Evaluation['rows'];
  const ev: Evaluation = { stories: stories.length, rows, childLabel: { right: 0, of: 0 }, otherLabel: { right: 0, of: 0 }, misses: [], falseAlarms: [], msPerStory: 0 };
  let ms = 0;
  for (const s of stories) predicted(s); // warm up, so the time is the steady state
  for (const s of stories) {
    const gold = locateGold(s);
    const c0 = process.cpuUsage();
    const pred = predicted(s);
    const c = process.cpuUsage(c0);
    ms += (c.user + c.system) / 1000;
    const bump = (k: EvalKind, f: (r: Row) => void) => {
      f(rows[k]);
      f(rows.overall);
      if (group(k) === 'name') f(rows['names (both)']);
    };
    for (const g of gold) {
      const hit = pred.filter((p) => overlaps(p, g));
      bump(g.kind, (r) => {
        r.gold++;
        if (hit.length) r.found++;
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
      if (!ok) ev.falseAlarms.push(`${s.id} ${p.kind}: ${JSON.stringify(p.text)}`);
    }
  }
  ev.msPerStory = ms / Math.max(1, stories.length);
  return ev;
}

export const recall = (r: Row) => (r.gold ? r.found / r.gold : 1);
export const precision = (r: Row) => (r.predicted ? r.correct / r.predicted : 1);

export function formatTable(title: string, ev: Evaluation): string {
  const f = (x: number) => x.toFixed(2);
  const lines = [`${title} (${ev.stories} stories)`, 'kind          gold found recall  flagged right precision', '-'.repeat(58)];
  for (const [k, r] of Object.entries(ev.rows)) {
    if (k === 'names (both)' || k === 'overall') lines.push('-'.repeat(58));
    lines.push(`${k.padEnd(13)} ${String(r.gold).padStart(4)} ${String(r.found).padStart(5)} ${f(recall(r)).padStart(6)} ${String(r.predicted).padStart(8)} ${String(r.correct).padStart(5)} ${f(precision(r)).padStart(9)}`);
  }
  lines.push(
    `placeholders: children's names found given "[child's name]" ${ev.childLabel.right}/${ev.childLabel.of}; other names given "[name]" ${ev.otherLabel.right}/${ev.otherLabel.of}`,
    `time: ${ev.msPerStory.toFixed(2)} ms of CPU per story`,
  );
  return lines.join('\n');
}

function main(argv: string[]): void {
  const at = argv.indexOf('--set');
  const which = at >= 0 ? (argv[at + 1] ?? 'both') : 'both';
  const verbose = argv.includes('--verbose');
  const stories = loadStories();
  const sets = which === 'both' ? (['tune', 'heldout', 'stress', 'stress2'] as const) : which === 'all' ? (['all'] as const) : ([which] as const);
  for (const set of sets) {
    const chosen = set === 'all' ? stories : stories.filter((s) => s.set === set);
    if (!chosen.length) throw new Error(`no stories in set ${set} (use tune, heldout, stress, stress2, all)`);
    const ev = evaluate(chosen);
    const title = { tune: 'Tuning set', heldout: 'Held-out set', stress: 'Stress set (written after the first freeze; its misses tuned the second round)', stress2: 'Second stress set (written after the second round was frozen)', all: 'All stories' }[set as string];
    console.log(formatTable(title ?? String(set), ev) + '\n');
    if (verbose) {
      console.log('missed:\n  ' + (ev.misses.join('\n  ') || '(none)'));
      console.log('false alarms:\n  ' + (ev.falseAlarms.join('\n  ') || '(none)') + '\n');
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
