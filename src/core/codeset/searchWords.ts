// Word analysis for code search: one normalization for what the coder types and for what the
// code sets say (titles, inclusion terms, index paths), plus how much each word of a code's text
// makes that code more specific than the query. A generic query ("pneumonia") should land on the
// code whose text adds nothing the coder did not say; words that add nothing (nonessential
// modifiers in parentheses, "unspecified ...", alternatives after "or") cost nothing.
import { IRREGULAR_PLURALS, americanSpelling } from './spelling';

/** Connectors: never indexed, never required. */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'and', 'with', 'in', 'to', 'for', 'on', 'or', 'at', 'by', 'as', 'is', 'from', 'into', 'nos', 's', 'pt', 'patient', 'dx',
]);

/** Words saying the code is "not the default": lose to the unspecified code on a generic query. */
const OTHER_WORDS = new Set(['other', 'specified', 'nec', 'elsewhere', 'classified', 'oth']);
/** Words naming the default state or a neutral qualifier of the title. */
const DEFAULT_STATE_WORDS = new Map(Object.entries({
  unspecified: 0, unsp: 0, uncomplicated: 0.1, closed: 0.1, initial: 0.1, encounter: 0.1, type: 0.3, per: 0.2, each: 0.2,
  site: 0.2, mg: 0.2, ml: 0.2, mcg: 0.2, gm: 0.2, unit: 0.2, units: 0.2, up: 0.2, single: 0.3, dose: 0.3,
}));
const OTHER_WEIGHT = 0.4;
/** Words that change what a condition is, not only where or how: a query that does not say them means the other kind. */
const NATURE_WORDS = new Set(['secondary']);
const NATURE_WEIGHT = 1.5;
/** Longest "N through M" range whose numbers in between are read as said ("stage 1 through stage 4" holds stage 3). */
const MAX_RANGE = 10;
const ALTERNATIVE_WEIGHT = 0.2;
const NUMBER_WEIGHT = 0.3;
const UNSAID_WEIGHT = 0.5;
/** Words of a "without ..." or "not ..." clause. */
const NEGATION_WEIGHT = 0.1;
const MAIN_TERM_FORM_WEIGHT = 0.2;

const KEEP_S = /(?:ss|us|is|ys|as|os|ous|pes)$/;
// Derivational endings folded only to decide that two words are forms of one another
// (asthma/asthmatic, diabetes/diabetic, hypertension/hypertensive); never used to require a match.
const DERIVATIONS = ['ations', 'ation', 'ically', 'ical', 'atic', 'ious', 'ive', 'ion', 'ous', 'ial', 'ics', 'ic', 'ia', 'al', 'ed', 'ing', 'es', 'y', 'a', 'e'];

/** Lower case, accents folded. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Plural forms and British spellings folded: "fractures" -> "fracture", "ovaries" -> "ovary",
 * "varices" -> "varix", "oesophagitis" -> "esophagitis" (the analyzer's word keys fold the same
 * ones); Latin endings kept.
 */
export function stem(word: string): string {
  const w = americanSpelling(word);
  if (w.length <= 3 || /^\d/.test(w)) return w;
  const irregular = IRREGULAR_PLURALS.get(w);
  if (irregular) return irregular;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.length > 6 && /(?:tases|oses|yses)$/.test(w)) return `${w.slice(0, -2)}is`;
  if (/(?:ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !KEEP_S.test(w)) return w.slice(0, -1);
  return w;
}

/** The root two forms of one word share (at least 4 letters), or the stem itself. */
export function root(stemmed: string): string {
  if (stemmed.length < 6 || /^\d/.test(stemmed)) return stemmed;
  for (const end of DERIVATIONS) {
    if (stemmed.endsWith(end) && stemmed.length - end.length >= 4) return stemmed.slice(0, -end.length);
  }
  return stemmed;
}

/**
 * Calls `emit` with each word of a code-set text (raw, lower case) and what it costs when the
 * query does not say it (1 = a specific word). For index paths (`indexPath`), the words after the
 * first comma of the main term are its other forms or a broad qualifier ("Asthma, asthmatic",
 * "Failure, failed"), not specifics. A range "stage 1 through stage 4" also holds the numbers
 * in between (said at no cost), so "stage 3" finds it.
 */
export function analyze(text: string, indexPath: boolean, emit: (word: string, weight: number) => void): void {
  const s = ASCII.test(text) ? text.toLowerCase() : fold(text);
  let depth = 0;
  let afterOr = false;
  let afterUnspecified = false;
  let afterWithout = false;
  let segment = 0;
  let commaInSegment = false;
  let lastNumber = -1;
  let afterThrough = false;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      const t = s.slice(i, j);
      i = j;
      if (t === 'or') { afterOr = true; continue; }
      if (t === 'through' && lastNumber >= 0) { afterThrough = true; continue; }
      if (c <= 57 && /^\d+$/.test(t)) {
        const n = Number(t);
        if (afterThrough && n > lastNumber && n - lastNumber <= MAX_RANGE) for (let k = lastNumber + 1; k < n; k++) emit(String(k), 0);
        lastNumber = n;
        afterThrough = false;
      }
      if (STOP_WORDS.has(t)) continue;
      if (t === 'without' || t === 'not') {
        // "without complications", "not intractable": the code names the plain case.
        afterWithout = true;
        emit(t, NEGATION_WEIGHT);
        continue;
      }
      let weight = 1;
      const stateWeight = DEFAULT_STATE_WORDS.get(t);
      if (depth > 0) weight = 0; // nonessential modifier
      else if (stateWeight !== undefined) weight = stateWeight;
      else if (OTHER_WORDS.has(t)) weight = OTHER_WEIGHT;
      else if (NATURE_WORDS.has(t)) weight = NATURE_WEIGHT;
      else if (c <= 57) weight = NUMBER_WEIGHT;
      else if (afterWithout) weight = NEGATION_WEIGHT;
      else if (afterUnspecified) weight = UNSAID_WEIGHT; // "unspecified organism": which organism is not said
      else if (afterOr) weight = ALTERNATIVE_WEIGHT;
      else if (indexPath && segment === 0 && commaInSegment) weight = MAIN_TERM_FORM_WEIGHT;
      afterUnspecified = t === 'unspecified' || t === 'unsp';
      emit(t, weight);
      continue;
    }
    if (c === 40 || c === 91) depth++; // ( [
    else if (c === 41 || c === 93) depth = Math.max(0, depth - 1); // ) ]
    else if (c === 62) { segment++; commaInSegment = false; afterOr = false; afterUnspecified = false; afterWithout = false; lastNumber = -1; afterThrough = false; } // >
    else if (c === 44 || c === 59 || c === 58) { commaInSegment = true; afterOr = false; afterUnspecified = false; afterWithout = false; lastNumber = -1; afterThrough = false; } // , ; :
    i++;
  }
}

const ASCII = /^[\x00-\x7f]*$/;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Words of a query, normalized like the code-set texts, connectors and repeats dropped. */
export function queryWords(text: string): string[] {
  const s = fold(text).replace(/\bw\/o\b/g, ' without ').replace(/\bw\//g, ' with ');
  return [...new Set((s.match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w)).map(stem))];
}

const MAX_WORD = 64;
let rowA = new Int32Array(MAX_WORD + 1);
let rowB = new Int32Array(MAX_WORD + 1);
let rowC = new Int32Array(MAX_WORD + 1);

/** Optimal string alignment distance, or `max + 1` as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > MAX_WORD || b.length > MAX_WORD) return a === b ? 0 : max + 1;
  const n = b.length;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  [rowA, rowB, rowC] = [prev2, prev, cur];
  return prev[n]!;
}
