// The nomination journey through the real app, for C's tests and anyone else's.
import type { FastifyInstance } from 'fastify';
import { Client } from './app.ts';

export type NominationForm = Record<string, string | string[] | undefined>;

export const validNomination = (over: NominationForm = {}): NominationForm => ({
  worker_name: 'Priya Okafor',
  area: 'hastings',
  team: 'Family Support Team East',
  relationship: 'parent',
  still_involved: 'moved_on',
  qualities: ['listened', 'hope'],
  story: 'She listened to us when nobody else would and gave us hope that things could change for our family.',
  independent: 'yes',
  consent: 'yes',
  contact_email: '',
  website: '',
  ...over,
});

/** The same escaping Eta applies to `<%= %>`. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** GET the form and POST it: the "check your answers" page (or the form with errors). */
export async function checkAnswers(app: FastifyInstance, form: NominationForm = validNomination(), client = new Client(app)) {
  const page = await client.get('/nominate');
  const started = hidden(page.body, 'started');
  const csrf = hidden(page.body, '_csrf')!;
  const check = await client.post('/nominate', { _csrf: csrf, started, ...form });
  return { client, check };
}

/** GET the form, POST it, POST the confirmation: returns every response and the reference. */
export async function nominate(app: FastifyInstance, form: NominationForm = validNomination(), client = new Client(app)) {
  const { check } = await checkAnswers(app, form, client);
  if (check.statusCode !== 200) return { client, check, confirm: undefined, ref: undefined };
  const confirmBody = confirmFormOf(check.body);
  const confirm = await client.post('/nominate/confirm', confirmBody);
  const location = String(confirm.headers.location ?? '');
  const ref = /^\/nominate\/done\/(.+)$/.exec(location)?.[1];
  return { client, check, confirm, ref, confirmBody };
}

/** The confirm form's fields, read from the check page's HTML as a browser would send them. */
export function confirmFormOf(checkHtml: string): NominationForm {
  const form = checkHtml.slice(checkHtml.indexOf('action="/nominate/confirm"'));
  const out: Record<string, string | string[]> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    const value = unescapeHtml(m[2]!);
    const prev = out[m[1]!];
    out[m[1]!] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  if (typeof out.qualities === 'string') out.qualities = [out.qualities];
  return out;
}

/** Text as a browser shows it: named and numeric character references decoded (&amp; last). */
export function unescapeHtml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
