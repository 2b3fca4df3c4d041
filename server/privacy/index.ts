// Privacy flags: spans of a story that may identify someone, and a suggested anonymised quote.
// The interface here is fixed (the moderation pages use it); the detectors are in this folder:
// patterns.ts (emails, links, phones, postcodes, case references, dates, ages, addresses),
// schools.ts, bare-places.ts, names.ts (with compromise's lexicon, words.ts) and worker.ts (the worker's own name).
import { barePlaces } from './bare-places.ts';
import { agesAfterNames, childNameKeys, findNames } from './names.ts';
import { findPatterns } from './patterns.ts';
import { findIdentifiers } from './identifiers.ts';
import { keptTokens } from './keep.ts';
import { findSchools } from './schools.ts';
import { schoolsNamedForPeople } from './named-for-people.ts';
import { findHomes, findStreets, namedHousesBefore } from './streets.ts';
import { findVenues } from './venues.ts';
import { hospitalSentences } from './hospitals.ts';
import { resolveOverlaps } from './spans.ts';
import { tokenize } from './tokens.ts';
import { workerNamesMatcher } from './worker.ts';

export const FLAG_KINDS = [
  'email',
  'phone',
  'postcode',
  'address',
  'date',
  'age',
  'school',
  'case_ref',
  'name',
  'url',
  'nhs_number',
  'vehicle_reg',
  'social_handle',
  'hospital',
  'workplace',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/**
 * `redact`: sure enough to be replaced in the suggested quote. `check`: may identify someone; shown to
 * the moderator with its kind and left in the quote for them to decide.
 */
export const FLAG_TIERS = ['redact', 'check'] as const;
export type FlagTier = (typeof FLAG_TIERS)[number];

/** A flag as passed around or stored; one without a tier (stored before tiers existed) is read as redact. */
export type Flag = { kind: FlagKind; tier?: FlagTier; start: number; end: number; text: string };
/** A flag as the detector finds it: always with its tier. */
export type TieredFlag = Flag & { tier: FlagTier };

/** Bumped whenever the rules change what they find, so stored flags are recomputed. */
export const DETECTOR_VERSION = 16;

/** What each kind is, in words, for the moderator. */
export const KIND_LABELS: Record<FlagKind, string> = {
  email: 'email address',
  phone: 'phone number',
  postcode: 'postcode',
  address: 'address',
  date: 'date',
  age: 'age',
  school: 'school or nursery',
  case_ref: 'court or case reference',
  name: "person's name",
  url: 'web link',
  nhs_number: 'NHS, CHI or National Insurance number',
  vehicle_reg: 'vehicle registration',
  social_handle: 'social media handle',
  hospital: 'hospital, ward or clinic',
  workplace: 'workplace',
};

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
  nhs_number: '[ID number]',
  vehicle_reg: '[vehicle registration]',
  social_handle: '[social media handle]',
  hospital: '[hospital]',
  workplace: '[workplace]',
};

export const CHILD_NAME_PLACEHOLDER = "[child's name]";

/** A flag with its finer kind: a `name` the story says is a child's is `child_name`, shown as "[child's name]". */
export type DetailedFlag = TieredFlag & { sub: 'child_name' | null; placeholder: string };

/** The worker's name, or several names of the same worker (as nominated and as published): none of them is flagged. */
export type WorkerNames = string | readonly string[];
const namesOf = (w: WorkerNames): string[] => (Array.isArray(w) ? w : [w]).filter((n): n is string => typeof n === 'string');

/** Flagged spans with their placeholders, sorted by start, not overlapping. Never throws. */
export function findFlagsDetailed(story: string, workerName: WorkerNames): DetailedFlag[] {
  if (typeof story !== 'string' || story.length === 0) return [];
  const tokens = tokenize(story);
  const kept = keptTokens(tokens);
  // which sentences are about illness or care: three rules read it
  const care = hospitalSentences(tokens);
  const structured = [
    ...findPatterns(story),
    ...findIdentifiers(story),
    ...findSchools(tokens, kept),
    ...findStreets(tokens, kept),
    ...findHomes(tokens, kept),
    ...findVenues(tokens, kept, care),
  ];
  structured.push(...namedHousesBefore(tokens, structured, kept));
  const worker = workerNamesMatcher(namesOf(workerName));
  // The name rules are read first, so that places named bare leave alone the people they are sure of; read
  // again, with those places known, only when there are some. Of the names, those a child is "at" are schools.
  const firstNames = findNames(tokens, story, worker, structured, kept);
  const bare = barePlaces(tokens, kept, care, structured, firstNames);
  structured.push(...bare);
  const [personSchools, names] = schoolsNamedForPeople(
    tokens,
    bare.length ? findNames(tokens, story, worker, structured, kept) : firstNames,
    structured,
    care,
  );
  structured.push(...personSchools);
  return resolveOverlaps([...structured, ...names, ...agesAfterNames(story, names)], story.length).map((c) => {
    const child = c.kind === 'name' && c.child === true;
    return {
      kind: c.kind,
      tier: c.tier ?? 'redact',
      start: c.start,
      end: c.end,
      text: story.slice(c.start, c.end),
      sub: child ? 'child_name' : null,
      placeholder: child ? CHILD_NAME_PLACEHOLDER : PLACEHOLDERS[c.kind],
    };
  });
}

/** Flagged spans, sorted by start, not overlapping. */
export function findFlags(story: string, workerName: WorkerNames): TieredFlag[] {
  return findFlagsDetailed(story, workerName).map(({ kind, tier, start, end, text }) => ({ kind, tier, start, end, text }));
}

/**
 * The story with each `redact` flag replaced by its placeholder ("[child's name]" for a name the story
 * says is a child's), with spacing tidied; `check` flags are left for the moderator. Flags may come
 * from storage: overlapping or out-of-range ones are skipped, never thrown on (no tier means redact).
 */
export function suggestQuote(story: string, flags: Flag[]): string {
  if (typeof story !== 'string') return '';
  const sorted = [...(flags ?? [])]
    .filter(
      (f) =>
        f &&
        f.tier !== 'check' &&
        Number.isInteger(f.start) &&
        Number.isInteger(f.end) &&
        f.start >= 0 &&
        f.end <= story.length &&
        f.end > f.start,
    )
    .sort((a, b) => a.start - b.start);
  let childKeys: Set<string> | undefined;
  const placeholderOf = (f: Flag): string => {
    const given = (f as Partial<DetailedFlag>).placeholder;
    if (typeof given === 'string') return given;
    if (f.kind !== 'name') return PLACEHOLDERS[f.kind] ?? '[removed]';
    childKeys ??= childNameKeys(tokenize(story), story);
    return tokenize(story.slice(f.start, f.end)).some((t) => childKeys!.has(t.key)) ? CHILD_NAME_PLACEHOLDER : PLACEHOLDERS.name;
  };
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos) continue;
    out += story.slice(pos, f.start) + placeholderOf(f);
    pos = f.end;
  }
  out += story.slice(pos);
  return out
    .replace(/[ \t\u00a0]{2,}/gu, ' ')
    .replace(/[ \t\u00a0]+([,.;:!?])/gu, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
