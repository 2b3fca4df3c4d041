// The indexed words within a few edits of a query word, found by walking lunr's token set (a
// minimised trie of the words) with one row of the edit-distance table per letter, leaving a
// branch as soon as every cell of its row is over the allowance. lunr's own fuzzy query first
// builds an automaton of every possible edit (fromFuzzyString) and intersects it with the trie:
// at 100k profiles that was about a fifth of a never-repeated search's CPU. The token set is
// copied once into flat arrays, so the walk reads typed arrays instead of enumerating objects.
import { MAX_WORD } from './words.ts';

/** A node of lunr's token set: lunr has these fields public, its types leave them out. */
export type TokenSetNode = { id: number; final: boolean; edges: Record<string, TokenSetNode> };

/** lunr's token set as arrays: node k's edges are firstEdge[k] .. firstEdge[k + 1] - 1. */
export type WordTrie = { firstEdge: Int32Array; letter: Uint16Array; child: Int32Array; final: Uint8Array };

export function flattenTokenSet(root: TokenSetNode): WordTrie {
  const index = new Map<number, number>();
  const order: TokenSetNode[] = [];
  const stack = [root];
  index.set(root.id, 0);
  order.push(root);
  let edges = 0;
  while (stack.length) {
    const node = stack.pop()!;
    for (const key in node.edges) {
      const next = node.edges[key]!;
      edges++;
      if (index.has(next.id)) continue;
      index.set(next.id, order.length);
      order.push(next);
      stack.push(next);
    }
  }
  const firstEdge = new Int32Array(order.length + 1);
  const letter = new Uint16Array(edges);
  const child = new Int32Array(edges);
  const final = new Uint8Array(order.length);
  let e = 0;
  order.forEach((node, k) => {
    firstEdge[k] = e;
    final[k] = node.final ? 1 : 0;
    for (const key in node.edges) {
      letter[e] = key.charCodeAt(0);
      child[e++] = index.get(node.edges[key]!.id)!;
    }
  });
  firstEdge[order.length] = e;
  return { firstEdge, letter, child, final };
}

/**
 * Calls `visit` with every word of `trie` whose optimal string alignment distance from `word`
 * (substitution, insertion, deletion, swap of neighbours: what `editDistance` counts) is at most `max`.
 */
export function wordsWithinEdits(trie: WordTrie, word: string, max: number, visit: (term: string) => void): void {
  const { firstEdge, letter, child, final } = trie;
  const n = word.length;
  const w = Uint16Array.from(word, (c) => c.charCodeAt(0));
  const depthLimit = Math.min(MAX_WORD, n + max);
  // rows[i] is the table's row after the path's first i letters; path[i - 1] is its i-th letter
  const rows = Array.from({ length: depthLimit + 1 }, () => new Int32Array(n + 1));
  const path = new Uint16Array(depthLimit);
  for (let j = 0; j <= n; j++) rows[0]![j] = j;

  const walk = (node: number, depth: number): void => {
    const prev = rows[depth]!;
    const prev2 = depth > 0 ? rows[depth - 1]! : undefined;
    const cur = rows[depth + 1]!;
    const before = depth > 0 ? path[depth - 1]! : -1;
    for (let e = firstEdge[node]!, end = firstEdge[node + 1]!; e < end; e++) {
      const c = letter[e]!;
      cur[0] = depth + 1;
      let rowMin = cur[0];
      for (let j = 1; j <= n; j++) {
        let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (w[j - 1] === c ? 0 : 1));
        if (prev2 && j > 1 && c === w[j - 2] && before === w[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) continue;
      path[depth] = c;
      const next = child[e]!;
      if (final[next] && cur[n]! <= max) visit(String.fromCharCode(...path.subarray(0, depth + 1)));
      if (depth + 1 < depthLimit) walk(next, depth + 1);
    }
  };
  walk(0, 0);
}
