// Demo content for DEMO=1 / --demo on an empty database: about 300 published profiles over many
// areas, recommendations spread over the last 26 weeks (Hastings and Sefton leading this week,
// three social workers each, as in the seed story), a queue of pending nominations whose stories
// carry invented personal details, and two change requests.
//
// Written in one transaction, mirroring what storing and approving a nomination write (workers,
// nominations approved with decided_at and no contact email, quotes published at the decision).
// Deterministic: a seeded PRNG, and times relative to `now`. Everything is made up.
import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { changeRequests, nominations as nominationsTable, quotes, workers as workersTable } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { audit } from '../audit.ts';
import { thisWeekStart } from '../counts/week.ts';
import { findConcerns } from '../nominations/concerns.ts';
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../nominations/reference.ts';
import { uniqueWorkerSlug } from '../workers/slug.ts';
import { QUALITY_KEYS } from '../qualities.ts';
import { distinctNames, mulberry32, pick, randomName, type Rng } from './names.ts';
import { CHANGE_REQUESTS, LOCALITIES, PENDING_STORIES, QUOTES, STORY_DETAILS, TEAMS, type QuoteTemplate } from './content.ts';

const SEED = 20160221;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEKS = 26;
const WORKERS = 300;
const ACTIVE_AREAS = 110;
const PENDING = PENDING_STORIES.length;

/** Hastings and Sefton have more profiles overall, and lead this week with three workers each. */
const BUSY = { hastings: 9, sefton: 8 } as Record<string, number>;
const THIS_WEEK: Record<string, number> = { hastings: 3, sefton: 3 };
/** other areas with a recommendation this week, one or two workers each */
const OTHER_AREAS_THIS_WEEK = 9;

const RELATIONSHIPS: [string, number][] = [
  ['parent', 58],
  ['carer', 12],
  ['young_person', 11],
  ['relative', 11],
  ['professional', 5],
  ['other', 3],
];

function weighted(rng: Rng, options: [string, number][]): string {
  let r = rng() * options.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of options) if ((r -= w) < 0) return v;
  return options[0]![0];
}

function shuffle<T>(rng: Rng, list: T[]): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function reference(rng: Rng): string {
  let s = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) s += REFERENCE_ALPHABET[Math.floor(rng() * 32)];
  return s;
}

function hex(rng: Rng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++)
    s += Math.floor(rng() * 256)
      .toString(16)
      .padStart(2, '0');
  return s;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const firstName = (rng: Rng) => randomName(rng).split(' ')[0]!;

export type DemoSummary = {
  loaded: boolean;
  workers?: number;
  nominations?: number;
  pending?: number;
  changeRequests?: number;
  ms?: number;
};

export function loadDemoIfEmpty(db: Db, areas: AreaDirectory, now: number): DemoSummary {
  const started = performance.now();
  const rng = mulberry32(SEED);
  const weekStart = thisWeekStart(now);
  const earliest = now - WEEKS * 7 * DAY;

  const ph = (name: string) => sql.placeholder(name);
  const insertWorker = db
    .insert(workersTable)
    .values({
      slug: ph('slug'),
      name: ph('name'),
      areaId: ph('areaId'),
      team: ph('team'),
      status: 'published',
      createdAt: ph('createdAt'),
      updatedAt: ph('updatedAt'),
    })
    .prepare();
  const touchWorker = db
    .update(workersTable)
    .set({ createdAt: sql`MIN(${workersTable.createdAt}, ${ph('at')})`, updatedAt: sql`MAX(${workersTable.updatedAt}, ${ph('at')})` })
    .where(eq(workersTable.id, ph('id')))
    .prepare();
  const insertNomination = db
    .insert(nominationsTable)
    .values({
      ref: ph('ref'),
      submissionKey: ph('key'),
      status: ph('status'),
      workerName: ph('workerName'),
      areaId: ph('areaId'),
      team: ph('team'),
      relationship: ph('relationship'),
      qualities: ph('qualities'),
      stillInvolved: ph('stillInvolved'),
      story: ph('story'),
      storyHash: ph('storyHash'),
      contactEmail: ph('contactEmail'),
      flags: ph('flags'),
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
      publishedAt: ph('publishedAt'),
    })
    .prepare();
  const insertRequest = db
    .insert(changeRequests)
    .values({
      workerName: ph('workerName'),
      areaText: ph('areaText'),
      areaId: ph('areaId'),
      workerId: ph('workerId'),
      request: ph('request'),
      details: ph('details'),
      contactEmail: ph('contactEmail'),
      status: 'pending',
      submittedAt: ph('submittedAt'),
    })
    .prepare();

  type DemoWorker = { id: number; name: string; area: Area; team: string | null };

  const nomination = (
    w: { name: string; area: Area; team: string | null },
    o: {
      status: 'approved' | 'pending';
      story: string;
      relationship: string;
      qualities: string[];
      stillInvolved: string;
      submittedAt: number;
      decidedAt: number | null;
      workerId: number | null;
      contactEmail?: string | null;
    },
  ) =>
    Number(
      insertNomination.run({
        ref: reference(rng),
        key: hex(rng, 16),
        status: o.status,
        workerName: w.name,
        areaId: w.area.id,
        team: w.team,
        relationship: o.relationship,
        qualities: JSON.stringify(o.qualities),
        stillInvolved: o.stillInvolved,
        story: o.story,
        storyHash: sha(`demo:${o.story}`),
        contactEmail: o.contactEmail ?? null,
        flags: JSON.stringify(findConcerns(o.story)),
        submittedAt: o.submittedAt,
        decidedAt: o.decidedAt,
        workerId: o.workerId,
      }).lastInsertRowid,
    );

  const quoteFor = (relationship: string): QuoteTemplate => {
    for (;;) {
      const q = pick(rng, QUOTES);
      if (!q.from || q.from.includes(relationship as never)) return q;
    }
  };

  /** An approved recommendation submitted at `submittedAt`, decided and published a little later. */
  const approve = (w: DemoWorker, submittedAt: number) => {
    const relationship = weighted(rng, RELATIONSHIPS);
    const q = quoteFor(relationship);
    const extra = new Set(q.qualities);
    const more = Math.floor(rng() * 3);
    for (let i = 0; i < more; i++) extra.add(pick(rng, QUALITY_KEYS));
    // Some families tick nothing at all.
    const qualities = rng() < 0.1 ? [] : [...extra];
    const stillInvolved = q.movedOn
      ? 'moved_on'
      : weighted(rng, [
          ['yes', 45],
          ['moved_on', 20],
          ['case_closed', 30],
          ['not_sure', 5],
        ]);
    const decidedAt = Math.min(now - HOUR, submittedAt + Math.floor((0.2 + rng() * 3) * DAY));
    const story = `${q.text} ${pick(rng, STORY_DETAILS)} Thank you, ${w.name}.`;
    const id = nomination(w, { status: 'approved', story, relationship, qualities, stillInvolved, submittedAt, decidedAt, workerId: w.id });
    insertQuote.run({ nominationId: id, workerId: w.id, text: q.text, relationship, publishedAt: decidedAt });
    touchWorker.run({ at: decidedAt, id: w.id });
  };

  const run = (): DemoSummary => {
    const rows = (table: typeof workersTable | typeof nominationsTable) => db.select({ n: count() }).from(table).get()?.n ?? 0;
    const empty = rows(workersTable) + rows(nominationsTable) === 0;
    if (!empty) return { loaded: false };

    // Which areas have profiles, and how many.
    const hastings = areas.bySlugOrUndefined('hastings')!;
    const sefton = areas.bySlugOrUndefined('sefton')!;
    const others = shuffle(
      rng,
      areas.all.filter((a) => a !== hastings && a !== sefton),
    ).slice(0, ACTIVE_AREAS - 2);
    const perArea = new Map<Area, number>([
      [hastings, BUSY.hastings!],
      [sefton, BUSY.sefton!],
    ]);
    for (const a of others) perArea.set(a, 1);
    // The rest go to a skewed choice of areas so some are busier than others, none busier than Hastings.
    const weights = others.map(() => rng() ** 3);
    const totalWeight = weights.reduce((s, x) => s + x, 0);
    let left = WORKERS - [...perArea.values()].reduce((s, n) => s + n, 0);
    while (left > 0) {
      let r = rng() * totalWeight;
      let i = 0;
      while ((r -= weights[i]!) > 0 && i < weights.length - 1) i++;
      const a = others[i]!;
      if (perArea.get(a)! >= 7) continue;
      perArea.set(a, perArea.get(a)! + 1);
      left--;
    }

    const names = distinctNames(WORKERS, rng);
    const workers: DemoWorker[] = [];
    for (const [area, n] of perArea) {
      for (let i = 0; i < n; i++) {
        const name = names[workers.length]!;
        const team = rng() < 0.15 ? (rng() < 0.5 ? `${pick(rng, LOCALITIES)} ${pick(rng, TEAMS)}` : pick(rng, TEAMS)) : null;
        const slug = uniqueWorkerSlug(db, name, area.slug);
        // created/updated are set from the recommendations' decision times as they are added
        const id = Number(
          insertWorker.run({ slug, name, areaId: area.id, team, createdAt: Number.MAX_SAFE_INTEGER, updatedAt: 0 }).lastInsertRowid,
        );
        workers.push({ id, name, area, team });
      }
    }

    // Everything before this week: one to four recommendations each, most with one or two.
    let approved = 0;
    for (const w of workers) {
      const n = 1 + (rng() < 0.45 ? 1 : 0) + (rng() < 0.15 ? 1 : 0) + (rng() < 0.05 ? 1 : 0);
      for (let i = 0; i < n; i++) {
        approve(w, earliest + Math.floor(rng() * (weekStart - earliest - 2 * DAY)));
        approved++;
      }
    }

    // This week: Hastings and Sefton three workers each; a few other areas one or two.
    const thisWeekAt = () => weekStart + Math.floor(rng() * (now - weekStart - 2 * HOUR));
    const thisWeek: [Area, number][] = [
      [hastings, THIS_WEEK.hastings!],
      [sefton, THIS_WEEK.sefton!],
      ...others.slice(0, OTHER_AREAS_THIS_WEEK).map((a): [Area, number] => [a, Math.min(perArea.get(a)!, rng() < 0.3 ? 2 : 1)]),
    ];
    for (const [area, count] of thisWeek) {
      for (const w of shuffle(
        rng,
        workers.filter((x) => x.area === area),
      ).slice(0, count)) {
        approve(w, thisWeekAt());
        approved++;
      }
    }

    // The moderators' queue: new people and people who already have a profile.
    for (let i = 0; i < PENDING; i++) {
      const existing = rng() < 0.4 ? pick(rng, workers) : undefined;
      const area = existing?.area ?? (rng() < 0.3 ? pick(rng, [hastings, sefton]) : pick(rng, others));
      const name = existing?.name ?? randomName(rng);
      const child = firstName(rng);
      const story = PENDING_STORIES[i]!.replaceAll('{worker}', name)
        .replaceAll('{child}', child)
        .replaceAll('{child2}', firstName(rng))
        .replaceAll('{adult}', firstName(rng))
        .replaceAll('{n3}', String(100 + Math.floor(rng() * 900)))
        .replaceAll('{postcode}', pick(rng, ['TN34 1ZZ', 'L20 9ZZ', 'CF10 9ZZ', 'M14 9ZZ', 'LS6 9ZZ']))
        .replaceAll('{email}', `${child.toLowerCase()}.family${Math.floor(rng() * 90 + 10)}@example.org`);
      const submittedAt = now - Math.floor((0.1 + rng() * 12) * DAY);
      nomination(
        { name, area, team: existing?.team ?? null },
        {
          status: 'pending',
          story,
          relationship: weighted(rng, RELATIONSHIPS),
          qualities: [...new Set([pick(rng, QUOTES).qualities, pick(rng, QUOTES).qualities].flat())],
          stillInvolved: weighted(rng, [
            ['yes', 50],
            ['moved_on', 15],
            ['case_closed', 30],
            ['not_sure', 5],
          ]),
          submittedAt,
          decidedAt: null,
          workerId: null,
          contactEmail: rng() < 0.5 ? `family.${hex(rng, 3)}@example.org` : null,
        },
      );
    }

    // Two workers asking about their profiles.
    for (const [i, r] of CHANGE_REQUESTS.entries()) {
      const w = workers[7 + i * 40]!;
      insertRequest.run({
        workerName: w.name,
        areaText: w.area.name,
        areaId: w.area.id,
        workerId: w.id,
        request: r.request,
        details: r.details,
        contactEmail: i === 0 ? 'worker.demo@example.org' : null,
        submittedAt: now - (i + 1) * 2 * DAY,
      });
    }

    audit(db, {
      at: now,
      moderatorId: null,
      action: 'demo.loaded',
      subjectType: 'system',
      note: `Made-up demo content: ${workers.length} profiles, ${approved} approved recommendations, ${PENDING} pending, ${CHANGE_REQUESTS.length} change requests`,
    });
    return { loaded: true, workers: workers.length, nominations: approved, pending: PENDING, changeRequests: CHANGE_REQUESTS.length };
  };

  const result = db.transaction(run, { behavior: 'immediate' });
  return result.loaded ? { ...result, ms: Math.round(performance.now() - started) } : result;
}
