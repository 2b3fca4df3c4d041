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
import { renameSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LIVE_QUOTE, PUBLIC_WORKER } from '../workers/visibility.ts';
import { nameTerms, soundOf, words } from './words.ts';

export const SNAPSHOT_VERSION = 1;

export type PublicProfile = { id: number; name: string; areaId: number; nominations: number };

export type IndexParts = {
  version: number;
  builtAt: number;
  /** what the database looked like when this was read (see fingerprint()) */
  fingerprint: string;
  terms: string[];
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
  /** the lunr index over the distinct name words (ref = term index) */
  lunr: object;
};

const TYPED = ['termOffsets', 'termDocs', 'docWorker', 'docArea', 'docNominations', 'docRank', 'docHash', 'workerDoc', 'nameOffsets'] as const;

/** The folded name used to order equal matches. */
export function sortName(name: string): string {
  return words(name).join(' ');
}

/** A 32-bit FNV-1a hash of what search knows about a profile; equal hashes mean nothing to update. */
export function profileHash(p: PublicProfile): number {
  const s = `${p.name}\u0000${p.areaId}\u0000${p.nominations}`;
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

/** Every public profile with its live recommendations, as one consistent read. */
export function readPublicProfiles(sqlite: Database.Database): { profiles: PublicProfile[]; fingerprint: string } {
  return sqlite.transaction(() => {
    const fp = fingerprint(sqlite);
    const profiles = sqlite
      .prepare(
        `SELECT w.id, w.name, w.area_id AS areaId, COUNT(*) AS nominations
           FROM workers w JOIN quotes q ON q.worker_id = w.id AND ${LIVE_QUOTE}
          WHERE w.status = 'published'
          GROUP BY w.id`,
      )
      .all() as PublicProfile[];
    return { profiles, fingerprint: fp };
  })();
}

/** One public profile, or undefined when it is hidden, has no live recommendation, or does not exist. */
export function readPublicProfile(sqlite: Database.Database, workerId: number): PublicProfile | undefined {
  return sqlite
    .prepare(
      `SELECT w.id, w.name, w.area_id AS areaId,
              (SELECT COUNT(*) FROM quotes q WHERE q.worker_id = w.id AND ${LIVE_QUOTE}) AS nominations
         FROM workers w WHERE w.id = ? AND ${PUBLIC_WORKER}`,
    )
    .get(workerId) as PublicProfile | undefined;
}

export function buildParts(profiles: PublicProfile[], fp: string, builtAt: number): IndexParts {
  const n = profiles.length;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const docTerms: number[][] = new Array(n);
  const counts: number[] = [];
  let maxWorker = 0;
  for (let d = 0; d < n; d++) {
    const p = profiles[d]!;
    if (p.id > maxWorker) maxWorker = p.id;
    const ids: number[] = [];
    for (const t of nameTerms(p.name)) {
      let id = termIds.get(t);
      if (id === undefined) {
        termIds.set(t, (id = terms.length));
        terms.push(t);
        counts.push(0);
      }
      counts[id]!++;
      ids.push(id);
    }
    docTerms[d] = ids;
  }
  const termOffsets = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) termOffsets[t + 1] = termOffsets[t]! + counts[t]!;
  const termDocs = new Int32Array(termOffsets[terms.length]!);
  const fill = termOffsets.slice(0, terms.length);
  for (let d = 0; d < n; d++) for (const t of docTerms[d]!) termDocs[fill[t]!++] = d;

  const docWorker = new Int32Array(n);
  const docArea = new Int32Array(n);
  const docNominations = new Int32Array(n);
  const docHash = new Int32Array(n);
  const workerDoc = new Int32Array(maxWorker + 1).fill(-1);
  const names: string[] = new Array(n);
  for (let d = 0; d < n; d++) {
    const p = profiles[d]!;
    docWorker[d] = p.id;
    docArea[d] = p.areaId;
    docNominations[d] = p.nominations;
    docHash[d] = profileHash(p);
    workerDoc[p.id] = d;
    names[d] = sortName(p.name);
  }
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
    this.field('k');
    for (let t = 0; t < terms.length; t++) {
      this.add({ i: String(t), t: terms[t], k: soundOf(terms[t]!) });
    }
  });

  return {
    version: SNAPSHOT_VERSION,
    builtAt,
    fingerprint: fp,
    terms,
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
    lunr: vocabulary.toJSON(),
  };
}

/** The ArrayBuffers of the parts, to transfer to another thread without copying. */
export function transferList(parts: IndexParts): ArrayBuffer[] {
  return TYPED.map((k) => parts[k].buffer as ArrayBuffer);
}

/** Write the snapshot next to its final place and rename, so a reader never sees half a file. */
export function writeSnapshot(path: string, parts: IndexParts): void {
  const json: Record<string, unknown> = { ...parts };
  for (const k of TYPED) json[k] = Buffer.from(parts[k].buffer, parts[k].byteOffset, parts[k].byteLength).toString('base64');
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, JSON.stringify(json));
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
  if (json.version !== SNAPSHOT_VERSION || !Array.isArray(json.terms) || typeof json.names !== 'string' || typeof json.lunr !== 'object') return undefined;
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
