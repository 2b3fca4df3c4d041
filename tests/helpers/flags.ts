// A story's flags as the privacy tests compare them: "text", or "text (check)" on the check tier.
import { findFlags, type Flag, type FlagKind } from '../../server/privacy/index.ts';

export const TEST_WORKER = 'Jane Smith';

const shown = (f: Flag) => `${f.text}${f.tier === 'check' ? ' (check)' : ''}`;

/** The flags of one kind, in story order. */
export const flagged = (story: string, kind: FlagKind, worker = TEST_WORKER) =>
  findFlags(story, worker)
    .filter((f) => f.kind === kind)
    .map(shown);

/** Every flag, as "kind:text". */
export const allFlagged = (story: string, worker = TEST_WORKER) => findFlags(story, worker).map((f) => `${f.kind}:${shown(f)}`);
