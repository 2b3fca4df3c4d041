// The feed's content: the 50 newest live quotes of public profiles.
import type { Db } from '../db.ts';
import type { AreaDirectory } from '../areas/directory.ts';
import { attribution, monthStamp } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import { latestQuotes } from '../workers/profile.ts';
import { tagUri, type Feed } from './atom.ts';

export const FEED_SIZE = 50;

/** `t` gives the feed's own titles (the feed is English, like the rest of the open data). */
export function quotesFeed(db: Db, areas: AreaDirectory, publicUrl: string, now: number, t: Translate): Feed {
  const base = publicUrl.replace(/\/+$/, '');
  const entries = latestQuotes(db, FEED_SIZE).map((q) => {
    const area = areas.get(q.worker.areaId);
    return {
      id: tagUri(publicUrl, `quote-${q.id}`),
      title: area ? `${q.worker.name}, ${area.name}` : q.worker.name,
      link: `${base}/workers/${encodeURIComponent(q.worker.slug)}`,
      content: `“${q.text}”\n— ${attribution(q.relationship, q.publishedAt)}`,
      updated: monthStamp(q.publishedAt),
    };
  });
  return {
    id: tagUri(publicUrl, 'quotes'),
    title: t('feed.feedTitle'),
    subtitle: t('feed.subtitle'),
    selfUrl: `${base}/feed.xml`,
    siteUrl: `${base}/`,
    author: t('site.name'),
    // entries are newest first, so the first one's month is the feed's
    updated: entries[0]?.updated ?? monthStamp(now),
    entries,
  };
}
