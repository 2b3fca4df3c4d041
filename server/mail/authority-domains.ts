// TEMPORARY stand-in until the mail branch lands (it seeds authority_domains from db/authorities.csv
// and its version of this file replaces this one): does an address belong to an authority's domains?
import { eq } from 'drizzle-orm';
import type { DbOrTx } from './outbox.ts';
import { authorityDomains } from '../../db/schema.ts';

/** True when the email's domain is one of the authority's domains, or a subdomain of one. */
export function authorityAcceptsEmail(db: DbOrTx, authorityName: string, email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const domain = email.slice(at + 1).toLowerCase().replace(/\.$/, '');
  const rows = db.select({ domain: authorityDomains.domain }).from(authorityDomains).where(eq(authorityDomains.authority, authorityName)).all();
  return rows.some((r) => domain === r.domain || domain.endsWith(`.${r.domain}`));
}
