// The Atom feed (RFC 4287) of newly published quotes: worker name, area, the anonymised quote,
// the relationship and the month. Nothing else about a nomination is ever in it.

/** Characters XML 1.0 does not allow at all (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/F). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for XML element content and attribute values; characters XML forbids are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type FeedEntry = {
  /** stable id, e.g. "tag:example.org,2026:quote-12" */
  id: string;
  title: string;
  /** absolute URL of the profile */
  link: string;
  /** plain text */
  content: string;
  /** RFC 3339, the month only (format.ts monthStamp) */
  updated: string;
};

export type Feed = {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  siteUrl: string;
  author: string;
  updated: string;
  entries: FeedEntry[];
};

/** A tag: URI (RFC 4151) that stays the same for the life of a quote. */
export function tagUri(publicUrl: string, specific: string): string {
  return `tag:${new URL(publicUrl).hostname},2026:${specific}`;
}

export function renderAtom(feed: Feed): string {
  const x = xmlEscape;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${x(feed.id)}</id>`,
    `  <title>${x(feed.title)}</title>`,
    `  <subtitle>${x(feed.subtitle)}</subtitle>`,
    `  <updated>${x(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.siteUrl)}"/>`,
    `  <author><name>${x(feed.author)}</name></author>`,
  ];
  for (const e of feed.entries) {
    out.push(
      '  <entry>',
      `    <id>${x(e.id)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <updated>${x(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
      `    <content type="text">${x(e.content)}</content>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
