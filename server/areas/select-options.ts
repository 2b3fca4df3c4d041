// The nomination form's area <select>: 361 options, grouped by nation and sorted by name,
// escaped and joined into HTML once, since the areas never change while the app runs.
// Rendering them through the template on every page cost ~0.25 ms of a ~1 ms request.
import type { AreaDirectory } from './directory.ts';
import { placeNames, type PlaceNames } from '../i18n/places.ts';

export type OptionGroup = { label: string; options: { value: string; label: string }[] };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The areas as select groups: one per nation, areas by the name shown (as Eta's field-select takes them). */
export function areaSelectGroups(areas: AreaDirectory, places: PlaceNames = placeNames('en'), locale = 'en-GB'): OptionGroup[] {
  return areas.grouped().map((g) => ({
    label: places.nation(g.nation),
    options: g.regions
      .flatMap((r) => r.areas)
      .map((a) => ({ value: a.slug, label: places.place(a) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  }));
}

export class AreaOptionsHtml {
  private readonly html: string;
  /** where ` selected` goes for each value: just after its option's value attribute */
  private readonly selectAt = new Map<string, number>();

  constructor(groups: OptionGroup[]) {
    let html = '';
    for (const g of groups) {
      html += `<optgroup label="${escapeHtml(g.label)}">\n`;
      for (const o of g.options) {
        html += `<option value="${escapeHtml(o.value)}"`;
        this.selectAt.set(o.value, html.length);
        html += `>${escapeHtml(o.label)}</option>\n`;
      }
      html += '</optgroup>\n';
    }
    this.html = html;
  }

  /** Every option, with the one whose value is `selected` (if any) marked selected. */
  render(selected: string | undefined): string {
    const at = selected === undefined ? undefined : this.selectAt.get(selected);
    return at === undefined ? this.html : `${this.html.slice(0, at)} selected${this.html.slice(at)}`;
  }
}
