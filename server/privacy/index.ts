// Privacy flags: spans of a story that may identify someone, and a suggested anonymised quote.
// (Interface fixed here; the detection is built out in server/privacy/*.)

export const FLAG_KINDS = ['email', 'phone', 'postcode', 'address', 'date', 'age', 'school', 'case_ref', 'name', 'url'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export type Flag = { kind: FlagKind; start: number; end: number; text: string };

export const PLACEHOLDERS: Record<FlagKind, string> = {
  email: '[email]',
  phone: '[phone number]',
  postcode: '[postcode]',
  address: '[address]',
  date: '[date]',
  age: '[age]',
  school: '[school]',
  case_ref: '[case reference]',
  name: '[name]',
  url: '[link]',
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** Flagged spans, sorted by start, not overlapping. */
export function findFlags(story: string, _workerName: string): Flag[] {
  const out: Flag[] = [];
  for (const m of story.matchAll(EMAIL)) out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, text: m[0] });
  return out.sort((a, b) => a.start - b.start);
}

/** The story with each flagged span replaced by its placeholder. */
export function suggestQuote(story: string, flags: Flag[]): string {
  let out = '';
  let pos = 0;
  for (const f of flags) {
    if (f.start < pos) continue;
    out += story.slice(pos, f.start) + PLACEHOLDERS[f.kind];
    pos = f.end;
  }
  return out + story.slice(pos);
}
