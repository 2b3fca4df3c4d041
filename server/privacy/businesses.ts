// Independent businesses a family names by their own name and where they are: "Khan Motors on Stratford Road",
// "Fresh Cuts barbers on Harehills Road", "Smith and Sons Builders in Wigan". The last word says what kind of
// business the name is, whatever the verb around it ("buys meat from", "washes cars at").
import type { Candidate } from './spans.ts';
import type { Token } from './tokens.ts';
import { cand, nameRunBefore } from './venue-runs.ts';
import { locationAfter } from './workplaces.ts';
import { neverAName } from './words.ts';

/** Last words of a business's own name: what it sells or does (no school, clinic or public body: those are others' kinds). */
const TRADE_HEADS = new Set(
  `tyres motors autos garage cabs taxis grill chicken pizza pizzeria kebabs kebab burgers chippy bakery bakers butchers
  barbers barber salon studio hair nails beauty cuts supermarket superstore stores mart minimart foods fabrics textiles builders
  plumbing electrical electrics roofing scaffolding carpets flooring furniture kitchens bathrooms glazing joinery
  landscaping cleaners removals haulage logistics couriers packaging plastics engineering printers laundrette launderette
  jewellers sweets cafe café restaurant diner takeaway tandoori balti wok bistro brasserie deli tearooms tavern
  lettings solicitors accountants florist florists hardware newsagents wines vapes mobiles repairs valeting wash carry
  wholesale wholesalers ltd limited plc sons bros fisheries`.split(/\s+/),
);
/** Of those, the ones that still name the business typed small after its name: "the Golden Fry chippy", "Fresh Cuts barbers". */
const SMALL_TRADE_HEADS = new Set(
  'garage grill chippy bakery bakers butchers barbers barber salon supermarket cafe café restaurant takeaway cabs taxis'.split(' '),
);

/** The business with its place, street included ("Khan Motors on Stratford Road"): its name alone may read as a school's. */
export function namedBusinesses(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.sentenceStart || !TRADE_HEADS.has(t.key) || !(t.cap || SMALL_TRADE_HEADS.has(t.key))) continue;
    const s = nameRunBefore(tokens, i, 4);
    if (s === i) continue;
    const name = tokens.slice(s, i);
    if (name.every((w) => neverAName(w.key))) continue;
    const loc = locationAfter(tokens, i + 1);
    if (!loc) continue;
    out.push(cand('workplace', tokens, s, loc.end));
    i = loc.end;
  }
  return out;
}
