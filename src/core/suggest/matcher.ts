// Finds dictionary terms in one sentence. Words may be discontinuous and in any order within a
// bounded window ("pain in the right renal fossa"), so each term is checked only when its rarest
// key occurs; the cost is proportional to the sentence, not to the dictionary.
import type { Sentence, Span } from '../note/model';
import type { Dictionary, DictionaryTerm } from './dictionary';
import { LEXICON_BY_WORD } from './lexicon';
import { STOP_WORDS, phraseKeys, stem } from './terms';

export interface SentenceKeys {
  /** key -> token positions in the sentence where it occurs. */
  positions: Map<string, number[]>;
  /** Span of each token position. */
  spans: Span[];
}

export interface TermMatch {
  term: DictionaryTerm;
  termIndex: number;
  /** Token positions used as evidence, one per key. */
  positions: number[];
  evidence: Span[];
}

// How many extra tokens a discontinuous match may straddle beyond its own words.
const MAX_GAP = 5;
const EXPANSIONS = new Map<string, string[]>();

function expansionKeys(word: string): string[] {
  let keys = EXPANSIONS.get(word);
  if (!keys) {
    keys = phraseKeys(LEXICON_BY_WORD.get(word)?.expands ?? '');
    EXPANSIONS.set(word, keys);
  }
  return keys;
}

// Note vocabularies are small and repetitive: remembering each word's key saves most stemming.
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 200_000;

function keyOf(word: string): string {
  let k = KEY_CACHE.get(word);
  if (k === undefined) {
    k = stem(word);
    if (KEY_CACHE.size < KEY_CACHE_LIMIT) KEY_CACHE.set(word, k);
  }
  return k;
}

/** Word keys of a sentence, lexicon expansions included (at the same positions as the abbreviation). */
export function sentenceKeys(text: string, sentence: Sentence): SentenceKeys {
  const positions = new Map<string, number[]>();
  const spans: Span[] = [];
  const put = (key: string, pos: number): void => {
    const list = positions.get(key);
    if (!list) positions.set(key, [pos]);
    else if (list[list.length - 1] !== pos) list.push(pos);
  };
  let cachedText: string | undefined;
  const sentenceText = (): string => (cachedText ??= text.slice(sentence.start, sentence.end));
  sentence.tokens.forEach((token, pos) => {
    spans.push({ start: token.start, end: token.end });
    const word = token.norm;
    if (!STOP_WORDS.has(word)) put(keyOf(word), pos);
    const lex = LEXICON_BY_WORD.get(word);
    if (lex?.expands) {
      const original = text.slice(token.start, token.end);
      if ((!lex.upperOnly || original === original.toUpperCase()) && !(lex.unless && lex.unless.test(sentenceText()))) {
        for (const k of expansionKeys(word)) put(k, pos);
      }
    }
  });
  return { positions, spans };
}

function nearest(list: number[], target: number): number {
  let best = list[0]!;
  for (const p of list) if (Math.abs(p - target) < Math.abs(best - target)) best = p;
  return best;
}

function placeTerm(term: DictionaryTerm, anchor: string, keys: SentenceKeys): number[] | undefined {
  let best: number[] | undefined;
  let bestWidth = Infinity;
  for (const at of keys.positions.get(anchor)!) {
    const chosen = term.keys.map((k) => (k === anchor ? at : nearest(keys.positions.get(k)!, at)));
    const width = Math.max(...chosen) - Math.min(...chosen);
    if (width < bestWidth) {
      bestWidth = width;
      best = chosen;
    }
  }
  if (!best || bestWidth > term.keys.length - 1 + MAX_GAP) return undefined;
  return numbersAttached(term, best) ? best : undefined;
}

// A number ("stage 2", "type 1") only counts next to the words it qualifies, so the 2 of an
// expanded "T2DM" does not become the stage of a kidney disease five words later.
function numbersAttached(term: DictionaryTerm, chosen: number[]): boolean {
  for (let i = 0; i < term.keys.length; i++) {
    const c = term.keys[i]!.charCodeAt(0);
    if (!(c >= 48 && c <= 57)) continue;
    const at = chosen[i]!;
    let attached = false;
    for (let j = 0; j < chosen.length && !attached; j++) attached = j !== i && Math.abs(chosen[j]! - at) <= 2;
    if (!attached) return false;
  }
  return true;
}

/** Every term whose keys all occur in the sentence within the window, except those a longer match subsumes. */
export function matchSentence(dictionary: Dictionary, keys: SentenceKeys): TermMatch[] {
  return dropSubsumed(matchAll(dictionary, keys));
}

/** Adds term `t` to `out` when its keys from the `from`-th on occur in the sentence and fit in the window. */
function tryTerm(dictionary: Dictionary, keys: SentenceKeys, t: number, anchor: string, from: number, out: TermMatch[]): void {
  const { keyNames, termKeyStart, termKeys } = dictionary;
  for (let j = termKeyStart[t]! + from, end = termKeyStart[t + 1]!; j < end; j++) if (!keys.positions.has(keyNames[termKeys[j]!]!)) return;
  const term = dictionary.term(t);
  const positions = placeTerm(term, anchor, keys);
  if (!positions) return;
  const evidence = [...new Set(positions)].sort((a, b) => a - b).map((p) => keys.spans[p]!);
  out.push({ term, termIndex: t, positions, evidence });
}

function tryGroup(dictionary: Dictionary, keys: SentenceKeys, g: number, anchor: string, out: TermMatch[]): void {
  const { memberStart, members } = dictionary;
  for (let m = memberStart[g]!, end = memberStart[g + 1]!; m < end; m++) tryTerm(dictionary, keys, members[m]!, anchor, 2, out);
}

/** Every term whose keys all occur in the sentence within the window. */
export function matchAll(dictionary: Dictionary, keys: SentenceKeys): TermMatch[] {
  const out: TermMatch[] = [];
  const { keyNames, singleStart, singles, groupStart, groupSecond } = dictionary;
  for (const anchor of keys.positions.keys()) {
    const a = dictionary.anchorOf(anchor);
    if (a < 0) continue;
    for (let s = singleStart[a]!, end = singleStart[a + 1]!; s < end; s++) tryTerm(dictionary, keys, singles[s]!, anchor, 1, out);
    // Terms under an anchor are grouped by their second-rarest key: visit whichever is fewer,
    // the groups or the sentence's own keys, so common anchors stay cheap.
    const first = groupStart[a]!;
    const last = groupStart[a + 1]!;
    if (last - first <= keys.positions.size) {
      for (let g = first; g < last; g++) if (keys.positions.has(keyNames[groupSecond[g]!]!)) tryGroup(dictionary, keys, g, anchor, out);
    } else {
      for (const second of keys.positions.keys()) {
        const g = dictionary.groupOf(a, second);
        if (g >= 0) tryGroup(dictionary, keys, g, anchor, out);
      }
    }
  }
  return out;
}

/**
 * A term whose keys are a strict subset of another match's keys adds nothing ("pain" inside
 * "chest pain"), unless `keepBoth` says the longer code asks for the shorter one as well
 * (I12.0 "use additional code" for the N18.6 of "end stage renal disease").
 */
export function dropSubsumed(matches: TermMatch[], keepBoth?: (shorter: TermMatch, longer: TermMatch) => boolean): TermMatch[] {
  // Compared by token positions, so "renal disease" (read as kidney disease) sits inside "end stage renal disease".
  const spots = matches.map((m) => new Set(m.positions));
  return matches.filter((m, i) =>
    !matches.some((other, j) => {
      if (j === i) return false;
      const mine = spots[i]!;
      const theirs = spots[j]!;
      if (theirs.size < mine.size || (theirs.size === mine.size && other.term.keys.length <= m.term.keys.length)) return false;
      for (const p of mine) if (!theirs.has(p)) return false;
      return !keepBoth?.(m, other);
    }),
  );
}
