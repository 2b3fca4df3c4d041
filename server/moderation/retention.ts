// Keep it briefly (spec principle 4): contact emails go after 90 days (pending nominations too), and the
// family's original story a configured number of days after the decision. The published quote and the
// audit log stay. Run at start-up and every hour by server/plugins/jobs.ts.
import type { Db } from '../db.ts';
import { audit } from '../audit.ts';

const DAY = 24 * 60 * 60_000;
export const CONTACT_EMAIL_DAYS = 90;

export type RetentionResult = { nominationEmails: number; requestEmails: number; stories: number };

export function runRetention(db: Db, now: number, retentionDays: number): RetentionResult {
  const sqlite = db.$client;
  return sqlite.transaction((): RetentionResult => {
    const emailCutoff = now - CONTACT_EMAIL_DAYS * DAY;
    const nominationEmails = sqlite
      .prepare('UPDATE nominations SET contact_email = NULL WHERE contact_email IS NOT NULL AND submitted_at < ?')
      .run(emailCutoff).changes;
    const requestEmails = sqlite
      .prepare('UPDATE change_requests SET contact_email = NULL WHERE contact_email IS NOT NULL AND submitted_at < ?')
      .run(emailCutoff).changes;
    const stories = sqlite
      .prepare(
        `UPDATE nominations SET story = NULL, story_deleted_at = ?
          WHERE story IS NOT NULL AND status != 'pending' AND decided_at IS NOT NULL AND decided_at < ?`,
      )
      .run(now, now - retentionDays * DAY).changes;
    const result = { nominationEmails, requestEmails, stories };
    if (nominationEmails || requestEmails || stories) {
      audit(db, {
        at: now, moderatorId: null, action: 'retention.run', subjectType: 'system', after: result,
        note: `Deleted ${stories} original ${stories === 1 ? 'story' : 'stories'} and ${nominationEmails + requestEmails} contact ${nominationEmails + requestEmails === 1 ? 'email' : 'emails'}`,
      });
    }
    return result;
  })();
}
