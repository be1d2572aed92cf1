// A search query that names several conditions ("htn ckd stage 3", "cad s/p cabg", "breast cancer
// metastatic to bone"): where to split it, and how the parts' codes are listed together. The
// searching itself is search.ts's; this file only chooses and orders.
import { queryUnits, type QueryUnit } from './synonyms';
import { queryWords } from './searchWords';

/** Most units (words, or phrases we know) a query may have to be split. */
const MAX_UNITS = 8;
/** Most parts a query is split into. */
const MAX_PARTS = 3;
/** Combination codes listed before the parts' own codes. */
const MAX_COMBINATIONS = 2;

export interface ConceptUnit extends QueryUnit {
  /** The unit's search words (stems). */
  tokens: string[];
}

/** What search needs of a ranked code here. */
export interface RankedCode {
  /** The code's id in the word index (one per system and code). */
  c: number;
  score: number;
  concept?: string;
}

/** One part of a split query. */
export interface Segment {
  /** Its units: [from, to) of the query's. */
  from: number;
  to: number;
  /** The part as typed. */
  said: string;
  tokens: string[];
  /** Its units' tokens, unit by unit. */
  units: string[][];
  /** The fewest words that a text naming the part adds to what was typed (0: a text says exactly this part). */
  cost: number;
  /** The best score of such a text. */
  best: number;
}

/** A part with its codes, best first. */
export interface Searched<T extends RankedCode> extends Segment {
  hits: T[];
}

/** Codes of index entries joining the parts, and which parts they wholly cover. */
export interface ConceptHits<T extends RankedCode> {
  hits: T[];
  absorbed: boolean[];
}

/** The query's units that carry search words (connectors such as "to" dropped), or none when the query is too long to split. */
export function conceptUnits(query: string): ConceptUnit[] {
  const units = queryUnits(query).map((u) => ({ ...u, tokens: queryWords(u.means) })).filter((u) => u.tokens.length > 0);
  return units.length >= 2 && units.length <= MAX_UNITS ? units : [];
}

/**
 * The split of `n` units into consecutive parts that each name a condition (`evaluate(from, to)`,
 * null when the part does not): the fewest parts (2 or 3), then the lowest summed cost (parts
 * whose texts say just what was typed), then the highest summed best score. Undefined when no split works.
 */
export function bestPartition(n: number, evaluate: (from: number, to: number) => Segment | null): Segment[] | undefined {
  if (n < 2) return undefined;
  for (let parts = 2; parts <= Math.min(MAX_PARTS, n); parts++) {
    let best: Segment[] | undefined;
    let bestCost = Infinity;
    let bestScore = -Infinity;
    for (const cuts of cutPoints(n, parts - 1)) {
      const bounds = [0, ...cuts, n];
      const segments: Segment[] = [];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const s = evaluate(bounds[i]!, bounds[i + 1]!);
        if (!s) break;
        segments.push(s);
      }
      if (segments.length !== parts) continue;
      const cost = segments.reduce((sum, s) => sum + s.cost, 0);
      const score = segments.reduce((sum, s) => sum + s.best, 0);
      if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) <= 1e-9 && score > bestScore)) {
        best = segments;
        bestCost = cost;
        bestScore = score;
      }
    }
    if (best) return best;
  }
  return undefined;
}

/** Increasing cut positions (1..n-1), `k` of them. */
function* cutPoints(n: number, k: number, from = 1): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++) for (const rest of cutPoints(n, k - 1, i + 1)) yield [i, ...rest];
}

/**
 * The codes of a split query in the order a coder reads them: the combination codes joining the
 * parts; then each part's best code, first those a combination's notes ask to add (`asked`: "use
 * additional code to identify the stage"), then parts no combination covers, then the parts it
 * covers; then the parts' other codes in turn. Each code says which part it answers; a code appears once.
 */
export function mergeConcepts<T extends RankedCode>(segments: Searched<T>[], combinations: ConceptHits<T>, limit: number, asked: (combination: T, code: T) => boolean): T[] {
  const out: T[] = [];
  const seen = new Set<number>();
  const add = (hit: T, concept: string): void => {
    if (out.length >= limit || seen.has(hit.c)) return;
    seen.add(hit.c);
    out.push({ ...hit, concept });
  };
  const joined = segments.map((s) => s.said).join(' + ');
  const combos = combinations.hits.slice(0, MAX_COMBINATIONS);
  for (const hit of combos) add(hit, joined);
  const rank = (s: Searched<T>, i: number): number => (s.hits[0] && combos.some((c) => asked(c, s.hits[0]!)) ? 0 : combinations.absorbed[i] ? 2 : 1);
  const order = segments.map((s, i) => ({ s, rank: rank(s, i) })).sort((a, b) => a.rank - b.rank).map(({ s }) => s);
  const longest = Math.max(...segments.map((s) => s.hits.length));
  for (let k = 0; k < longest; k++) for (const s of order) if (s.hits[k]) add(s.hits[k]!, s.said);
  return out;
}
