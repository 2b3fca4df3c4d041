// A small HTTP client for scripts and fault tests against a real server: keeps cookies, reads
// forms (hidden fields, CSRF token) out of the HTML the way a browser would submit them.

import { unescapeHtml as decodeEntities } from '../../helpers/nominate.ts';

export { decodeEntities };

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The fields a browser would send for the form whose action is `action` (hidden inputs + named textareas). */
export function formFields(html: string, action: string): [string, string][] {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
  const form = forms.find((f) => attributes(f[1]!).action === action);
  if (!form) throw new Error(`no form posting to ${action} in the page`);
  const fields: [string, string][] = [];
  for (const m of form[2]!.matchAll(/<input\b([^>]*)>/gi)) {
    const a = attributes(m[1]!);
    if (!a.name) continue;
    const type = (a.type ?? 'text').toLowerCase();
    if (type === 'submit' || type === 'button' || type === 'image') continue;
    if ((type === 'checkbox' || type === 'radio') && !('checked' in a)) continue;
    fields.push([a.name, a.value ?? '']);
  }
  for (const m of form[2]!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const a = attributes(m[1]!);
    if (a.name) fields.push([a.name, decodeEntities(m[2]!.replace(/^\n/, ''))]);
  }
  return fields;
}

export type HttpResponse = { status: number; headers: Headers; body: string; location: string | null };

export class HttpClient {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async request(method: string, path: string, body?: URLSearchParams): Promise<HttpResponse> {
    const res = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: body?.toString(),
    });
    this.keep(res);
    return { status: res.status, headers: res.headers, body: await res.text(), location: res.headers.get('location') };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, fields: [string, string][] | Record<string, string | string[]>) {
    const body = new URLSearchParams();
    const entries = Array.isArray(fields)
      ? fields
      : Object.entries(fields).flatMap(([k, v]) =>
          Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]],
        );
    for (const [k, v] of entries) body.append(k, v);
    return this.request('POST', path, body);
  }

  /** GET a page and post its form (`action`), with `values` replacing or adding fields. */
  async submit(pagePath: string, action: string, values: Record<string, string | string[]>, html?: string) {
    const page = html ?? (await this.get(pagePath)).body;
    const kept = formFields(page, action).filter(([k]) => !(k in values));
    const added = Object.entries(values).flatMap(([k, v]) =>
      Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]],
    );
    return this.post(action, [...kept, ...added]);
  }
}

export const VALID_NOMINATION = {
  worker_name: 'Jane Smith',
  area: 'hastings',
  team: '',
  relationship: 'parent',
  qualities: ['listened', 'honest'],
  still_involved: 'moved_on',
  story: 'She listened to us when nobody else did and helped our family stay together through a very hard year.',
  independent: 'yes',
  consent: 'yes',
  contact_email: '',
  website: '',
};

/**
 * The whole nomination journey over HTTP: form → check answers → confirm → done page.
 * Returns the reference shown on the done page (the acknowledgement the family keeps).
 */
export async function nominate(
  client: HttpClient,
  values: Partial<Record<keyof typeof VALID_NOMINATION, string | string[]>> = {},
): Promise<string> {
  const form = await client.get('/nominate');
  if (form.status !== 200) throw new Error(`GET /nominate answered ${form.status}`);
  const check = await client.submit('/nominate', '/nominate', { ...VALID_NOMINATION, ...values }, form.body);
  if (check.status !== 200) throw new Error(`POST /nominate answered ${check.status}`);
  const confirm = await client.submit('', '/nominate/confirm', {}, check.body);
  if (confirm.status !== 303 || !confirm.location) throw new Error(`POST /nominate/confirm answered ${confirm.status}`);
  const done = await client.get(confirm.location);
  if (done.status !== 200) throw new Error(`GET ${confirm.location} answered ${done.status}`);
  return decodeURIComponent(confirm.location.split('/').pop()!);
}
