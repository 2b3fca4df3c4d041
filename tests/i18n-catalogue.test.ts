// The catalogues themselves: the same keys in English and Welsh (every Welsh count with all six
// plural forms), plurals chosen by i18next from Intl.PluralRules, safe rich text, the language
// of a path, and dates per language.
import { describe, expect, it } from 'vitest';
import { en } from '../server/i18n/en.ts';
import { cy } from '../server/i18n/cy.ts';
import { createCatalogue, createI18next, englishPath, langOf, localPath } from '../server/i18n/index.ts';
import { renderMarks, richText } from '../server/i18n/rich.ts';
import { monthYear } from '../server/format.ts';
import { WELSH_AREA_NAMES } from '../server/i18n/places.ts';
import { readAreasCsv } from '../server/areas/seed.ts';
import { englishIn } from './helpers/welsh.ts';

const SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(obj: unknown, prefix = ''): string[] {
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );
}

/** key -> the plural forms it has ('' for a plain key) */
function shape(catalogue: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of leaves(catalogue)) {
    const m = SUFFIX.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    if (!out.has(base)) out.set(base, new Set());
    out.get(base)!.add(m ? m[1]! : '');
  }
  return out;
}

describe('the catalogues', () => {
  const english = shape(en);
  const welsh = shape(cy);

  it('hold the same keys in both languages', () => {
    expect(
      [...english.keys()].filter((k) => !welsh.has(k)),
      'in English, not in Welsh',
    ).toEqual([]);
    expect(
      [...welsh.keys()].filter((k) => !english.has(k)),
      'in Welsh, not in English',
    ).toEqual([]);
  });

  it('give every count the plural forms of its language: one/other in English, all six in Welsh', () => {
    for (const [key, forms] of english) {
      if (forms.has('')) {
        expect(forms.size, `${key}: plain in English, so no plural forms`).toBe(1);
        expect([...welsh.get(key)!], `${key} is plain in English`).toEqual(['']);
        continue;
      }
      expect([...forms].sort(), key).toEqual(['one', 'other']);
      expect([...welsh.get(key)!].sort(), key).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    }
  });

  it('leave no Welsh message empty or identical to the English one, apart from names and codes', () => {
    const enText = new Map(leaves(en).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)]));
    const same: string[] = [];
    for (const key of leaves(cy)) {
      const value = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], cy);
      const base = key.replace(SUFFIX, '_other');
      if (value === enText.get(key) || value === enText.get(base)) same.push(key);
    }
    // the same in both: formats with no words, and the header's second half (empty in Welsh by design)
    expect(
      same.filter(
        (k) => !['quote.attribution', 'search.quoted', 'site.nameEnd', 'pagination.prevHidden', 'pagination.nextHidden'].includes(k),
      ),
    ).toEqual([]);
  });
});

describe('plurals come from i18next (Intl.PluralRules), with the Welsh mutations in the forms', () => {
  const { t, missing } = createCatalogue();

  it('counts families in Welsh: 0 teulu, 1 teulu, 2 deulu, 3 theulu, 4 teulu, 6 theulu, 11 teulu', () => {
    const said = [0, 1, 2, 3, 4, 6, 11, 1234].map((count) => t.cy('count.families', { count }));
    expect(said).toEqual(['0 teulu', '1 teulu', '2 deulu', '3 theulu', '4 teulu', '6 theulu', '11 teulu', '1,234 teulu']);
    expect(t.cy('count.workers', { count: 2 })).toBe('2 weithiwr cymdeithasol');
    expect(t.cy('count.familiesWords', { count: 3, words: 'three' })).toBe('Argymhellwyd gan dri theulu');
    expect(t.cy('count.familiesWords', { count: 2, words: 'two' })).toBe('Argymhellwyd gan ddau deulu');
    expect(missing.size).toBe(0);
  });

  it('counts families in English: 1 family, 2 families', () => {
    expect(t.en('count.families', { count: 1 })).toBe('1 family');
    expect(t.en('count.families', { count: 2 })).toBe('2 families');
    expect(t.en('count.recommendations', { count: 1234 })).toBe('1,234 recommendations');
  });

  it('formats numbers with plain `number` only (the catalogue formats those itself, one formatter per language)', () => {
    const texts = [en, cy].flatMap((c) =>
      leaves(c).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], c) as string),
    );
    const used = new Set(texts.flatMap((text) => [...text.matchAll(/\{\{[^{},]*,([^{}]*)\}\}/g)].map((m) => m[1]!.trim())));
    expect([...used]).toEqual(['number']);
    expect(createCatalogue().t.en('count.families', { count: 1234567 })).toBe('1,234,567 families');
  });

  it('answers every message with variables as i18next does, the first time and every time after', () => {
    // The catalogue fills simple messages in itself and remembers others: the reference is the
    // same i18next set-up, asked directly.
    const remembered = createCatalogue();
    const i18n = createI18next();
    for (const lang of ['en', 'cy'] as const) {
      const messages = lang === 'en' ? en : cy;
      for (const full of leaves(messages)) {
        const key = full.replace(SUFFIX, '');
        const text = full.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages) as string;
        const names = [...text.matchAll(/\{\{\s*([A-Za-z_]\w*)/g)].map((m) => m[1]!).filter((n) => n !== 'count');
        if (!names.length) continue;
        for (const [i, value] of ['Jane <Smith>', 'Ceredigion', 7, '', '\uE1000\uE101 $t(nav.search) {{text}}'].entries()) {
          const vars: Record<string, string | number> = Object.fromEntries(names.map((n) => [n, value]));
          if (SUFFIX.test(full)) vars.count = i + 1;
          const reference = i18n.t(key, { ...vars, lng: lang });
          expect(remembered.t[lang](key as never, vars), `${lang}:${full} ${JSON.stringify(vars)}`).toBe(reference);
          expect(remembered.t[lang](key as never, vars)).toBe(reference);
        }
      }
    }
  });

  it('answers a message asked for again the same way (each is worked out once), by its count and its other variables', () => {
    const c = createCatalogue();
    for (let round = 0; round < 2; round++) {
      expect(c.t.cy('count.families', { count: 2 })).toBe('2 deulu');
      expect(c.t.cy('count.families', { count: 3 })).toBe('3 theulu');
      expect(c.t.en('count.families', { count: 1 })).toBe('1 family');
      expect(c.t.cy('layout.exit')).toBe('Gadael y dudalen hon');
      expect(c.t.cy('count.familiesWords', { count: 2, words: 'two' })).toBe('Argymhellwyd gan ddau deulu');
      expect(c.t.en('worker.helpedToo', { name: round ? 'Siân' : 'Jane' })).toBe(`Has ${round ? 'Siân' : 'Jane'} helped your family too?`);
    }
  });

  it('reports a key neither catalogue holds', () => {
    const c = createCatalogue();
    // @ts-expect-error: not a key
    expect(c.t.cy('no.such.key')).toBe('no.such.key');
    expect([...c.missing]).toContain('cy:no.such.key');
  });
});

describe('rich text', () => {
  const { t } = createCatalogue();
  const rich = richText(t.cy, (p) => localPath('cy', p));

  it('links to the same-language page and escapes everything else', () => {
    expect(rich('status.result.mind')).toBe('Wedi newid eich meddwl? Gallwch <a href="/cy/withdraw">ei dynnu\'n ôl</a> unrhyw bryd.');
    expect(rich('footer.safety')).toContain('<strong>Yn poeni am blentyn?</strong>');
    expect(rich('footer.safety')).toContain('<a href="tel:08088005000">0808 800 5000</a>');
  });

  it('links to an https page as it is, and refuses any other scheme', () => {
    expect(rich('accessibility.abilityNet')).toContain('<a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a>');
    for (const target of ['javascript:alert(1)', 'http://example.com/', 'data:text/html,x', '//example.com/'])
      expect(() => renderMarks(`[x](${target})`, (p) => p), target).toThrow(/not allowed/);
  });

  it('never turns what a variable holds into markup', () => {
    const out = rich('insights.movedOn', { share: '[x](/evil) **<script>**', movedOn: 1, total: 2 });
    expect(out).toContain('<strong>[x](/evil) **&lt;script&gt;**</strong>');
    expect(out).not.toContain('href');
  });
});

describe('the language of a path', () => {
  it('is Welsh under /cy, and paths move between the languages', () => {
    expect(langOf('/cy')).toBe('cy');
    expect(langOf('/cy/search?q=x')).toBe('cy');
    expect(langOf('/cymru')).toBe('en');
    expect(englishPath('/cy')).toBe('/');
    expect(englishPath('/cy?x=1')).toBe('/?x=1');
    expect(englishPath('/cy/areas/cardiff?page=2')).toBe('/areas/cardiff?page=2');
    expect(localPath('cy', '/')).toBe('/cy');
    expect(localPath('cy', '/search?q=a')).toBe('/cy/search?q=a');
    expect(localPath('cy', '/cy/search')).toBe('/cy/search');
    for (const p of [
      '/api/areas',
      '/static/site.css',
      '/feed.xml',
      '/moderate',
      '/moderate/login',
      'tel:999',
      '#main',
      '//elsewhere.example',
    ]) {
      expect(localPath('cy', p), p).toBe(p);
    }
    expect(localPath('en', '/search')).toBe('/search');
    // the named worker's pages have Welsh versions too
    expect(localPath('cy', '/worker')).toBe('/cy/worker');
    expect(localPath('cy', '/worker/sign-in/abc')).toBe('/cy/worker/sign-in/abc');
    expect(localPath('cy', '/workers/jane-smith-hastings')).toBe('/cy/workers/jane-smith-hastings');
  });
});

describe('dates and names per language', () => {
  it('formats the month in Welsh', () => {
    expect(monthYear(Date.UTC(2026, 2, 5), 'cy')).toBe('Mawrth 2026');
    expect(monthYear(Date.UTC(2026, 2, 5))).toBe('March 2026');
  });

  it('has a Welsh name for each of the 22 Welsh councils, matching the area list', () => {
    const wales = readAreasCsv().filter((a) => a.nation === 'Wales');
    expect(wales).toHaveLength(22);
    for (const a of wales) expect(WELSH_AREA_NAMES[a.onsCode]?.en, a.onsCode).toBe(a.name);
    expect(Object.keys(WELSH_AREA_NAMES)).toHaveLength(22);
  });
});

describe('the form rules’ messages', () => {
  it('are in the catalogue word for word, so a Welsh page can show each in Welsh', async () => {
    const { MESSAGES } = await import('../server/nominations/form.ts');
    const { CHANGE_MESSAGES } = await import('../server/nominations/change-request.ts');
    const { BOT_MESSAGES } = await import('../server/http/bot-check.ts');
    expect(en.formError.nomination).toEqual({ ...MESSAGES });
    expect(en.formError.change).toEqual({ ...CHANGE_MESSAGES });
    expect(en.formError.bot).toEqual({ ...BOT_MESSAGES });
    const reasons = await import('../server/families/reasons.ts');
    const camel = (k: string) => k.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()) as keyof typeof en.status.reason;
    for (const [k, r] of Object.entries(reasons.SEND_BACK_REASONS)) expect(en.status.reason[camel(k)], k).toBe(r.family);
    for (const [k, w] of Object.entries(reasons.NOT_PUBLISHED_WORDS)) expect(en.status.reason[camel(k)], k).toBe(w);
    expect(en.status.reason.sendBackFallback).toBe(reasons.SEND_BACK_FALLBACK);
    const { WORKER_MESSAGES } = await import('../server/worker-accounts/messages.ts');
    expect(en.workerAccount.error).toEqual({ ...WORKER_MESSAGES });
  });

  it('the named worker’s messages reach a Welsh page in Welsh, counts included', async () => {
    const { localMessage } = await import('../server/i18n/form-messages.ts');
    const { WORKER_MESSAGES } = await import('../server/worker-accounts/messages.ts');
    const { t } = createCatalogue();
    for (const [name, text] of Object.entries(WORKER_MESSAGES)) {
      const welsh = localMessage(t.cy, 'cy', text);
      expect(welsh, name).not.toBe(text);
      expect(englishIn(welsh), `${name}: ${welsh}`).toEqual([]);
    }
    expect(localMessage(t.cy, 'cy', `${WORKER_MESSAGES.replyLong}. You have written 612.`)).toBe(
      "Rhaid i'ch ateb fod yn 500 nod neu lai. Rydych wedi ysgrifennu 612.",
    );
  });
});
