// The message catalogue (i18next) and the one rule for which language a request is in: the
// path. English pages are at /…, Welsh pages at /cy/… (the same route modules, registered twice).
import i18next, { type TOptions } from 'i18next';
import { en } from './en.ts';
import { cy } from './cy.ts';
import { PAGE_LANGS } from '../../db/schema.ts';

/** English and Welsh: the same list the database stores a page's language with. */
export const LANGS = PAGE_LANGS;
export type Lang = (typeof LANGS)[number];
export const WELSH_PREFIX = '/cy';

/** i18next plural suffixes (Intl.PluralRules categories): `families_one`, `families_other`, Welsh adds zero/two/few/many. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & (string | number)]: T[K] extends string ? `${P}${Base<`${K}`>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & (string | number)];
/** Every key in the catalogue, plural forms folded: `count.families`. */
export type MessageKey = Leaves<typeof en>;
/** What a public route module is told when registered: the language it serves (English at /, Welsh under /cy). */
export type SiteOptions = { lang: Lang };

export type MessageVars = TOptions & Record<string, unknown>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** Paths that exist only once, in English (data, assets, moderation, the feed): never prefixed with /cy. */
const NOT_LOCALISED = /^\/(api\/|static\/|moderate(\/|$|\?)|feed\.xml|healthz)/;

/** Does this (English) path have a Welsh version? */
export function isLocalised(path: string): boolean {
  return !NOT_LOCALISED.test(path);
}

export function langOf(url: string): Lang {
  return url === WELSH_PREFIX || url.startsWith('/cy/') || url.startsWith('/cy?') ? 'cy' : 'en';
}

/** The English path (and query) of any URL: "/cy/search?q=x" -> "/search?q=x", "/cy" -> "/". */
export function englishPath(url: string): string {
  if (langOf(url) === 'en') return url;
  const rest = url.slice(WELSH_PREFIX.length);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/** The same page asked for with its parameters in another order gets the same links (and the same bytes). */
export function sortedQuery(pathAndQuery: string): string {
  const at = pathAndQuery.indexOf('?');
  if (at < 0) return pathAndQuery;
  const params = new URLSearchParams(pathAndQuery.slice(at + 1));
  params.sort();
  const query = params.toString();
  return query ? `${pathAndQuery.slice(0, at)}?${query}` : pathAndQuery.slice(0, at);
}

/** `path` (an English site path) in `lang`: "/search" -> "/cy/search"; "/" -> "/cy". Other links pass through. */
export function localPath(lang: Lang, path: string): string {
  if (lang === 'en' || !path.startsWith('/') || path.startsWith('//') || NOT_LOCALISED.test(path) || langOf(path) === 'cy') return path;
  if (path === '/') return WELSH_PREFIX;
  if (path.startsWith('/?') || path.startsWith('/#')) return WELSH_PREFIX + path.slice(1);
  return WELSH_PREFIX + path;
}

export type Catalogue = {
  /** a translate function bound to the language */
  t: Record<Lang, Translate>;
  /** keys asked for that neither catalogue holds ("lang:key"), for tests */
  missing: Set<string>;
  /** does `key` (a plural base or a plain key) exist in `lang`, without falling back */
  has(lang: Lang, key: string): boolean;
};

/** Messages with variables remembered per language (a few hundred bytes each). */
const REMEMBERED_WITH_VARS = 5000;

/** i18next's own options: a call naming one (a plural count, a context…) is always i18next's to answer. */
const OPTION_NAMES = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'lng',
  'lngs',
  'ns',
  'replace',
  'interpolation',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'keyPrefix',
  'skipInterpolation',
  'fallbackLng',
]);

/** One string naming a key and its variables, or undefined when a variable is not a plain value. */
function memoKey(key: string, vars: MessageVars): string | undefined {
  let out = key;
  for (const name in vars) {
    const v = vars[name];
    const type = typeof v;
    if (type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'undefined') return undefined;
    // the type's initial keeps 1 and "1" apart (and undefined from "undefined"); the length keeps
    // a value holding these separators from reading as two variables
    const text = String(v);
    out += `\u0000${name}\u0001${type[0]}${text.length}:${text}`;
  }
  return out;
}

/**
 * A message that only puts variables in ("Recommended by families in {{areas}}"): its text and
 * variable names in turn, [text, name, text, …, text]. Null when i18next has more to do (plural
 * forms, nesting, formats such as `{{count, number}}`).
 */
type Template = string[] | null;

function templateOf(message: unknown): Template {
  if (typeof message !== 'string' || message.includes('$t(')) return null;
  const parts = message.split(/\{\{([^{}]*)\}\}/);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!.trim();
    if (!/^[A-Za-z_][\w]*$/.test(name) || OPTION_NAMES.has(name)) return null;
    parts[i] = name;
  }
  return parts;
}

/** The template filled in, or undefined when a variable is missing or not a plain value. */
function fill(template: string[], vars: MessageVars): string | undefined {
  let out = template[0]!;
  for (let i = 1; i < template.length; i += 2) {
    const v = vars[template[i]!];
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    out += String(v) + template[i + 1]!;
  }
  return out;
}

function namesOption(vars: MessageVars): boolean {
  for (const name in vars) if (OPTION_NAMES.has(name)) return true;
  return false;
}

/** The i18next instance behind a catalogue (tests ask it directly, as the reference). */
export function createI18next(missing: Set<string> = new Set()) {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: 'en',
    supportedLngs: [...LANGS],
    // A Welsh key not yet translated falls back to English rather than showing a key; the
    // catalogue test fails on any key one language lacks.
    fallbackLng: 'en',
    initAsync: false,
    // Eta escapes every <%= %>; escaping here as well would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    saveMissingTo: 'current',
    missingKeyHandler: (lngs, _ns, key) => {
      for (const l of lngs) missing.add(`${l}:${key}`);
    },
    resources: { en: { translation: en }, cy: { translation: cy } },
  });
  // i18next's own `number` format keeps one Intl.NumberFormat per language *and set of variables*
  // (its cache key is the whole options object): a message with a count and the words searched
  // for built a new formatter (~70 µs) and kept it for good, so every new search grew the heap.
  // The catalogues use plain `{{x, number}}` only (a test holds them to it), which i18next formats
  // as new Intl.NumberFormat(lng) whatever the variables: one per language does the same.
  const numbers = new Map<string, Intl.NumberFormat>();
  i18n.services.formatter?.add('number', (value, lng) => {
    const code = lng ?? 'en';
    let f = numbers.get(code);
    if (!f) numbers.set(code, (f = new Intl.NumberFormat(code)));
    return f.format(value as number);
  });
  return i18n;
}

/** Private-use characters around a text variable's index while i18next is asked (never in the catalogue). */
const OPEN = '\uE100';
const CLOSE = '\uE101';
const HOLE = /\uE100(\d+)\uE101/g;

/** Variables some message formats (`{{total, number}}`): their values are i18next's to read, never a marker. */
function formattedNames(...catalogues: unknown[]): Set<string> {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') for (const m of node.matchAll(/\{\{\s*([^{},\s]+)\s*,/g)) out.add(m[1]!);
    else if (node && typeof node === 'object') for (const v of Object.values(node)) visit(v);
  };
  for (const c of catalogues) visit(c);
  return out;
}
const FORMATTED = formattedNames(en, cy);

export function createCatalogue(): Catalogue {
  const missing = new Set<string>();
  const i18n = createI18next(missing);
  const bound = (lang: Lang): Translate => {
    // i18n.t with the language rather than getFixedT's function, which copies all of i18next's
    // options into a new object on every call (a third of a call's cost, measured)
    const fixed = ((key: string, vars?: MessageVars) => (vars ? i18n.t(key, { ...vars, lng: lang }) : i18n.t(key, { lng: lang }))) as (
      key: string,
      vars?: MessageVars,
    ) => string;
    // A message depends on nothing but its key and variables, and i18next's lookup (fallbacks,
    // plurals, nesting, number formats) cost 5-10 µs and ~5 KB of garbage a call: ~750 µs of an
    // uncached profile page, which asks for ~80. So plain keys are remembered; a message that
    // only puts variables in is filled in here from its text (checked against i18next's answer
    // the first time: any difference and i18next answers that key always); and the latest few
    // thousand other answers are remembered, by their counts and contexts (see below for texts).
    const plain = new Map<string, string>();
    const withVars = new Map<string, string>();
    const templates = new Map<string, Template>();
    const message = (key: string) => {
      const own = i18n.getResource(lang, 'translation', key);
      return own === undefined && lang !== 'en' ? i18n.getResource('en', 'translation', key) : own;
    };
    return (key, vars) => {
      if (!vars) {
        let s = plain.get(key);
        if (s === undefined) plain.set(key, (s = String(fixed(key))));
        return s;
      }
      const simple = !namesOption(vars);
      const template = simple ? templates.get(key) : null;
      if (template) {
        const s = fill(template, vars);
        if (s !== undefined) return s;
      }
      if (template === undefined) {
        // the first call: i18next's answer (which also notes a missing key), and the template checked against it
        const s = String(fixed(key, vars));
        const made = templateOf(message(key));
        templates.set(key, made && fill(made, vars) === s ? made : null);
        return s;
      }
      // Text variables only fill holes: i18next is asked with a marker in each, its answer kept by
      // the key and the other variables (a count, a context), and the texts put in afterwards.
      const texts: string[] = [];
      let held = vars;
      for (const name in vars) {
        const v = vars[name];
        if (typeof v !== 'string') continue;
        // a value holding the markers themselves (typed on purpose) is i18next's to answer whole
        if (v.includes(OPEN) || v.includes(CLOSE)) return String(fixed(key, vars));
        if (OPTION_NAMES.has(name) || FORMATTED.has(name)) continue;
        if (held === vars) held = { ...vars };
        held[name] = `${OPEN}${texts.length}${CLOSE}`;
        texts.push(v);
      }
      const memo = memoKey(key, held);
      if (memo === undefined) return String(fixed(key, vars));
      let s = withVars.get(memo);
      if (s === undefined) {
        s = String(fixed(key, held));
        if (withVars.size >= REMEMBERED_WITH_VARS) withVars.clear();
        withVars.set(memo, s);
      }
      return texts.length ? s.replace(HOLE, (_m, i: string) => texts[Number(i)]!) : s;
    };
  };
  return {
    t: { en: bound('en'), cy: bound('cy') },
    missing,
    has: (lang, key) =>
      i18n.exists(key, { lng: lang, fallbackLng: false }) || i18n.exists(`${key}_other`, { lng: lang, fallbackLng: false }),
  };
}
