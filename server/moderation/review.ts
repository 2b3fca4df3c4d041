// What a moderator sees when reviewing one nomination: the submission, its privacy flags and suggested
// quote, likely duplicates, and existing profiles it may belong to.
import { and, desc, eq, gte, ne, or, sql } from 'drizzle-orm';
import { moderators, nominations, workers, type RELATIONSHIPS, type STILL_INVOLVED } from '../../db/schema.ts';
import { liveQuoteCount } from '../workers/visibility.ts';
import type { Db } from '../db.ts';
import type { Area, AreaDirectory } from '../areas/directory.ts';
import { suggestQuote, type DetailedFlag } from '../privacy/index.ts';
import { looksWelsh } from '../privacy/welsh.ts';
import { currentFlags } from './privacy-flags.ts';
import { nameSimilarity } from './names.ts';

export type NominationRow = {
  id: number;
  ref: string;
  status: 'pending' | 'approved' | 'rejected' | 'sent_back';
  workerName: string;
  areaId: number;
  team: string | null;
  relationship: (typeof RELATIONSHIPS)[number];
  qualities: string[];
  stillInvolved: (typeof STILL_INVOLVED)[number];
  story: string | null;
  storyHash: string;
  contactEmail: string | null;
  /** 'safeguarding', 'complaint', 'duplicate' */
  flags: string[];
  duplicateOf: number | null;
  submittedAt: number;
  decidedAt: number | null;
  decidedBy: number | null;
  decidedByEmail: string | null;
  workerId: number | null;
  rejectReason: string | null;
  rejectNote: string | null;
  storyDeletedAt: number | null;
  /** the stored privacy flags (JSON with the detector version); read through currentFlags */
  privacyFlags: string | null;
  sendBackReason: string | null;
  resubmittedAt: number | null;
};

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function getNomination(db: Db, id: number): NominationRow | undefined {
  const n = nominations;
  const row = db
    .select({
      id: n.id,
      ref: n.ref,
      status: n.status,
      workerName: n.workerName,
      areaId: n.areaId,
      team: n.team,
      relationship: n.relationship,
      qualities: n.qualities,
      stillInvolved: n.stillInvolved,
      story: n.story,
      storyHash: n.storyHash,
      contactEmail: n.contactEmail,
      flags: n.flags,
      duplicateOf: n.duplicateOf,
      submittedAt: n.submittedAt,
      decidedAt: n.decidedAt,
      decidedBy: n.decidedBy,
      decidedByEmail: moderators.email,
      workerId: n.workerId,
      rejectReason: n.rejectReason,
      rejectNote: n.rejectNote,
      storyDeletedAt: n.storyDeletedAt,
      sendBackReason: n.sendBackReason,
      resubmittedAt: n.resubmittedAt,
      privacyFlags: n.privacyFlags,
    })
    .from(n)
    .leftJoin(moderators, eq(moderators.id, n.decidedBy))
    .where(eq(n.id, id))
    .get();
  if (!row) return undefined;
  return { ...row, qualities: parseList(row.qualities), flags: parseList(row.flags) };
}

export type Candidate = {
  id: number;
  slug: string;
  name: string;
  team: string | null;
  status: string;
  recommendations: number;
  score: number;
};

/** A candidate this close is chosen by default on the review page; below it the default is a new profile. */
export const CONFIDENT_MATCH = 0.97;
const CANDIDATE_THRESHOLD = 0.75;

/** Existing profiles in the same area whose names are close to the nominated name, best first. */
export function candidateProfiles(db: Db, workerName: string, areaId: number, limit = 8): Candidate[] {
  const rows = db
    // the name as nominated: a worker shown by first name only is still found by their full name
    .select({
      id: workers.id,
      slug: workers.slug,
      name: sql<string>`COALESCE(${workers.fullName}, ${workers.name})`,
      team: workers.team,
      status: workers.status,
      recommendations: liveQuoteCount,
    })
    .from(workers)
    .where(eq(workers.areaId, areaId))
    .all();
  return rows
    .map((r) => ({ ...r, score: nameSimilarity(workerName, r.name) }))
    .filter((c) => c.score >= CANDIDATE_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.recommendations - a.recommendations || a.id - b.id)
    .slice(0, limit);
}

export type LikelyDuplicate = {
  id: number;
  workerName: string;
  status: string;
  submittedAt: number;
  reason: 'same story' | 'same worker and area';
};

const RECENT_MS = 90 * 24 * 60 * 60_000;

/** Other nominations with the same story, or for the same worker in the same area that are pending or recent. */
export function likelyDuplicates(db: Db, n: NominationRow, now: number, limit = 10): LikelyDuplicate[] {
  const t = nominations;
  const columns = { id: t.id, workerName: t.workerName, status: t.status, submittedAt: t.submittedAt };
  const sameStory = db
    .select(columns)
    .from(t)
    .where(and(eq(t.storyHash, n.storyHash), ne(t.id, n.id)))
    .orderBy(desc(t.submittedAt))
    .limit(limit)
    .all();
  const seen = new Set(sameStory.map((d) => d.id));
  const out: LikelyDuplicate[] = sameStory.map((d) => ({ ...d, reason: 'same story' }));
  const nearby = db
    .select(columns)
    .from(t)
    .where(and(eq(t.areaId, n.areaId), ne(t.id, n.id), or(eq(t.status, 'pending'), gte(t.submittedAt, now - RECENT_MS))))
    .orderBy(desc(t.submittedAt))
    .limit(500)
    .all();
  for (const d of nearby) {
    if (out.length >= limit) break;
    if (seen.has(d.id) || nameSimilarity(n.workerName, d.workerName) < 0.9) continue;
    out.push({ ...d, reason: 'same worker and area' });
  }
  return out;
}

export type StoryPiece = { text: string; flag?: DetailedFlag };

/** The story cut into plain and flagged pieces, for highlighting in the template. */
export function storyPieces(story: string, flags: DetailedFlag[]): StoryPiece[] {
  const out: StoryPiece[] = [];
  let pos = 0;
  for (const f of flags) {
    if (f.start < pos || f.end > story.length) continue;
    if (f.start > pos) out.push({ text: story.slice(pos, f.start) });
    out.push({ text: story.slice(f.start, f.end), flag: f });
    pos = f.end;
  }
  if (pos < story.length) out.push({ text: story.slice(pos) });
  return out;
}

export type Review = {
  nomination: NominationRow;
  area: Area | undefined;
  flags: DetailedFlag[];
  pieces: StoryPiece[];
  suggestedQuote: string;
  candidates: Candidate[];
  defaultWorker: string;
  duplicates: LikelyDuplicate[];
  /** the story looks written in Welsh: the flags are tuned for English */
  welsh: boolean;
};

export function loadReview(db: Db, areas: AreaDirectory, id: number, now: number): Review | undefined {
  const nomination = getNomination(db, id);
  if (!nomination) return undefined;
  const story = nomination.story ?? '';
  const flags = story ? currentFlags(db, nomination) : [];
  const candidates = candidateProfiles(db, nomination.workerName, nomination.areaId);
  const best = candidates[0];
  return {
    nomination,
    area: areas.get(nomination.areaId),
    flags,
    pieces: storyPieces(story, flags),
    suggestedQuote: story ? suggestQuote(story, flags) : '',
    candidates,
    defaultWorker: best && best.score >= CONFIDENT_MATCH ? String(best.id) : 'new',
    duplicates: likelyDuplicates(db, nomination, now),
    welsh: looksWelsh(story),
  };
}
