// The qualities families can tick (spec; from the Ofsted review in seed 002).
export const QUALITIES = [
  { key: 'listened', label: 'Listened to us and respected our views' },
  { key: 'honest', label: 'Open and honest, including about what had to change' },
  { key: 'reliable', label: 'Reliable and persistent: did what they said they would' },
  { key: 'responsive', label: 'Quick to respond when we needed help' },
  { key: 'strengths', label: "Saw our family's strengths" },
  { key: 'hope', label: 'Gave us hope that things could change' },
  { key: 'clear_plan', label: 'Made a plan that made sense to us' },
  { key: 'whole_family', label: 'Thought about everyone in the family, including dads' },
  { key: 'alongside', label: 'Worked alongside us, not against us' },
  { key: 'advocate', label: 'Stood up for us, for example in court' },
  { key: 'stayed', label: 'Stayed with us through our case' },
  { key: 'after_care', label: 'Helped us keep things going after they stepped back' },
] as const;

export type QualityKey = (typeof QUALITIES)[number]['key'];
export const QUALITY_KEYS = QUALITIES.map((q) => q.key) as [QualityKey, ...QualityKey[]];
export const QUALITY_LABELS: Record<string, string> = Object.fromEntries(QUALITIES.map((q) => [q.key, q.label]));
/** The key of a quality from its English label (some counts hand back labels). */
export const QUALITY_KEY_BY_LABEL: ReadonlyMap<string, QualityKey> = new Map(QUALITIES.map((q) => [q.label, q.key]));

/** Quality labels in the page's language, from the English labels the counts hand back. */
export function translatedQualities(t: (key: `quality.${QualityKey}`) => string, labels: readonly string[]): string[] {
  return labels.map((l) => {
    const key = QUALITY_KEY_BY_LABEL.get(l);
    return key ? t(`quality.${key}`) : l;
  });
}
