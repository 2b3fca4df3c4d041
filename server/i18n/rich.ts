// Catalogue sentences with links in them, kept whole so a translation can move the link:
// "You can [withdraw your recommendation](/withdraw) at any time." Output is HTML with every
// character escaped; only three marks in the catalogue's own text become elements:
// [text](href), **strong** and `code`. A text variable is swapped for a placeholder while the
// marks are read, so nothing a person typed can become markup.
import type { MessageKey, Translate } from './index.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Escapes text for element content (rich text is never put in an attribute). An apostrophe
 * needs no escaping there, so "council's" reads in the page source as it did before the catalogue.
 */
export const escapeHtml = (s: unknown) => String(s).replace(/[&<>"]/g, (c) => ESC[c]!);

/**
 * Links may go to a site path, a fragment, a phone number, a mail address or an https page
 * (the accessibility statement's references); nothing else. Only the catalogue's own text can
 * hold a link: a variable never becomes one.
 */
const SAFE_HREF = /^(\/(?!\/)|#|tel:|mailto:|https:\/\/)/;
/** Private-use characters around a variable's index: never in the catalogue, removed from input. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const HOLE = /\uE000(\d+)\uE001/g;

export type Rich = (key: MessageKey, vars?: Record<string, number | string>) => string;

export function richText(t: Translate, href: (path: string) => string): Rich {
  return (key, vars) => {
    if (!vars) return renderMarks(t(key), href);
    const texts: string[] = [];
    const held: Record<string, number | string> = {};
    for (const [name, v] of Object.entries(vars)) {
      if (typeof v === 'number') held[name] = v;
      else {
        held[name] = `${OPEN}${texts.length}${CLOSE}`;
        texts.push(String(v).replace(/[\uE000\uE001]/g, ''));
      }
    }
    return renderMarks(t(key, held), href).replace(HOLE, (_m, i: string) => escapeHtml(texts[Number(i)] ?? ''));
  };
}

export function renderMarks(message: string, href: (path: string) => string): string {
  return escapeHtml(message)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_whole, text: string, target: string) => {
      const raw = target.replace(/&amp;/g, '&');
      if (!SAFE_HREF.test(raw)) throw new Error(`rich text: link target not allowed: ${raw}`);
      return `<a href="${escapeHtml(href(raw))}">${text}</a>`;
    })
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}
