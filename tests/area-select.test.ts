// The nomination form's area select, rendered once: every area, escaped, with the chosen one
// selected. (The search page takes its area in a text box.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { AreaOptionsHtml, areaSelectGroups } from '../server/areas/select-options.ts';
import { checkAnswers, validNomination } from './helpers/nominate.ts';

let app: TestApp;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => {
  await app.close();
});

it('lists all 361 areas by nation, names escaped, nothing selected unless asked', () => {
  const options = new AreaOptionsHtml(areaSelectGroups(app.areas));
  const html = options.render(undefined);
  expect(html.match(/<option /g)).toHaveLength(361);
  expect(html.match(/<optgroup /g)).toHaveLength(4);
  expect(html).not.toContain('selected');
  expect(html).toContain('<option value="kings-lynn-and-west-norfolk">King&#39;s Lynn and West Norfolk</option>');
  expect(options.render('no-such-area')).toBe(html);
});

it('marks exactly the chosen area selected', () => {
  const html = new AreaOptionsHtml(areaSelectGroups(app.areas)).render('hastings');
  expect(html.match(/ selected/g)).toHaveLength(1);
  expect(html).toContain('<option value="hastings" selected>Hastings</option>');
});

it('escapes what it is given, whatever it is', () => {
  const html = new AreaOptionsHtml([
    { label: 'A & "B"', options: [{ value: '"><script>', label: '<img src=x onerror=alert(1)>' }] },
  ]).render('"><script>');
  expect(html).toBe(
    '<optgroup label="A &amp; &quot;B&quot;">\n<option value="&quot;&gt;&lt;script&gt;" selected>&lt;img src=x onerror=alert(1)&gt;</option>\n</optgroup>\n',
  );
});

it('keeps the chosen area selected on the nomination form when it comes back with errors', async () => {
  const { check } = await checkAnswers(app, validNomination({ area: 'hastings', story: 'too short' }));
  expect(check.statusCode).toBe(400);
  expect(check.body.match(/<option value="[a-z]/g)).toHaveLength(361);
  expect(check.body.match(/ selected/g)).toHaveLength(1);
  expect(check.body).toContain('<option value="hastings" selected>Hastings</option>');
});

it('shows the search page area as a text box: the chosen area by name, an unknown one back as typed, escaped', async () => {
  for (const url of ['/search?area=hastings', '/search?area=Hastings', '/search?q=jane&area=E07000062']) {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.body, url).toMatch(/<input type="text" id="area" name="area" value="Hastings" aria-describedby="area-hint"/);
    expect(res.body, url).not.toContain('<select');
  }
  const unknown = await app.inject('/search?q=jane&area=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  expect(unknown.statusCode).toBe(400);
  expect(unknown.body).not.toContain('<script>alert(1)');
  expect(unknown.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  expect(unknown.body).toContain('aria-invalid="true"');
  expect(unknown.body).toContain('href="#area"');
});
