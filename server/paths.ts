// Where the files the server reads live (templates, static assets, migrations, area lists, the
// privacy word lists), as paths from the project's root. The root is found from this module's own
// place, walking up to package.json, so the same paths hold whether the server runs from its
// TypeScript sources (tests, scripts) or from the JavaScript `npm start` compiles into .build/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

export const ROOT = projectRoot();

/** A path inside the project, from its root: fromRoot('db', 'areas.csv'). */
export function fromRoot(...parts: string[]): string {
  return join(ROOT, ...parts);
}
