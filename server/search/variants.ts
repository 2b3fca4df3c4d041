// Names that are the same person to a family but too far apart for typo tolerance:
// short forms (Jon / John / Jonathan), spellings of one name (Mohammed / Muhammad), and
// anglicised spellings (Siobhan / Shivaun). Folded, lower case. A word may be in several groups.
const GROUPS: string[] = [
  'john jon jonathan jonny johnny',
  'mohammed muhammad mohamed mohammad muhammed mohamad mohd mohammod mahomed',
  'ahmed ahmad ahmet',
  'hussain hussein husain hossain',
  'yusuf yousef youssef yousuf',
  'siobhan shivaun shevaun chevonne shivon',
  'sian shan',
  'niamh neve neave',
  'sinead shinead',
  'aoife eefa',
  'ciaran kieran',
  'eoin owen',
  'sean shaun shawn',
  'padraig patrick pat paddy',
  'rhys reece rees reese',
  'dafydd david dave davy',
  'iwan ieuan ewan euan evan',
  'stephen steven steve stevie',
  'katherine catherine kathryn katharine kate katie cath kath kathy cathy',
  'elizabeth liz lizzie beth betty eliza',
  'robert rob bob bobby robbie',
  'william will bill billy liam',
  'michael mike mick mickey',
  'christopher chris kit',
  'christine chris christina kirsty kristy',
  'alexander alex alexandra alec sandy',
  'samuel sam sammy samantha',
  'james jim jimmy jamie',
  'thomas tom tommy',
  'daniel dan danny',
  'benjamin ben benny',
  'nicholas nick nicky',
  'nicola nikki nicky',
  'matthew matt matty',
  'andrew andy drew',
  'anthony tony antony',
  'peter pete',
  'richard rich rick ricky dick',
  'joanne joanna jo josephine',
  'joseph joe joey',
  'susan sue suzanne susie',
  'margaret maggie meg peggy',
  'patricia pat trish tricia',
  'jennifer jen jenny',
  'rebecca becky becca',
  'victoria vicky vicki tori',
  'deborah debbie debra deb',
  'edward ed eddie ted ned',
  'frederick fred freddie',
  'henry harry hal',
  'charles charlie chas chuck',
  'charlotte charlie lottie',
  'eleanor ellie nell elinor',
  'zoe zoey',
  'sophie sophia sofia zofia',
  'anna ann anne',
  'mary maria mair moira maire',
  'jane jayne',
  'sarah sara',
  'claire clare',
  'louise lou louisa',
  'gareth gary',
  'gwen gwendolyn',
  'mohammed mo',
  'fatima fatma fatimah',
  'aisha ayesha aysha',
  'abdullah abdallah abdulla',
  'abdirahman abdulrahman',
  'nguyen nguen',
];

const VARIANTS = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const names = group.split(' ');
  for (const a of names) {
    let set = VARIANTS.get(a);
    if (!set) VARIANTS.set(a, (set = new Set()));
    for (const b of names) if (b !== a) set.add(b);
  }
}

/** Other forms of a folded word ("jon" -> john, jonathan, …); empty when none are known. */
export function variantsOf(word: string): ReadonlySet<string> {
  return VARIANTS.get(word) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
