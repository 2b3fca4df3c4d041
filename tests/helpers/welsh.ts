// Reading a rendered page the way a Welsh reader meets it: the visible text and the text in
// attributes people hear or see (titles, labels, descriptions), minus what is rightly not Welsh:
// families' quotes, code samples, elements marked lang="en" (the "English" link, a page not yet
// translated) and scripts.
import { unescapeHtml } from './nominate.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP = new Set(['script', 'style', 'blockquote', 'code', 'var']);
const SPOKEN_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'];

export type PageText = { text: string[]; attributes: string[] };

const decode = (s: string) => unescapeHtml(s.replace(/&nbsp;/g, ' ').replace(/&shy;/g, ''));

/** The page's text nodes and spoken attributes, outside quotes, code and English-marked elements. */
export function pageText(html: string): PageText {
  const out: PageText = { text: [], attributes: [] };
  const stack: { tag: string; skip: boolean }[] = [];
  const skipping = () => stack.some((e) => e.skip);
  const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const m of html.matchAll(token)) {
    const [, close, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      const t = decode(text).replace(/\s+/g, ' ').trim();
      if (t && !skipping()) out.text.push(t);
      continue;
    }
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    if (close) {
      const i = stack.map((e) => e.tag).lastIndexOf(tag);
      if (i >= 0) stack.length = i;
      continue;
    }
    const skip = SKIP.has(tag) || /\blang="en/.test(attrs);
    if (!skip && !skipping()) {
      for (const a of SPOKEN_ATTRIBUTES) {
        const v = new RegExp(`\\s${a}="([^"]*)"`).exec(attrs)?.[1];
        if (v) out.attributes.push(decode(v));
      }
      if (tag === 'meta' && /name="description"/.test(attrs)) out.attributes.push(decode(/content="([^"]*)"/.exec(attrs)?.[1] ?? ''));
    }
    if (!VOID.has(tag) && !attrs.trim().endsWith('/')) stack.push({ tag, skip });
  }
  return out;
}

/** Words that give English away on their own: none of them is Welsh or part of a place name. */
const ENGLISH_WORDS = new Set(
  'the you your this that have what which they their been when who how please sorry search searched recommend recommended recommendation recommendations family families social worker workers page previous next found week weeks privacy withdraw areas insights there here about from'.split(
    ' ',
  ),
);
/** Short words English sentences are made of; one may be in a place name ("Isle of Wight"), two make a sentence. */
const ENGLISH_GLUE = new Set('and of to is are with for not has was we our be by or if it in on an'.split(' '));

/** The English in a piece of text: its tell-tale words, or its glue words when it has two or more. */
export function englishIn(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^a-zâêîôûŵŷäëïöüÿáéíóúẁýàèìòùẁỳ']+/u)
    .filter(Boolean);
  const strong = words.filter((w) => ENGLISH_WORDS.has(w));
  const glue = words.filter((w) => ENGLISH_GLUE.has(w));
  return strong.length ? strong : glue.length >= 2 ? glue : [];
}
