// "My thanks": every published quote and quality count of a profile, for supervision or the CPD
// record, with a check code. Each document issued is a row saying what its code covers (which quotes,
// which months), so a manager can check it on a public page that shows that and nothing else.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { quotes, thanksDocuments } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { yearMonth } from '../format.ts';
import { REFERENCE_ALPHABET } from '../nominations/reference.ts';
import { liveQuotes, qualityCounts, type PublicQuote, type QualityCount } from '../workers/profile.ts';

const CODE_LENGTH = 16;

/** 80 random bits as 16 letters without 0/O/1/I. */
function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let out = '';
  for (const b of bytes) out += REFERENCE_ALPHABET[b & 31];
  return out;
}

/** "ABCD-EFGH-JKLM-NPQR" */
export const formatCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** What someone typed: upper case, spaces and dashes dropped; null when it cannot be a code. */
export function compactCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s\-‐–—.]/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => REFERENCE_ALPHABET.includes(c)) ? code : null;
}

export type Thanks = { code: string; issuedAt: number; quotes: PublicQuote[]; qualities: QualityCount[]; months: string[] };

/** The thanks as they stand, under a check code (the last one again when it lists the same quotes). */
export function issueThanks(db: Db, input: { accountId: number; workerId: number; now: number }): Thanks {
  const { workerId, now } = input;
  return db.$client.transaction(() => {
    const list = liveQuotes(db, workerId);
    const qualities = qualityCounts(db, workerId).filter((q) => q.count > 0);
    const quoteIds = JSON.stringify(list.map((q) => q.id));
    const months = [...new Set(list.map((q) => yearMonth(q.publishedAt)))].sort();
    const last = db.select().from(thanksDocuments).where(eq(thanksDocuments.workerId, workerId)).orderBy(desc(thanksDocuments.id)).get();
    if (last && last.quoteIds === quoteIds) return { code: last.code, issuedAt: last.issuedAt, quotes: list, qualities, months };
    const code = newCode();
    const id = Number(
      db
        .insert(thanksDocuments)
        .values({ code, workerId, issuedAt: now, quoteIds, months: JSON.stringify(months) })
        .run().lastInsertRowid,
    );
    audit(db, {
      at: now,
      moderatorId: null,
      action: 'worker.thanks_issued',
      subjectType: 'thanks_document',
      subjectId: id,
      after: { workerId, quotes: list.length },
      note: `by the worker (account ${input.accountId})`,
    });
    return { code, issuedAt: now, quotes: list, qualities, months };
  })();
}

export type CheckedThanks = {
  issuedAt: number;
  months: string[];
  /** the quotes the document lists that are still published (text, who, when) */
  quotes: { text: string; relationship: string; publishedAt: number }[];
  /** listed quotes since taken down (withdrawn by the family or unpublished): not shown */
  removed: number;
};

/** What a check code covers, or undefined when no document has it. */
export function checkThanks(db: Db, code: string): CheckedThanks | undefined {
  const doc = db.select().from(thanksDocuments).where(eq(thanksDocuments.code, code)).get();
  if (!doc) return undefined;
  const ids = parseIds(doc.quoteIds);
  const live = ids.length
    ? db
        .select({ id: quotes.id, text: quotes.text, relationship: quotes.relationship, publishedAt: quotes.publishedAt })
        .from(quotes)
        .where(and(inArray(quotes.id, ids), eq(quotes.workerId, doc.workerId), isNull(quotes.unpublishedAt)))
        .all()
    : [];
  const shown = live;
  shown.sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id);
  return {
    issuedAt: doc.issuedAt,
    months: parseMonths(doc.months),
    quotes: shown.map(({ text, relationship, publishedAt }) => ({ text, relationship, publishedAt })),
    removed: ids.length - shown.length,
  };
}

function parseIds(json: string): number[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
}

function parseMonths(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
