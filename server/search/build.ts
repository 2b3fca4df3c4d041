// Building the main search index from the database, and its snapshot on disk.
//
// Only what ranking needs is kept, in typed arrays that move between threads without copying:
// per profile its worker id, area, number of recommendations, place in name order and a hash of
// what search knows about it; per distinct name word the profiles that have it. lunr indexes the
// distinct name words (a few thousand, however many profiles there are) and answers typo, prefix
// and sound-alike lookups over them; the posting lists do the rest. Names, slugs and counts shown
// to people are read fresh from the database for each page of results.
import { and, count, eq, sql } from 'drizzle-orm';
import lunr from 'lunr';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db.ts';
import { quotes, workers } from '../../db/schema.ts';
import { listedWorker, ofThisWorker, publicWorker, countedWorker } from '../workers/visibility.ts';
import { nameTerms, soundOf, sortName } from './words.ts';
import { lastChange } from '../workers/changes.ts';

export const SNAPSHOT_VERSION = 5;

export type PublicProfile = { id: number; name: string; areaId: number; nominations: number };

export type IndexParts = {
  version: number;
  builtAt: number;
  /** what the database looked like when this was read (see fingerprint()) */
  fingerprint: string;
  /** the change log's last sequence when this was read: a snapshot is brought up to date from there */
  logSeq: number;
  /** distinct indexed words, sorted */
  terms: string[];
  /** identifies `terms`: an unchanged vocabulary lets a rebuild keep its lunr index */
  vocabularyHash: number;
  /** CSR posting lists: profiles having terms[t] are termDocs[termOffsets[t] .. termOffsets[t + 1]) */
  termOffsets: Int32Array;
  termDocs: Int32Array;
  docWorker: Int32Array;
  docArea: Int32Array;
  docNominations: Int32Array;
  /** position in name order (folded name, then worker id) */
  docRank: Int32Array;
  docHash: Int32Array;
  /** worker id -> profile index, -1 when not indexed */
  workerDoc: Int32Array;
  /** folded names joined by newlines, profile d at names.slice(nameOffsets[d], nameOffsets[d + 1] - 1) */
  names: string;
  nameOffsets: Int32Array;
  /** the sound-alike key of each term ('' when too short to match by sound) */
  termSounds: string[];
  /** the lunr index over the distinct name words (ref = term index), serialised (index.toJSON()) */
  lunr: string;
};

const TYPED = [
  'termOffsets',
  'termDocs',
  'docWorker',
  'docArea',
  'docNominations',
  'docRank',
  'docHash',
  'workerDoc',
  'nameOffsets',
] as const;

/** A 32-bit FNV-1a hash of what search knows about a profile; equal hashes mean nothing to update. */
export function profileHash(p: PublicProfile): number {
  return fnv1a(`${p.name}\u0000${p.areaId}\u0000${p.nominations}`);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Cheap summary of the published data, to tell whether a snapshot is still current.
 * Any approval, withdrawal, unpublishing, hiding or correction changes at least one part.
 */
export function fingerprint(db: Db): string {
  const r = db
    .select({
      quotes: count(),
      maxQuote: sql<number>`COALESCE(MAX(${quotes.id}), 0)`,
      live: sql<number>`COALESCE(SUM(${quotes.unpublishedAt} IS NULL), 0)`,
      published: db.$count(workers, countedWorker),
      updated: sql<number>`(SELECT COALESCE(MAX(${workers.updatedAt}), 0) FROM ${workers})`,
      unpublished: sql<number>`COALESCE(MAX(${quotes.unpublishedAt}), 0)`,
    })
    .from(quotes)
    .get();
  return r ? [r.quotes, r.maxQuote, r.live, r.published, r.updated, r.unpublished].join(':') : '';
}

/**
 * Build the index from every public profile, as one consistent read (the fingerprint and the
 * rows come from the same transaction). Rows are streamed, not held, to keep the build small.
 */
export function buildFromDatabase(db: Db, builtAt: number): IndexParts {
  return db.$client.transaction(() => {
    const fp = fingerprint(db);
    return buildParts(streamProfiles(db), fp, builtAt, lastChange(db));
  })();
}

/** A published worker's search fields and live recommendations (in the order of PublicRow). */
function profileFields(db: Db) {
  return { id: workers.id, name: workers.name, areaId: workers.areaId, nominations: db.$count(quotes, ofThisWorker) };
}
type PublicRow = [PublicProfile['id'], PublicProfile['name'], PublicProfile['areaId'], PublicProfile['nominations']];

/**
 * Every public profile, streamed: drizzle builds the query from the schema; better-sqlite3's
 * iterator runs it, as drizzle's driver has none and .all() would hold every row object at once.
 */
function* streamProfiles(db: Db): Generator<PublicProfile> {
  const { sql: text, params } = db.select(profileFields(db)).from(workers).where(listedWorker).toSQL();
  for (const [id, name, areaId, nominations] of db.$client
    .prepare<unknown[], PublicRow>(text)
    .raw()
    .iterate(...params)) {
    if (nominations > 0) yield { id, name, areaId, nominations };
  }
}

const profileStatements = new WeakMap<Db, ReturnType<typeof prepareProfile>>();

function prepareProfile(db: Db) {
  return db
    .select(profileFields(db))
    .from(workers)
    .where(and(eq(workers.id, sql.placeholder('workerId')), publicWorker))
    .prepare();
}

/** One public profile, or undefined when it is hidden, has no live recommendation, or does not exist. */
export function readPublicProfile(db: Db, workerId: number): PublicProfile | undefined {
  let stmt = profileStatements.get(db);
  if (!stmt) profileStatements.set(db, (stmt = prepareProfile(db)));
  return stmt.get({ workerId });
}

export function buildParts(profiles: Iterable<PublicProfile>, fp: string, builtAt: number, logSeq = 0): IndexParts {
  const firstIds = new Map<string, number>();
  const found: string[] = [];
  // Per profile, in plain number arrays (compact for small integers) until the count is known.
  const docWorkerList: number[] = [];
  const docAreaList: number[] = [];
  const docNominationsList: number[] = [];
  const docHashList: number[] = [];
  const names: string[] = [];
  const docTermStart: number[] = [0];
  const docTermIds: number[] = [];
  let maxWorker = 0;
  for (const p of profiles) {
    if (p.id > maxWorker) maxWorker = p.id;
    docWorkerList.push(p.id);
    docAreaList.push(p.areaId);
    docNominationsList.push(p.nominations);
    docHashList.push(profileHash(p));
    names.push(sortName(p.name));
    for (const t of nameTerms(p.name)) {
      let id = firstIds.get(t);
      if (id === undefined) {
        firstIds.set(t, (id = found.length));
        found.push(t);
      }
      docTermIds.push(id);
    }
    docTermStart.push(docTermIds.length);
  }
  const n = docWorkerList.length;
  // Terms in code-unit order, so every word starting with a prefix is one contiguous range.
  const terms = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const renumber = new Int32Array(found.length);
  terms.forEach((t, i) => {
    renumber[firstIds.get(t)!] = i;
  });
  const counts = new Int32Array(terms.length);
  for (let k = 0; k < docTermIds.length; k++) counts[(docTermIds[k] = renumber[docTermIds[k]!]!)]!++;
  const termOffsets = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) termOffsets[t + 1] = termOffsets[t]! + counts[t]!;
  const termDocs = new Int32Array(termOffsets[terms.length]!);
  const fill = termOffsets.slice(0, terms.length);
  for (let d = 0; d < n; d++) for (let k = docTermStart[d]!; k < docTermStart[d + 1]!; k++) termDocs[fill[docTermIds[k]!]!++] = d;

  const docWorker = Int32Array.from(docWorkerList);
  const docArea = Int32Array.from(docAreaList);
  const docNominations = Int32Array.from(docNominationsList);
  const docHash = Int32Array.from(docHashList);
  const workerDoc = new Int32Array(maxWorker + 1).fill(-1);
  for (let d = 0; d < n; d++) workerDoc[docWorker[d]!] = d;
  const order = Array.from({ length: n }, (_, d) => d).sort((a, b) =>
    names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : docWorker[a]! - docWorker[b]!,
  );
  const docRank = new Int32Array(n);
  order.forEach((d, rank) => {
    docRank[d] = rank;
  });
  const nameOffsets = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) nameOffsets[d + 1] = nameOffsets[d]! + names[d]!.length + 1;

  const vocabulary = lunr(function () {
    // Words are already folded and split; no stemming or stop words for names.
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('i');
    this.field('t');
    for (let t = 0; t < terms.length; t++) this.add({ i: String(t), t: terms[t] });
  });

  return {
    version: SNAPSHOT_VERSION,
    builtAt,
    fingerprint: fp,
    logSeq,
    terms,
    vocabularyHash: fnv1a(terms.join('\n')),
    termSounds: terms.map(soundOf),
    termOffsets,
    termDocs,
    docWorker,
    docArea,
    docNominations,
    docRank,
    docHash,
    workerDoc,
    names: names.map((s) => `${s}\n`).join(''),
    nameOffsets,
    lunr: JSON.stringify(vocabulary),
  };
}

/** The ArrayBuffers of the parts, to transfer to another thread without copying. */
export function transferList(parts: IndexParts): ArrayBuffer[] {
  return TYPED.map((k) => parts[k].buffer as ArrayBuffer);
}

/**
 * Write the snapshot (JSON; typed arrays as base64) beside its final place and rename, so a reader
 * never sees half a file. Written field by field so no string of the whole file is ever built.
 */
export function writeSnapshot(path: string, parts: IndexParts): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    let first = true;
    for (const [k, v] of Object.entries(parts)) {
      const value = ArrayBuffer.isView(v) ? `"${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}"` : JSON.stringify(v);
      writeSync(fd, `${first ? '{' : ','}${JSON.stringify(k)}:${value}`);
      first = false;
    }
    writeSync(fd, '}');
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Read a snapshot; undefined when missing, unreadable or of another version. */
export function readSnapshot(path: string): IndexParts | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (
    json.version !== SNAPSHOT_VERSION ||
    typeof json.logSeq !== 'number' ||
    !Array.isArray(json.terms) ||
    !Array.isArray(json.termSounds) ||
    typeof json.names !== 'string' ||
    typeof json.lunr !== 'string'
  )
    return undefined;
  for (const k of TYPED) {
    if (typeof json[k] !== 'string') return undefined;
    const buf = Buffer.from(json[k] as string, 'base64');
    // Copy into a fresh, aligned buffer of its own.
    const arr = new Int32Array(buf.byteLength / 4);
    new Uint8Array(arr.buffer).set(buf);
    json[k] = arr;
  }
  return json as unknown as IndexParts;
}
