// Building the main search index from the database, and its snapshot on disk.
//
// Only what ranking needs is kept, in typed arrays that move between threads without copying:
// per profile its worker id, area, number of recommendations, place in name order and a hash of
// what search knows about it; per distinct name word the profiles that have it. lunr indexes the
// distinct name words (a few thousand, however many profiles there are) and answers typo, prefix
// and sound-alike lookups over them; the posting lists do the rest. Names, slugs and counts shown
// to people are read fresh from the database for each page of results.
import type Database from 'better-sqlite3';
import lunr from 'lunr';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LISTED_WORKER, LIVE_QUOTE, PUBLIC_WORKER } from '../workers/visibility.ts';
import { nameTerms, soundOf, sortName } from './words.ts';

export const SNAPSHOT_VERSION = 4;

export type PublicProfile = { id: number; name: string; areaId: number; nominations: number };

export type IndexParts = {
  version: number;
  builtAt: number;
  /** what the database looked like when this was read (see fingerprint()) */
  fingerprint: string;
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

const TYPED = ['termOffsets', 'termDocs', 'docWorker', 'docArea', 'docNominations', 'docRank', 'docHash', 'workerDoc', 'nameOffsets'] as const;

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
export function fingerprint(sqlite: Database.Database): string {
  const r = sqlite
    .prepare(
      `SELECT (SELECT COUNT(*) FROM quotes) AS quotes, (SELECT COALESCE(MAX(id), 0) FROM quotes) AS maxQuote,
              (SELECT COUNT(*) FROM quotes q WHERE ${LIVE_QUOTE}) AS live,
              (SELECT COUNT(*) FROM workers WHERE status = 'published') AS published,
              (SELECT COALESCE(MAX(updated_at), 0) FROM workers) AS updated,
              (SELECT COALESCE(MAX(unpublished_at), 0) FROM quotes) AS unpublished`,
    )
    .get() as Record<string, number>;
  return [r.quotes, r.maxQuote, r.live, r.published, r.updated, r.unpublished].join(':');
}

/**
 * Build the index from every public profile, as one consistent read (the fingerprint and the
 * rows come from the same transaction). Rows are streamed, not held, to keep the build small.
 */
export function buildFromDatabase(sqlite: Database.Database, builtAt: number): IndexParts {
  return sqlite.transaction(() => {
    const fp = fingerprint(sqlite);
    const rows = sqlite
      .prepare(
        `SELECT w.id, w.name, w.area_id, (SELECT COUNT(*) FROM quotes q WHERE q.worker_id = w.id AND ${LIVE_QUOTE})
           FROM workers w WHERE ${LISTED_WORKER}`,
      )
      .raw();
    function* profiles(): Generator<PublicProfile> {
      for (const [id, name, areaId, nominations] of rows.iterate() as IterableIterator<[number, string, number, number]>) {
        if (nominations > 0) yield { id, name, areaId, nominations };
      }
    }
    return buildParts(profiles(), fp, builtAt);
  })();
}

/** One public profile, or undefined when it is hidden, has no live recommendation, or does not exist. */
const profileStatements = new WeakMap<Database.Database, Database.Statement>();

export function readPublicProfile(sqlite: Database.Database, workerId: number): PublicProfile | undefined {
  let stmt = profileStatements.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare(
      `SELECT w.id, w.name, w.area_id AS areaId,
              (SELECT COUNT(*) FROM quotes q WHERE q.worker_id = w.id AND ${LIVE_QUOTE}) AS nominations
         FROM workers w WHERE w.id = ? AND ${PUBLIC_WORKER}`,
    );
    profileStatements.set(sqlite, stmt);
  }
  return stmt.get(workerId) as PublicProfile | undefined;
}

export function buildParts(profiles: Iterable<PublicProfile>, fp: string, builtAt: number): IndexParts {
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
  terms.forEach((t, i) => (renumber[firstIds.get(t)!] = i));
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
  order.forEach((d, rank) => (docRank[d] = rank));
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
    names: names.map((s) => s + '\n').join(''),
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
  if (json.version !== SNAPSHOT_VERSION || !Array.isArray(json.terms) || !Array.isArray(json.termSounds) || typeof json.names !== 'string' || typeof json.lunr !== 'string') return undefined;
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
