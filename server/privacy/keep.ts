// The keep-list: capitalised terms that are not personal (benefits, court orders, programmes, festivals,
// Welsh phrases, car makes, and every name of the UK areas list), found in a story as runs of words.
import { readFileSync } from 'node:fs';
import { readAreasCsv, variantsOf } from '../areas/seed.ts';
import { PhraseSet } from './phrases.ts';
import type { Token } from './tokens.ts';
import { fromRoot } from '../paths.ts';

const KEEP_LIST = fromRoot('server', 'privacy', 'keep-list.txt');

const TERMS = new PhraseSet();
for (const line of readFileSync(KEEP_LIST, 'utf8').split('\n')) {
  const term = line.trim();
  if (term && !term.startsWith('#')) TERMS.add(term);
}
for (const area of readAreasCsv()) for (const v of [area.name, ...variantsOf(area.name)]) TERMS.add(v);

/** 1 for every token inside a keep-list term. Linear: a few terms are tried per word. */
export function keptTokens(tokens: Token[]): Uint8Array {
  const kept = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; ) {
    const n = TERMS.matchAt(tokens, i);
    if (n > 0) {
      kept.fill(1, i, i + n);
      i += n;
    } else i++;
  }
  return kept;
}
