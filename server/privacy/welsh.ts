// Does a story look written in Welsh? The flags are tuned on English, so the review page warns.
import { tokenize } from './tokens.ts';

/** Common Welsh words that are not English words (articles, verbs "to be", pronouns, prepositions). */
const WELSH_WORDS = new Set(
  `yr y yn ac a ei eu fy dy ein eich mae roedd oedd bod wedi gyda gan am ar i o yng ym hi fe fo ni nhw chi ti mi
  dw dwi rwy rydw rydyn maen oes ddim nid nad ond hefyd iawn diolch fawr mawr bach ond pan fel sydd oedd fydd bydd
  gael cael gwneud helpu teulu plant mab merch mam tad gwych pawb popeth bob gwaith ysgol efo hefo rhaid eisiau
  wnaeth wnes nes roeddwn oeddwn dros drwy heb rhwng tra achos felly erioed byth`.split(/\s+/),
);

export function looksWelsh(story: string): boolean {
  if (typeof story !== 'string' || !story) return false;
  const words = tokenize(story);
  if (words.length < 4) return false;
  let welsh = 0;
  for (const w of words) if (WELSH_WORDS.has(w.key)) welsh++;
  return welsh >= 3 && welsh / words.length >= 0.2;
}
