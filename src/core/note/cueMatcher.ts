// Finds cue phrases in a run of tokens: a trie over token norms, longest match first, left to right.
// Work per token is bounded by the longest phrase, so a scan is linear in the tokens it covers.
import { CUE_DEFS, type CueDef } from './cues';
import type { Token } from './model';
import { tokenize } from './tokens';

interface TrieNode { next: Map<string, TrieNode>; defs?: CueDef[] }

export interface CueMatch { first: number; last: number; defs: CueDef[] }

function buildTrie(defs: CueDef[]): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const def of defs) {
    const norms = tokenize(def.phrase, 0, def.phrase.length).map((t) => t.norm);
    let node = root;
    for (const n of norms) {
      let child = node.next.get(n);
      if (!child) { child = { next: new Map() }; node.next.set(n, child); }
      node = child;
    }
    (node.defs ??= []).push(def);
  }
  return root;
}

let trie: TrieNode | undefined;

/** Cue matches within tokens[from, to), non-overlapping, in order; token indexes are inclusive. */
export function matchCues(tokens: Token[], from: number, to: number): CueMatch[] {
  trie ??= buildTrie(CUE_DEFS);
  const out: CueMatch[] = [];
  let i = from;
  while (i < to) {
    let node: TrieNode | undefined = trie;
    let best: CueMatch | undefined;
    for (let j = i; j < to && node; j++) {
      node = node.next.get(tokens[j]!.norm);
      if (node?.defs) best = { first: i, last: j, defs: node.defs };
    }
    if (best) { out.push(best); i = best.last + 1; } else i++;
  }
  return out;
}
