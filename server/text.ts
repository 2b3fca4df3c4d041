// Small text helpers shared by areas, search, privacy and slugs, and the one cleaner every typed
// answer goes through (the family's form, the change request, the moderator's forms).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 control characters except tab and newline; they are invisible and can upset other tools.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates: invisible, and they can make a public line read backwards.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
/** Combining marks kept on one letter; real writing needs at most three, stacked marks ("zalgo") lose the rest. */
export const MAX_MARKS = 4;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
}

function invisibleOut(s: string): string {
  return s.replace(CONTROL, '').replace(BIDI, '').replace(MARK_RUN, '$1');
}

/** A one-line answer: whitespace runs (newlines included) become one space; invisible controls out; trimmed. */
export function cleanLine(s: string): string {
  return invisibleOut(wellFormed(s).replace(/\s+/g, ' ')).replace(/ {2,}/g, ' ').trim();
}

/** A multi-line answer: line endings normalised to \n, invisible controls out, trimmed. */
export function cleanMultiline(s: string): string {
  return invisibleOut(wellFormed(s).replace(/\r\n?/g, '\n')).trim();
}

/** Characters as people count them, near enough: code points, so an emoji counts as one. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Strip accents and fold case: "Siân Zoë" -> "sian zoe". */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
}

/** Fold and reduce to words: "St. Helens" -> "st helens", "Brighton & Hove" -> "brighton and hove". */
export function normalizePhrase(s: string): string {
  return fold(s)
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** URL slug from a name: "Bristol, City of" -> "bristol-city-of". Non-Latin letters are kept. */
export function slugify(s: string): string {
  return normalizePhrase(s).replace(/ /g, '-').slice(0, 80) || 'worker';
}

/** Parse a small CSV file (RFC 4180 quoting) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** One CSV field, quoted when needed; leading =,+,-,@ are prefixed so spreadsheets do not run them. */
export function csvField(v: string | number | null | undefined): string {
  let s = v == null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
