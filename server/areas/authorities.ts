// Children's services authorities and their email domains (db/authorities.csv), seeded like the areas,
// and the one rule for whether a work email belongs to an authority: its domain is one of the
// authority's, or a subdomain of one (socialcare.eastsussex.gov.uk), compared label by label so
// eastsussex.gov.uk.evil.com and evileastsussex.gov.uk are refused.
import { readFileSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { authorityDomains } from '../../db/schema.ts';
import { parseCsv } from '../text.ts';
import { fromRoot } from '../paths.ts';

export const AUTHORITIES_CSV = fromRoot('db', 'authorities.csv');

export type AuthorityRow = { authority: string; nation: string; domains: string[] };

/** A domain as stored and compared: ASCII letters, digits and hyphens in dot-separated labels, lower case. */
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function readAuthoritiesCsv(path = AUTHORITIES_CSV): AuthorityRow[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (header?.join(',') !== 'authority,nation,domains') throw new Error(`Unexpected header in ${path}`);
  return rows.map(([authority, nation, domains], i) => {
    const list = (domains ?? '')
      .split(';')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean);
    const bad = list.find((d) => !DOMAIN.test(d));
    if (!authority || !nation || !list.length || bad)
      throw new Error(`${path} line ${i + 2}: needs an authority, a nation and valid domains${bad ? ` (not a domain: ${bad})` : ''}`);
    return { authority, nation, domains: list };
  });
}

/** Makes authority_domains match the CSV; writes nothing when it already does. */
export function seedAuthorityDomains(db: Db): { domains: number } {
  const wanted = readAuthoritiesCsv().flatMap((a) => a.domains.map((domain) => ({ authority: a.authority, nation: a.nation, domain })));
  const key = (r: { authority: string; nation: string; domain: string }) => `${r.authority}\u0000${r.nation}\u0000${r.domain}`;
  const have = db
    .select({ authority: authorityDomains.authority, nation: authorityDomains.nation, domain: authorityDomains.domain })
    .from(authorityDomains)
    .all();
  const same = have.length === wanted.length && new Set([...have.map(key), ...wanted.map(key)]).size === wanted.length;
  if (!same) {
    db.transaction((tx) => {
      tx.delete(authorityDomains).run();
      for (const r of wanted) tx.insert(authorityDomains).values(r).run();
    });
  }
  return { domains: wanted.length };
}

/** The domain of an address, lower case, or undefined if it is not a plain address on an ASCII domain. */
export function emailDomain(email: string): string | undefined {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 1 || trimmed.indexOf('@') !== at || /[\s<>(),;:"[\]\\]/.test(trimmed)) return undefined;
  const domain = trimmed
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : undefined;
}

/** "a.b.eastsussex.gov.uk" -> itself and every parent domain of two labels or more. */
function selfAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Is this an email address on one of the authority's domains (or a subdomain of one)? Case-insensitive. */
export function authorityAcceptsEmail(db: Db, authorityName: string, email: string): boolean {
  const domain = emailDomain(email);
  if (!domain) return false;
  const match = db
    .select({ id: authorityDomains.id })
    .from(authorityDomains)
    .where(and(eq(authorityDomains.authority, authorityName), inArray(authorityDomains.domain, selfAndParents(domain))))
    .limit(1)
    .get();
  return match !== undefined;
}
