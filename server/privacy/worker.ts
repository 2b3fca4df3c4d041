// Is this word the nominated worker's own name? Families write "Jo" for Joanne, "Matt" for Matthew,
// "Trish" for Patricia, "Sian" for "Siân", "Ms Thompson" for Sarah Thompson.
import { fold } from '../text.ts';

/** Short forms that do not share a beginning with the full name, both ways round. */
const NICKNAMES: Record<string, string[]> = {
  patricia: ['trish', 'tricia', 'pat', 'patsy'],
  margaret: ['maggie', 'meg', 'peggy', 'mags', 'margo'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betty', 'libby', 'eliza', 'lisa', 'bess', 'bessie', 'elsie', 'liza'],
  william: ['will', 'bill', 'billy', 'liam', 'wills'],
  robert: ['rob', 'bob', 'bobby', 'bobbie', 'robbie', 'bert', 'rab', 'rabbie'],
  richard: ['rich', 'rick', 'ricky', 'dick', 'richie'],
  edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  katherine: ['kate', 'katie', 'kath', 'kathy', 'kat', 'kay'],
  catherine: ['kate', 'katie', 'cath', 'cathy', 'cat', 'kay'],
  kathryn: ['kate', 'katie', 'kath', 'kathy'],
  alexandra: ['alex', 'sandra', 'sandy', 'lexi', 'ali'],
  alexander: ['alex', 'sandy', 'xander', 'al'],
  james: ['jim', 'jimmy', 'jamie', 'jay'],
  john: ['jack', 'johnny', 'jon'],
  jonathan: ['jon', 'jonny', 'nathan'],
  susan: ['sue', 'suzy', 'susie'],
  rebecca: ['becky', 'becca', 'bex'],
  victoria: ['vicky', 'vicki', 'tori', 'vic'],
  christine: ['chris', 'chrissie', 'tina'],
  christina: ['chris', 'tina'],
  christopher: ['chris', 'kit'],
  anthony: ['tony', 'ant'],
  mohammed: ['mo', 'moe', 'mohamed', 'muhammad'],
  muhammad: ['mo', 'mohammed', 'mohamed'],
  mohamed: ['mo', 'mohammed', 'muhammad'],
  jennifer: ['jenny', 'jen', 'jenna'],
  josephine: ['jo', 'josie', 'jose'],
  joanne: ['jo', 'jojo'],
  joanna: ['jo'],
  deborah: ['debbie', 'deb', 'debs'],
  charlotte: ['charlie', 'lottie', 'lotte'],
  frederick: ['fred', 'freddie'],
  henry: ['harry', 'hal'],
  nicholas: ['nick', 'nicky'],
  nicola: ['nicky', 'nikki', 'nic'],
  samantha: ['sam', 'sammy'],
  samuel: ['sam', 'sammy'],
  theresa: ['tess', 'terri', 'tessa'],
  teresa: ['tess', 'terri', 'tessa'],
  gareth: ['gaz', 'gar'],
  gary: ['gaz'],
  siobhan: ['shiv'],
  eleanor: ['ellie', 'nell', 'nora'],
  helen: ['nell'],
  abigail: ['abbie', 'abby', 'gail'],
  annabel: ['anna', 'bel'],
  isabel: ['izzy', 'bella', 'issy'],
  isabella: ['izzy', 'bella', 'issy'],
  thomas: ['tom', 'tommy'],
  michael: ['mike', 'mick', 'mikey', 'mickey'],
  daniel: ['dan', 'danny'],
  andrew: ['andy', 'drew'],
  stephen: ['steve', 'stevie'],
  steven: ['steve', 'stevie'],
  david: ['dave', 'davey', 'dai', 'dewi'],
  peter: ['pete'],
  joseph: ['joe', 'joey'],
  timothy: ['tim', 'timmy'],
  benjamin: ['ben', 'benny'],
  dafydd: ['dai', 'dave', 'daf'],
  gwenllian: ['gwen'],
  oluwaseun: ['seun'],
  oluwatobi: ['tobi'],
  abdullah: ['abdi'],
  // English, Irish, Scottish and Welsh short forms that do not start like the full name
  patrick: ['paddy', 'pat', 'patsy', 'packie'],
  francis: ['frank', 'frankie', 'fran'],
  frances: ['fran', 'frankie'],
  charles: ['chas', 'chaz', 'charlie', 'chuck'],
  hugh: ['hughie', 'huw'],
  huw: ['hugh'],
  owain: ['owen'],
  owen: ['owain'],
  dewi: ['david', 'dai'],
  llewellyn: ['llew', 'lew'],
  llewelyn: ['llew', 'lew'],
  gwyneth: ['gwen'],
  gwendolen: ['gwen'],
  iorwerth: ['iolo'],
  gwilym: ['gwil', 'william', 'bill'],
  alfred: ['alf', 'alfie', 'fred', 'freddie'],
  albert: ['bert', 'bertie', 'al'],
  archibald: ['archie', 'baldie'],
  alistair: ['ali', 'al', 'ally'],
  alasdair: ['ali', 'al', 'ally'],
  alastair: ['ali', 'al', 'ally'],
  harold: ['harry', 'hal'],
  lawrence: ['larry', 'laurie'],
  laurence: ['larry', 'laurie'],
  leonard: ['len', 'lenny'],
  bernard: ['barney', 'bernie'],
  gerald: ['gerry', 'jerry', 'ged'],
  gerard: ['gerry', 'jerry', 'ged'],
  geoffrey: ['geoff', 'jeff'],
  jeffrey: ['jeff', 'geoff'],
  antony: ['tony', 'ant'],
  walter: ['wally', 'walt'],
  theodore: ['theo', 'ted', 'teddy'],
  eugene: ['gene'],
  nathaniel: ['nat', 'nate'],
  zachary: ['zach', 'zack', 'zak'],
  mary: ['molly', 'polly', 'mo', 'mae', 'may', 'mamie'],
  sarah: ['sally', 'sal', 'sadie'],
  ann: ['annie', 'nan', 'nancy'],
  anne: ['annie', 'nan', 'nancy'],
  caroline: ['carol', 'carrie', 'caz', 'caro'],
  carolyn: ['carol', 'carrie', 'caz'],
  sharon: ['shaz'],
  karen: ['kaz'],
  barbara: ['babs', 'barb'],
  philippa: ['pippa', 'pip'],
  valerie: ['val'],
  winifred: ['winnie', 'freda'],
  rosemary: ['rose', 'rosie'],
  rosalind: ['ros', 'roz'],
  gillian: ['gill', 'jill', 'gilly'],
  jacqueline: ['jackie', 'jacqui', 'jax'],
  bridget: ['biddy', 'bridie', 'bree'],
  deirdre: ['dee'],
  dolores: ['lola'],
  dorothy: ['dot', 'dottie', 'dolly'],
  helena: ['nell', 'lena'],
  ellen: ['nell', 'nellie'],
  matilda: ['tilly', 'tilda', 'mattie'],
  penelope: ['penny', 'pen'],
  veronica: ['ronnie', 'nicky'],
  wilhelmina: ['mina', 'willa'],
  roberta: ['bobbie', 'robbie'],
  olivia: ['liv', 'livvy', 'livi'],
  natasha: ['tash', 'tasha'],
  vanessa: ['nessa', 'ness'],
  antonia: ['toni'],
  yvonne: ['vonnie'],
  nicole: ['nikki', 'nicky'],
  amanda: ['mandy'],
  amelia: ['millie'],
  cassandra: ['cass', 'sandy'],
};
const NICKNAME_OF = new Map<string, Set<string>>();
for (const [full, shorts] of Object.entries(NICKNAMES)) {
  for (const s of shorts) {
    NICKNAME_OF.set(full, (NICKNAME_OF.get(full) ?? new Set()).add(s));
    NICKNAME_OF.set(s, (NICKNAME_OF.get(s) ?? new Set()).add(full));
  }
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof']);

export type WorkerName = { keys: Set<string>; first: string | undefined; isWorker(key: string): boolean };

/** Folded parts of the worker's name ("Carter-Smith" also as "carter", "smith"), and a matcher for short forms of the first name. */
export function workerNameMatcher(workerName: string): WorkerName {
  const words = fold(String(workerName ?? ''))
    .replace(/['’]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w && !TITLES.has(w));
  const keys = new Set<string>();
  for (const w of words) {
    keys.add(w);
    for (const part of w.split('-')) if (part.length > 1) keys.add(part);
  }
  const first = words[0];
  return {
    keys,
    first,
    isWorker(key: string): boolean {
      if (!key) return false;
      if (keys.has(key)) return true;
      if (!first) return false;
      if (NICKNAME_OF.get(first)?.has(key)) return true;
      // Gaelic lenition after "a" (speaking to someone) or "do": "a Chatrìona" for Catriona, "a Mhàiri" for Màiri
      if (key.length >= 4 && key[1] === 'h' && LENITED.has(key[0]!) && keys.has(key[0]! + key.slice(2))) return true;
      // "Jo" for Joanne, "Matt" for Matthew
      if (key.length >= 2 && first.startsWith(key)) return true;
      // Nguni names shorten to their end: "Thula" for Nokuthula, "Mpumi" for Nompumelelo, "Sipho" for Nosipho ("No-" names)
      if (key.length >= 4 && first.length >= key.length + 2 && NGUNI_PREFIX.test(first) && first.endsWith(key)) return true;
      // "Jenny" for Jennifer, "Katie" for Katherine, "Matty" for Matthew. Not any word that merely starts
      // the same ("Mark" for Marianne, "Shane" for Sharon, "Samira" for Sam): a child of that name would
      // be taken for the worker and left in the quote, while the worker's own name flagged costs a look.
      return petStems(key).some((stem) => stem.length >= 3 && first.startsWith(stem));
    },
  };
}

const LENITED = new Set(['b', 'c', 'd', 'f', 'g', 'm', 'p', 's', 't']);
/** Zulu, Xhosa and Ndebele names that start "No-" (Nokuthula, Nomvula, Nonhlanhla, Nosipho): families call them by the rest. */
const NGUNI_PREFIX = /^no(?:ku|m|n|s|l|z|b|x|q)/u;

const PET_ENDINGS = ['ie', 'ey', 'ee', 'y', 'i', 'o', 's'];

/** What a pet form may be built on: "jenny" -> "jenn", "jen"; "katie" -> "kat"; "mattie" -> "matt", "mat". */
function petStems(key: string): string[] {
  const stems: string[] = [];
  for (const ending of PET_ENDINGS) {
    if (!key.endsWith(ending) || key.length <= ending.length) continue;
    const base = key.slice(0, -ending.length);
    stems.push(base);
    if (base.length >= 2 && base.at(-1) === base.at(-2)) stems.push(base.slice(0, -1));
  }
  return stems;
}

/** Several names of the same worker (as nominated, as published): a word is the worker's if it is any one's. */
export function workerNamesMatcher(names: readonly string[]): WorkerName {
  const matchers = names.map(workerNameMatcher);
  if (matchers.length === 1) return matchers[0]!;
  return {
    keys: new Set(matchers.flatMap((m) => [...m.keys])),
    first: matchers[0]?.first,
    isWorker: (key: string) => matchers.some((m) => m.isWorker(key)),
  };
}
