// The areas, loaded once: they change only when db/areas.csv does.
import { asc } from 'drizzle-orm';
import { areaVariants, areas } from '../../db/schema.ts';
import type { Db } from '../db.ts';
import { normalizePhrase } from '../text.ts';

export type Area = {
  id: number;
  onsCode: string;
  name: string;
  slug: string;
  nation: string;
  region: string;
  authority: string;
};

export const NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'] as const;

export class AreaDirectory {
  readonly all: Area[];
  private bySlug = new Map<string, Area>();
  private byId = new Map<number, Area>();
  private byOns = new Map<string, Area>();
  private byVariant = new Map<string, Area>();

  constructor(db: Db) {
    this.all = db
      .select({
        id: areas.id,
        onsCode: areas.onsCode,
        name: areas.name,
        slug: areas.slug,
        nation: areas.nation,
        region: areas.region,
        authority: areas.authority,
      })
      .from(areas)
      .orderBy(asc(areas.name))
      .all();
    for (const a of this.all) {
      this.bySlug.set(a.slug, a);
      this.byId.set(a.id, a);
      this.byOns.set(a.onsCode.toUpperCase(), a);
    }
    const variants = db.select({ areaId: areaVariants.areaId, normalized: areaVariants.normalized }).from(areaVariants).all();
    for (const v of variants) this.byVariant.set(v.normalized, this.byId.get(v.areaId)!);
  }

  get(id: number): Area | undefined {
    return this.byId.get(id);
  }

  bySlugOrUndefined(slug: string): Area | undefined {
    return this.bySlug.get(slug);
  }

  /** Resolve what a person typed or picked: a slug, an ONS code, a name or a known variant. */
  resolve(input: string | undefined | null): Area | undefined {
    if (!input) return undefined;
    const raw = input.trim();
    if (!raw || raw.length > 200) return undefined;
    return (
      this.bySlug.get(raw.toLowerCase()) ??
      this.byOns.get(raw.toUpperCase()) ??
      this.byVariant.get(normalizePhrase(raw)) ??
      this.byVariant.get(normalizePhrase(raw.replace(/\b(council|borough|district|county|city council|metropolitan)\b/gi, '')))
    );
  }

  /** Every normalised variant with its area, for finding area words inside a search query. */
  variantEntries(): [string, Area][] {
    return [...this.byVariant.entries()];
  }

  /** Areas grouped by nation then region, in a stable order, for selects and the areas page. */
  grouped(): { nation: string; regions: { region: string; areas: Area[] }[] }[] {
    return NATIONS.map((nation) => {
      const inNation = this.all.filter((a) => a.nation === nation);
      const regions = [...new Set(inNation.map((a) => a.region))].sort();
      return { nation, regions: regions.map((region) => ({ region, areas: inNation.filter((a) => a.region === region) })) };
    });
  }
}
