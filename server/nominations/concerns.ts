// Safeguarding and complaint words. A nomination whose story reads like a concern about a child's
// safety or like a complaint is stored as usual but flagged, so the moderator sees it first and the
// family is shown where to get help. False alarms are cheap (a person reads every story); misses are not.
import { fold } from '../text.ts';

export type ConcernFlag = 'safeguarding' | 'complaint';

const SAFEGUARDING = [
  // harm, hurt, violence
  String.raw`harm(s|ed|ing|ful)?`,
  String.raw`hurt(s|ing)?`,
  String.raw`injur(y|ies|ed)`,
  String.raw`bruis(e|es|ed|ing)`,
  String.raw`violen(ce|t)`,
  String.raw`assault(s|ed)?`,
  String.raw`attack(s|ed|ing)? (me|us|him|her|them|my)`,
  String.raw`beat(s|en|ing)? (me|us|him|her|them|my)`,
  String.raw`(hit|hits|hitting|punch(ed|es|ing)?|kick(ed|s|ing)?|slap(ped|s|ping)?) (me|us|him|her|them|my)`,
  String.raw`strangl\w*`,
  String.raw`chok(ed|ing) (me|us|him|her|them)`,
  String.raw`weapons?`,
  String.raw`knife|knives`,
  // danger, safety, threats
  String.raw`danger(s|ous)?`,
  String.raw`unsafe`,
  String.raw`(not|isn'?t|wasn'?t|don'?t feel|never felt|didn'?t feel) safe`,
  String.raw`at risk`,
  String.raw`threat(s|en|ens|ened|ening)?`,
  String.raw`(scared|afraid|frightened|terrified) (of|for)`,
  String.raw`kill(s|ed|ing)?`,
  String.raw`murder\w*`,
  // abuse and neglect
  String.raw`abus(e|es|ed|er|ers|ive|ing)`,
  String.raw`neglect(s|ed|ful|ing)?`,
  String.raw`groom(ed|ing)`,
  String.raw`exploit(ed|ation|ing)`,
  String.raw`rap(e|ed|ist)`,
  String.raw`molest\w*`,
  String.raw`sexual(ly)? (abus\w*|assault\w*)`,
  String.raw`domestic violence`,
  String.raw`trafficking`,
  String.raw`missing from (home|care)`,
  String.raw`ran away`,
  String.raw`run away`,
  // self-harm and suicide
  String.raw`self harm\w*`,
  String.raw`suicid\w*`,
  String.raw`(kill|hurt|harm) (myself|himself|herself|themselves)`,
  String.raw`end (my|his|her|their) life`,
  String.raw`overdos\w*`,
];

const COMPLAINT = [
  String.raw`complain(t|ts|ed|ing)?`,
  String.raw`ombudsman`,
  String.raw`negligen(t|ce)`,
  String.raw`unprofessional\w*`,
  String.raw`misconduct`,
  String.raw`incompeten(t|ce)`,
  String.raw`disgrace(ful)?`,
  String.raw`lied (to|about)`,
  String.raw`liars?`,
  String.raw`useless`,
  String.raw`appalling`,
  String.raw`rude`,
  String.raw`bull(y|ied|ying)`,
  String.raw`racis(t|m)`,
  String.raw`discriminat\w*`,
  String.raw`sue|suing|legal action`,
  String.raw`struck off`,
  String.raw`social work england`,
  String.raw`report(ed)? (her|him|them) to`,
  String.raw`failed (us|my|our)`,
];

// Whole words on folded text: lower case, accents off, curly apostrophes straightened, hyphens as spaces.
const words = (list: string[]) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${list.join('|')})(?![\p{L}\p{N}])`, 'u');
const SAFEGUARDING_RE = words(SAFEGUARDING);
const COMPLAINT_RE = words(COMPLAINT);

function prepare(story: string): string {
  return fold(story)
    .replace(/[’‘`]/g, "'")
    .replace(/[-‐–—_]+/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The concern flags for a story, in a stable order. */
export function findConcerns(story: string): ConcernFlag[] {
  const text = prepare(story);
  const out: ConcernFlag[] = [];
  if (SAFEGUARDING_RE.test(text)) out.push('safeguarding');
  if (COMPLAINT_RE.test(text)) out.push('complaint');
  return out;
}
