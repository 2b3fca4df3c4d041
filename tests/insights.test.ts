// /insights through the real app, with known data, and its charts' geometry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { barChart, wrapLabel } from '../server/charts/bar.ts';
import { lineChart } from '../server/charts/line.ts';
import { niceTicks } from '../server/charts/scale.ts';
import { sparkline } from '../server/charts/sparkline.ts';
import { percent } from '../server/insights/view.ts';
import { Eta } from 'eta';
import { VIEWS_DIR } from '../server/plugins/view.ts';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(async () => {
  await app.close();
});

const DAY = 24 * 3600_000;

/** Text content of the SVG element with this id (escaped as served). */
function svgText(html: string, id: string): string {
  return new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1] ?? '';
}

describe('GET /insights', () => {
  it('renders with no data at all', async () => {
    const res = await app.inject('/insights');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(res.body).toContain('Nothing has been published yet.');
    expect(res.body).toContain('No recommendations have been published for this week yet.');
  });

  it('shows totals, trend, qualities, moved-on share and leading areas from known data', async () => {
    seedNomination(app, { workerName: 'Ann Hill', area: 'Hastings', qualities: ['listened', 'hope'], stillInvolved: 'moved_on' });
    seedNomination(app, { workerName: 'Bob Cole', area: 'Hastings', qualities: ['listened'], stillInvolved: 'case_closed' });
    seedNomination(app, { workerName: 'Cat Dunn', area: 'Sefton', qualities: ['listened', 'advocate'], stillInvolved: 'yes' });
    seedNomination(app, {
      workerName: 'Dan Eve',
      area: 'Lewes',
      qualities: ['hope'],
      stillInvolved: 'yes',
      submittedAt: app.clock.now - 21 * DAY,
    });
    seedNomination(app, {
      workerName: 'Pending',
      area: 'Cardiff',
      qualities: ['stayed'],
      status: 'pending',
      story: 'SECRET STORY that is private to moderators.',
    });

    const res = await app.inject('/insights');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).not.toContain('SECRET STORY');
    expect(html).not.toContain('Pending');

    // totals
    expect(html).toMatch(/<strong>4<\/strong> social workers recommended/);
    expect(html).toMatch(/<strong>3<\/strong> this week, for 3 social workers/);

    // moved on or case closed: 2 of 4
    expect(html).toContain('In <strong>50%</strong> of recommendations (2 of 4)');

    // every chart is an SVG image named by its title and description, with a table beside it
    const charts = html.match(/<svg class="(bar|line)-chart"[^>]*>/g)!;
    expect(charts).toHaveLength(3);
    for (const svg of charts) {
      expect(svg).toContain('role="img"');
      const [, ids] = /aria-labelledby="([^"]+)"/.exec(svg)!;
      for (const id of ids!.split(' ')) expect(svgText(html, id)).not.toBe('');
    }
    expect(html.match(/<table>/g)!.length).toBeGreaterThanOrEqual(6);

    // qualities: listened 3 of 4, then hope 2, then advocate 1
    expect(svgText(html, 'qualities-desc')).toMatch(
      /^Listened to us and respected our views: 3; Gave us hope that things could change: 2; Stood up for us, for example in court: 1;/,
    );
    expect(html).toMatch(/<th scope="row">Listened to us and respected our views<\/th><td class="num">3<\/td><td class="num">75%<\/td>/);

    // weekly trend: 3 this week, 1 three weeks ago, 4 in all
    expect(svgText(html, 'weekly-trend-desc')).toMatch(/4 in all.*This week so far: 3\.$/);
    expect(html).toContain('(this week, so far)</th><td class="num">3</td>');

    // leading this week: Hastings (2 workers) before Sefton (1); all time the same
    const leading = html.slice(html.indexOf('id="leading"'), html.indexOf('id="nations"'));
    expect(leading.indexOf('Hastings')).toBeLessThan(leading.indexOf('Sefton'));
    expect(leading).toContain('Lewes');

    // nation and region rows, and East Sussex rolled up from Hastings and Lewes
    expect(html).toMatch(/<th scope="row">England<\/th><td class="num">4<\/td><td class="num">4<\/td><\/tr>/);
    expect(html).toMatch(/<th scope="row" class="sub">South East<\/th><td class="num">3<\/td>/);
    expect(html).toMatch(
      /<th scope="row">East Sussex <span class="small">\(5 areas\)<\/span><\/th><td class="num">3<\/td><td class="num">3<\/td><\/tr>/,
    );
  });
});

describe('chart partials', () => {
  it('escape every text they show', () => {
    const eta = new Eta({ views: VIEWS_DIR, autoEscape: true });
    const evil = '<script>alert(1)</script>&"';
    const html = [
      eta.render('partials/bar-chart', { chart: barChart({ id: 'b', title: evil, items: [{ label: evil, value: 1 }] }) }),
      eta.render('partials/line-chart', { chart: lineChart({ id: 'l', title: evil, desc: evil, points: [{ label: evil, value: 1 }] }) }),
      eta.render('partials/sparkline', { chart: sparkline({ id: 's', title: evil, desc: evil, values: [1] }) }),
    ].join('');
    expect(html).not.toContain('<script>');
    expect(html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;&quot;/g)!.length).toBeGreaterThanOrEqual(7);
  });
});

describe('chart geometry', () => {
  it('bar lengths are proportional, the longest at the maximum width', () => {
    const c = barChart({
      id: 'b',
      title: 't',
      items: [
        { label: 'a', value: 10 },
        { label: 'b', value: 5 },
        { label: 'c', value: 0 },
      ],
    });
    expect(c.rows.map((r) => r.barWidth)).toEqual(['82%', '41%', '0%']);
    expect(c.rows[1]!.barY).toBeGreaterThan(c.rows[0]!.barY);
    expect(c.height).toBeGreaterThan(c.rows[2]!.barY);
    expect(c.desc).toBe('a: 10; b: 5; c: 0.');
    expect(barChart({ id: 'e', title: 't', items: [] }).desc).toBe('No data yet.');
  });

  it('wraps long labels at spaces to fit a phone', () => {
    expect(wrapLabel('Helped us keep things going after they stepped back', 36)).toEqual([
      'Helped us keep things going after',
      'they stepped back',
    ]);
    expect(wrapLabel('Short')).toEqual(['Short']);
    expect(wrapLabel('x'.repeat(40), 36)).toEqual(['x'.repeat(36), 'xxxx']);
  });

  it('line charts put the highest point at the top of a round scale', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(95)).toEqual([0, 50, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    const c = lineChart({
      id: 'l',
      title: 't',
      desc: 'd',
      points: [
        { label: 'a', value: 0 },
        { label: 'b', value: 4 },
        { label: 'c', value: 2 },
      ],
    });
    expect(c.gridlines.map((g) => g.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(c.markers[0]!.cy).toBe(c.gridlines[0]!.y);
    expect(c.markers[1]!.cy).toBe(c.gridlines[4]!.y);
    expect(c.markers.map((m) => m.cx)).toEqual(['6%', '52%', '98%']);
    expect(c.xLabels.map((l) => [l.text, l.anchor])).toEqual([
      ['a', 'start'],
      ['b', 'middle'],
      ['c', 'end'],
    ]);
  });

  it('sparklines span their box and mark the last point', () => {
    const s = sparkline({ id: 's', title: 't', desc: 'd', values: [0, 2, 1] });
    expect(s.points).toBe('3,29 60,3 117,16');
    expect(s.last).toEqual({ x: 117, y: 16 });
  });

  it('percentages are whole and never a misleading 0%', () => {
    expect(percent(1, 3)).toBe('33%');
    expect(percent(1, 1000)).toBe('less than 1%');
    expect(percent(0, 10)).toBe('0%');
    expect(percent(0, 0)).toBe('0%');
  });
});

describe('sparklines on the home and area pages', () => {
  it('show recommendations per week for the last 12 weeks, nationally and per area', async () => {
    for (let i = 0; i < 5; i++)
      seedNomination(app, { workerName: `Worker ${i}`, area: 'Hastings', submittedAt: app.clock.now - i * 7 * DAY });
    seedNomination(app, { workerName: 'Only One', area: 'Sefton', submittedAt: app.clock.now - 14 * DAY });
    seedNomination(app, { workerName: 'Long Ago', area: 'Sefton', submittedAt: app.clock.now - 200 * DAY });

    const home = (await app.inject('/')).body;
    expect(home).toMatch(/<svg class="sparkline"[^>]*role="img" aria-labelledby="home-trend-title home-trend-desc"/);
    expect(home).toContain('6 recommendations in the last 12 weeks.');
    expect(svgText(home, 'home-trend-desc')).toMatch(/: 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 1, 1\. The last is this week so far\.$/);

    const hastings = (await app.inject('/areas/hastings')).body;
    expect(hastings).toContain('5 recommendations in Hastings in the last 12 weeks.');
    expect(svgText(hastings, 'area-trend-desc')).toMatch(
      /^Recommendations in Hastings per week since the week beginning .*: 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1\./,
    );

    // one recommendation in 12 weeks: no weekly line that would date it finer than its month
    const sefton = (await app.inject('/areas/sefton')).body;
    expect(sefton).not.toContain('class="sparkline"');
  });
});
