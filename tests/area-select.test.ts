// The area select, rendered once: every area, escaped, with the chosen one selected.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { AreaOptionsHtml, areaSelectGroups } from '../server/areas/select-options.ts';

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
  const html = new AreaOptionsHtml([{ label: 'A & "B"', options: [{ value: '"><script>', label: '<img src=x onerror=alert(1)>' }] }]).render('"><script>');
  expect(html).toBe('<optgroup label="A &amp; &quot;B&quot;">\n<option value="&quot;&gt;&lt;script&gt;" selected>&lt;img src=x onerror=alert(1)&gt;</option>\n</optgroup>\n');
});

it('shows the chosen area selected on the search page, and keeps an unknown one out', async () => {
  const chosen = await app.inject('/search?area=hastings');
  expect(chosen.body).toContain('<option value="hastings" selected>Hastings</option>');
  const unknown = await app.inject('/search?area=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  expect(unknown.statusCode).toBe(400);
  expect(unknown.body).not.toContain('<script>alert(1)');
  expect(unknown.body).not.toMatch(/ selected/);
});
