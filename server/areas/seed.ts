// Seeds the canonical area list (db/areas.csv) and the names families use for areas. Idempotent.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db.ts';
import { normalizePhrase, parseCsv, slugify } from '../text.ts';
import { welshVariants } from '../i18n/places.ts';

export const AREAS_CSV = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'db', 'areas.csv');

/** Hand-made variants, by ONS code. Automatic ones (no "City of", "St" for "St.", "&") are derived below. */
const EXTRA_VARIANTS: Record<string, string[]> = {
  E06000010: ['Hull', 'Kingston upon Hull', 'Hull City'],
  E06000023: ['Bristol', 'City of Bristol'],
  E06000019: ['Herefordshire', 'Hereford'],
  E06000058: ['BCP', 'Bournemouth', 'Poole', 'Christchurch'],
  S12000036: ['Edinburgh', 'Edinburgh City'],
  S12000049: ['Glasgow'],
  S12000033: ['Aberdeen'],
  S12000042: ['Dundee'],
  S12000013: ['Western Isles', 'Eilean Siar', 'Outer Hebrides', 'Comhairle nan Eilean Siar'],
  W06000001: ['Anglesey', 'Ynys Mon'],
  N09000005: ['Derry', 'Londonderry', 'Derry and Strabane', 'Strabane'],
  N09000003: ['Belfast City'],
  E09000001: ['City of London'],
  E06000046: ['Isle of Wight', 'IOW'],
};

export type AreaRow = { onsCode: string; name: string; nation: string; region: string; authority: string; slug: string };

export function readAreasCsv(path = AREAS_CSV): AreaRow[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (header?.join(',') !== 'ons_code,name,nation,region,children_services_authority') {
    throw new Error(`Unexpected header in ${path}`);
  }
  return rows.map(([onsCode, name, nation, region, authority]) => ({
    onsCode: onsCode!,
    name: name!,
    nation: nation!,
    region: region!,
    authority: authority!,
    slug: slugify(name!),
  }));
}

/** Derived variants of a name: "St. Helens" -> "st helens"; "Bristol, City of" -> "bristol"; "City of Edinburgh" -> "edinburgh". */
export function variantsOf(name: string): string[] {
  const out = new Set<string>();
  const n = normalizePhrase(name);
  out.add(n);
  out.add(n.replace(/\bst\b/g, 'saint'));
  out.add(n.replace(/\band\b/g, '').replace(/\s+/g, ' ').trim());
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length === 2 && /^(City|County) of$/i.test(parts[1]!)) out.add(normalizePhrase(parts[0]!));
  out.add(n.replace(/^city of /, '').replace(/ city$/, ''));
  return [...out].filter(Boolean);
}

export function seedAreas(db: Db): { areas: number } {
  const sqlite = db.$client;
  const rows = readAreasCsv();
  const insertArea = sqlite.prepare(
    `INSERT INTO areas (ons_code, name, slug, nation, region, authority) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(ons_code) DO UPDATE SET name = excluded.name, nation = excluded.nation, region = excluded.region, authority = excluded.authority`,
  );
  const idOf = sqlite.prepare('SELECT id FROM areas WHERE ons_code = ?').pluck();
  const insertVariant = sqlite.prepare('INSERT OR IGNORE INTO area_variants (area_id, normalized) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const r of rows) {
      insertArea.run(r.onsCode, r.name, r.slug, r.nation, r.region, r.authority);
      const id = idOf.get(r.onsCode) as number;
      for (const v of [...variantsOf(r.name), ...[...(EXTRA_VARIANTS[r.onsCode] ?? []), ...welshVariants(r.onsCode)].flatMap(variantsOf)]) {
        insertVariant.run(id, v);
      }
    }
  })();
  return { areas: sqlite.prepare('SELECT COUNT(*) FROM areas').pluck().get() as number };
}
