// "How I am shown": full name, first name and area only, or thanks in private only. Takes effect at
// once. The public read side needs no second rule for it: a first-name profile's `name` column holds
// only the first name (the full one is kept in `full_name` for moderators and the worker), under a
// new slug with no redirect from the old one; a private profile is left out by listedWorker
// (server/workers/visibility.ts) and its slugs answer like unknown ones.
import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { workerSlugRedirects, workers, type WORKER_DISPLAYS } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { uniqueWorkerSlug } from '../workers/slug.ts';
import { shownName } from '../workers/name.ts';
import type { OwnedProfile } from './profiles.ts';

export type Display = (typeof WORKER_DISPLAYS)[number];

/** Applies the choice; returns the profile's slug afterwards. */
export function setDisplay(
  db: Db,
  areas: AreaDirectory,
  input: { accountId: number; profile: OwnedProfile; display: Display; now: number },
): string {
  const { profile, display, now } = input;
  if (profile.display === display) return profile.slug;
  const area = areas.get(profile.areaId)!;
  return db.$client.transaction(() => {
    const { name, fullName } = shownName(profile.fullName, display);
    // A private profile keeps its slug (no public page answers to it); a shown one gets the slug of the name shown.
    const slug = display === 'private' ? profile.slug : uniqueWorkerSlug(db, name, area.slug, profile.id);
    db.update(workers).set({ display, name, fullName, slug, updatedAt: now }).where(eq(workers.id, profile.id)).run();
    // Old addresses carried the name as it was: they answer 404 now, not a redirect that would tie them to this one.
    if (slug !== profile.slug || display === 'private')
      db.delete(workerSlugRedirects).where(eq(workerSlugRedirects.workerId, profile.id)).run();
    audit(db, {
      at: now,
      moderatorId: null,
      action: 'worker.display_changed',
      subjectType: 'worker',
      subjectId: profile.id,
      before: { display: profile.display },
      after: { display },
      note: `by the worker (account ${input.accountId})`,
    });
    return slug;
  })();
}
