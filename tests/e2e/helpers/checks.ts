// What every page must pass: axe-core at WCAG 2.2 A/AA, one h1, the landmarks, a meaningful
// title; and the Nu Html Checker on the raw HTML the server sent (batched: one java start).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './server.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core violations on the page as it stands, one line each. `page.evaluate` runs through the
 * DevTools protocol, so the site's CSP (script-src 'self') does not block injecting axe.
 * Needs a context with JavaScript enabled.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    AXE_TAGS,
  )) as { violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
}

export type Structure = {
  title: string;
  h1: string[];
  landmarks: { header: number; nav: number; main: number; footer: number };
  lang: string | null;
};

/** The structural facts every page must satisfy (works with JavaScript disabled too). */
export async function structure(page: Page): Promise<Structure> {
  const title = await page.title();
  const h1 = await page.locator('h1').allInnerTexts();
  const count = (sel: string) => page.locator(sel).count();
  return {
    title,
    h1,
    landmarks: {
      header: await count('body > header, header.site-header, [role="banner"]'),
      nav: await count('nav, [role="navigation"]'),
      main: await count('main, [role="main"]'),
      footer: await count('body > footer, footer.site-footer, [role="contentinfo"]'),
    },
    lang: await page.locator('html').getAttribute('lang'),
  };
}

/** Problems with the page's structure, as sentences (empty when all is well). */
export function structureProblems(s: Structure, siteName = 'The Good Social Worker directory'): string[] {
  const out: string[] = [];
  if (s.h1.length !== 1) out.push(`expected exactly one h1, found ${s.h1.length}: ${JSON.stringify(s.h1)}`);
  if (s.landmarks.main !== 1) out.push(`expected one main landmark, found ${s.landmarks.main}`);
  if (s.landmarks.header < 1) out.push('no header (banner) landmark');
  if (s.landmarks.footer < 1) out.push('no footer (contentinfo) landmark');
  if (s.landmarks.nav < 1) out.push('no nav landmark');
  if (!s.lang) out.push('no lang attribute on <html>');
  if (!s.title.endsWith(` – ${siteName}`) || !/\S/.test(s.title.slice(0, -(siteName.length + 3))))
    out.push(`title not meaningful: ${JSON.stringify(s.title)}`);
  return out;
}

export type HtmlDoc = { name: string; html: string };
export type VnuMessage = { type: string; subType?: string; message: string; extract?: string; lastLine?: number };

export const VNU_JAR = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/** Run the Nu Html Checker once over all documents; returns its errors per document name. */
export async function validateHtml(docs: HtmlDoc[]): Promise<Map<string, VnuMessage[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'gsw-vnu-'));
  try {
    const files = docs.map((d, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.html`);
      writeFileSync(file, d.html);
      return file;
    });
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        'java',
        ['-Xss8m', '-jar', VNU_JAR, '--format', 'json', '--stdout', ...files],
        { maxBuffer: 64 * 1024 * 1024 },
        // vnu exits 1 when it finds errors; the JSON is what matters.
        (err, out, errOut) => {
          if (out?.trim().startsWith('{')) resolve(out);
          else reject(new Error(`the Nu Html Checker did not run: ${err?.message ?? ''} ${errOut}`));
        },
      );
    });
    const parsed = JSON.parse(stdout) as { messages: (VnuMessage & { url?: string })[] };
    const byName = new Map<string, VnuMessage[]>(docs.map((d) => [d.name, []]));
    for (const m of parsed.messages) {
      if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
      const idx = Number(/(\d{3})\.html$/.exec(m.url ?? '')?.[1]);
      const name = Number.isNaN(idx) ? '(unknown file)' : docs[idx]!.name;
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name)!.push(m);
    }
    return byName;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "page: message (line n: extract)" for every error, for an assertion message. */
export function formatVnu(errors: Map<string, VnuMessage[]>): string[] {
  const out: string[] = [];
  for (const [name, msgs] of errors) {
    for (const m of msgs) out.push(`${name}: ${m.message} (line ${m.lastLine ?? '?'}: ${(m.extract ?? '').trim().slice(0, 120)})`);
  }
  return out;
}
