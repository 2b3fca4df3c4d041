// Test data written straight into the real database, for tests of the read side that do not
// go through the nomination and moderation journeys. Mirrors what approval writes.
import { createHash, randomBytes } from 'node:crypto';
import type { TestApp } from './app.ts';
import { uniqueWorkerSlug } from '../../server/workers/slug.ts';

export type SeedNomination = {
  workerName: string;
  area: string;
  submittedAt?: number;
  status?: 'pending' | 'approved' | 'rejected';
  qualities?: string[];
  story?: string;
  quote?: string;
  contactEmail?: string | null;
  relationship?: string;
  stillInvolved?: string;
  team?: string | null;
  /** attach to this worker instead of finding/creating one by name + area */
  workerId?: number;
};

/** Insert a nomination; if approved, attach it to a (new or same-name) worker and publish its quote. */
export function seedNomination(app: TestApp, s: SeedNomination): { nominationId: number; workerId: number | null; slug: string | null } {
  const sqlite = app.db.$client;
  const area = app.areas.resolve(s.area);
  if (!area) throw new Error(`unknown area ${s.area}`);
  const submittedAt = s.submittedAt ?? app.clock.now;
  const status = s.status ?? 'approved';
  const story = s.story ?? `${s.workerName} listened to us and helped our family through a very hard time.`;
  return sqlite.transaction(() => {
    let workerId: number | null = null;
    let slug: string | null = null;
    if (status === 'approved') {
      const existing = s.workerId
        ? (sqlite.prepare('SELECT id, slug FROM workers WHERE id = ?').get(s.workerId) as { id: number; slug: string })
        : (sqlite.prepare('SELECT id, slug FROM workers WHERE name = ? AND area_id = ?').get(s.workerName, area.id) as
            | { id: number; slug: string }
            | undefined);
      if (existing) {
        workerId = existing.id;
        slug = existing.slug;
      } else {
        slug = uniqueWorkerSlug(app.db, s.workerName, area.slug);
        workerId = Number(
          sqlite
            .prepare('INSERT INTO workers (slug, name, area_id, team, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(slug, s.workerName, area.id, s.team ?? null, 'published', submittedAt, submittedAt).lastInsertRowid,
        );
      }
    }
    const nominationId = Number(
      sqlite
        .prepare(
          `INSERT INTO nominations (ref, submission_key, status, worker_name, area_id, team, relationship, qualities, still_involved,
                                    story, story_hash, contact_email, submitted_at, decided_at, worker_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          randomBytes(8).toString('hex').toUpperCase(),
          randomBytes(12).toString('hex'),
          status,
          s.workerName,
          area.id,
          s.team ?? null,
          s.relationship ?? 'parent',
          JSON.stringify(s.qualities ?? []),
          s.stillInvolved ?? 'yes',
          story,
          createHash('sha256').update(story).digest('hex'),
          s.contactEmail ?? null,
          submittedAt,
          status === 'pending' ? null : submittedAt,
          workerId,
        ).lastInsertRowid,
    );
    if (status === 'approved') {
      sqlite
        .prepare('INSERT INTO quotes (nomination_id, worker_id, text, relationship, published_at) VALUES (?, ?, ?, ?, ?)')
        .run(
          nominationId,
          workerId,
          s.quote ?? 'They listened to us and never gave up on our family.',
          s.relationship ?? 'parent',
          submittedAt,
        );
    }
    return { nominationId, workerId, slug };
  })();
}
