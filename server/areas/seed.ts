// Seeds the canonical area list (db/areas.csv) and the names families use for areas. Idempotent.
import { readFileSync } from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { areaVariants, areas } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { normalizePhrase, parseCsv, slugify } from '../text.ts';
import { welshVariants } from '../i18n/places.ts';
import { fromRoot } from '../paths.ts';

export const AREAS_CSV = fromRoot('db', 'areas.csv');

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
  out.add(
    n
      .replace(/\band\b/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length === 2 && /^(City|County) of$/i.test(parts[1]!)) out.add(normalizePhrase(parts[0]!));
  out.add(n.replace(/^city of /, '').replace(/ city$/, ''));
  return [...out].filter(Boolean);
}

export function seedAreas(db: Db): { areas: number } {
  const rows = readAreasCsv();
  const ph = (name: string) => sql.placeholder(name);
  // Run at every start-up over ~360 areas and their variants: prepared once here.
  const insertArea = db
    .insert(areas)
    .values({
      onsCode: ph('onsCode'),
      name: ph('name'),
      slug: ph('slug'),
      nation: ph('nation'),
      region: ph('region'),
      authority: ph('authority'),
    })
    .onConflictDoUpdate({
      target: areas.onsCode,
      set: { name: sql`excluded.name`, nation: sql`excluded.nation`, region: sql`excluded.region`, authority: sql`excluded.authority` },
    })
    .prepare();
  const idOf = db
    .select({ id: areas.id })
    .from(areas)
    .where(eq(areas.onsCode, ph('onsCode')))
    .prepare();
  const insertVariant = db
    .insert(areaVariants)
    .values({ areaId: ph('areaId'), normalized: ph('normalized') })
    .onConflictDoNothing()
    .prepare();
  db.transaction(() => {
    for (const r of rows) {
      insertArea.run(r);
      const id = idOf.get({ onsCode: r.onsCode })!.id;
      for (const v of [...variantsOf(r.name), ...[...(EXTRA_VARIANTS[r.onsCode] ?? []), ...welshVariants(r.onsCode)].flatMap(variantsOf)]) {
        insertVariant.run({ areaId: id, normalized: v });
      }
    }
  });
  return { areas: db.select({ n: count() }).from(areas).get()?.n ?? 0 };
}
