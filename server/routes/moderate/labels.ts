// Words moderators see for codes stored in the database.
import { KIND_LABELS } from '../../privacy/index.ts';
import { QUALITY_LABELS } from '../../qualities.ts';

/** The privacy module's words for its kinds, and "child's name" for the finer kind of a name. */
const FLAG_LABELS: Record<string, string> = { ...KIND_LABELS, child_name: "child's name" };

/** "phone number" for 'phone'; unknown kinds (a detector may add some) read as words. */
export function flagLabel(kind: string): string {
  return FLAG_LABELS[kind] ?? kind.replace(/_/g, ' ');
}

export const CONCERN_LABELS: Record<string, string> = {
  safeguarding: 'Possible safeguarding concern',
  complaint: 'Reads like a complaint',
  duplicate: 'Possible duplicate',
};

export const STILL_INVOLVED_LABELS: Record<string, string> = {
  yes: 'Yes, still working with the family',
  moved_on: 'No, the social worker has moved on',
  case_closed: 'No, the case is closed',
  not_sure: 'Not sure',
};

export const RELATIONSHIP_NAMES: Record<string, string> = {
  parent: 'Parent',
  carer: 'Carer',
  young_person: 'Young person',
  relative: 'Relative',
  professional: 'Professional',
  other: 'Other',
};

export { QUALITY_LABELS };
