// The nomination journey through the real app: form -> check your answers -> confirm -> done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, makeApp, type TestApp } from './helpers/app.ts';
import { checkAnswers, confirmFormOf, escapeHtml, hidden, nominate, validNomination } from './helpers/nominate.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const rows = () => app.db.$client.prepare('SELECT * FROM nominations ORDER BY id').all() as Record<string, unknown>[];
const count = () => app.db.$client.prepare('SELECT COUNT(*) FROM nominations').pluck().get() as number;

/** POST /nominate with a fresh CSRF token; returns the response. */
async function postForm(form: Record<string, string | string[] | undefined>, client = new Client(app)) {
  const csrf = await client.csrf('/nominate');
  return client.post('/nominate', { _csrf: csrf, ...form });
}

describe('GET /nominate', () => {
  it('explains what happens, signposts concerns, and has every field with a label', async () => {
    const res = await app.inject('/nominate');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('A moderator reads every recommendation');
    expect(html).toContain('never published');
    expect(html).toContain('999');
    expect(html).toContain('0808 800 5000');
    expect(html).toContain("local council's children's services");
    for (const id of [
      'worker_name',
      'area',
      'area_text',
      'team',
      'relationship',
      'still_involved',
      'qualities',
      'story',
      'contact_email',
      'consent',
      'website',
    ]) {
      expect(html, id).toMatch(new RegExp(`<label for="${id}"`));
      expect(html, id).toMatch(new RegExp(`id="${id}"`));
    }
    // Areas grouped by nation, values are slugs; all 361 areas offered.
    for (const nation of ['England', 'Scotland', 'Wales', 'Northern Ireland']) expect(html).toContain(`<optgroup label="${nation}">`);
    expect(html.match(/<option value="[a-z0-9-]+"/g)).toHaveLength(361);
    expect(html).toContain('<option value="hastings">Hastings</option>');
    // Every quality as a checkbox; the honeypot hidden from people and screen readers.
    expect(html.match(/type="checkbox" id="qualities(-\d+)?" name="qualities"/g)).toHaveLength(12);
    expect(html).toMatch(
      /<div class="honeypot" aria-hidden="true">\s*<label for="website">Leave this empty<\/label>\s*<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">/,
    );
    expect(hidden(html, 'started')).toMatch(/^\d+\.[\w-]{32}$/);
    expect(hidden(html, '_csrf')).toBeTruthy();
    expect((html.match(/<h1[ >]/g) ?? []).length).toBe(1);
  });

  it('preselects ?area=<slug>', async () => {
    const res = await app.inject('/nominate?area=sefton');
    expect(res.body).toContain('<option value="sefton" selected>Sefton</option>');
  });
});

describe('the happy path', () => {
  it('goes form -> check -> confirm -> done and stores one pending row', async () => {
    const form = validNomination({ contact_email: 'parent@example.org' });
    const { check, confirm, ref } = await nominate(app, form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check your answers');
    for (const text of [
      'Priya Okafor',
      'Hastings',
      'Family Support Team East',
      'I am a parent',
      'No, they have moved on',
      'Listened to us and respected our views',
      'Gave us hope that things could change',
      'parent@example.org',
    ]) {
      expect(check.body).toContain(escapeHtml(text));
    }
    expect(check.body).toContain(escapeHtml(form.story as string));
    expect(check.body).toContain('What will be published');
    expect(confirm!.statusCode).toBe(303);
    expect(ref).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/);

    // Committed before the redirect: the row is there as soon as the 303 is.
    const [row] = rows();
    expect(row).toMatchObject({
      status: 'pending',
      worker_name: 'Priya Okafor',
      area_id: app.areas.bySlugOrUndefined('hastings')!.id,
      team: 'Family Support Team East',
      relationship: 'parent',
      still_involved: 'moved_on',
      qualities: '["listened","hope"]',
      story: form.story,
      contact_email: 'parent@example.org',
      flags: '[]',
      duplicate_of: null,
      submitted_at: app.clock.now,
      ref: ref!.replace(/-/g, ''),
    });

    const done = await app.inject(`/nominate/done/${ref}`);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(ref);
    expect(done.body).toContain('href="/withdraw"');
    expect(done.body).toContain('0808 800 5000');
    expect(done.body).not.toContain(escapeHtml(form.story as string));
    expect(done.body).not.toContain('parent@example.org');
    // Anyone may type the reference in lower case or without dashes.
    expect((await app.inject(`/nominate/done/${ref!.toLowerCase().replace(/-/g, '')}`)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown reference and shows nothing of other nominations', async () => {
    await nominate(app);
    const res = await app.inject('/nominate/done/ABCD-EFGH-JKLM-N');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Priya');
    expect((await app.inject(`/nominate/done/${'A'.repeat(150)}`)).statusCode).toBe(404);
  });

  it('stores a double confirm (double click, back button, retry) once and sends both to the same reference', async () => {
    const { client, confirm, confirmBody } = await nominate(app);
    const again = await client.post('/nominate/confirm', confirmBody!);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(confirm!.headers.location);
    expect(count()).toBe(1);
  });

  it('accepts an area typed by hand, in `area` itself or in the text box', async () => {
    const a = await nominate(app, validNomination({ area: 'Hull' }));
    expect(a.check.body).toContain('Kingston upon Hull, City of');
    const b = await nominate(app, validNomination({ area: '', area_text: 'St Helens' }));
    expect(b.check.body).toContain('St. Helens');
    const c = await nominate(app, validNomination({ area: 'E07000062' }));
    expect(c.check.body).toContain('Hastings');
    // The typed box wins over the select: typing is deliberate, the select may be left over.
    const d = await nominate(app, validNomination({ area: 'hastings', area_text: 'Bristol' }));
    expect(d.check.body).toContain('Bristol, City of');
    expect(rows().map((r) => app.areas.get(r.area_id as number)!.slug)).toEqual([
      'kingston-upon-hull-city-of',
      'st-helens',
      'hastings',
      'bristol-city-of',
    ]);
  });

  it('"Change" posts every answer back to the form (status 200, no errors, values kept)', async () => {
    const form = validNomination({ story: 'Line one of the story\nand line two with <b>tags</b> & "quotes".' });
    const { client, check } = await checkAnswers(app, form);
    const body: Record<string, string | string[] | undefined> = { ...confirmFormOf(check.body), edit: '1', submission_key: undefined };
    const csrf = /action="\/nominate" class="change-answers">\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec(check.body)![1]!;
    const res = await client.post('/nominate', { ...body, _csrf: csrf });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('error-summary');
    expect(res.body).toContain('value="Priya Okafor"');
    expect(res.body).toContain('<option value="hastings" selected>');
    expect(res.body).toMatch(/value="parent" checked/);
    expect(res.body).toMatch(/value="moved_on" checked/);
    expect(res.body).toMatch(/value="listened" checked/);
    expect(res.body).toMatch(/value="hope" checked/);
    expect(res.body).not.toMatch(/value="honest" checked/);
    expect(res.body).toMatch(/value="yes" checked/);
    expect(res.body).toContain(`>${escapeHtml(form.story as string)}</textarea>`);
    // Each Change button goes to its field.
    expect(check.body).toContain('formaction="/nominate#story"');
    expect(count()).toBe(0);
  });
});

describe('field rules at and just beyond their limits', () => {
  const L = (n: number, ch = 'a') => ch.repeat(n);
  // 254 characters: 64 + "@" + 189
  const email254 = `${L(64)}@${L(60, 'b')}.${L(60, 'c')}.${L(63, 'd')}.com`;
  const cases: [string, Record<string, string | string[] | undefined>, string | null][] = [
    ['name of 2 letters', { worker_name: 'Al' }, null],
    ['name of 1 letter', { worker_name: 'A' }, "The social worker's name must be 2 characters or more"],
    ['name of 100 letters', { worker_name: L(100) }, null],
    ['name of 100 astral letters (200 UTF-16 units)', { worker_name: L(100, '𝒜') }, null],
    ['name of 101 letters', { worker_name: L(101) }, "The social worker's name must be 100 characters or fewer"],
    [
      'name with digits',
      { worker_name: 'Agent 007' },
      "The social worker's name must only include letters, spaces, hyphens, apostrophes and full stops",
    ],
    [
      'name of punctuation only',
      { worker_name: "'-." },
      "The social worker's name must only include letters, spaces, hyphens, apostrophes and full stops",
    ],
    ['blank name', { worker_name: '   ' }, "Enter the social worker's name"],
    ['missing name', { worker_name: undefined }, "Enter the social worker's name"],
    ['no area', { area: '' }, 'Select the area, or type the council or town'],
    ['unknown area', { area: 'Nowhere-on-Sea' }, 'Check the spelling of the council or town, or select the area from the list'],
    [
      'unknown typed area',
      { area: '', area_text: 'Atlantis' },
      'Check the spelling of the council or town, or select the area from the list',
    ],
    ['team of 100', { team: L(100) }, null],
    ['team of 101', { team: L(101) }, 'Team must be 100 characters or fewer'],
    ['no relationship', { relationship: undefined }, 'Select how you know the social worker'],
    ['made-up relationship', { relationship: 'boss' }, 'Select how you know the social worker'],
    ['no still_involved', { still_involved: '' }, 'Select whether this social worker is still working with your family'],
    ['made-up still_involved', { still_involved: 'maybe' }, 'Select whether this social worker is still working with your family'],
    ['no qualities', { qualities: undefined }, null],
    ['one quality (not an array)', { qualities: 'stayed' }, null],
    [
      'all twelve qualities',
      {
        qualities: [
          'listened',
          'honest',
          'reliable',
          'responsive',
          'strengths',
          'hope',
          'clear_plan',
          'whole_family',
          'alongside',
          'advocate',
          'stayed',
          'after_care',
        ],
      },
      null,
    ],
    ['an unknown quality', { qualities: ['listened', 'magic'] }, 'Select the things they did well from the list'],
    ['story of 20', { story: L(20) }, null],
    ['story of 19', { story: L(19) }, 'Story must be 20 characters or more'],
    ['story of 19 padded with spaces', { story: `   ${L(19)}  \n ` }, 'Story must be 20 characters or more'],
    ['story of 20 with a CRLF counted as one', { story: `${L(18)}\r\n${L(1)}` }, null],
    ['story of 3000', { story: L(3000) }, null],
    ['story of 3000 emoji (6000 UTF-16 units)', { story: L(3000, '😀') }, null],
    ['story of 3001', { story: L(3001) }, 'Story must be 3,000 characters or fewer'],
    ['blank story', { story: ' \n ' }, 'Enter what this social worker did that made a difference'],
    ['email of 254', { contact_email: email254 }, null],
    ['email of 255', { contact_email: email254.replace('@', '@b') }, 'Email address must be 254 characters or fewer'],
    ['email without @', { contact_email: 'parent.example.org' }, 'Enter an email address in the correct format, like name@example.com'],
    ['no consent', { consent: undefined }, 'Tick the box to agree that a shortened, anonymised version may be published'],
    ['consent not yes', { consent: 'no' }, 'Tick the box to agree that a shortened, anonymised version may be published'],
  ];
  for (const [name, over, message] of cases) {
    it(`${name}: ${message ? 'refused' : 'accepted'}`, async () => {
      const res = await postForm(validNomination(over));
      if (message === null) {
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
        expect(res.body).toContain('Check your answers');
      } else {
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain(escapeHtml(message));
        expect(res.body).toContain('class="error-summary"');
      }
      expect(count()).toBe(0);
    });
  }

  it('stores the story trimmed, with line endings normalised, and literally otherwise', async () => {
    await nominate(app, validNomination({ story: '  First line\r\nSecond line\rThird line  ' }));
    expect(rows()[0]!.story).toBe('First line\nSecond line\nThird line');
  });
});

describe('every error re-renders the form with a summary and every value kept', () => {
  it('400, summary linked to each field, messages beside fields, values escaped', async () => {
    const form = {
      worker_name: 'Bad <name> 1',
      area: '',
      area_text: 'Atlantis "&" <Town>',
      team: `<i>${'t'.repeat(101)}</i>`,
      relationship: 'boss',
      still_involved: '',
      qualities: ['listened', 'hope', 'stayed'],
      story: '<script>x</script>',
      contact_email: 'not-an-email"><b>',
      independent: 'yes',
      consent: undefined,
      website: '',
    };
    const res = await postForm(form);
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain('<title>Error: Recommend a social worker');
    expect(html).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/);
    const links = [...html.matchAll(/<li><a href="#([a-z_]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(['worker_name', 'area_text', 'team', 'relationship', 'still_involved', 'story', 'contact_email', 'consent']);
    // Each message is also beside its field, tied to it for screen readers.
    for (const id of links) {
      expect(html).toContain(`id="${id}-error"`);
      expect(html).toMatch(new RegExp(`aria-describedby="[^"]*${id}-error`));
    }
    expect(html).toContain(`value="${escapeHtml(form.worker_name)}"`);
    expect(html).toContain(`value="${escapeHtml(form.area_text)}"`);
    expect(html).toContain(`value="${escapeHtml(form.team)}"`);
    expect(html).toContain(`value="${escapeHtml(form.contact_email)}"`);
    expect(html).toContain(`>${escapeHtml(form.story)}</textarea>`);
    for (const q of form.qualities) expect(html).toMatch(new RegExp(`value="${q}" checked`));
    expect(html).not.toContain('<script>x</script>');
    expect(html).not.toContain('<b>');
    expect(count()).toBe(0);
  });

  it('asks the person to confirm they are not the worker, a colleague or acting for them: required, kept, shown, stored', async () => {
    const missing = await postForm(validNomination({ independent: undefined }));
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain(
      '<a href="#independent">Tick the box to confirm you are not the social worker, a colleague, or acting for them</a>',
    );
    const kept = await postForm(validNomination({ story: 'too short' }));
    expect(kept.body).toMatch(/id="independent" name="independent" value="yes" checked/);
    const { check } = await checkAnswers(app);
    expect(check.body).toContain('You are not the social worker, a colleague, or acting for them');
    expect(confirmFormOf(check.body).independent).toBe('yes');
    const { ref } = await nominate(app);
    expect(app.db.$client.prepare('SELECT independent FROM nominations WHERE ref = ?').pluck().get(ref!.replace(/-/g, ''))).toBe(1);
  });

  it('keeps a ticked consent and picked radios when only the story is wrong', async () => {
    const res = await postForm(validNomination({ story: 'too short' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="consent" name="consent" value="yes" checked/);
    expect(res.body).toMatch(/value="parent" checked/);
    expect(res.body).toContain('<option value="hastings" selected>');
    expect(res.body).toContain('value="Family Support Team East"');
    expect(res.body).toContain('>too short</textarea>');
  });
});

describe('names and text from real families', () => {
  for (const name of [
    'Siân Jones',
    'Zoë Smith',
    "O'Neill",
    'Mary O’Neill',
    'Smith-Jones',
    'Nguyễn Thị Lan',
    'محمد الأحمد',
    'Dr. J. Patel',
    'Łucja Wiśniewska',
    'Ọlá Adéyẹmí',
    'Ηλίας Παπαδόπουλος',
    'Саша Петрова',
    '李小龍',
  ]) {
    it(`accepts ${name}`, async () => {
      const { confirm } = await nominate(app, validNomination({ worker_name: name }));
      expect(confirm?.statusCode).toBe(303);
      expect(rows()[0]!.worker_name).toBe(name.normalize('NFC'));
    });
  }

  it('treats a decomposed name (NFD, as some phones send it) as the same letters', async () => {
    await nominate(app, validNomination({ worker_name: 'Siân'.normalize('NFD') }));
    expect(rows()[0]!.worker_name).toBe('Siân');
  });

  it('stores HTML, script and SQL-looking text literally and shows it escaped', async () => {
    const story = `<script>alert("x")</script> Robert'); DROP TABLE nominations;-- & <img src=x onerror=alert(1)> she was great`;
    const team = `'; DELETE FROM areas; --`;
    const { check, confirm } = await nominate(app, validNomination({ story, team }));
    expect(check.body).not.toContain('<script>alert');
    expect(check.body).not.toContain('<img src=x');
    expect(check.body).toContain(escapeHtml(story));
    expect(confirm!.statusCode).toBe(303);
    expect(rows()[0]).toMatchObject({ story, team });
    expect(app.db.$client.prepare('SELECT COUNT(*) FROM areas').pluck().get()).toBe(361);
  });
});

describe('a tampered or broken confirmation', () => {
  it('re-validates: a changed hidden field gives the form back with 400 and nothing is stored', async () => {
    const { client, check } = await checkAnswers(app, validNomination({ worker_name: 'Sam Taylor' }));
    const body = confirmFormOf(check.body);
    const res = await client.post('/nominate/confirm', {
      ...body,
      submission_key: 'k'.repeat(22),
      relationship: 'landlord',
      worker_name: '<Sam>',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Select how you know the social worker');
    expect(res.body).toContain('value="&lt;Sam&gt;"');
    expect(count()).toBe(0);
  });

  it('refuses a confirmation without a submission key with a plain 400', async () => {
    const client = new Client(app);
    const csrf = await client.csrf('/nominate');
    const res = await client.post('/nominate/confirm', { _csrf: csrf, ...validNomination() });
    expect(res.statusCode).toBe(400);
    expect(count()).toBe(0);
  });
});

describe('abuse protection', () => {
  it('missing or wrong CSRF token -> 403 and nothing stored', async () => {
    const client = new Client(app);
    await client.get('/nominate');
    const check = await client.post('/nominate', { ...validNomination() });
    expect(check.statusCode).toBe(403);
    const { check: ok } = await checkAnswers(app);
    const body = confirmFormOf(ok.body);
    delete body._csrf;
    expect((await client.post('/nominate/confirm', body)).statusCode).toBe(403);
    expect((await client.post('/nominate/confirm', { ...body, _csrf: 'forged-token' })).statusCode).toBe(403);
    // A token from another visitor's session does not work either.
    expect((await new Client(app).post('/nominate/confirm', { ...body, _csrf: hidden(ok.body, '_csrf') })).statusCode).toBe(403);
    expect(count()).toBe(0);
  });

  it('an expired form shows every answer again with a fresh token (403), and sending it again works', async () => {
    const client = new Client(app);
    await client.get('/nominate');
    const answers = validNomination({
      worker_name: "Siân O'Neill-Jones",
      team: 'Hastings <Family> Team',
      story: 'She listened to us & never gave up on our family, even when it was hard.',
    });
    const expired = await client.post('/nominate', { ...answers, _csrf: 'from-a-stale-page' });
    expect(expired.statusCode).toBe(403);
    expect(expired.body).toContain('This form timed out');
    expect(expired.body).toContain(escapeHtml("Siân O'Neill-Jones"));
    expect(expired.body).toContain(escapeHtml('Hastings <Family> Team'));
    expect(expired.body).toContain(escapeHtml(String(answers.story)));
    expect(count()).toBe(0);
    const again = await client.post('/nominate', {
      ...answers,
      _csrf: hidden(expired.body, '_csrf'),
      started: hidden(expired.body, 'started'),
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Check your answers');
  });

  it('honeypot filled -> plain 400 page, nothing stored, at both steps', async () => {
    const res = await postForm(validNomination({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('error-summary');
    expect(res.body).not.toContain('Check your answers');
    const { client, check } = await checkAnswers(app);
    const confirm = await client.post('/nominate/confirm', { ...confirmFormOf(check.body), website: 'spam' });
    expect(confirm.statusCode).toBe(400);
    expect(count()).toBe(0);
  });

  it('a body over 64 KB gets a friendly 413 page', async () => {
    const client = new Client(app);
    const csrf = await client.csrf('/nominate');
    const res = await client.post('/nominate', { _csrf: csrf, ...validNomination({ story: 'x'.repeat(70_000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('That was too long to send');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('JSON or junk bodies never cause a 500', async () => {
    const client = new Client(app);
    const csrf = await client.csrf('/nominate');
    for (const payload of [
      JSON.stringify({ _csrf: csrf, worker_name: { $gt: '' }, qualities: [{}], story: 42 }),
      JSON.stringify({ _csrf: csrf, area: ['a', 'b'] }),
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/nominate',
        headers: { 'content-type': 'application/json', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        payload,
      });
      expect(res.statusCode).toBe(400);
    }
    expect(count()).toBe(0);
  });
});

describe('minimum fill time', () => {
  let slow: TestApp;
  beforeEach(async () => {
    slow = await makeApp({ MIN_FILL_SECONDS: '3' });
  });
  afterEach(async () => {
    await slow.close();
  });

  it('refuses a form sent sooner than MIN_FILL_SECONDS, or without a genuine timestamp; accepts it after', async () => {
    const client = new Client(slow);
    const page = await client.get('/nominate');
    const csrf = hidden(page.body, '_csrf')!;
    const started = hidden(page.body, 'started')!;
    const quick = await client.post('/nominate', { _csrf: csrf, started, ...validNomination() });
    expect(quick.statusCode).toBe(400);
    expect(quick.body).toContain('faster than a person');
    expect((await client.post('/nominate', { _csrf: csrf, ...validNomination() })).statusCode).toBe(400);
    const [ms] = started.split('.');
    const forged = `${Number(ms) - 60_000}.${started.split('.')[1]}`;
    expect((await client.post('/nominate', { _csrf: csrf, started: forged, ...validNomination() })).statusCode).toBe(400);

    slow.clock.now += 4000;
    const ok = await client.post('/nominate', { _csrf: csrf, started, ...validNomination() });
    expect(ok.statusCode).toBe(200);
    // The confirm step checks it too; the check page carries the original timestamp.
    expect(hidden(ok.body, 'started')).toBe(started);
    const confirm = await client.post('/nominate/confirm', confirmFormOf(ok.body));
    expect(confirm.statusCode).toBe(303);
    expect(slow.db.$client.prepare('SELECT COUNT(*) FROM nominations').pluck().get()).toBe(1);
  });
});
