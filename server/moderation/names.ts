// How alike two people's names are, for matching a nomination to an existing profile:
// "Jane Smyth" ≈ "Jane Smith" (Jaro-Winkler), "Jon" ≈ "John" and "Bob" ≈ "Robert" (nicknames),
// "J. Smith" ≈ "Jane Smith" (initials), accents and case ignored.
import { normalizePhrase } from '../text.ts';

// Groups of first names people use for the same person. Each name maps to its group's first entry.
const NICKNAME_GROUPS = [
  'john jon jonny johnny jack jonathan jonathon',
  'robert rob robbie bob bobby bert',
  'william will bill billy liam willy',
  'richard rich rick ricky dick',
  'elizabeth liz lizzie beth betty eliza libby lisa elisabeth',
  'margaret maggie meg peggy marge maggy',
  'katherine catherine kathryn kate katie kathy cath cathy kat kay',
  'michael mike mick mikey mickey',
  'james jim jimmy jamie',
  'thomas tom tommy',
  'christopher chris kit',
  'christine chris christina tina kirsty kristina',
  'daniel dan danny',
  'david dave davey',
  'edward ed eddie ted ned',
  'anthony tony antony',
  'andrew andy drew',
  'alexander alex alec sandy xander',
  'alexandra alex alexa sandra lexi',
  'benjamin ben benji',
  'samuel sam sammy',
  'samantha sam sammy',
  'joseph joe joey',
  'josephine jo josie',
  'joanne jo joanna',
  'nicholas nick nicky',
  'nicola nicky nikki',
  'matthew matt matty',
  'stephen steven steve stevie',
  'peter pete',
  'patrick pat paddy',
  'patricia pat patsy tricia trish',
  'timothy tim timmy',
  'gregory greg',
  'jennifer jen jenny jenni',
  'rebecca becky becca bex',
  'deborah debbie deb debra',
  'susan sue susie suzanne',
  'victoria vicky tori vic',
  'abigail abi abby',
  'charlotte charlie lottie',
  'charles charlie chas chuck',
  'frederick fred freddie',
  'henry harry hal',
  'harold harry',
  'kenneth ken kenny',
  'ronald ron ronnie',
  'donald don donnie',
  'gerald gerry jerry',
  'lawrence laurence larry laurie',
  'philip phillip phil pip',
  'jacqueline jackie jacqui',
  'pamela pam',
  'sarah sara sally',
  'helen helena nell',
  'eleanor ellie nell elle',
  'gwendolyn gwen',
  'siobhan shiv',
  'dafydd dai david',
  'ioan ian john',
  'sian sioned',
  'mohammed muhammad mohamed mohammad muhammed',
];

const CANONICAL = new Map<string, string>();
for (const g of NICKNAME_GROUPS) {
  const names = g.split(' ');
  for (const n of names) if (!CANONICAL.has(n)) CANONICAL.set(n, names[0]!);
}
// Names in two groups (chris, sam, alex, jo, nicky, charlie, harry): equal if any group matches.
const GROUPS_OF = new Map<string, Set<string>>();
for (const g of NICKNAME_GROUPS) {
  const names = g.split(' ');
  for (const n of names) {
    if (!GROUPS_OF.has(n)) GROUPS_OF.set(n, new Set());
    GROUPS_OF.get(n)!.add(names[0]!);
  }
}

export function nicknameMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = GROUPS_OF.get(a);
  const gb = GROUPS_OF.get(b);
  if (!ga || !gb) return false;
  for (const x of ga) if (gb.has(x)) return true;
  return false;
}

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(i + range + 1, b.length);
    for (let j = lo; j < hi; j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof']);

/** Folded name words without titles: "Mrs Siân O'Neill-Jones" -> ["sian", "oneill", "jones"]. */
export function nameWords(name: string): string[] {
  return normalizePhrase(name.replace(/-/g, ' '))
    .split(' ')
    .filter((w) => w && !TITLES.has(w));
}

function firstNameScore(a: string, b: string): number {
  if (a === b) return 1;
  // An initial against a full name: "j" ~ "jane".
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.9 : 0;
  if (nicknameMatch(a, b)) return 0.95;
  return jaroWinkler(a, b);
}

/**
 * How likely two written names are the same person, in [0, 1]. Surnames must be close (Jaro-Winkler);
 * first names may be nicknames or initials. A name of one word is compared with either part.
 */
export function nameSimilarity(x: string, y: string): number {
  const a = nameWords(x);
  const b = nameWords(y);
  if (!a.length || !b.length) return 0;
  if (a.join(' ') === b.join(' ')) return 1;
  if (a.length === 1 || b.length === 1) {
    const [one, many] = a.length === 1 ? [a[0]!, b] : [b[0]!, a];
    const best = Math.max(
      ...many.map((w) => (w.length > 1 && one.length > 1 ? Math.max(jaroWinkler(one, w), nicknameMatch(one, w) ? 0.95 : 0) : 0)),
    );
    // One word is weak evidence: cap below a confident match.
    return best * 0.8;
  }
  // Double-barrelled surnames: compare the last word and the whole tail, keep the better.
  const surnameA = a.slice(1).join(' ');
  const surnameB = b.slice(1).join(' ');
  const surname = Math.max(jaroWinkler(a.at(-1)!, b.at(-1)!), jaroWinkler(surnameA, surnameB));
  if (surname < 0.85) return surname * 0.5;
  const first = firstNameScore(a[0]!, b[0]!);
  const score = 0.55 * surname + 0.45 * first;
  // Clearly different first names (Jane / John) are a different person more often than a typo.
  if (first < 0.8) return score * 0.85;
  // Only identical words score 1.
  return Math.min(score, 0.98);
}
