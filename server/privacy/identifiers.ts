// Numbers and handles that identify one person or one car: NHS and CHI numbers (with their mod-11
// check digit), National Insurance numbers, UK and Northern Irish vehicle registrations, and
// social-media handles. Every pattern has bounded repetition behind a boundary, so it scans in linear time.
import type { Candidate } from './spans.ts';
import { each } from './patterns.ts';
import { commonWord } from './words.ts';

// ten digits as 3-3-4 (NHS) or 6-4 (CHI), spaced, dashed or run together
const TEN_DIGITS = /(?<![\p{L}\p{N}+\-/.])(?:\d{3}[ -]?\d{3}[ -]?\d{4}|\d{6}[ -]\d{4})(?![\p{N}]|[-/.]\p{N})/gu;
// a police, crime or claim reference said just before ("crime reference, 5224098117"): a case reference, not an NHS number
const REFERENCE_LABEL =
  /\b(?:crime|incident|occurrence|police|case|claim|log|CAD)[ \t]+(?:reference|ref|number|no\.?)[ \t]*(?:is|was|of)?[ \t]*[:#,]?[ \t]*$/iu;
const HEALTH_LABEL = /(?:\bNHS|\bCHI|health|hospital|patient)[ \t]*(?:number|no\.?|num|#)?[ \t]*(?:is|was)?[ \t]*[:#]?[ \t]*$/iu;

/** The NHS and CHI check digit: weights 10..2 over the first nine digits, 11 minus the remainder mod 11. */
export function mod11Valid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** A CHI number starts with the date of birth as DDMMYY. */
function dateLed(digits: string): boolean {
  const d = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2, 4));
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

// National Insurance: two letters (first not D F I Q U V; second not D F I O Q U V; not BG GB KN NK NT TN ZZ),
// six digits, then A-D (the last letter is often left off after a label).
const NI_NUMBER =
  /(?<![\p{L}\p{N}])(?!(?:BG|GB|KN|NK|NT|TN|ZZ))[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}(?:[ \t]?[A-D])?(?![\p{L}\p{N}])/giu;
const NI_LABELLED =
  /(?:\bNI|national insurance|\bNINO)[ \t]*(?:number|no\.?|num|#)?[ \t]*(?:is|was)?[ \t]*[:#]?[ \t]*([A-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}(?:[ \t]?[A-D])?)(?![\p{L}\p{N}])/giu;
const NI_LABEL = /(?:\bNI|national insurance|\bNINO|insurance)[ \t]*(?:number|no\.?|num|#)?[ \t]*(?:is|was)?[ \t]*[:#]?[ \t]*$/iu;

// Current format (2001-): area letters, age digits, three letters: AB12 CDE, ab12cde.
const REG_CURRENT = /(?<![\p{L}\p{N}])[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[1-2]\d|5[1-9]|[6-7]\d)[ \t]?[A-HJ-PR-Z]{3}(?![\p{L}\p{N}])/giu;
// Prefix (1983-2001) A123 BCD and suffix (1963-1983) ABC 123D.
const REG_PREFIX = /(?<![\p{L}\p{N}])[A-HJ-NP-Y]\d{1,3}[ \t]?[A-HJ-PR-Y]{3}(?![\p{L}\p{N}])/giu;
const REG_SUFFIX = /(?<![\p{L}\p{N}])[A-HJ-PR-Y]{3}[ \t]?\d{1,3}[A-HJ-NP-Y](?![\p{L}\p{N}])/giu;
// Northern Ireland: a county code with I or Z (AZ, IA, KZ, OI, ...), often after one more letter, then up to four digits.
const NI_CODES = 'AZ|BZ|CZ|DZ|EZ|FZ|GZ|HZ|IA|IB|IG|IJ|IL|IW|JI|JZ|KZ|LZ|MZ|NZ|OI|OZ|PZ|RZ|SZ|TZ|UI|UZ|VZ|WZ|XI|XZ|YZ';
const REG_NI = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[A-Z](?:${NI_CODES})[ \\t]?\\d{1,4}|(?:${NI_CODES})[ \\t]?\\d{3,4})(?![\\p{L}\\p{N}])`,
  'giu',
);
// Dateless marks (before 1963, still on old and cherished cars): ABC 123, 123 ABC, AB 1234, 1234 AB; only near a car word.
const REG_DATELESS =
  /(?<![\p{L}\p{N}])(?:(?!(?:BMW|MG|VW|DS|TVR|AMG|GTI|GT|RS|ST|SUV|MPV|XR|XJ|XF|XE|SL|SLK|CLK|DB|LR|RAV|CRV|CR|HR|LPG|EV)[ \t]?\d)[A-HJ-PR-Y]{2,3}[ \t]?\d{1,4}|\d{1,4}[ \t]?[A-HJ-PR-Y]{2,3})(?![\p{L}\p{N}])/gu;
// Northern Irish marks are any letters with an I or a Z in them ("NIZ 3382", "JIL 24"): in capitals, only near a car word.
const REG_NI_LOOSE = /(?<![\p{L}\p{N}])(?=[A-Z]{0,2}[IZ])[A-Z]{3}[ \t]?\d{1,4}(?![\p{L}\p{N}])/gu;
const CAR_WORD =
  /\b(?:reg|registration|plates?|car|van|motor|vehicle|motorbike|bike|taxi|drives?|driving|drove|parked|people carrier|minibus|mpv|motability|truck|lorry|jeep|camper(?:van)?|scooter)\b/iu;
const VEHICLE_CONTEXT =
  /\b(?:reg|registration|number ?plates?|plates?|car|van|motor|vehicle|motorbike|bike|taxi|drives?|driving|drove|parked|people carrier|minibus|mpv|motability|truck|lorry|jeep|camper(?:van)?|scooter)\b[^.!?\n]{0,30}$/iu;

// a hospital's own number for a patient, after its label: "her hospital number is K123456", "patient ID RX1234567"
const HOSPITAL_NUMBER =
  /\b(?:(?:hospital|patient)[ \t]+(?:number|no\.?|num|id|#)|MRN)[ \t]*(?:is|was)?[ \t]*[:#]?[ \t]*([A-Z]{0,3}\d{5,10}[A-Z]?)(?![\p{L}\p{N}])/giu;

// @handles (not the middle of an email address)
const AT_HANDLE = /(?<![\p{L}\p{N}._%+\-@])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,28}[\p{L}\p{N}_])?(?![\p{L}\p{N}@])/gu;
const PLATFORM =
  'fb|facebook|insta|instagram|ig|snap|snapchat|sc|tiktok|tik[ \\t]?tok|twitter|threads|wechat|we[ \\t]chat|weixin|telegram|discord|kik|youtube|yt|bebo|qq|bluesky|bsky|twitch|pinterest|reddit|xbox|psn|playstation|steam|roblox';
// "my insta is kayleigh_jones99", "snap: jaydenb2010", "WeChat ID lily8899", "add me on tiktok @x", "on fb as kerry.smith"
const PLATFORM_HANDLE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${PLATFORM})(?:['’]?s)?(?![\\p{L}\\p{N}])((?:[ \\t]+(?:(?:me|us)(?:[ \\t]+(?:on|at))?|if[ \\t]+(?:u|you|ye|ya)[ \\t]+(?:want|wanna|like)))(?=[ \\t]))?[ \\t]*(?:name|id|handle|user[ \\t]?name|account|page|gamertag|tag|channel)?[ \\t]*(?:(?:then|now|still|just)[ \\t]+)?((?:(?:is|was|as|under|i['’]?m|am|its|it['’]s|called|named|calling[ \\t]+(?:himself|herself|themselves))(?![\\p{L}])|=|:|-|–|—|(?=@))[ \\t]*)?(?:@[ \\t]?)?([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]{0,28}[\\p{L}\\p{N}_])?)`,
  'giu',
);

// a word with an underscore in it is a handle wherever it stands: "add me kayla_22 on snap", "at beth_bakes"
const UNDERSCORED = /(?<![\p{L}\p{N}_.@/\\-])[\p{L}\p{N}_.]{3,40}(?![\p{L}\p{N}_@/\\-])/gu;

// a handle said before its platform: "add me jay.b2010 on snap", "kez.bakes on insta" (dots, digits or an underscore in it)
const HANDLE_ON_PLATFORM = new RegExp(
  `(?<![\\p{L}\\p{N}_.@/\\\\-])\\p{L}[\\p{L}\\p{N}_.]{1,28}[\\p{L}\\p{N}_](?=[ \\t]+on[ \\t]+(?:${PLATFORM})(?![\\p{L}\\p{N}]))`,
  'giu',
);
// a web address, not a handle: "facebook.com", "childline.org.uk"
const DOMAIN_END = /\.(?:com|org|net|uk|co|io|me|ie|gov|nhs|scot|wales|cymru|info|app)$/iu;

function add(out: Candidate[], kind: Candidate['kind'], start: number, text: string, tier?: 'check'): void {
  if (text) out.push(tier ? { kind, start, end: start + text.length, tier } : { kind, start, end: start + text.length });
}

const before = (story: string, at: number) => story.slice(Math.max(0, at - 40), at);

export function findIdentifiers(story: string): Candidate[] {
  const out: Candidate[] = [];
  if (/\d/.test(story)) {
    each(TEN_DIGITS, story, (m) => {
      const digits = m[0].replace(/\D/g, '');
      if (REFERENCE_LABEL.test(before(story, m.index))) return;
      const labelled = HEALTH_LABEL.test(before(story, m.index));
      const valid = mod11Valid(digits);
      // an unlabelled number starting 0 with a bad check digit is a phone number
      if (labelled || (valid && (digits[0] !== '0' || dateLed(digits)))) add(out, 'nhs_number', m.index, m[0]);
      else if (digits[0] !== '0' || dateLed(digits)) add(out, 'nhs_number', m.index, m[0], 'check');
    });
    each(NI_NUMBER, story, (m) => {
      const full = /[A-D]$/i.test(m[0]) && !/\d$/.test(m[0]);
      const labelled = NI_LABEL.test(before(story, m.index));
      if (labelled || full) add(out, 'nhs_number', m.index, m[0]);
    });
    if (/hospital|patient|MRN/iu.test(story))
      each(HOSPITAL_NUMBER, story, (m) => add(out, 'nhs_number', m.index + m[0].length - m[1]!.length, m[1]!));
    // after its label any two letters will do, even the specimen "QQ 12 34 56 C"
    each(NI_LABELLED, story, (m) => add(out, 'nhs_number', m.index + m[0].length - m[1]!.length, m[1]!));
    for (const re of [REG_CURRENT, REG_PREFIX, REG_SUFFIX, REG_NI]) {
      each(re, story, (m) => {
        const upper = m[0] === m[0].toUpperCase();
        const context = VEHICLE_CONTEXT.test(before(story, m.index));
        if (upper || context) add(out, 'vehicle_reg', m.index, m[0]);
        else if (re === REG_CURRENT) add(out, 'vehicle_reg', m.index, m[0], 'check');
      });
    }
    // only a story with a car word in it is scanned for the dateless shapes, which are common in other text
    if (CAR_WORD.test(story))
      for (const re of [REG_DATELESS, REG_NI_LOOSE])
        each(re, story, (m) => {
          if (VEHICLE_CONTEXT.test(before(story, m.index)) && !/^(?:19|20)\d\d$/u.test(m[0].replace(/\D/gu, '')))
            add(out, 'vehicle_reg', m.index, m[0]);
        });
  }
  if (story.includes('@')) each(AT_HANDLE, story, (m) => add(out, 'social_handle', m.index, m[0]));
  if (story.includes('_'))
    each(UNDERSCORED, story, (m) => {
      const handle = m[0].replace(/\.+$/u, '');
      if (/\p{L}/u.test(handle) && /[\p{L}\p{N}]_|_[\p{L}\p{N}]/u.test(handle)) add(out, 'social_handle', m.index, handle);
    });
  each(HANDLE_ON_PLATFORM, story, (m) => {
    // not "e.g. on facebook": one piece of three characters at least
    if (/[\d_.]/u.test(m[0]) && /[\p{L}\p{N}_]{3}/u.test(m[0]) && !DOMAIN_END.test(m[0])) add(out, 'social_handle', m.index, m[0]);
  });
  each(PLATFORM_HANDLE, story, (m) => {
    let handle = m[3]!;
    // with no "is" or ":" between, only something shaped like a handle: "add me on snap jay_b2010"
    // (or a capital inside, typed as one word: "youtube channel KaylaMakes")
    if (m[2] === undefined && !/[\d_.]|\p{Ll}\p{Lu}/u.test(handle)) return;
    // after "snap me", "on snap if u want": a handle that starts with a letter ("snap me at 9.30" is a time)
    if (m[1] !== undefined && m[2] === undefined && !/^\p{L}[\p{L}\p{N}_.-]*[\d_.][\p{L}\p{N}_.-]*$/u.test(handle)) return;
    const start = m.index + m[0].length - handle.length;
    // a Facebook name is the account: "my fb is Kerry Jones Evans"
    if (/^\p{Lu}\p{Ll}+$/u.test(handle))
      handle = /^(?:\p{Lu}[\p{L}'’-]+)(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,3}/u.exec(story.slice(start, start + 80))![0];
    // "my fb is private", "my insta is down": an ordinary word is not a handle
    const plainWord = /^\p{L}+$/u.test(handle) && (commonWord(handle.toLowerCase()) || handle.length < 3);
    // a short number is not an account ("QQ 12 34 56 C" is a National Insurance example; QQ ids are long)
    const shortNumber = /^\d{1,4}$/u.test(handle);
    if (!plainWord && !shortNumber) add(out, 'social_handle', start, handle);
  });
  return out;
}
