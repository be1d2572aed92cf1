// Accuracy metrics for `medcode eval`: micro precision/recall/F1 of the returned set, precision
// and recall at k, and MAP as CodiEsp defines it (trec_eval mean average precision: for each
// document, the mean of the precision at the rank of each gold code found, divided by the number
// of gold codes; averaged over documents). Gold codes absent from the loaded release stay in the
// denominators, so they count as misses.
import { icdCategory, icdDisplay, normalizeCode } from '../codes';

export interface EvalDocument {
  id: string;
  gold: string[];
  /** Ranked codes above the low (--all) threshold, best first. */
  ranked: string[];
  /** The set returned at the default threshold. */
  returned: string[];
}

export interface LevelMetrics {
  precision: number;
  recall: number;
  f1: number;
  map: number;
  atK: Record<string, { precision: number; recall: number }>;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface EvalReport {
  documents: number;
  goldCodes: number;
  code: LevelMetrics;
  category: LevelMetrics;
}

function distinct(codes: string[]): string[] {
  return [...new Set(codes)];
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * CodiEsp gold (CIE-10-ES 2018) leaves out the 7th character and its X placeholders (T14.90 for
 * T14.90XA). `withoutExtension` returns that shortened form for codes carrying a 7th-character
 * extension; a suggestion then counts as the gold code it equals once shortened.
 */
export type ExtensionStripper = (code: string) => string | undefined;

function level(docs: EvalDocument[], ks: number[], map: (c: string) => string, strip?: ExtensionStripper): LevelMetrics {
  let tp = 0, fp = 0, fn = 0, apSum = 0;
  const atK = new Map<number, { p: number; r: number }>(ks.map((k) => [k, { p: 0, r: 0 }]));
  for (const d of docs) {
    const gold = new Set(d.gold.map(map));
    const align = (c: string): string => {
      if (gold.has(map(c)) || !strip) return map(c);
      const short = strip(c);
      return short !== undefined && gold.has(map(short)) ? map(short) : map(c);
    };
    const returned = distinct(d.returned.map(align));
    const ranked = distinct(d.ranked.map(align));
    for (const c of returned) if (gold.has(c)) tp++; else fp++;
    for (const c of gold) if (!returned.includes(c)) fn++;
    let hits = 0, ap = 0;
    ranked.forEach((c, i) => {
      if (gold.has(c)) {
        hits++;
        ap += hits / (i + 1);
      }
    });
    apSum += gold.size > 0 ? ap / gold.size : 0;
    for (const k of ks) {
      const top = ranked.slice(0, k);
      const h = top.filter((c) => gold.has(c)).length;
      const acc = atK.get(k)!;
      acc.p += h / k;
      acc.r += gold.size > 0 ? h / gold.size : 0;
    }
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const n = Math.max(1, docs.length);
  return {
    precision: round(precision), recall: round(recall), f1: round(f1), map: round(apSum / n),
    atK: Object.fromEntries(ks.map((k) => [String(k), { precision: round(atK.get(k)!.p / n), recall: round(atK.get(k)!.r / n) }])),
    truePositives: tp, falsePositives: fp, falseNegatives: fn,
  };
}

export function evaluate(docs: EvalDocument[], ks: number[] = [1, 3, 5, 10], strip?: ExtensionStripper): EvalReport {
  return {
    documents: docs.length,
    goldCodes: docs.reduce((n, d) => n + new Set(d.gold.map(icdDisplay)).size, 0),
    code: level(docs, ks, icdDisplay, strip),
    category: level(docs, ks, icdCategory),
  };
}

/** Drops a 7th character and the X placeholders before it: T14.90XA -> T14.90, S52.501A -> S52.501. */
export function stripSeventhCharacter(code: string): string | undefined {
  const c = normalizeCode(code);
  if (c.length !== 7) return undefined;
  return icdDisplay(c.slice(0, 6).replace(/X+$/, ''));
}
