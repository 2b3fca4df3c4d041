// Plain words: every page a family uses reads at Flesch–Kincaid grade 6 or below (a reading age of
// 11), measured by `text-readability` over the text of the page as served. Longer legal pages may be
// harder, but each opens with a plain summary that passes. The score of each page is printed.
import rs from 'text-readability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, csrfFrom, makeApp, type TestApp } from './helpers/app.ts';
import { signedInModerator } from './helpers/moderator.ts';
import { checkAnswers, hidden, nominate } from './helpers/nominate.ts';
import { seedNomination } from './helpers/seed.ts';

const GRADE_LIMIT = 6;

const BLOCK =
  /<\/?(?:h[1-6]|p|li|dt|dd|td|th|caption|label|legend|button|figcaption|div|section|header|footer|nav|main|ul|ol|dl|table|tr|form|fieldset|summary|details|blockquote|figure|br)\b[^>]*>/gi;

/**
 * The words a person reads on the page: no head, scripts, styles, select options (a list of 361
 * place names is looked through, not read), nor the families' own quotes. Each block (heading,
 * paragraph, list item, label, button) is one sentence, as a reader takes it.
 */
function pageText(html: string): string {
  const body = (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html)
    .replace(/<(script|style|select|blockquote|textarea)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  return body
    .split(BLOCK)
    .map((chunk) =>
      chunk
        .replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&quot;|&#34;/g, '"')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((t) => /\p{L}/u.test(t))
    .map((t) => (/[.!?:]["'”’)]*$/.test(t) ? t : `${t}.`))
    .join('\n');
}

const grade = (text: string) => rs.fleschKincaidGrade(text);

/** The opening summary of a legal page: its `.plain-summary` block. */
function summaryText(html: string): string {
  const m = /<div class="plain-summary">([\s\S]*?)<\/div>/.exec(html);
  return m ? pageText(`<body>${m[1]}</body>`) : '';
}

let app: TestApp;
const pages = new Map<string, string>();
const scores: { page: string; grade: number; limit: string }[] = [];

beforeAll(async () => {
  app = await makeApp();
  const day = 86_400_000;
  const now = app.clock.now;
  const main = seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'hastings',
    team: 'Family Support Team',
    qualities: ['listened', 'honest', 'hope'],
    submittedAt: now - 2 * day,
  });
  seedNomination(app, {
    workerName: 'Jane Smith',
    area: 'hastings',
    relationship: 'young_person',
    qualities: ['listened'],
    submittedAt: now - 40 * day,
  });
  seedNomination(app, { workerName: 'Mohammed Khan', area: 'hastings', qualities: ['advocate'], submittedAt: now - 3 * day });
  seedNomination(app, { workerName: 'Siân Evans', area: 'sefton', relationship: 'carer', submittedAt: now - day });

  const client = new Client(app);
  const get = async (name: string, url: string) => pages.set(name, (await client.get(url)).body);
  await get('home', '/');
  await get('search', '/search?q=smith');
  await get('search, no results', '/search?q=zzqxw');
  await get('profile', `/workers/${main.slug}`);
  await get('area', '/areas/hastings');
  await get('nominate', '/nominate');
  const nominateCsrf = csrfFrom(pages.get('nominate')!)!;
  const started = hidden(pages.get('nominate')!, 'started');
  pages.set('nominate, errors', (await client.post('/nominate', { _csrf: nominateCsrf, started })).body);
  pages.set('check your answers', (await checkAnswers(app, undefined, client)).check.body);
  const { ref, client: family } = await nominate(app);
  pages.set('done', (await family.get(`/nominate/done/${ref}`)).body);
  for (const p of ['help', 'staying-safe', 'withdraw', 'status']) await get(p, `/${p}`);
  const status = async (name: string, reference: string) => {
    const c = new Client(app);
    const res = await c.post('/status', { _csrf: await c.csrf('/status'), reference });
    pages.set(name, res.body);
    return res;
  };
  await status('status: not found', 'AAAA-BBBB-CCCC-D');
  await status('status: waiting', ref!);
  const { client: mod } = await signedInModerator(app);
  const open = async (r: string) => {
    const id = app.db.$client.prepare('SELECT id FROM nominations WHERE ref = ?').pluck().get(r.replace(/-/g, '')) as number;
    const page = await mod.get(`/moderate/nominations/${id}`);
    return { id, _csrf: csrfFrom(page.body)! };
  };
  let m = await open(ref!);
  await status('status: checking', ref!);
  await mod.post(`/moderate/nominations/${m.id}`, { _csrf: m._csrf, action: 'send_back', send_back_reason: 'names_someone' });
  const sentBack = await status('status: sent back', ref!);
  const edit = await family.post('/status/edit', { _csrf: csrfFrom(sentBack.body)!, reference: ref });
  pages.set('status: edit', edit.body);
  pages.set(
    'status: edit, error',
    (await family.post('/status/edit/send', { _csrf: csrfFrom(edit.body)!, reference: ref, story: '' })).body,
  );
  pages.set(
    'status: edit sent',
    (
      await family.post('/status/edit/send', {
        _csrf: csrfFrom(edit.body)!,
        reference: ref,
        story: 'She listened to us and never gave up on our family, not once.',
      })
    ).body,
  );
  m = await open(ref!);
  await mod.post(`/moderate/nominations/${m.id}`, {
    _csrf: m._csrf,
    action: 'approve',
    worker: 'new',
    new_name: 'Priya Okafor',
    quote: 'She listened to us and never gave up on our family.',
  });
  await status('status: published', ref!);
  const other = (await nominate(app)).ref!;
  m = await open(other);
  await mod.post(`/moderate/nominations/${m.id}`, { _csrf: m._csrf, action: 'reject', reason: 'complaint_or_concern' });
  await status('status: not published', other);
  const w = new Client(app);
  pages.set('withdraw, error', (await w.post('/withdraw', { _csrf: await w.csrf('/withdraw'), reference: 'AAAA-BBBB-CCCC-D' })).body);
  pages.set('withdrawn', (await w.post('/withdraw', { _csrf: await w.csrf('/withdraw'), reference: other })).body);
  await status('status: withdrawn', other);
  for (const p of ['about', 'privacy', 'house-rules', 'accessibility', 'named']) await get(`legal: ${p}`, `/${p}`);
});

afterAll(async () => {
  console.log(
    `\nFlesch–Kincaid grade per page (limit ${GRADE_LIMIT}):\n${scores.map((s) => `  ${s.grade.toFixed(1).padStart(5)}  ${s.page}${s.limit}`).join('\n')}\n`,
  );
  await app?.close();
});

const FAMILY_PAGES = [
  'home',
  'search',
  'search, no results',
  'profile',
  'area',
  'nominate',
  'nominate, errors',
  'check your answers',
  'done',
  'status',
  'status: not found',
  'status: waiting',
  'status: checking',
  'status: sent back',
  'status: edit',
  'status: edit, error',
  'status: edit sent',
  'status: published',
  'status: not published',
  'status: withdrawn',
  'withdraw',
  'withdraw, error',
  'withdrawn',
  'help',
  'staying-safe',
];

describe('pages a family uses read at grade 6 or below', () => {
  it.each(FAMILY_PAGES)('%s', (name) => {
    const html = pages.get(name);
    expect(html, name).toBeTruthy();
    const text = pageText(html!);
    expect(text.split(/\s+/).length, `${name}: enough words to measure`).toBeGreaterThan(40);
    const g = grade(text);
    scores.push({ page: name, grade: g, limit: '' });
    expect(g, `${name} reads at grade ${g}:\n${text}`).toBeLessThanOrEqual(GRADE_LIMIT);
  });
});

describe('legal pages open with a plain summary that passes', () => {
  it.each(['about', 'privacy', 'house-rules', 'accessibility', 'named'])('%s', (name) => {
    const html = pages.get(`legal: ${name}`)!;
    const text = summaryText(html);
    expect(text, `${name}: a .plain-summary block`).not.toBe('');
    const g = grade(text);
    scores.push({ page: `${name} (summary; whole page ${grade(pageText(html)).toFixed(1)})`, grade: g, limit: '' });
    expect(g, `${name} summary reads at grade ${g}:\n${text}`).toBeLessThanOrEqual(GRADE_LIMIT);
  });
});

describe('the measure', () => {
  it('fails hard text and passes plain text', () => {
    const hard = pageText(
      '<body><p>Notwithstanding the aforementioned considerations, the organisation’s administrative responsibilities regarding confidentiality necessitate comprehensive documentation of all communications.</p><p>Subsequently, authorised representatives will systematically evaluate individual circumstances before determining appropriate interventions.</p></body>',
    );
    expect(grade(hard)).toBeGreaterThan(GRADE_LIMIT);
    const plain = pageText(
      '<body><h1>Say thank you</h1><p>Tell us about a social worker who helped you. It takes five minutes.</p><p>We read every one. We take out names. Then we put a short part on the site.</p></body>',
    );
    expect(grade(plain)).toBeLessThanOrEqual(GRADE_LIMIT);
    // quotes, scripts and select options are not part of what is measured
    expect(
      pageText(
        '<body><p>Hello there friend.</p><blockquote><p>Quote words</p></blockquote><script>x()</script><select><option>Hastings</option></select></body>',
      ),
    ).toBe('Hello there friend.');
  });
});
