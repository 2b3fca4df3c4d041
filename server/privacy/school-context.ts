// Whether a capitalised (or small-letter) name is a school by what is around it: the leads before it ("goes to",
// "got him into", "excluded from"), a child of school age, a sentence about school, what follows ("for Year 7",
// "in September"). The school rules (schools.ts) ask schoolContext for each name they see.
import {
  ORDINAL_YEARS,
  PLACE_ENDING,
  SURE_LEADS,
  YEAR_GROUP,
  PLACE_VERBS,
  COPULAS,
  PAST_COPULAS,
  NOT_SCHOOL_AT,
  NOT_SCHOOL_WORDS,
  CONTEXT_LAST,
  AGE_FILLERS,
  AGE_WORDS,
  HOME_HEADS,
  AT_TIMES,
  AGE_VERBS,
  OUSTED,
  STUDY_WORDS,
  CHILD_WORDS,
  PASSIVE,
  MONTHS,
  EXAMS,
  GENERIC_SCHOOL_WORDS,
  SIBLINGS,
  STAY_WORDS,
  SPOKE,
  EXCLUSION_WORDS,
} from './school-words.ts';
import { joinedBySpace, sentenceAround, type Token } from './tokens.ts';
import { commonWord, knownName, neverAName, onlyAName, placeWord, unknownWord, welshWord } from './words.ts';

/** "my son is 10 and at Gonville", "Saba is 6 at Owler Brook": a child of school age at a named place is at school. */
export function ageBeforeAt(tokens: Token[], i: number): boolean {
  if (tokens[i - 1]?.key !== 'at' || !joinedBySpace(tokens[i - 1]!.gap)) return false;
  const t = tokens[i]!;
  if (t.key.length < 2 || AT_TIMES.has(t.key) || NOT_SCHOOL_AT.has(t.key) || NOT_SCHOOL_WORDS.has(t.key)) return false;
  // "is 15 and at Oakwood House": a home or a unit, not a school
  for (let k = i + 1; k < i + 4 && tokens[k]?.cap && joinedBySpace(tokens[k]!.gap); k++) if (HOME_HEADS.has(tokens[k]!.key)) return false;
  let k = i - 2;
  while (k > i - 5 && k >= 0 && AGE_FILLERS.has(tokens[k]!.key) && !tokens[k]!.sentenceStart && joinedBySpace(tokens[k + 1]!.gap)) k--;
  const age = tokens[k];
  if (!age || !joinedBySpace(tokens[k + 1]!.gap) || !(/^(?:[2-9]|1[0-8])$/u.test(age.key) || AGE_WORDS.has(age.key))) return false;
  const verb = tokens[k - 1];
  return verb !== undefined && joinedBySpace(age.gap) && (AGE_VERBS.has(verb.key) || /['’]s$/u.test(verb.text));
}

/**
 * "got him moved from Challney to Cardinal Newman": a saint's or a bishop's name a child was moved to from a name
 * (where the one moved is him or her: "we moved from Luton to Bishop Auckland" is a family's move to a town).
 */
export function movedFromTo(tokens: Token[], i: number): 'sure' | 'maybe' | undefined {
  if (tokens[i - 1]?.key !== 'to' || !joinedBySpace(tokens[i - 1]!.gap)) return undefined;
  let k = i - 2;
  while (k > i - 6 && k >= 0 && tokens[k]!.cap && !tokens[k]!.sentenceStart) k--;
  if (k === i - 2 || tokens[k]?.key !== 'from') return undefined;
  return movedBy(tokens, k, MOVED_CHILD) ? 'sure' : undefined;
}
const MOVE_VERBS = new Set(['moved', 'transferred', 'move', 'moving']);
export const MOVED_ONES = new Set(['him', 'her', 'them']);
const MOVED_CHILD = new Set(['him', 'her']);
/** Whether "from" at token k follows a move of one of `who`, before "moved" or after it: "got him moved from", "moved her from". */
export function movedBy(tokens: Token[], k: number, who: Set<string>): boolean {
  const after = who.has(tokens[k - 1]?.key ?? '');
  const verb = after ? tokens[k - 2] : tokens[k - 1];
  return MOVE_VERBS.has(verb?.key ?? '') && (after || who.has(tokens[k - 2]?.key ?? ''));
}
/** Whether the sentence of token i, before it, says a child's age: "Aarav is 12 now and studying at ...". */
export function ageInSentence(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k > 0 && k > i - 16; k--) {
    const t = tokens[k]!;
    if (/^(?:[2-9]|1[0-8])$/u.test(t.key) && (AGE_VERBS.has(tokens[k - 1]!.key) || /['’]s$/u.test(tokens[k - 1]!.text))) return true;
    if (t.sentenceStart) return false;
  }
  return false;
}
/**
 * Every mention of a name the story says is a child's: after "my daughter", "the boys", "his sister" ("the boys Harvey
 * and Archie"), or before an age ("Lana was 12", "Oisín, who is 15", "Priya (9)").
 */
export function childNames(tokens: Token[]): Uint8Array {
  const names = new Set<string>();
  const nameLike = (t: Token | undefined) =>
    t !== undefined && /^\p{L}[\p{L}'’-]*$/u.test(t.text) && !neverAName(t.key) && !commonWord(t.key) && !GENERIC_SCHOOL_WORDS.has(t.key);
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if ((CHILD_WORDS.has(t.key) || SIBLINGS.has(t.key)) && !t.cap) {
      let m = k + 1;
      while (m < tokens.length && m < k + 6 && nameLike(tokens[m]) && /^[ \t,]+$/u.test(tokens[m]!.gap) && !tokens[m]!.sentenceStart) {
        names.add(tokens[m]!.key);
        // "Harvey and Archie", "Jack, Poppy and Mia"
        if (['and', '&'].includes(tokens[m + 1]?.key ?? '')) m += 2;
        else if (/^[ \t]*,[ \t]*$/u.test(tokens[m + 1]?.gap ?? '') && nameLike(tokens[m + 1]) && tokens[m + 1]!.cap === tokens[m]!.cap) m++;
        else break;
      }
    }
    // "Lana was 12", "Oisín, who is 15", "Priya (9)"
    const n = tokens[k + 1]!;
    const age = (x: Token | undefined) => x !== undefined && /^(?:[1-9]|1[0-7])$/u.test(x.key);
    if (
      t.cap &&
      nameLike(t) &&
      (onlyAName(t.key) || knownName(t.key) || unknownWord(t.key)) &&
      ((['is', 'was', 'turned'].includes(n.key) && age(tokens[k + 2])) ||
        (n.key === 'who' && ['is', 'was'].includes(tokens[k + 2]?.key ?? '') && age(tokens[k + 3])) ||
        (age(n) && /^\s*\($/u.test(n.gap)))
    )
      names.add(t.key);
  }
  const at = new Uint8Array(tokens.length);
  if (names.size) for (let k = 0; k < tokens.length; k++) if (names.has(tokens[k]!.key)) at[k] = 1;
  return at;
}
/** Whether one of the story's children is the one named just before token k (the word before a lead), in its sentence. */
function childNamedBefore(tokens: Token[], k: number, kid: Uint8Array | undefined): boolean {
  if (!kid) return false;
  for (let m = k; m >= 0 && m > k - 4; m--) {
    if (kid[m]) return true;
    if (tokens[m]!.sentenceStart || !joinedBySpace(tokens[m]!.gap)) return false;
  }
  return false;
}
/** Whether no sentence starts between tokens a and b. */
function sameSentence(tokens: Token[], a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k <= Math.max(a, b); k++) if (tokens[k]!.sentenceStart) return false;
  return true;
}
/** Whether a child is named just before token k, in its sentence: "his sister Priya is", "my son Oisín goes", "our eldest is". */
function childBefore(tokens: Token[], k: number): boolean {
  for (let m = k; m >= 0 && m > k - 4; m--) {
    // (a brother or sister only with a name after: "my brother is at Park View" may be a grown man at work)
    if (CHILD_WORDS.has(tokens[m]!.key) || (SIBLINGS.has(tokens[m]!.key) && m < k && tokens[m + 1]!.cap)) return true;
    if (tokens[m]!.sentenceStart || !joinedBySpace(tokens[m]!.gap)) return false;
  }
  return false;
}
/** "my eldest aleena goes to X now", "the twins go to X now": one word, then "now", after a child and "goes to". */
export function childGoesNow(tokens: Token[], i: number): boolean {
  const [to, verb, after] = [tokens[i - 1], tokens[i - 2], tokens[i + 1]];
  if (to?.key !== 'to' || !['goes', 'go'].includes(verb?.key ?? '') || after?.key !== 'now' || !joinedBySpace(after.gap)) return false;
  if (!joinedBySpace(tokens[i]!.gap) || !joinedBySpace(to.gap)) return false;
  for (let k = i - 3; k >= 0 && k > i - 6; k--) {
    if (CHILD_WORDS.has(tokens[k]!.key)) return true;
    if (tokens[k]!.sentenceStart || !joinedBySpace(tokens[k + 1]!.gap)) return false;
  }
  return false;
}

export function schoolContext(
  tokens: Token[],
  i: number,
  cue?: Uint8Array,
  ill?: Uint8Array,
  kid?: Uint8Array,
): 'sure' | 'maybe' | undefined {
  // i is the first word of the name; look at the words before it
  const a = tokens[i - 1]?.key ?? '';
  const b = tokens[i - 2]?.key ?? '';
  const c = tokens[i - 3]?.key ?? '';
  // every lead ends with one of these words; a single letter is not a school: "we go to L&D hospital"
  if (!(CONTEXT_LAST.has(a) || a === 'with' || SPOKE.has(a)) || !joinedBySpace(tokens[i]!.gap) || tokens[i]!.key.length < 2)
    return undefined;
  // "getting bullied at Bro Myrddin", "the teachers at Greystones", "enrolled him at Foxhollow"
  if (a === 'at' && ['bullied', 'bullying', 'teachers', 'pupils', 'classmates', 'enrolled', 'enrol'].includes(b)) return 'sure';
  if (a === 'at' && ['him', 'her', 'them'].includes(b) && ['enrolled', 'enrol'].includes(c)) return 'sure';
  if (cue && ill) {
    const school = cue[i] === 1;
    // "she got Kemar into", "helped us get him into", "got my son Logan into"
    if (a === 'into' && !tokens[i - 1]!.sentenceStart && !YEAR_GROUP.test(tokens[i]!.key) && !ill[i]) {
      // "got Kemar into Riddlesdown Collegiate and Shanice into St Mark's"
      for (let k = i - 2; k >= Math.max(0, i - 10); k--) {
        // (sure too for a child of the story: "she got Kemar into Riddlesdown" where Kemar is her son)
        if (PLACE_VERBS.has(tokens[k]!.key)) return school || childNamedBefore(tokens, i - 2, kid) ? 'sure' : 'maybe';
        if (tokens[k]!.sentenceStart || !joinedBySpace(tokens[k]!.gap)) break;
      }
    }
    // "she is 14 and at Prendergast", "is 7 at Shirley Junior": not "is 3 and at Alder Hey" in a sentence about illness
    if (ageBeforeAt(tokens, i) && !ill[i]) {
      const t = tokens[i]!;
      if (!(t.possessive && (onlyAName(t.key) || knownName(t.key)) && !tokens[i + 1]?.cap) && !NOT_SCHOOL_AT.has(t.key)) return 'sure';
    }
    // "she is 15 and she go Notre Dame", "my son Oisín goes St Columb's": "go" with no "to", after a child's age or a child
    if ((a === 'go' || a === 'goes') && tokens[i]!.cap && !tokens[i]!.sentenceStart && !ill[i] && !AT_TIMES.has(tokens[i]!.key)) {
      if (ageInSentence(tokens, i)) return 'sure';
      if (childBefore(tokens, i - 2)) return 'maybe';
    }
    // "Jack is at Isca and Poppy at Ladysmith", "my sis rukhsana at Morpeth": a child of the story, then "at" (possible)
    if (a === 'at' && kid?.[i - 2] && !ill[i] && !AT_TIMES.has(tokens[i]!.key) && !NOT_SCHOOL_AT.has(tokens[i]!.key)) {
      const before = tokens[i - 3];
      // (after "and" or a comma only as the second of two: "Jack is at Isca and Poppy at ...", not "we saw Dev and Nia at ...")
      let listed = false;
      for (let k = i - 4; k >= 0 && k > i - 14 && !listed; k--) {
        listed = tokens[k]!.key === 'at' && kid[k + 1] !== 1;
        if (tokens[k]!.sentenceStart) break;
      }
      if (
        before &&
        (SIBLINGS.has(before.key) ||
          CHILD_WORDS.has(before.key) ||
          (listed && (['and', '&'].includes(before.key) || /,\s*$/u.test(tokens[i - 2]!.gap))))
      )
        return 'maybe';
    }
    // "my daughter Ugnė is in Salmestone now": a child of the story "is in" a name that is no place, year or service (possible)
    if (
      a === 'in' &&
      ['is', 'was', "'s", '’s'].includes(b) &&
      (childBefore(tokens, i - 3) || childNamedBefore(tokens, i - 3, kid)) &&
      !ill[i] &&
      !YEAR_GROUP.test(tokens[i]!.key) &&
      !placeWord(tokens[i]!.key) &&
      !commonWord(tokens[i]!.key) &&
      !GENERIC_SCHOOL_WORDS.has(tokens[i]!.key) &&
      !NOT_SCHOOL_WORDS.has(tokens[i]!.key) &&
      !AT_TIMES.has(tokens[i]!.key) &&
      // "was in Skye House", "is in Oak Unit": a home or a unit, not a school
      ![1, 2].some((d) => HOME_HEADS.has(tokens[i + d]?.key ?? '') && tokens[i + d]!.cap)
    )
      return 'maybe';
    // "spoke to Mr Atwal at Landau Forte when Harleen stopped eating": a teacher at a school, in a sentence about a child (possible)
    if (a === 'at' && ['mr', 'mrs', 'miss', 'ms', 'sir'].includes(c) && tokens[i - 2]!.cap && !ill[i] && tokens[i]!.cap) {
      for (let k = Math.max(0, i - 12); k < Math.min(tokens.length, i + 12); k++)
        if ((kid?.[k] || CHILD_WORDS.has(tokens[k]!.key)) && sameSentence(tokens, k, i)) return 'maybe';
    }
    // "kicked out of Commonweal", "got put out of Holy Cross"
    if (a === 'of' && b === 'out' && OUSTED.has(c)) return 'sure';
    // "on a managed move from Lister", "a managed move to Eastlea": a move between schools
    if ((a === 'from' || a === 'to') && b === 'move' && c === 'managed') return 'sure';
    // "sent home from Oakfield every week": a school, unless the sentence is about illness (or is it work?)
    if (a === 'from' && b === 'home' && ['sent', 'sending', 'sends'].includes(c) && !ill[i]) return school ? 'sure' : 'maybe';
    // "studying at Judgemeadow", "her bursary at Leeds Beckett"
    if (a === 'at' && STUDY_WORDS.has(b) && !ill[i]) return school || ageInSentence(tokens, i) ? 'sure' : 'maybe';
    // "his transition from Oakdene to Highfields", in a sentence about school (the second is found after the first)
    if (a === 'from' && school && ['transition', 'moved', 'move', 'moving', 'transferred', 'changed'].includes(b)) return 'sure';
    // "Connor is at Birkenhead Park", "he's at Oakwood now", "both at St Cuthbert's": not in a sentence about illness
    const copula =
      a === 'at' &&
      (COPULAS.has(b) ||
        (school && PAST_COPULAS.has(b)) ||
        /['’]s$/u.test(tokens[i - 2]?.text ?? '') ||
        (b === 'now' && ['is', 'are'].includes(c)));
    if (copula && !ill[i] && !NOT_SCHOOL_AT.has(tokens[i]!.key)) {
      const t = tokens[i]!;
      // "at Nan's", "at Sarah's": someone's house
      // "his sister Priya is at Witton Park", "Blessing is 7 now and is at ...": a child (named so, or aged) is at school there
      if (!(t.possessive && (onlyAName(t.key) || knownName(t.key)) && !tokens[i + 1]?.cap))
        return school || childBefore(tokens, i - 2) || childNamedBefore(tokens, i - 2, kid) || ageInSentence(tokens, i) ? 'sure' : 'maybe';
    }
    // "got orlaith sorted at Thornhill": a child of the story sorted somewhere, not in a sentence about illness (possible)
    if (a === 'at' && b === 'sorted' && (kid?.[i - 3] || CHILD_WORDS.has(c)) && !ill[i] && !NOT_SCHOOL_AT.has(tokens[i]!.key))
      return 'maybe';
    // "fought to keep her at St John Plessington": a child kept on somewhere, not in a sentence about illness (possible)
    if (
      a === 'at' &&
      ['him', 'her', 'them'].includes(b) &&
      ['keep', 'kept', 'keeping'].includes(c) &&
      !ill[i] &&
      !NOT_SCHOOL_AT.has(tokens[i]!.key)
    )
      return 'maybe';
    // "spoke to Bitterne Park so the teachers understood", "she rang Oakfield about his homework": in a sentence about school (possible)
    if (
      (a === 'to' || a === 'with' || SPOKE.has(a)) &&
      (SPOKE.has(b) || SPOKE.has(a)) &&
      school &&
      !ill[i] &&
      tokens[i]!.cap &&
      !tokens[i]!.acronym &&
      !onlyAName(tokens[i]!.key) &&
      !knownName(tokens[i]!.key) &&
      !commonWord(tokens[i]!.key) &&
      !NOT_SCHOOL_WORDS.has(tokens[i]!.key)
    )
      return 'maybe';
    // "Hibo stayed at Smithy Street so she kept her friends": staying on at a school, in a sentence about school
    if (a === 'at' && school && STAY_WORDS.has(b) && !ill[i]) return 'sure';
  }
  if (SURE_LEADS.includes(a) && ((/^\d{1,2}$/.test(b) && ['year', 'yr', 'y'].includes(c)) || /^(?:y\d{1,2}|p[1-7]|s[1-6])$/.test(b)))
    return 'sure';
  if (
    a === 'at' &&
    [
      'reception',
      'nursery',
      'pupil',
      'student',
      'head',
      'headteacher',
      'teacher',
      'senco',
      'sixth',
      'preschool',
      'pre-school',
      'playgroup',
      'creche',
    ].includes(b)
  )
    return 'sure';
  if (a === 'from' && (EXCLUSION_WORDS.has(b) || (['him', 'her', 'them', 'me'].includes(b) && EXCLUSION_WORDS.has(c)))) return 'sure';
  // "head of year at St Cecilia's", "form tutor at"; "in 2nd year at Firrhill", "in third year at Govan"
  if (a === 'at' && ((b === 'year' && (c === 'of' || ORDINAL_YEARS.test(c))) || b === 'tutor')) return 'sure';
  if (a === 'at' && b === 'back') return 'maybe';
  if (cue && ill) {
    const school = cue[i] === 1;
    const maybe = school ? 'sure' : 'maybe';
    // "refusing school at Smithills", "his schooling at Methody", "her nursery at Little Oaks"
    if (a === 'at' && ['school', 'schooling', 'nursery', 'college', 'sixth-form'].includes(b) && tokens[i]!.cap) return 'maybe';
    // "got him moved to Humphry Davy", "moved him up to", "went up to Baldragon", "go back to Brampton Manor"
    const d = tokens[i - 4]?.key ?? '';
    if (
      a === 'to' &&
      !ill[i] &&
      (b === 'moved' || b === 'transferred') &&
      (PASSIVE.has(c) || (['him', 'her', 'them', 'me'].includes(c) && PASSIVE.has(d)))
    )
      return maybe;
    if (a === 'to' && (b === 'up' || b === 'back') && ['went', 'go', 'goes', 'going', 'moved', 'move', 'moving', 'gone'].includes(c))
      return maybe;
    if (a === 'to' && b === 'back' && ['him', 'her', 'them', 'me'].includes(c)) return maybe;
    // "moved him from Mossbourne", "pulled her out of Oakfield"
    if (
      ['him', 'her', 'them', 'me'].includes(b) &&
      a === 'from' &&
      ['moved', 'move', 'moving', 'transferred', 'took', 'taken', 'pulled'].includes(c)
    )
      return maybe;
    if (
      a === 'of' &&
      b === 'out' &&
      ['him', 'her', 'them', 'me'].includes(c) &&
      ['took', 'take', 'taken', 'pulled', 'pull', 'taking', 'pulling'].includes(d)
    )
      return maybe;
    // "picked him up from Oakfield", "dropped her off at Greenhill" (about school, or possible); not "from Dave's"
    const t = tokens[i]!;
    const someonesHouse = t.possessive && (onlyAName(t.key) || knownName(t.key)) && !tokens[i + 1]?.cap;
    if ((a === 'at' || a === 'from') && (b === 'up' || b === 'off') && !someonesHouse) {
      for (let k = i - 3; k >= Math.max(0, i - 6); k--) {
        if (/^(?:pick|picks|picked|picking|drop|drops|dropped|dropping|collect|collected)$/u.test(tokens[k]!.key)) return maybe;
        if (tokens[k + 1]!.sentenceStart) break;
      }
    }
    // "i drop them at Kilmorie", "dropping the kids at Rathfern", "collect her from Fryent": no "off" or "up"
    if ((a === 'at' || a === 'from') && ['them', 'him', 'her', 'kids', 'boys', 'girls', 'twins', 'both'].includes(b) && !someonesHouse) {
      const verb = tokens[i - 3]?.key === 'the' ? tokens[i - 4] : tokens[i - 3];
      if (verb && /^(?:drop|drops|dropped|dropping|collect|collects|collected|collecting)$/u.test(verb.key)) return maybe;
    }
    // "a place for the eldest at Lees Brook", "sorted a place for him at Oakfield"
    if (a === 'at') {
      for (let k = i - 2; k >= Math.max(0, i - 6); k--) {
        if (
          ['place', 'places'].includes(tokens[k]!.key) &&
          ['a', 'the', 'her', 'his', 'their', 'school'].includes(tokens[k - 1]?.key ?? '')
        )
          // "the EHCP meeting ... and argued for a place at Crosshill": sure in a sentence about school, not illness
          return school && !ill[i] && !HOME_HEADS.has(tokens[i + 1]?.key ?? '') ? 'sure' : 'maybe';
        if (tokens[k]!.sentenceStart || !joinedBySpace(tokens[k]!.gap) || tokens[k]!.key === 'at') break;
      }
    }
    // "his attendance at Woodside", "in isolation at Hartcliffe", "the pastoral lead at Millbrook", "breakfast club at Fairway", "accepted at Ridgeway"
    if (
      a === 'at' &&
      school &&
      [
        'attendance',
        'isolation',
        'detention',
        'detentions',
        'lead',
        'worker',
        'club',
        'staff',
        'governor',
        'governors',
        'gates',
        'accepted',
        'assembly',
        'office',
      ].includes(b)
    )
      return 'sure';
    if (a === 'at' && (b === 'accepted' || b === 'attendance')) return 'maybe';
    // "got her into the breakfast club at Tanners Brook", "the after school club at Fairway"
    if (a === 'at' && b === 'club' && ['breakfast', 'school', 'homework'].includes(c)) return 'maybe';
    // "went to Brookvale and the teachers there were kind": in a sentence about school
    if (a === 'to' && school && ['went', 'transitions', 'transition', 'progressed', 'progress'].includes(b)) return 'maybe';
    // "on a reduced timetable at Rushgrove", "his exclusion from Oakmere": a place-shaped name in a sentence about school (possible)
    if ((a === 'at' || a === 'from') && school && lowerNameLike(tokens[i]!.key) && !onlyAName(tokens[i]!.key)) return 'maybe';
    // "doing great at St Brendan's", "acting up at St Malachy's", "struggling at Oakfield": in a sentence about school
    // (or after a child's age or a child of the story: "sophie is 10 and doing great at St Brendan's")
    if (
      a === 'at' &&
      (school || ageInSentence(tokens, i) || childNamedBefore(tokens, i - 3, kid)) &&
      // (Scots and spoken forms too: "was strugglin at Millburn")
      ([
        'great',
        'well',
        'brilliant',
        'struggling',
        'strugglin',
        'thriving',
        'settled',
        'happy',
        'up',
        'behaving',
        'doing',
        'doin',
      ].includes(b) ||
        // "aged 13 was getting into trouble at Queen Katharine", "aged 6, stopped speaking at Magdalen Gates"
        (b === 'trouble' && ['into', 'in'].includes(c)) ||
        // "i kicked off at Carlton Bolling and got excluded"
        (b === 'off' && ['kicked', 'kicking', 'kicks'].includes(c)) ||
        (['speaking', 'talking'].includes(b) && ['stopped', 'stop', 'stops'].includes(c)))
    )
      return 'sure';
  }
  if (a === 'attends' || a === 'attended' || ((a === 'attend' || a === 'attending') && !['to', 'the', 'a'].includes(tokens[i]!.key)))
    return 'sure';
  // "bought his uniform for Sandhill", "the school run to Hillcrest", "the Pupil Referral Unit at Oakwood", "in the sixth form at Parrs Wood"
  if (a === 'for' && b === 'uniform' && !tokens[i]!.acronym && !commonWord(tokens[i]!.key)) return 'sure';
  if (a === 'for') return undefined;
  if (a === 'to' && b === 'run' && c === 'school') return 'sure';
  if (a === 'at' && ((b === 'unit' && c === 'referral') || (b === 'form' && c === 'sixth') || (b === 'pru' && c === 'the'))) return 'sure';
  // "the headteacher of Beacon Hill", "the SENCO of Oakfield"
  if (a === 'of' && ['headteacher', 'headmaster', 'headmistress', 'senco', 'principal', 'governors', 'pupils', 'pupil'].includes(b))
    return 'sure';
  // "in primary 6 at Castleview", "her A levels at Marlowe"
  if (a === 'at' && /^\d{1,2}$/u.test(b) && c === 'primary') return 'sure';
  if (a === 'at' && (b === 'levels' || b === 'level') && c === 'a') return 'sure';
  // "a scholarship to Millfield", "applied to Greenhill", "a transfer to Oakwood"
  if (a === 'to' && ['scholarship', 'bursary', 'applied', 'apply', 'applying', 'application', 'transfer'].includes(b)) return 'maybe';
  // "moved schools to Greenfield", "changed schools to Oakwood"
  if (a === 'to' && b === 'schools' && /^(?:move|moved|moving|change|changed|changing|switch|switched|swapped)$/u.test(c)) return 'sure';
  // "kyle was 7 and hadnt been to ashfield in weeks": a child who has not been to a place is missing school there
  if (
    a === 'to' &&
    b === 'been' &&
    /^(?:hadnt|hasnt|havent|hadn['’]t|hasn['’]t|haven['’]t|not|never)$/u.test(c) &&
    !ill?.[i] &&
    (ageInSentence(tokens, i) || childNamedBefore(tokens, i - 4, kid) || childBefore(tokens, i - 4) || cue?.[i] === 1)
  )
    return 'sure';
  // "now he goes every day to Malet Lambert": read as "goes to"
  if (a === 'to' && b === 'day' && ['every', 'each'].includes(c) && ['goes', 'go', 'going'].includes(tokens[i - 4]?.key ?? '') && !ill?.[i])
    return ageInSentence(tokens, i) || childNamedBefore(tokens, i - 5, kid) || childBefore(tokens, i - 5) ? 'sure' : 'maybe';
  if (
    a === 'to' &&
    !ill?.[i] &&
    (['goes', 'go', 'going', 'transferred'].includes(b) ||
      (['goes', 'go', 'moved', 'transferred'].includes(c) && ['him', 'her', 'them', 'schools'].includes(b)))
  )
    // "Simran is 10 and goes to Uplands Manor": a child's age says it is a school
    // (or in a sentence about school: "he goes to Ancrum Road now and loves it, his teacher says")
    return ['goes', 'go', 'going'].includes(b) &&
      (ageInSentence(tokens, i) || childNamedBefore(tokens, i - 3, kid) || childBefore(tokens, i - 3) || cue?.[i] === 1)
      ? 'sure'
      : 'maybe';
  if (a === 'at' && ['started', 'starts', 'starting', 'start', 'place', 'places', 'settled'].includes(b))
    // "the boys Harvey and Archie settled at ...": a child of the story started or settled there (sure)
    return b !== 'place' && b !== 'places' && !ill?.[i] && childNamedBefore(tokens, i - 3, kid) ? 'sure' : 'maybe';
  // "doing his GCSEs at Castlebrook"
  if (a === 'at' && ['gcses', 'gcse', 'a-levels', 'highers', 'exams', 'sats', 'btec', 'nationals'].includes(b)) return 'sure';
  return undefined;
}
const NURSERY_WORDS = new Set(['nursery', 'preschool', 'pre-school', 'playgroup', 'creche']);
/** Whether the sentence of token i (19 words either way at most) has "nursery" or "preschool" in it. */
export function nurserySentence(tokens: Token[], i: number): boolean {
  const [a, b] = sentenceAround(tokens, i, 19);
  return tokens.slice(a, b + 1).some((t) => NURSERY_WORDS.has(t.key));
}
/** "was at X then and now hes at Y": "now", then "at" and a capital within four words, later in the sentence of token i. */
export function nowAtAfter(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k < i + 10 && !tokens[k]!.sentenceStart; k++) {
    if (tokens[k]!.key !== 'now') continue;
    for (let m = k + 1; m < tokens.length && m < k + 5 && !tokens[m]!.sentenceStart; m++)
      if (tokens[m]!.key === 'at') return tokens[m + 1]?.cap === true && !tokens[m + 1]!.sentenceStart;
  }
  return false;
}
/** "in September", "this September", "last sept". */
export function monthFollows(tokens: Token[], k: number): boolean {
  const [a, b] = [tokens[k], tokens[k + 1]];
  return (
    a !== undefined &&
    ['in', 'this', 'last', 'next'].includes(a.key) &&
    joinedBySpace(a.gap) &&
    MONTHS.test(b?.key ?? '') &&
    !b!.sentenceStart
  );
}
export function schoolFollows(tokens: Token[], k: number): boolean {
  if (tokens[k] && tokens[k]!.key === 'in' && MONTHS.test(tokens[k + 1]?.key ?? '') && !tokens[k + 1]!.sentenceStart) k += 2;
  const [a, b, c, d] = [tokens[k], tokens[k + 1], tokens[k + 2], tokens[k + 3]];
  if (!a || !b || !['for', 'in', 'into', 'from', 'since'].includes(a.key) || b.sentenceStart || !joinedBySpace(b.gap)) return false;
  if (['reception', 'nursery'].includes(b.key) || /^(?:y\d{1,2}|p[1-7]|s[1-6])$/u.test(b.key)) return true;
  if (['year', 'yr', 'primary'].includes(b.key) && /^\d{1,2}$/u.test(c?.key ?? '')) return true;
  if (b.key === 'sixth' && c?.key === 'form') return true;
  return (
    EXAMS.test(b.key) ||
    (['his', 'her', 'their', 'my'].includes(b.key) && (EXAMS.test(c?.key ?? '') || (c?.key === 'a' && /^levels?$/u.test(d?.key ?? ''))))
  );
}

/** "... for Year 7", "... in reception": what follows a name says it is a school. */
export function yearFollows(tokens: Token[], k: number): boolean {
  const [a, b, c] = [tokens[k], tokens[k + 1], tokens[k + 2]];
  if (!a || !b || !['for', 'in', 'into', 'from'].includes(a.key)) return false;
  return b.key === 'reception' || (['year', 'yr'].includes(b.key) && c !== undefined && /^\d{1,2}$/.test(c.key));
}

/** A small-letter word that may be a place's or a school's name: "sunnyside", "hillcrest", not "the", "school", "home". */
export const lowerNameLike = (key: string) =>
  !commonWord(key) &&
  !neverAName(key) &&
  !GENERIC_SCHOOL_WORDS.has(key) &&
  !NOT_SCHOOL_WORDS.has(key) &&
  (placeWord(key) || PLACE_ENDING.test(key) || (unknownWord(key) && key.length >= 5) || welshWord(key));
