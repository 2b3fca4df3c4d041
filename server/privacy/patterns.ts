// Precise patterns for the structured kinds: emails, links, UK phone numbers and postcodes, case
// references, dates, ages and street addresses. Every pattern starts behind a boundary look-behind and
// has bounded, non-nested repetition, so a hostile 10,000-character story is still scanned in linear time.
import type { Candidate } from './spans.ts';
import { functionWord, knownName, neverAName, wordKey } from './words.ts';

// The local part takes every character RFC 5322 allows ("o'brien@", "a!b@"), so no fragment of it is left behind.
const EMAIL =
  /(?<![\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-])[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

const URL_FULL = /(?<![\p{L}\p{N}@./-])(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/giu;
// link shorteners and pages whose domain is not in the list below: "bit.ly/3xKd9Qp", "linktr.ee/kez"
const URL_SHORT =
  /(?<![\p{L}\p{N}@./-])(?:bit\.ly|t\.co|goo\.gl|tinyurl\.com|linktr\.ee|wa\.me|youtu\.be|gofund\.me|fb\.me)\/[^\s<>"'()[\]{}]+/giu;
const URL_BARE =
  /(?<![\p{L}\p{N}@./\-_])(?:[a-z0-9][a-z0-9-]*\.)+(?:co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|me\.uk|sch\.uk|police\.uk|ltd\.uk|plc\.uk|net\.uk|com|org|net|uk|info|io|app|blog|online|scot|wales|cymru|ie|eu|me|tv|site|store|shop|page|link|live|life|xyz|website|london|co)(?:\/[^\s<>"'()[\]{}]*)?(?![\p{L}\p{N}\-@])/giu;

// UK phone numbers are read atom by atom (see readPhones): digit groups and spoken digits ("oh", "double seven").
const PHONE_ATOM =
  /(?<![\p{L}\p{N}])(?:[oO]\d{3,}(?:[oO]+\d*)*(?![\p{L}\p{N}])|\d+(?:[oO]+\d*)+(?![\p{L}\p{N}])|\+?\d+|(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|treble|hundred)(?![\p{L}\p{N}'’]))/giu;
// what may stand between two atoms of one number: a space or two, one dash, a dot or slash (not ". ", which ends a
// sentence), a bracket, a comma between words
const PHONE_GAP = /^(?:[ \u00a0]{1,2}|[ \u00a0]?[-–—][ \u00a0]?|[./]|[ \u00a0]?[()][ \u00a0]?|\)[ \u00a0]?\(|,[ \u00a0]?)$/u;
const SPOKEN_DIGIT: Record<string, string> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const SPOKEN_REPEAT: Record<string, number> = { double: 2, triple: 3, treble: 3 };
// "nine hundred" read out in a number is 9 0 0 (only straight after a digit said in words)
const SPOKEN_HUNDRED = 'hundred';
// "ext 2231", "extension 45", "x12" after a number belong to it
const PHONE_EXTENSION = /^[ \u00a0]*,?[ \u00a0]*(?:ext\.?|extension|x)[ \u00a0]*\d{1,5}(?![\p{L}\p{N}])/iu;
// a reference said just before: "crime ref 0123 4567 890" is a case reference, not a phone ("a reference 07700 ..." is a phone)
const REF_BEFORE =
  /\b(?:crime|incident|occurrence|case|claim|log|CAD)[ \t]+(?:reference|ref|number|no\.?)[ \t]*(?:is|was)?[ \t]*[:#,]?[ \t]*$/iu;
const DATE_INSIDE = /(?<!\d)\d{1,2}([/.-])\d{1,2}\1\d{2,4}(?!\d)/u;
// Childline, Samaritans and the missing-children line (116 111, 116 123, 116 000) have no leading 0
const HELPLINE_116 = /(?<![\p{L}\p{N}£$€.,/:-])116[ \u00a0]?(?:000|111|117|123)(?![\p{N}]|[.,/:-]\p{N})/gu;
// 999, 111, 101 after a verb of calling: possible (a moderator decides whether a service number matters)
const SERVICE_NUMBER =
  /(?=\d)(?<=(?<![\p{L}])(?:call|calls|called|calling|ring|rings|rang|ringing|rung|dial|dials|dialled|dialed|dialling|phone|phoned|phoning|text|texted)(?:[ \t]+(?:on|the|an|them|us|me|him|her))?[ \t]+)(?:999|111|101|112|119)(?![\p{N}]|[.,/:-]\p{N})/giu;
// Full postcodes, any case, with or without the space: SW1A 1AA, m1 1ae, se154qj.
const POSTCODE = /(?<![\p{L}\p{N}])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/giu;
// Typed in capitals with the space, any letters will do for the inward code: "NG6 8ML" is what a family wrote
const POSTCODE_LOOSE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?![\p{L}\p{N}])/gu;
// An outward code alone only where the words say it is one: "postcode TN34", "the TN34 area".
const OUTWARD_SAID =
  /(?=[A-Z])(?<=\bpost ?code(?: area)?(?: is| was)?:? )[A-Z]{1,2}\d[A-Z\d]?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?(?= (?:area|post ?code|district)\b(?! lottery))/giu;

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

// Family court numbers (ZC19C00123, LJ21C00456, SE12P3456) anywhere; other references after their label.
const FAMILY_CASE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}[A-Z]\d{4,6}(?![\p{L}\p{N}])/gu;
const LABELLED_REF =
  /\b(?:case|claim|court|crime|incident|occurrence|police|reference|ref|file|log|CAD|CRIS|URN|PNC|CRN|SCRA|CCMS|MARAC|referral|warrant|serial|order|injunction|application|complaint|appeal)(?![\p{L}])\.?(?:[ \t]+(?:number|no\.?|num\.?|reference|ref\.?|id|#)(?![\p{L}]))?(?:[ \t]+(?:is|was|wis))?[ \t]*[:#.,]?[ \t]*(?=[A-Z/-]*\d)([A-Z0-9](?:[A-Z0-9/-]{0,30}[A-Z0-9])?(?:[ \t]\d{2,6}(?![\p{L}\p{N}/-])){0,3})/giu;

// an office's own label in capitals before "number" or "ref": "the PNC number is 12/448812", "URN 44KA0912325"
const ACRONYM_REF =
  /(?<![\p{L}\p{N}])[A-Z]{2,6}[ \t]+(?:number|no\.?|num|ref|reference|id)(?![\p{L}])\.?(?:[ \t]+(?:is|was|wis))?[ \t]*[:#]?[ \t]*(?=[A-Z/-]*\d)([A-Z0-9](?:[A-Z0-9/-]{0,30}[A-Z0-9])?)(?![\p{L}\p{N}])/gu;
// a reference by its shape alone: capitals and digits joined by slashes or dashes, with five digits or more
// ("AO/2015/0087", "PS-20240902-0044", "2023/PONI/04417"); not a date or a phone number, which are read first
const SHAPED_REF = /(?<![\p{L}\p{N}/-])[A-Z0-9]{1,12}(?:[/-][A-Z0-9]{1,12}){1,3}(?![\p{L}\p{N}]|[/-][\p{L}\p{N}])/gu;
// a police crime number by its shape: a year or force code, a long serial and a year, in digits ("13/123456/20")
const SLASHED_CRIME_NUMBER = /(?<![\p{L}\p{N}/-])\d{1,4}\/\d{5,8}\/\d{2,4}(?![\p{L}\p{N}]|[/-]\p{N})/gu;
// "a crime reference of 46/88123/22": a reference said with "of"
// a code of capitals and digits mixed ("K3NR0412") a few words after a reference's label, in the same sentence:
// "the claim number from the eviction was K3NR0412" (the look-aheads first: the look-behind runs only where a code starts)
const MIXED_CODE_AFTER_LABEL =
  /(?=[A-Z0-9]{6,12}(?![\p{L}\p{N}]))(?<![\p{L}\p{N}])(?<=(?<![\p{L}])(?:number|no|ref|reference|claim|case|crime)(?![\p{L}])[^.!?\n]{0,60})[A-Z0-9]{6,12}/gu;
const REF_OF = /(?=\d)(?<=(?<![\p{L}])(?:reference|ref|number)[ \t]+of[ \t]+)\d[\d/-]{3,20}\d(?![\p{L}\p{N}])/giu;
// a police serial and its date after a label: "police ref 541 of 12/10/25" (a date on its own is a date)
// ("logged as 1234 of 12/3", "serial 0443 of 14MAR", "log 1234 of 12 march": the day may come without its year)
const POLICE_SERIAL = new RegExp(
  `(?=\\d)(?<=(?<![\\p{L}])(?:ref|reference|serial|incident|log|logged(?:[ \\t]+(?:as|under))?|number|no\\.?)[ \\t]+)\\d{1,6}[ \\t]+of[ \\t]+(?:\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?|\\d{1,2}(?:st|nd|rd|th)?[ \\t]*(?:${MONTH}))(?![\\p{L}\\p{N}]|\\/\\p{N})`,
  'giu',
);

const NUMERIC_DATE = /(?<![\p{N}/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}]|[/.-]\p{N})/gu;
/** Welsh months, after a day only ("17 Hydref", "3ydd o Fai" is not matched: mutated forms are rare on a form). */
const WELSH_MONTH = 'Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr';
const WELSH_MONTHS = new Set(WELSH_MONTH.toLowerCase().split('|'));
const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:the[ \\t]+)?(\\d{1,2})(?:st|nd|rd|th|af|il|ydd|ed|eg|fed)?[ \\t]+(?:of[ \\t]+|o[ \\t]+)?(${MONTH}|${WELSH_MONTH})(?:,?[ \\t]+\\d{4})?(?![\\p{L}])`,
  'giu',
);
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}])(?:${MONTH})[ \\t]+(?:the[ \\t]+)?\\d{1,2}(?:st|nd|rd|th)?(?:,?[ \\t]+\\d{4})?(?![\\p{L}\\p{N}]|[ \\t]*(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|am|pm|%|-|–|to)\\b)`,
  'gu',
);
const BIRTH_DATE = new RegExp(
  `\\b(?:born|birthday(?:[ \\t]+is)?|DOB|D\\.O\\.B\\.?|date of birth)[ \\t]*(?:was|is)?[ \\t]*(?:on|in)?[ \\t]*:?[ \\t]*((?:(?:${MONTH})[ \\t]+)?\\d{4}|(?:${MONTH}))(?![\\p{L}\\p{N}])`,
  'giu',
);

// small letters need the ordinal: "march 14th", "on june the 3rd"
const MONTH_DAY_LOWER =
  /(?<![\p{L}])(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)[ \t]+(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th)(?:,?[ \t]+\d{4})?(?![\p{L}\p{N}])/gu;
// ISO dates: 2024-03-14
const ISO_DATE = /(?<![\p{N}/.-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\p{N}]|[/.-]\p{N})/gu;
// "on 5/11 she came": a day and a month after "on" (possible: a score or a fraction reads the same)
const ON_DAY_MONTH = /(?=\d)(?<=(?<![\p{L}])on[ \t]+)(\d{1,2})\/(\d{1,2})(?![\p{N}]|[/.-]\p{N}|[ \t]+of(?![\p{L}]))/gu;
// "her birthday is 14/2", "born 3/4": a day and a month after a birthday or birth
const BIRTHDAY_DAY_MONTH =
  /(?=\d)(?<=(?<![\p{L}])(?:birthday|born|dob|d\.o\.b\.?)(?:[ \t]+(?:is|was|on))*[ \t]*:?[ \t]*)\d{1,2}[/.-]\d{1,2}(?![\p{N}]|[/.-]\p{N})/giu;
const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const AGE_NUMBER = `(?:\\d{1,3}|(?:${NUMBER_WORD})(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)`;
// "6 year old", "six-year-old", "3 months old", "12-year-old", "a 2yo"
const YEARS_OLD = new RegExp(
  `(?<![\\p{L}\\p{N}])${AGE_NUMBER}(?:[ \\t]+and[ \\t]+a[ \\t]+half)?(?:[ \\t]*|-)(?:years?|yrs?|months?|mths?|weeks?|wks)(?:[ \\t]*|-)old(?![\\p{L}])|(?<![\\p{L}\\p{N}])\\d{1,2}[ \\t]?(?:yo|y\\/o|y\\.o\\.)(?![\\p{L}])`,
  'giu',
);
// "aged 4", "age 14", "at the age of 15", "aged 4 and 6" (the number is flagged: "aged [age]")
const AGED = new RegExp(
  `(?=\\d|[a-z])(?<=(?<![\\p{L}])(?:(?:aged?|ages|age of)[ \\t]+|(?:aged?|ages)[ \\t]*[:\\-–][ \\t]*))${AGE_NUMBER}(?:(?:[ \\t]*(?:and|&|,|to|-|n)[ \\t]*)${AGE_NUMBER}){0,4}(?![\\p{L}\\p{N}])`,
  'giu',
);
// "when I left care at 18", "leaving school at 16": an age, not a time
const LEFT_AT =
  /(?=\d)(?<=(?<![\p{L}])(?:left|leaving|leave|left home and|moved out)[ \t]+(?:care|school|home|college)?[ \t]*at[ \t]+)\d{1,2}(?![\p{L}\p{N}]|[ \t]*(?:o['’]?clock|am\b|pm\b|%|:))/giu;
// "in care at 15", "a young carer at 13", "kicked out at 16", "pregnant at 17": what happens to someone at an age
const EVENT_AT =
  /(?=\d)(?<=(?<![\p{L}])(?:care|carer|stroke|life|handful|placed|walking|talking|(?:came|come|coming|arrived|moved)[ \t]+to[ \t]+(?:us|me|live[ \t]+with[ \t]+(?:us|me)|the[ \t]+uk|uk|england|scotland|wales|britain|this[ \t]+country)|(?:kicked|thrown|chucked|came|come|coming)[ \t]+out|pregnant|adopted|fostered|diagnosed|excluded|homeless|married|arrested|sectioned|expelled|(?:a|became|become)[ \t]+(?:mum|mam|mom|dad|parent)|(?:had|having)[ \t]+(?:him|her|them|a[ \t]+baby|my[ \t]+\p{L}+))(?:[ \t]+(?:with|by)(?:[ \t]+[\p{L}\p{N}'’-]+){1,4})?[ \t]+at[ \t]+)\d{1,2}(?![\p{L}\p{N}]|[ \t]*(?:o['’]?clock|am\b|pm\b|%|:|\.\d))/giu;
// "at 13", "at 16 i left": a teenage number after "at" is an age, not a time, unless a time, a quantity or a
// house's street follows ("at 14:30", "at 15 minutes", "at 17 Mill Lane")
const TEEN_AT =
  /(?<![\p{L}])[Aa]t[ \t]+(?:(?:just|only|barely|nearly|almost|about|around|age|aged)[ \t]+)?((?:1[3-9]|[2-9]\d|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)(?![\p{L}\p{N}]|[.:,/]\p{N}|[ \t]*(?:o['’]?clock|am\b|pm\b|a\.m|p\.m|%|percent|per\b|hundred|thousand|grand|k\b|p\b|pence|quid|pounds|past|to[ \t]+\d|after[ \t]+(?:\d|the[ \t]+hour)|till?\b|until|hours?|hrs|minutes?|mins?|seconds?|days?|weeks?|months?|years?(?![ \t-]+old)|miles|mph|degrees|points|stone|kg|lbs|metres|feet|ft)|[ \t]+(?!I(?![\p{L}]))\p{Lu}|[ \t]+[a-z][\p{L}'’-]*[ \t]+(?:road|street|avenue|lane|close|drive|way|court|crescent|terrace|grove|gardens|place)(?![\p{L}])))/gu;
// "our son, now 7, loves it", "Mia (now 4)": an age put in after a person
const NOW_AGE = /(?=\d)(?<=(?:,|\()[ \t]*now[ \t]+(?:aged?[ \t]+)?)\d{1,2}(?=[ \t]*[,)])/gu;
// "my nan, 81, helps", "my son, 9, and": a number between commas straight after a relative
const COMMA_AGE =
  /(?=\d)(?<=(?<![\p{L}])(?:son|daughter|boy|girl|baby|lad|lass|brother|sister|nephew|niece|grandson|granddaughter|mum|mam|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|husband|wife|partner|auntie|aunty|uncle|cousin),[ \t]*)\d{1,3}(?=[ \t]*[,)]|[ \t]+(?:and|now)(?![\p{L}]))/gu;
// a baby's age as when something happened: "took meningitis at 9 months", "walking at 11 months" (possible: "a review at 6 months")
const MONTHS_AT =
  /(?=\d)(?<=(?<![\p{L}])at[ \t]+)\d{1,2}[ \t]*(?:months?|weeks?)(?![\p{L}]|[ \t]+(?:pregnant|gestation|later|after|in|into|of|on|notice|review|time)(?![\p{L}]))/gu;
// "turned three", "turns 18"
const TURNED = new RegExp(`(?=\\d|[a-z])(?<=(?<![\\p{L}])(?:turned|turns|turning)[ \\t]+)${AGE_NUMBER}(?![\\p{L}\\p{N}%])`, 'giu');
// "I was 15", "I'm 19", "she is 2", "Sarah is 9 now", "my little boy is 2", "who is 15", "my kids are 6 and 8".
// Only the number is flagged ("I was [age]"); what follows must not make it a time, a count or a quantity.
const AGE_SUBJECT =
  "(?:[Ii]|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Yy]ou|[Ww]ho|(?!(?:It|There|That|This|What|Which|Here|Everything|Nothing|Life|Time|Age|Score|Cost|Rent|Bill|Year|Room|Number)\\b)\\p{Lu}[\\p{L}\\p{M}'’-]*|(?:son|sons|daughter|daughters|boy|boys|girl|girls|lad|lads|lass|lassie|bairn|wean|weans|yin|yins|man|toddler|mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|husband|wife|partner|fella|boyfriend|girlfriend|auntie|aunty|uncle|baby|babies|child|kid|kids|children|twins|eldest|youngest|oldest|one|ones|brother|sister|nephew|niece|grandson|granddaughter|grandchild|grandchildren|grandkids|teenager|teenagers)|(?<=(?:[Mm]y|[Oo]ur)[ \\t]+)(?:two|three|four|five|six|lot))";
const BE = "(?:[ \\t]+(?:am|is|was|were|are|wis|wz|woz|wuz)|['’](?:m|s|re))";
const NOT_AN_AGE_AFTER =
  "(?![\\p{L}\\p{N}%]|[.,:/]\\p{N}|[ \\t]*(?:years?(?![ \\t-]+old)|yrs|months?(?![ \\t-]+old)|weeks?|days?|nights?|hours?|hrs|minutes?|mins?|seconds?|times|o['’ ]?clock|am\\b|pm\\b|a\\.m|p\\.m|percent|per\\b|miles|mph|pounds|quid|p\\b|kids|children|people|of\\b|out\\b|in[ \\t]+(?:a|the)\\b|stone|kg|lbs?|foot|feet|ft|inches|cm|metres|points|goals|stars?\\b|on[ \\t]+the\\b(?![ \\t]+\\d{1,2}(?:st|nd|rd|th)(?![\\p{L}]))))";
/** Behind an age: who, a form of "to be", then up to two words such as "only" or "now" ("she is only", "I'm now"). */
// typed without the apostrophe: "im 17", "hes 13", "shes 2", "theyre 6 and 8"
// and in Scots: "ah'm 16", "when a wis 12", "am 16 noo" at the start of a sentence
const FUSED_BE =
  "(?:[Ii]m|[Hh]es|[Ss]hes|[Tt]heyre|[Ii]['’]m|[Hh]e['’]s|[Ss]he['’]s|[Tt]hey['’]re|[Aa]h?['’]m|[Aa]h?[ \\t]+wis|(?<=(?:^|[.!?\\n])[ \\t]*)[Aa]m)";
const beLead = (adverbs: string) => `(?<=(?<![\\p{L}])(?:${AGE_SUBJECT},?${BE}|${FUSED_BE})(?:[ \\t]+(?:${adverbs})){0,2}[ \\t]+)`;
const AGE_ADVERBS = 'only|just|now|nearly|almost|about|barely|then|still|already|around|like';
const BE_AGE = new RegExp(
  `(?=${AGE_NUMBER}(?![\\p{L}]))${beLead(`${AGE_ADVERBS}|turning`)}${AGE_NUMBER}(?:(?:,[ \\t]*${AGE_NUMBER}){0,4},?[ \\t]+(?:and|&|n)[ \\t]+${AGE_NUMBER})?${NOT_AN_AGE_AFTER}`,
  'gu',
);
// "she'll be 5 in June", "he will be 16 next month"
const WILL_BE = new RegExp(
  `(?=\\d|[a-z])(?<=(?<![\\p{L}])(?:[Ss]he|[Hh]e|[Ii]|[Tt]hey|[Ww]e|\\p{Lu}[\\p{L}'’-]*)(?:[ \\t]+will|['’]ll|ll)[ \\t]+be[ \\t]+)${AGE_NUMBER}${NOT_AN_AGE_AFTER}`,
  'gu',
);
// "our youngest, gruffydd, was 4", "my son jack is 12": a relative and a name in small letters, then the age
const RELATIVE_NAME_AGE = new RegExp(
  `(?=\\d)(?<=(?<![\\p{L}])(?:son|daughter|boy|girl|youngest|eldest|oldest|grandson|granddaughter|nephew|niece|brother|sister|stepson|stepdaughter)[ \\t]*,?[ \\t]+(?!(?:it|that|this|there|which|what|who|time|school|life)\\b)\\p{Ll}[\\p{L}'’-]+,?${BE}(?:[ \\t]+(?:${AGE_ADVERBS})){0,2}[ \\t]+)\\d{1,2}${NOT_AN_AGE_AFTER}`,
  'gu',
);
// "jack is 12 an lacey is 7": a second age said the same way straight after an age
const NEXT_AGE = new RegExp(`^[ \\t]+(?:and|an|&|n)[ \\t]+\\p{L}[\\p{L}'’-]*${BE}[ \\t]+(\\d{1,2})${NOT_AN_AGE_AFTER}`, 'u');
// A baby's age in months or weeks, said without "old": "my little one is 8 months now", "she was 6 weeks"
const BE_MONTHS = new RegExp(
  `(?=${AGE_NUMBER}[ \\t]*(?:months?|mths?|mnths?|weeks?|wks)(?![\\p{L}]))${beLead(AGE_ADVERBS)}${AGE_NUMBER}[ \\t]*(?:months?|mths?|mnths?|weeks?|wks)(?![\\p{L}])(?![ \\t]+(?:into|in|later|before|after|ago|on|since|late|behind|pregnant|gone|away|without|with|waiting|of)(?![\\p{L}]))`,
  'gu',
);
// "my boy (6)", "Leo (4) and Maisie (7)": a number in brackets straight after a child or a name
const BRACKETED_AGE =
  /(?=\d{1,2}\))(?<=(?<![\p{L}])(?:son|daughter|boy|girl|baby|child|kid|lad|lass|twins?|eldest|youngest|oldest|one|brother|sister|nephew|niece|grandson|granddaughter|(?!(?:Year|Step|Stage|Part|Section|Page|Room|Flat|Unit|Level|Class|Form|Point|Question|Rule)(?![\p{L}]))\p{Lu}[\p{L}\p{M}'’-]+)[ \t]?\((?:(?:is|was|aged?)[ \t]+)?)\d{1,2}(?=\))/gu;

// "when I was 16 in the back of a lorry", "since she was 3 in the hospital": after "when" a form of "to be" and a
// number is an age even before "in the" (which otherwise may be a count: "we were 4 in the car")
const NOT_AN_AGE_AFTER_WHEN = NOT_AN_AGE_AFTER.replace('in[ \\t]+(?:a|the)\\b|', '');
const WHEN_AGE = new RegExp(
  `(?=\\d)(?<=(?<![\\p{L}])(?:[Ww]hen|[Ss]ince|[Tt]ill|[Uu]ntil|[Bb]efore)[ \\t]+(?:[Ii]|[Hh]e|[Ss]he|[Aa]h?|(?!(?:It|There|That|This|We|They|You|Everything|Nothing|Life|Time)(?![\\p{L}]))\\p{Lu}[\\p{L}\\p{M}'’-]*)(?:[ \\t]+(?:was|wis|is)|['’]s)(?:[ \\t]+(?:only|just|about|barely|nearly|almost))?[ \\t]+)\\d{1,2}${NOT_AN_AGE_AFTER_WHEN}`,
  'gu',
);
// "she has cerebral palsy and is 6.", "he's at the grammar now and is 12": the person said earlier in the sentence,
// the number at a pause (the sentence must start with a person: see personLed)
const AND_BE_AGE = new RegExp(
  `(?=\\d)(?<=(?<![\\p{L}])(?:and|an|but|&)[ \\t]+(?:is|was|wis)(?:[ \\t]+(?:${AGE_ADVERBS})){0,2}[ \\t]+)\\d{1,2}(?=[ \\t]*(?:[.,;!?)\\n]|$|(?:now|noo|next|this|in[ \\t]+(?:${MONTH})|on[ \\t]+the[ \\t]+\\d{1,2}(?:st|nd|rd|th))(?![\\p{L}])))`,
  'gu',
);
const RELATIVE =
  'son|sons|daughter|daughters|boy|boys|girl|girls|lad|lass|bairn|wean|toddler|baby|child|kid|kids|twins|eldest|youngest|oldest|brother|sister|nephew|niece|grandson|granddaughter|grandchild|stepson|stepdaughter|foster[ \\t]+(?:son|daughter|child)';
const RELATIVE_LED = new RegExp(
  `^[^\\p{L}]*(?:my|our|his|her|their|the)[ \\t]+(?:[\\p{L}'’-]+[ \\t]+){0,2}?(?:${RELATIVE})(?![\\p{L}])`,
  'iu',
);
const PRONOUN_LED = /^[^\p{L}]*(?:he|she|i)(?![\p{L}])/iu;
const NAME_LED =
  /^[^\p{L}]*(?!(?:It|There|That|This|These|Those|The|What|Which|Here|We|They|You|Our|My|His|Her|Their|When|Then|So|But|And|If|Everything|Nothing|Life|Time|Rent|Bill|Score|Cost)(?![\p{L}]))\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*[ \t]+(?:is|was|has|had|goes|went|does|did|loves|got|started|came|moved|lives|lived|needs|needed|can|could|attends)(?![\p{L}])/u;
/** The sentence before `at` starts with a person: "My daughter Zuzanna has ...", "Ebube is at ...", "She ...". */
function personLed(story: string, at: number): boolean {
  const back = story.slice(Math.max(0, at - 200), at);
  const stop = Math.max(back.lastIndexOf('. '), back.lastIndexOf('! '), back.lastIndexOf('? '), back.lastIndexOf('\n'));
  const sentence = back.slice(stop + 1);
  return RELATIVE_LED.test(sentence) || PRONOUN_LED.test(sentence) || NAME_LED.test(sentence);
}
// a baby's age in months said with no verb: "and the baby only 18 months.", "the youngest just 6 weeks, and"
const BABY_MONTHS = new RegExp(
  `(?=${AGE_NUMBER}[ \\t]*(?:months?|weeks?)(?![\\p{L}]))(?<=(?<![\\p{L}])(?:baby|babby|bairn|wean|newborn|little[ \\t]+one|wee[ \\t]+one|youngest)[ \\t]*,?(?:[ \\t]+(?:only|just|barely|about|nearly|almost|now|then))?[ \\t]+)${AGE_NUMBER}[ \\t]*(?:months?|weeks?)(?=[ \\t]*(?:[.,;!?)\\n]|$|(?:and|an|&|now|noo|then|when)(?![\\p{L}])))`,
  'giu',
);
// "jack is 12 an lacey is 7": a first name in small letters, a form of "to be" and a child's age (not after "the", "my" ...)
const LOWER_NAME_AGE = new RegExp(
  `(?=\\d)(?<=(?<![\\p{L}])([a-z][\\p{L}'’-]+)[ \\t]+(?:is|was|wis)(?:[ \\t]+(?:${AGE_ADVERBS})){0,2}[ \\t]+)(?:1\\d|[1-9])${NOT_AN_AGE_AFTER}`,
  'gu',
);
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|my|your|his|her|our|their|this|that|in|on|at|of|by|for|per|no|every|each|whose)[ \t]+$/u;

// text-speak years glued to the number after a person and "to be", at a pause: "hes 4yrs", "my boy is 9yrs."
const BE_YRS = new RegExp(
  `(?=\\d{1,2}[ \\t]?(?:yrs?|yo)(?![\\p{L}]))${beLead(AGE_ADVERBS)}\\d{1,2}[ \\t]?(?:yrs?|yo)(?=[ \\t]*(?:[.,;!?)\\n]|$|(?:and|an|&|n|now|noo|then|when)(?![\\p{L}])))`,
  'gu',
);
// Welsh: "yn 9 oed", "naw oed", "deg mlwydd oed", "chwe mis oed" (a number, then oed: "old" / "of age")
const WELSH_NUMBER =
  'un|dau|ddau|dwy|ddwy|tri|dri|tair|dair|pedwar|bedwar|pedair|bedair|pump|bump|pum|bum|chwech|chwe|saith|wyth|naw|deg|ddeg|deuddeg|ddeuddeg|pymtheg|bymtheg|deunaw|ddeunaw|ugain|hugain';
const OED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\d{1,3}|(?:${WELSH_NUMBER})(?:[ \\t]+ar[ \\t]+(?:ddeg|bymtheg|hugain))?)(?:[ \\t]+(?:mlwydd|mlynedd|blwydd|blwyddyn|mis|wythnos))?[ \\t]+oed(?![\\p{L}])`,
  'giu',
);

const STREET =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Cres|Gardens|Gdns|Court|Place|Terrace|Grove|Hill|Park|Row|Walk|Mews|Square|Sq|Rise|View|Green|Parade|Vale|Gate|Yard|Wharf|Meadows?|Fields|Croft|Approach|Boulevard|Broadway|Circus|Heights|Quay|Wynd|Brae|Chase|Embankment|Hollow|Path|Promenade|Villas|Cottages|Walkway|Mount|Bank|Brow|Loan|Vennel|Gait|Garth|Dene|Fold|Mead|Dale|Lea|Nook|Ridge|Crest|Grange|Heath|Towers?|Mansions|Buildings|Flats';
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’\\-]*";
// "12 Acacia Road", "14a Church Lane", "Flat 3, 45 High Street", "Apartment 2, 9 The Mews"
const NUMBERED_STREET = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:Flat|Apartment|Apt|Unit|Room|Studio)\\.?[ \\t]*(?:\\d{1,3}\\/)?\\d{1,4}[A-Za-z]?,?[ \\t]+|\\d{1,2}\\/\\d{1,2},[ \\t]*)?(?!(?:19|20)\\d\\d\\b)(?:\\d{1,3}\\/)?\\d{1,4}[A-Za-z]?,?[ \\t]+(?:${CAP_WORD}[ \\t]+){1,3}(?:${STREET})(?![\\p{L}])`,
  'gu',
);
// typed in small letters, only with unmistakable street words: "12 acacia road"
const NUMBERED_STREET_LOWER =
  /(?<![\p{L}\p{N}])(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?,?[ \t]+(?:[\p{L}\p{M}'’-]+[ \t]+){1,2}(?:road|rd|street|avenue|ave|lane|crescent|terrace|grove|mews|gardens)(?![\p{L}])/giu;
// typed in small letters with a street word that is also an ordinary word, after "at", "to", "from": "at 4b cedar mount",
// "moved to 5 kings view" (possible)
const NUMBERED_LOWER_WEAK =
  /(?=\d)(?<=(?<![\p{L}])(?:at|to|from|in|into|on|is|was|number|no\.?)[ \t]+)(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?,?[ \t]+(?!(?:the|a|an|on|in|at|of|to|and|or|with|my|our|his|her|for|by|from|am|pm|past|after|before|till|until|mins?|minutes|hours?|years?|weeks?|days?|months?|times|kids|children|people|more|other|big|new|old|little|small|different|more)[ \t])(?:[a-z][\p{L}'’-]*[ \t]+){1,2}(?:mount|view|bank|close|drive|way|place|walk|row|rise|court|brae|wynd|loan|vennel|gate|green|hill|park|vale|brow|croft|fold|garth|dene|mead|chase|heights|meadows?|fields|parade|square|grange|gardens|mews)(?![\p{L}])/gu;
// a street named without a number: "on Mill Lane", "moved to Beech Grove"
const NAMED_STREET = new RegExp(
  `(?=\\p{Lu})(?<=(?<![\\p{L}])(?:on|in|at|off|near|along|down|up|from|round|to|onto|into|of|lives?|lived)[ \\t]+)(?:${CAP_WORD}[ \\t]+){1,2}(?:Road|Street|Avenue|Lane|Crescent|Terrace|Grove|Close|Drive|Mews|Gardens)(?![\\p{L}])`,
  'gu',
);
// a house or close with "The" and no street word: "3 The Coppice, Ore", "at 12 The Paddocks."
const NUMBERED_THE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?!(?:19|20)\\d\\d\\b)\\d{1,4}[A-Za-z]?,?[ \\t]+The[ \\t]+${CAP_WORD}(?=[ \\t]*(?:[,.;]|$))`,
  'gu',
);
// a numbered house with a name and no street word, before a pause: "we're at 3 Bryn Teg, Bala" (possible)
const NUMBERED_NAMED = new RegExp(
  `(?=\\d)(?<=(?<![\\p{L}])(?:at|to|from|live|lives|living|moved)[ \\t]+)(?!(?:19|20)\\d\\d\\b)\\d{1,4}[a-z]?,?[ \\t]+(?!(?:${MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Eid|Diwali|Year|Years|Weeks|Months|Days|Hours|Kids|Children|Times|Of)\\b)${CAP_WORD}(?:[ \\t]+${CAP_WORD}){0,2}(?=[ \\t]*(?:[,.;!?)]|$))`,
  'gu',
);
// whatever follows "our address is" up to a pause, when it starts like an address: "our address is 14 willow way, LS2"
const ADDRESS_SAID = /(?=[\d\p{Lu}])(?<=(?<![\p{L}])address(?:[ \t]+(?:is|was)|[ \t]*:)[ \t]*)[^.,;:!?\n()]{3,60}(?=[.,;:!?\n()]|$)/gu;
// "at number 27", "Flat 3"
const HOUSE_NUMBER =
  /(?=[Nn])(?<=(?<![\p{L}])(?:at|from|to|in|of)[ \t]+)(?:number|no\.?)[ \t]*\d{1,4}[a-z]?(?![\p{L}\p{N}])|(?<![\p{L}])[Ff]lat[ \t]+(?:\d{1,3}\/)?\d{1,4}[A-Za-z]?(?![\p{L}\p{N}])/gu;

export function push(out: Candidate[], kind: Candidate['kind'], start: number, text: string): void {
  if (text.length > 0) out.push({ kind, start, end: start + text.length });
}

export function each(re: RegExp, story: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(story); m; m = re.exec(story)) {
    if (m[0].length === 0) re.lastIndex++;
    fn(m);
  }
}

type PhoneAtom = { start: number; end: number; text: string };

/** A UK number in digits: +44 and 0044 read as 0, a "(0)" after them dropped. */
function ukDigits(digits: string, international: boolean): string {
  if (!international) return digits;
  const national = digits.replace(/^(?:00)?44/u, '');
  return national.startsWith('0') ? national : `0${national}`;
}

// (digits with a letter o for a nought are read as atoms too: "o7700 9OO 123")
// 10 or 11 digits starting 01, 02, 03, 05, 07, 08 or 09, or Childline's 0800 1111
const ukPhone = (digits: string) => /^0[1-35789]\d{8,9}$/u.test(digits) || digits === '08001111';

/** The last atom of the longest UK number that starts at atom `from`, or -1. */
function phoneEnd(atoms: PhoneAtom[], from: number): number {
  const first = atoms[from]!.text.toLowerCase();
  const international = first.startsWith('+') || first.startsWith('0044');
  if (first.startsWith('+') && !first.startsWith('+44')) return -1;
  if (!international && !/^[0o]\d/u.test(first) && !first.startsWith('0') && SPOKEN_DIGIT[first] !== '0') return -1;
  let digits = '';
  let repeat = 1;
  let end = -1;
  for (let i = from; i < atoms.length && i < from + 24; i++) {
    const word = atoms[i]!.text.toLowerCase();
    if (SPOKEN_REPEAT[word]) {
      if (repeat !== 1) break;
      repeat = SPOKEN_REPEAT[word]!;
      continue;
    }
    if (word === SPOKEN_HUNDRED) {
      if (i === from || repeat !== 1 || SPOKEN_DIGIT[atoms[i - 1]!.text.toLowerCase()] === undefined) break;
      digits += '00';
      const national = ukDigits(digits, international);
      if (national.length > 11) break;
      if (ukPhone(national)) end = i;
      continue;
    }
    // a letter o typed for a nought inside the digits: "o7700 9oo 123"
    const read = SPOKEN_DIGIT[word] ?? word.replace(/o/gu, '0').replace(/\D/gu, '');
    digits += read.length === 1 ? read.repeat(repeat) : read;
    repeat = 1;
    const national = ukDigits(digits, international);
    if (national.length > 11) break;
    if (ukPhone(national)) end = i;
  }
  return end;
}

/** Phones in one run of atoms joined by short gaps: from each group that can start a number, its longest reading. */
function phonesInRun(story: string, atoms: PhoneAtom[], out: Candidate[]): void {
  for (let from = 0; from < atoms.length; from++) {
    const atom = atoms[from]!;
    // a number does not start inside a dotted or dashed group ("01-02-2024 07700 900123"), after a currency sign or a reference label
    if (from > 0 && /[-–—./]/u.test(story.slice(atoms[from - 1]!.end, atom.start))) continue;
    if (/[£$€]/u.test(story[atom.start - 1] ?? '') || REF_BEFORE.test(story.slice(Math.max(0, atom.start - 30), atom.start))) continue;
    const last = phoneEnd(atoms, from);
    if (last < 0) continue;
    const start = story[atom.start - 1] === '(' ? atom.start - 1 : atom.start;
    let end = atoms[last]!.end;
    if (DATE_INSIDE.test(story.slice(start, end))) continue;
    end += PHONE_EXTENSION.exec(story.slice(end, end + 20))?.[0].length ?? 0;
    push(out, 'phone', start, story.slice(start, end));
    from = last;
  }
}

/** UK phone numbers however they are grouped: "0 7 7 0 0 9 0 0 1 2 7", "07700 900 – 503", "+44 (0)20 7946 0559", "oh seven seven double oh ...". */
function readPhones(story: string, out: Candidate[]): void {
  let run: PhoneAtom[] = [];
  each(PHONE_ATOM, story, (m) => {
    const atom = { start: m.index, end: m.index + m[0].length, text: m[0] };
    const previous = run[run.length - 1];
    if (previous && !joined(story, previous, atom)) {
      phonesInRun(story, run, out);
      run = [];
    }
    run.push(atom);
  });
  phonesInRun(story, run, out);
}

function joined(story: string, a: PhoneAtom, b: PhoneAtom): boolean {
  if (b.start - a.end > 5) return false;
  const gap = story.slice(a.end, b.start);
  // a comma joins spoken digits only ("oh seven, seven ..."), not numbers in a list
  if (gap.includes(',') && (/\d/u.test(a.text) || /\d/u.test(b.text))) return false;
  return PHONE_GAP.test(gap);
}

const LOWER_MONTHS = new Set(['may', 'mar']);

export function findPatterns(story: string): Candidate[] {
  const out: Candidate[] = [];
  if (story.includes('@')) each(EMAIL, story, (m) => push(out, 'email', m.index, m[0]));
  each(URL_FULL, story, (m) => push(out, 'url', m.index, m[0].replace(/[.,;:!?'"’”)\]]+$/u, '')));
  if (story.includes('.')) each(URL_BARE, story, (m) => push(out, 'url', m.index, m[0].replace(/[.,;:!?'"’”)\]]+$/u, '')));
  if (story.includes('.')) each(URL_SHORT, story, (m) => push(out, 'url', m.index, m[0].replace(/[.,;:!?'"’”)\]]+$/u, '')));
  readPhones(story, out);
  each(HELPLINE_116, story, (m) => push(out, 'phone', m.index, m[0]));
  each(SERVICE_NUMBER, story, (m) => out.push({ kind: 'phone', start: m.index, end: m.index + m[0].length, tier: 'check' }));
  each(POSTCODE, story, (m) => {
    // "top2 3rd time" is an ordinal; "LL57 3TH" (in capitals, or a small-letter one before a pause) is a postcode
    if (!/\d(?:st|nd|rd|th)$/.test(m[0]) || /^[ \t]*(?:[,.;:)!?]|$)/u.test(story.slice(m.index + m[0].length, m.index + m[0].length + 3)))
      push(out, 'postcode', m.index, m[0]);
  });
  each(POSTCODE_LOOSE, story, (m) => {
    if (!/\d(?:ST|ND|RD|TH)$/u.test(m[0])) push(out, 'postcode', m.index, m[0]);
  });
  each(OUTWARD_SAID, story, (m) => push(out, 'postcode', m.index, m[0]));
  each(FAMILY_CASE, story, (m) => push(out, 'case_ref', m.index, m[0]));
  each(POLICE_SERIAL, story, (m) => push(out, 'case_ref', m.index, m[0]));
  each(SLASHED_CRIME_NUMBER, story, (m) => push(out, 'case_ref', m.index, m[0]));
  each(MIXED_CODE_AFTER_LABEL, story, (m) => {
    const code = m[0];
    const digits = code.match(/\d/g)?.length ?? 0;
    // two letters and three digits at least, mixed; not a benefit and a year ("PIP2024")
    if (digits >= 3 && code.length - digits >= 2 && !/^[A-Z]+(?:19|20)\d\d$/u.test(code)) push(out, 'case_ref', m.index, code);
  });
  each(REF_OF, story, (m) => {
    if ((m[0].match(/\d/g)?.length ?? 0) >= 5) push(out, 'case_ref', m.index, m[0]);
  });
  each(ACRONYM_REF, story, (m) => {
    const ref = m[1]!;
    // "NHS number", "NI number" and "PIP" claims are read elsewhere; an acronym must label, not be, the number
    if (/^(?:NHS|CHI|NI|NINO|DOB|GP|A|I)[ \t]/u.test(m[0])) return;
    if ((ref.match(/\d/g)?.length ?? 0) >= 4 && ref.length >= 5 && !/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/u.test(ref))
      push(out, 'case_ref', m.index + m[0].length - ref.length, ref);
  });
  each(SHAPED_REF, story, (m) => {
    const ref = m[0];
    const digits = ref.match(/\d/g)?.length ?? 0;
    if (digits >= 5 && /[A-Z]/u.test(ref) && /\d/u.test(ref.replace(/^[A-Z]+/u, ''))) push(out, 'case_ref', m.index, ref);
  });
  each(LABELLED_REF, story, (m) => {
    // digits in spaced groups ("ref 7731 4408 22") are one number; anything else ends at the space
    const whole = m[1]!;
    const ref = /^\d+(?:[ \t]\d+)+$/u.test(whole) ? whole : whole.replace(/[ \t].*$/u, '');
    // after a comma ("at Paisley sheriff court, F44/23") only something shaped like a reference, not a year
    // ("crime reference, 5224098117": a long run of digits is a reference too)
    if (m[0].includes(',') && !/[A-Z/-]/iu.test(ref) && !/^\d{6,}$/u.test(ref)) return;
    // "the referral 2019", "case 2024", "police 24/7": a bare year or round-the-clock is not a reference
    if (/^(?:(?:19|20)\d\d|24\/7)$/u.test(ref)) return;
    if ((ref.match(/\d/g)?.length ?? 0) >= 3 && ref.length >= 4) push(out, 'case_ref', m.index + m[0].length - whole.length, ref);
  });
  each(NUMERIC_DATE, story, (m) => {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayMonth = (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12);
    if (dayMonth) push(out, 'date', m.index, m[0]);
  });
  each(DAY_MONTH, story, (m) => {
    const day = Number(m[1]);
    const month = m[2]!;
    // "may" in small letters is a verb, unless an ordinal or "of" makes it the month: "the 14th of may"
    const plainMay =
      LOWER_MONTHS.has(month) && month === month.toLowerCase() && !/\d(?:st|nd|rd|th)?[ \t]+of[ \t]|\d(?:st|nd|rd|th)[ \t]/iu.test(m[0]);
    // a Welsh month only with its capital: "2 medi appointments" is not September
    const smallWelsh = WELSH_MONTHS.has(month.toLowerCase()) && !/^\p{Lu}/u.test(month);
    if (day >= 1 && day <= 31 && !plainMay && !smallWelsh) push(out, 'date', m.index, m[0]);
  });
  each(MONTH_DAY, story, (m) => push(out, 'date', m.index, m[0]));
  each(MONTH_DAY_LOWER, story, (m) => {
    // "we may 2nd it": the verb, unless "on" or "of" makes it the month
    if (!/^ma[yr]/u.test(m[0]) || /(?:^|[^\p{L}])(?:on|of)[ \t]+$/u.test(story.slice(Math.max(0, m.index - 4), m.index)))
      push(out, 'date', m.index, m[0]);
  });
  each(ISO_DATE, story, (m) => push(out, 'date', m.index, m[0]));
  each(ON_DAY_MONTH, story, (m) => {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) out.push({ kind: 'date', start: m.index, end: m.index + m[0].length, tier: 'check' });
  });
  each(BIRTH_DATE, story, (m) => push(out, 'date', m.index + m[0].length - m[1]!.length, m[1]!));
  each(BIRTHDAY_DAY_MONTH, story, (m) => push(out, 'date', m.index, m[0]));
  for (const re of [YEARS_OLD, AGED, TURNED, BE_MONTHS, BRACKETED_AGE, LEFT_AT, EVENT_AT, NOW_AGE, COMMA_AGE, WILL_BE])
    each(re, story, (m) => push(out, 'age', m.index, m[0]));
  each(RELATIVE_NAME_AGE, story, (m) => push(out, 'age', m.index, m[0]));
  each(WHEN_AGE, story, (m) => push(out, 'age', m.index, m[0]));
  each(BE_YRS, story, (m) => push(out, 'age', m.index, m[0]));
  each(OED, story, (m) => push(out, 'age', m.index, m[0]));
  each(BABY_MONTHS, story, (m) => push(out, 'age', m.index, m[0]));
  each(AND_BE_AGE, story, (m) => {
    if (personLed(story, m.index)) push(out, 'age', m.index, m[0]);
  });
  each(LOWER_NAME_AGE, story, (m) => {
    const key = wordKey(m[1]!);
    const lead = story.slice(Math.max(0, m.index - 60), m.index);
    const nameAt = lead.lastIndexOf(m[1]!);
    if (knownName(key) && !functionWord(key) && !neverAName(key) && !DETERMINER_BEFORE.test(lead.slice(0, nameAt)))
      push(out, 'age', m.index, m[0]);
  });
  for (const age of out.filter((c) => c.kind === 'age')) {
    const next = NEXT_AGE.exec(story.slice(age.end, age.end + 40));
    if (next) push(out, 'age', age.end + next[0].length - next[1]!.length, next[1]!);
  }
  each(TEEN_AT, story, (m) => push(out, 'age', m.index + m[0].length - m[1]!.length, m[1]!));
  each(MONTHS_AT, story, (m) => {
    // "born at 27 weeks" is how early, not an age
    if (
      !/old/u.test(story.slice(m.index + m[0].length, m.index + m[0].length + 5)) &&
      !/born[ \t]+at[ \t]+$/u.test(story.slice(Math.max(0, m.index - 12), m.index))
    )
      out.push({ kind: 'age', start: m.index, end: m.index + m[0].length, tier: 'check' });
  });
  each(BE_AGE, story, (m) => {
    const n = Number(m[0].match(/^\d+/)?.[0] ?? 1);
    if (n <= 120) push(out, 'age', m.index, m[0]);
  });
  each(ADDRESS_SAID, story, (m) => {
    const text = m[0].replace(/[ \t]+$/u, '');
    // "address is The same as before": a street or house needs a number or two capitalised words
    if (/^\d/u.test(text) || /^\p{Lu}\p{L}+[ \t]+\p{Lu}/u.test(text)) push(out, 'address', m.index, text);
  });
  for (const re of [NUMBERED_STREET, NUMBERED_STREET_LOWER, NUMBERED_THE, NAMED_STREET, HOUSE_NUMBER])
    each(re, story, (m) => push(out, 'address', m.index, m[0]));
  each(NUMBERED_NAMED, story, (m) => out.push({ kind: 'address', start: m.index, end: m.index + m[0].length, tier: 'check' }));
  each(NUMBERED_LOWER_WEAK, story, (m) => out.push({ kind: 'address', start: m.index, end: m.index + m[0].length, tier: 'check' }));
  return out;
}
