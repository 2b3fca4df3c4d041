// Keep it briefly (spec principle 4): contact emails go after 90 days (pending nominations too), and the
// family's original story a configured number of days after the decision. The published quote and the
// audit log stay. Run at start-up and every hour by server/plugins/jobs.ts.
import { and, isNotNull, lt, ne } from 'drizzle-orm';
import { changeRequests, nominations } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { audit } from '../audit.ts';

const DAY = 24 * 60 * 60_000;
export const CONTACT_EMAIL_DAYS = 90;

export type RetentionResult = { nominationEmails: number; requestEmails: number; stories: number };

export function runRetention(db: Db, now: number, retentionDays: number): RetentionResult {
  return db.transaction((tx): RetentionResult => {
    const emailCutoff = now - CONTACT_EMAIL_DAYS * DAY;
    const nominationEmails = tx
      .update(nominations)
      .set({ contactEmail: null })
      .where(and(isNotNull(nominations.contactEmail), lt(nominations.submittedAt, emailCutoff)))
      .run().changes;
    const requestEmails = tx
      .update(changeRequests)
      .set({ contactEmail: null })
      .where(and(isNotNull(changeRequests.contactEmail), lt(changeRequests.submittedAt, emailCutoff)))
      .run().changes;
    const n = nominations;
    const stories = tx
      .update(n)
      .set({ story: null, storyDeletedAt: now })
      .where(and(isNotNull(n.story), ne(n.status, 'pending'), isNotNull(n.decidedAt), lt(n.decidedAt, now - retentionDays * DAY)))
      .run().changes;
    const result = { nominationEmails, requestEmails, stories };
    if (nominationEmails || requestEmails || stories) {
      audit(db, {
        at: now,
        moderatorId: null,
        action: 'retention.run',
        subjectType: 'system',
        after: result,
        note: `Deleted ${stories} original ${stories === 1 ? 'story' : 'stories'} and ${nominationEmails + requestEmails} contact ${nominationEmails + requestEmails === 1 ? 'email' : 'emails'}`,
      });
    }
    return result;
  });
}
