// The messages of the form rules (server/nominations/form.ts, change-request.ts, the worker-name
// rule, the bot check and the named worker's forms), which are written in English where the rules are, put into the page's
// language. Each English message maps to one catalogue key; "…. You have written 12." keeps its count.
import { MESSAGES as NOMINATION } from '../nominations/form.ts';
import { CHANGE_MESSAGES } from '../nominations/change-request.ts';
import { BOT_MESSAGES } from '../http/bot-check.ts';
import { WORKER_MESSAGES } from '../worker-accounts/messages.ts';
import { NOT_PUBLISHED_FALLBACK, NOT_PUBLISHED_WORDS, SEND_BACK_FALLBACK, SEND_BACK_REASONS } from '../families/reasons.ts';
import type { FieldError } from '../errors.ts';
import type { Lang, MessageKey, Translate } from './index.ts';

const KEYS = new Map<string, MessageKey>();
const add = (
  group: 'formError.nomination' | 'formError.change' | 'formError.bot' | 'workerAccount.error',
  messages: Readonly<Record<string, string>>,
) => {
  for (const [name, text] of Object.entries(messages)) if (!KEYS.has(text)) KEYS.set(text, `${group}.${name}` as MessageKey);
};
add('formError.nomination', NOMINATION);
add('formError.change', CHANGE_MESSAGES);
add('formError.bot', BOT_MESSAGES);
add('workerAccount.error', WORKER_MESSAGES);
// the words a family sees about a decision (server/families/reasons.ts)
const REASONS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SEND_BACK_REASONS).map(([k, r]) => [k, r.family])),
  ...NOT_PUBLISHED_WORDS,
  other: NOT_PUBLISHED_FALLBACK,
  sendBackFallback: SEND_BACK_FALLBACK,
  takenDown: 'It was on the site, but a moderator has now taken it off.',
};
// keys in camel case: i18next would read a key ending in _one ("more_than_one") as a plural form
const camel = (k: string) => k.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
for (const [name, text] of Object.entries(REASONS)) if (!KEYS.has(text)) KEYS.set(text, `status.reason.${camel(name)}` as MessageKey);

const WRITTEN = /^(.*)\. You have written ([\d,]+)\.$/s;

/** `message` in `lang`; an English message with no catalogue entry is returned as it is. */
export function localMessage(t: Translate, lang: Lang, message: string): string {
  if (lang === 'en') return message;
  const key = KEYS.get(message);
  if (key) return t(key);
  const written = WRITTEN.exec(message);
  const base = written && KEYS.get(written[1]!);
  if (base) return `${t(base)}. ${t('formError.written', { count: Number(written[2]!.replace(/,/g, '')) })}`;
  return message;
}

export function localErrors(t: Translate, lang: Lang, errors: FieldError[]): FieldError[] {
  return lang === 'en' ? errors : errors.map((e) => ({ ...e, message: localMessage(t, lang, e.message) }));
}
