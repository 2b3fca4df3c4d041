// No user-facing English written into a template: every word a page shows comes from the
// catalogue (it.t / it.rich), so it exists in Welsh too. Moderation pages may stay English, and
// pages not yet translated are listed below (their Welsh version says so, see server/i18n/ready.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEWS_DIR } from '../server/plugins/view.ts';
import { WELSH_READY } from '../server/i18n/ready.ts';

function templates(dir = VIEWS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? templates(join(dir, e.name)) : e.name.endsWith('.eta') ? [join(dir, e.name)] : [],
  );
}

/** Partials used only by pages that may stay English (moderation) or are not translated yet. */
const ENGLISH_PARTIALS = new Set<string>([]);

/** Visible text and spoken attributes written into the template itself, not output by a tag. */
function writtenEnglish(source: string): string[] {
  const found: string[] = [];
  // string literals inside template tags that read like a phrase ("Not given"), not a key or path
  for (const tag of source.matchAll(/<%[=~]?([\s\S]*?)%>/g)) {
    if (tag[0].startsWith('<%/*')) continue;
    for (const lit of tag[1]!.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) {
      const text = lit[1] ?? lit[2] ?? '';
      if (/[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}/.test(text) && !/[<>=]/.test(text)) found.push(`in a tag: ${text}`);
    }
  }
  const markup = source
    .replace(/<%[\s\S]*?%>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(code|var|script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ');
  for (const a of markup.matchAll(/\s(?:aria-label|title|alt|placeholder|content)="([^"]*)"/g)) {
    if (/[A-Za-z]{2,}/.test(a[1]!)) found.push(`in an attribute: ${a[1]}`);
  }
  for (const text of markup.replace(/<[^>]*>/g, '\n').split('\n')) {
    const t = text.replace(/&[a-z]+;|&#\d+;/g, ' ').trim();
    if (/[A-Za-z]{2,}/.test(t)) found.push(`text: ${t}`);
  }
  return found;
}

describe('templates', () => {
  const all = templates();

  it('hold no English of their own: every word comes from the catalogue', () => {
    const problems: string[] = [];
    for (const file of all) {
      const name = relative(VIEWS_DIR, file).replace(/\.eta$/, '');
      if (name.startsWith('moderate/')) continue;
      if (name.startsWith('partials/') ? ENGLISH_PARTIALS.has(name) : !WELSH_READY.has(name)) continue;
      for (const p of writtenEnglish(readFileSync(file, 'utf8'))) problems.push(`${name}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('the check finds English written into a template', () => {
    expect(writtenEnglish('<p>Hello there</p>')).toEqual(['text: Hello there']);
    expect(writtenEnglish('<nav aria-label="Main menu"></nav>')).toHaveLength(1);
    expect(writtenEnglish("<%= x ? 'Not given' : '' %>")).toHaveLength(1);
    expect(writtenEnglish("<p><%= it.t('a.b') %> · <code>/api/areas</code></p><%/* a comment in English */%>")).toEqual([]);
  });

  it('lists as not yet translated only pages that exist', () => {
    const names = new Set(all.map((f) => relative(VIEWS_DIR, f).replace(/\.eta$/, '')));
    for (const n of WELSH_READY) expect(names.has(n), n).toBe(true);
  });
});
