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

/**
 * Cyrillic and Greek letters that look like Latin ones (a Cyrillic "е" in "Dеnies" once defeated
 * negation), and compatibility forms (fullwidth letters) folded to the Latin letter.
 */
const CONFUSABLE: Readonly<Record<string, string>> = {
  'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x',
  'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'һ': 'h', 'ӏ': 'l', 'ԛ': 'q', 'ԝ': 'w', 'ɡ': 'g',
  'α': 'a', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
};
const NOT_ASCII = /[^\u0000-\u007f]/;
const CONFUSABLE_CHAR = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'gu');

/** A token norm as the cue lexicon spells it: look-alike letters folded to Latin (ASCII norms unchanged). */
export function foldConfusables(norm: string): string {
  if (!NOT_ASCII.test(norm)) return norm;
  return norm.normalize('NFKC').toLowerCase().replace(CONFUSABLE_CHAR, (c) => CONFUSABLE[c] ?? c);
}

/** Cue matches within tokens[from, to), non-overlapping, in order; token indexes are inclusive. */
export function matchCues(tokens: Token[], from: number, to: number): CueMatch[] {
  trie ??= buildTrie(CUE_DEFS);
  const out: CueMatch[] = [];
  let i = from;
  while (i < to) {
    let node: TrieNode | undefined = trie;
    let best: CueMatch | undefined;
    for (let j = i; j < to && node; j++) {
      const norm = tokens[j]!.norm;
      node = node.next.get(norm) ?? (NOT_ASCII.test(norm) ? node.next.get(foldConfusables(norm)) : undefined);
      if (node?.defs) best = { first: i, last: j, defs: node.defs };
    }
    if (best) { out.push(best); i = best.last + 1; } else i++;
  }
  return out;
}
