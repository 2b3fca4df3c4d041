// The privacy flags read compromise's word knowledge from server/privacy/lexicon.json, not from
// compromise itself (memory per server process). The file must be what the installed compromise says:
// after upgrading compromise, run `npx tsx scripts/build-lexicon.ts`.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LEXICON_FILE, lexiconFromCompromise } from '../scripts/build-lexicon.ts';

it('lexicon.json holds what the installed compromise knows', () => {
  expect(JSON.parse(readFileSync(LEXICON_FILE, 'utf8'))).toEqual(lexiconFromCompromise());
});
