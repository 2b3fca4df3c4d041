// Flags are computed once, when a nomination is submitted, and stored with it as JSON with the
// detector's version. A stored copy is used only while it still fits: same version, and every flag's
// text still at its place in the story; otherwise the caller recomputes (and stores) it.
import { createHash } from 'node:crypto';
import { DETECTOR_VERSION, FLAG_KINDS, FLAG_TIERS, findFlagsDetailed, type DetailedFlag } from './index.ts';

/** `of`: a fingerprint of the story and the name the flags were found for, so any edit to either shows. */
export type StoredFlags = { version: number; of: string; flags: DetailedFlag[] };

const fingerprint = (story: string | null, workerName: string) =>
  createHash('sha256')
    .update(`${workerName}\u0000${story ?? ''}`)
    .digest('base64url')
    .slice(0, 22);

/** The JSON to store for a story: its flags and the detector version that found them. */
export function flagsToStore(story: string | null, workerName: string): string {
  const flags = story ? findFlagsDetailed(story, workerName) : [];
  return JSON.stringify({ version: DETECTOR_VERSION, of: fingerprint(story, workerName), flags } satisfies StoredFlags);
}

const isFlag = (f: unknown, story: string): f is DetailedFlag => {
  if (typeof f !== 'object' || f === null) return false;
  const x = f as Record<string, unknown>;
  return (
    (FLAG_KINDS as readonly unknown[]).includes(x.kind) &&
    (FLAG_TIERS as readonly unknown[]).includes(x.tier) &&
    Number.isInteger(x.start) &&
    Number.isInteger(x.end) &&
    typeof x.text === 'string' &&
    typeof x.placeholder === 'string' &&
    (x.sub === null || x.sub === 'child_name') &&
    story.slice(x.start as number, x.end as number) === x.text
  );
};

/** The stored flags if they are current for this story and name, else undefined (missing, malformed, older version, story or name changed). */
export function readStoredFlags(stored: string | null | undefined, story: string | null, workerName: string): DetailedFlag[] | undefined {
  if (!stored) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { version, of, flags } = parsed as Record<string, unknown>;
  if (version !== DETECTOR_VERSION || of !== fingerprint(story, workerName) || !Array.isArray(flags)) return undefined;
  const text = story ?? '';
  return flags.every((f) => isFlag(f, text)) ? (flags as DetailedFlag[]) : undefined;
}
