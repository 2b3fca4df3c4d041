// Fills a fresh database with published profiles at national scale, for benchmarks and load tests.
//
//   npx tsx scripts/generate-profiles.ts --db /tmp/big.db --workers 100000 --nominations 300000 [--seed 1] [--force]
//
// Real migrations and areas (openDatabase + seedAreas); then workers spread over every area (Hastings
// and Sefton a little busier), approved nominations submitted over the last 26 weeks and one live quote
// per nomination. Deterministic for a given seed and `now`. One transaction of prepared statements.
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asc, sql } from 'drizzle-orm';
import { areas as areasTable, nominations as nominationsTable, quotes, workers } from '../db/schema.ts';
import { openDatabase, type Db } from '../server/db.ts';
import { seedAreas } from '../server/areas/seed.ts';
import { mulberry32, pick, randomName, type Rng } from '../server/demo/names.ts';
import { QUALITY_KEYS } from '../server/qualities.ts';
import { normalizePhrase } from '../server/text.ts';
import { workerSlugBase } from '../server/workers/slug.ts';

export type GenerateOptions = {
  db: string;
  workers: number;
  /** total approved nominations; at least one per worker */
  nominations: number;
  seed?: number;
  /** the "current" time; nominations fall in the 26 weeks before it */
  now?: number;
  /** replace an existing file at `db` */
  force?: boolean;
};

export type GenerateResult = { db: Db; workers: number; nominations: number; ms: number };

const DAY = 86_400_000;
const WEEKS = 26;
/** these areas get this many times the share of an ordinary area */
const BUSY_AREAS: Record<string, number> = { hastings: 4, sefton: 4 };

const RELATIONSHIPS: [string, number][] = [
  ['parent', 60],
  ['carer', 12],
  ['young_person', 10],
  ['relative', 10],
  ['professional', 5],
  ['other', 3],
];
const STILL_INVOLVED: [string, number][] = [
  ['yes', 45],
  ['moved_on', 25],
  ['case_closed', 25],
  ['not_sure', 5],
];

const QUOTES = [
  'They listened to us and never gave up on our family.',
  'She was honest with us about what had to change, and kind while she said it.',
  'He always called back when he said he would.',
  'For the first time someone saw what we were doing right.',
  'She made a plan we could actually follow.',
  'He stood up for us in court when nobody else would.',
  'They treated my partner as a dad, not a problem.',
  'She stayed with us through the whole case.',
  'He helped us keep going after the case was closed.',
  'She gave me hope when I had none left.',
  'They explained everything in words we understood.',
  'He worked with us, not against us.',
  'She remembered my children’s names and what mattered to them.',
  'They never made us feel judged.',
];

const STORY_OPENINGS = [
  'When we first met',
  'After the school raised concerns',
  'During the worst year of our lives',
  'When my son went into care',
  'At the first meeting',
  'When I was struggling after my daughter was born',
];
const STORY_MIDDLES = [
  'listened to every one of us',
  'explained what would happen next',
  'came to every review and always had read the notes',
  'helped us find a nursery place and a parenting course',
  'made sure the children could see their grandparents',
  'was straight with us about the risks',
];

function weighted(rng: Rng, options: [string, number][]): string {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of options) {
    r -= w;
    if (r < 0) return v;
  }
  return options[0]![0];
}

function qualitiesFor(rng: Rng): string {
  const n = 1 + Math.floor(rng() * 4);
  const chosen = new Set<string>();
  while (chosen.size < n) chosen.add(pick(rng, QUALITY_KEYS));
  return JSON.stringify([...chosen]);
}

function hex(rng: Rng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++)
    s += Math.floor(rng() * 256)
      .toString(16)
      .padStart(2, '0');
  return s;
}

export function generateProfiles(opts: GenerateOptions): GenerateResult {
  const started = performance.now();
  const workerCount = Math.floor(opts.workers);
  const nominationCount = Math.max(workerCount, Math.floor(opts.nominations));
  if (!(workerCount >= 1)) throw new Error('--workers must be at least 1');
  const path = resolve(opts.db);
  if (existsSync(path)) {
    if (!opts.force) throw new Error(`${path} already exists; pass --force to replace it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
  const rng = mulberry32(opts.seed ?? 1);
  const now = opts.now ?? Date.now();
  const earliest = now - WEEKS * 7 * DAY;

  const db = openDatabase(path);
  seedAreas(db);
  const sqlite = db.$client;
  // Bulk load into a fresh file: no journal, big page cache; WAL and FULL sync restored below.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -131072');

  const areas = db.select({ id: areasTable.id, slug: areasTable.slug }).from(areasTable).orderBy(asc(areasTable.id)).all();
  const areaCumulative: number[] = [];
  let areaTotal = 0;
  for (const a of areas) areaCumulative.push((areaTotal += BUSY_AREAS[a.slug] ?? 1));
  const pickArea = () => {
    const r = rng() * areaTotal;
    let lo = 0;
    let hi = areaCumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (areaCumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return areas[lo]!;
  };

  // Nominations per worker: one each; of the rest, most go to a popular fifth, so counts range from
  // 1 to a few dozen as they would in life.
  const perWorker = new Uint16Array(workerCount).fill(1);
  const popular = Math.max(1, Math.ceil(workerCount / 5));
  for (let i = workerCount; i < nominationCount; i++) {
    const w = Math.floor(rng() * (rng() < 0.7 ? popular : workerCount));
    if (perWorker[w]! < 60000) perWorker[w]!++;
  }
  // Shuffle so heavy workers are not all the low ids.
  for (let i = workerCount - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = perWorker[i]!;
    perWorker[i] = perWorker[j]!;
    perWorker[j] = t;
  }

  const ph = (name: string) => sql.placeholder(name);
  const insertWorker = db
    .insert(workers)
    .values({
      slug: ph('slug'),
      name: ph('name'),
      areaId: ph('areaId'),
      team: null,
      status: 'published',
      createdAt: ph('at'),
      updatedAt: ph('at'),
    })
    .prepare();
  const insertNomination = db
    .insert(nominationsTable)
    .values({
      ref: ph('ref'),
      submissionKey: ph('key'),
      status: 'approved',
      workerName: ph('name'),
      workerNameKey: ph('nameKey'),
      areaId: ph('areaId'),
      relationship: ph('relationship'),
      qualities: ph('qualities'),
      stillInvolved: ph('stillInvolved'),
      story: ph('story'),
      storyHash: ph('storyHash'),
      submittedAt: ph('submittedAt'),
      decidedAt: ph('decidedAt'),
      workerId: ph('workerId'),
    })
    .prepare();
  const insertQuote = db
    .insert(quotes)
    .values({
      nominationId: ph('nominationId'),
      workerId: ph('workerId'),
      text: ph('text'),
      relationship: ph('relationship'),
      publishedAt: ph('at'),
    })
    .prepare();

  const slugsTaken = new Map<string, number>();
  let nominations = 0;
  sqlite.transaction(() => {
    const times: number[] = [];
    for (let w = 0; w < workerCount; w++) {
      const name = randomName(rng);
      const nameKey = normalizePhrase(name);
      const area = pickArea();
      const base = workerSlugBase(name, area.slug);
      const n = (slugsTaken.get(base) ?? 0) + 1;
      slugsTaken.set(base, n);
      const slug = n === 1 ? base : `${base}-${n}`;

      const k = perWorker[w]!;
      times.length = 0;
      for (let i = 0; i < k; i++) times.push(earliest + Math.floor(rng() * (now - earliest - DAY)));
      times.sort((a, b) => a - b);
      const decided = (t: number) => Math.min(now, t + Math.floor(rng() * 3 * DAY));
      const createdAt = decided(times[0]!);
      const workerId = Number(insertWorker.run({ slug, name, areaId: area.id, at: createdAt }).lastInsertRowid);

      for (let i = 0; i < k; i++) {
        const submittedAt = times[i]!;
        const decidedAt = i === 0 ? createdAt : decided(submittedAt);
        const relationship = weighted(rng, RELATIONSHIPS);
        const story = `${pick(rng, STORY_OPENINGS)}, ${name.split(' ')[0]} ${pick(rng, STORY_MIDDLES)}. (${nominations + 1})`;
        const nominationId = Number(
          insertNomination.run({
            ref: hex(rng, 8).toUpperCase(),
            key: `gen-${nominations + 1}`,
            name,
            nameKey,
            areaId: area.id,
            relationship,
            qualities: qualitiesFor(rng),
            stillInvolved: weighted(rng, STILL_INVOLVED),
            story,
            storyHash: createHash('sha256').update(story).digest('hex'),
            submittedAt,
            decidedAt,
            workerId,
          }).lastInsertRowid,
        );
        insertQuote.run({ nominationId, workerId, text: pick(rng, QUOTES), relationship, at: decidedAt });
        nominations++;
      }
    }
  })();
  sqlite.exec('ANALYZE');
  sqlite.pragma('cache_size = -2000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  return { db, workers: workerCount, nominations, ms: performance.now() - started };
}

function parseArgs(argv: string[]): GenerateOptions {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (flag: string, dflt: number) => {
    const v = get(flag);
    if (v === undefined) return dflt;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a number (got ${JSON.stringify(v)})`);
    return n;
  };
  const db = get('--db');
  if (!db) throw new Error('usage: generate-profiles --db PATH [--workers 100000] [--nominations 300000] [--seed 1] [--force]');
  const workers = num('--workers', 100_000);
  return {
    db,
    workers,
    nominations: num('--nominations', workers * 3),
    seed: num('--seed', 1),
    now: get('--now') ? num('--now', Date.now()) : undefined,
    force: argv.includes('--force'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const r = generateProfiles(opts);
    r.db.$client.close();
    console.log(`${r.workers} workers, ${r.nominations} approved nominations in ${(r.ms / 1000).toFixed(1)} s -> ${resolve(opts.db)}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
