// The analyzer's dictionary: every way the code set names a condition (index paths, long titles,
// inclusion terms) plus our lexicon, reduced to word keys and indexed by each term's rarest key,
// so a sentence only visits the terms that could possibly match it. Built once per index.
import type { CodesetIndex, IndexEntry } from '../codeset/api';
import { LEXICON, LEXICON_PHRASES } from './lexicon';
import { phraseKeys, stem, foldWord, withoutParentheses } from './terms';
import { Dictionary, TermTableBuilder, type TermSource } from './termTable';
import { normalizeCode } from '../codes';

export { Dictionary, type DictionaryTerm, type TermSource } from './termTable';

// Main-term modifiers that are the default reading ("Fracture, traumatic" is just a fracture).
const DEFAULT_MODIFIERS = new Set(['traumatic', 'acquired', 'abrupt', 'closed', 'nontraumatic']);
// Longer titles never occur verbatim in notes; leaving them out keeps the dictionary small.
const MAX_KEYS = 9;
// Main terms that name a growth of the skin, whose "skin" subterm the note need not repeat.
const SKIN_GROWTH = /^(melanoma|nevus|lentigo|keratosis)\b/i;
// "specified NEC" subterms are residual categories: their words never name them in a note.
const CATCH_ALL = /^(specified|other)\b/i;

/** "Abdomen, abdominal" -> ["Abdomen", "abdominal"] (alternatives); "Fracture, traumatic" -> ["Fracture"]. */
export function mainTermReadings(term: string): string[] {
  const plain = withoutParentheses(term);
  const parts = plain.split(/,\s*/).filter((p) => p.length > 0);
  if (parts.length <= 1) return [plain];
  const head = parts[0]!;
  const prefix = foldWord(head).slice(0, 4);
  const alternatives = [head];
  const modifiers: string[] = [];
  for (const p of parts.slice(1)) {
    if (foldWord(p).startsWith(prefix)) alternatives.push(p);
    else if (!DEFAULT_MODIFIERS.has(foldWord(p))) modifiers.push(p);
  }
  return alternatives.map((a) => [a, ...modifiers].join(' '));
}

const CONNECTORS = new Set(['with', 'without', 'due', 'to', 'in', 'of', 'and', 'or', 'by', 'from', 'on', 'the', 'a', 'an', 'for', 'at', 'as', 'nec', 'nos', 'specified', 'unspecified', 'type', 'other', 'site', 'any']);

function isConnector(subterm: string): boolean {
  const words = foldWord(withoutParentheses(subterm)).match(/[a-z0-9]+/g) ?? [];
  return words.every((w) => CONNECTORS.has(w));
}

// Words that are index main terms but, alone in a note, almost never mean the condition
// ("old", "examination", "test"): a one-word match on them is not evidence.
const GENERIC_WORDS = new Set([
  'old', 'examination', 'exam', 'follow', 'test', 'symptom', 'nerve', 'plus', 'may', 'gas', 'scale', 'cold',
  'exposure', 'use', 'defect', 'anesthesia', 'status', 'problem', 'finding', 'complaint', 'observation', 'care',
  'state', 'carrier', 'donor', 'contact', 'admission', 'dependence', 'history', 'pregnancy', 'delivery', 'birth',
  'screening', 'counseling', 'encounter', 'visit', 'procedure', 'surgery', 'operation', 'treatment', 'therapy',
  'condition', 'change', 'effect', 'reaction', 'complication', 'abnormal', 'abnormality', 'disorder', 'hypertrophy',
  'failure', 'insufficiency', 'elevated', 'high', 'low', 'decreased', 'increased', 'loss', 'absence', 'presence',
  'positive', 'negative', 'level', 'result', 'growth', 'stricture', 'obstruction', 'injury', 'wound', 'accident',
  'fall', 'late', 'long', 'short', 'multiple', 'single', 'primary', 'secondary', 'atypical', 'acute', 'chronic',
  'problem', 'difficulty', 'dysfunction', 'deficiency', 'excess', 'irregular', 'disturbance', 'tension', 'stress',
  'sensitive', 'sensitivity', 'sinus', 'ffa', 'middle', 'analgesia', 'tac', 'pres', 'pre', 'post', 'toxic', 'reflex', 'death', 'consumption', 'diuresis',
  'granulation', 'heat', 'clot', 'adhesion', 'sequestration', 'resistance', 'resistant', 'culture', 'colony', 'tolerance',
  'tumor', 'neoplasm', 'syndrome', 'worker', 'up', 'drug', 'laboratory', 'medication', 'site', 'body', 'region', 'hanging', 'drowning', 'arrest', 'block', 'mole', 'sequelae',
]);

function singleWordCodable(key: string, code: string): boolean {
  return !GENERIC_WORDS.has(key) && !/^[VWXYZ]/.test(code) && key.length > 2;
}

/** A term made only of generic or tiny words ("follow up", "use drug") is never evidence on its own. */
function informative(keys: string[]): boolean {
  return keys.some((k) => !GENERIC_WORDS.has(k) && k.length > 2 && !/^\d/.test(k));
}

// Main terms for encounters and administrative situations: their subterms name visits, not conditions.
const ADMINISTRATIVE_MAIN_TERMS = /^(examination|follow-up|test|admission|encounter|screening|observation|aftercare|counseling|status|use|problem|findings|cancer|history|long-term|presence|absence|replacement|fitting|visit|exposure|contact)\b/i;

function indexPathKey(path: string): string {
  return foldWord(path).replace(/\([^)]*\)/g, '').replace(/\bnec\b/g, '').replace(/\s+/g, ' ').replace(/ *> */g, '>').trim();
}

/** "Pain, abdominal" -> "pain>abdominal": how a `see` reference names an index path. */
function seeToPathKey(see: string): string {
  return foldWord(withoutParentheses(see)).replace(/\bnec\b/g, '').split(/\s*,\s*/).join('>').replace(/\s+/g, ' ').trim();
}

export class DictionaryBuilder {
  private readonly table = new TermTableBuilder();

  add(keys: string[], code: string, source: TermSource, reason: string): void {
    const distinct = [...new Set(keys)];
    if (source !== 'lexicon' && !informative(distinct)) return;
    if (distinct.length === 0 || distinct.length > MAX_KEYS || !code) return;
    this.table.add(distinct, code, source, reason);
  }

  build(): Dictionary {
    return this.table.build();
  }

  buildSteps(): Generator<void, Dictionary> {
    return this.table.buildSteps();
  }
}

/** How many code-set rows the dictionary reads between two pauses (see dictionarySteps). */
const ROWS_PER_STEP = 500;

function* addIndexEntries(builder: DictionaryBuilder, entries: () => Iterable<IndexEntry>): Generator<void> {
  // Path components repeat thousands of times ("left", "initial encounter"): read each once.
  const keysMemo = new Map<string, string[]>();
  const readingsMemo = new Map<string, string[][]>();
  const componentKeys = (part: string): string[] => {
    let k = keysMemo.get(part);
    if (!k) keysMemo.set(part, (k = phraseKeys(withoutParentheses(part))));
    return k;
  };
  const componentReadings = (part: string): string[][] => {
    let r = readingsMemo.get(part);
    if (!r) readingsMemo.set(part, (r = mainTermReadings(part).map(phraseKeys)));
    return r;
  };
  // Index path -> the code of the last entry with that path ('' when it has none); read in a first pass.
  const byPath = new Map<string, string>();
  let rows = 0;
  for (const e of entries()) {
    const key = indexPathKey(e.path);
    byPath.set(key, e.code ?? '');
    // "see Gangrene" names the main term "Gangrene, gangrenous" by its head word.
    const [main, ...rest] = key.split('>');
    const head = main!.split(',')[0]!.trim();
    const short = [head, ...rest].join('>');
    if (!byPath.has(short)) byPath.set(short, e.code ?? '');
    if (++rows % ROWS_PER_STEP === 0) yield;
  }
  for (const e of entries()) {
    if (++rows % ROWS_PER_STEP === 0) yield;
    let code = e.code;
    let reason = `index "${e.path}"`;
    // A term without its own code borrows the code of the entry it refers to ("see", then "see also").
    for (const [label, ref] of [['see', e.see], ['see also', e.seeAlso]] as const) {
      if (code || !ref) continue;
      const target = byPath.get(seeToPathKey(ref));
      if (!target) continue;
      code = target;
      reason = `index "${e.path}" ${label} "${ref}"`;
    }
    if (!code || CATCH_ALL.test(e.term) || /unspecified site/i.test(e.path) || ADMINISTRATIVE_MAIN_TERMS.test(e.path)) continue;
    const parts = e.path.split(' > ');
    // A subterm made only of words we cannot match ("His", "A") would leave a shorter term that means something else.
    if (parts.slice(1).some((p) => componentKeys(p).length === 0 && !isConnector(p))) continue;
    // Every component may list alternative forms ("myocardium, myocardial"): one term per combination.
    let readings: string[][] = [[]];
    for (const part of parts) {
      const alternatives = componentReadings(part);
      readings = readings.flatMap((r) => alternatives.map((a) => [...r, ...a])).slice(0, 8);
    }
    // A skin growth named by its main term is on the skin: "melanoma of the back" is
    // "Melanoma > skin > back" without the word "skin".
    if (parts.length >= 3 && SKIN_GROWTH.test(parts[0]!) && foldWord(parts[1]!) === 'skin') {
      const skin = new Set(componentKeys(parts[1]!));
      readings = [...readings, ...readings.map((r) => r.filter((k) => !skin.has(k)))].slice(0, 16);
    }
    for (const keys of readings) {
      if (keys.length === 1 && !singleWordCodable(keys[0]!, code)) continue;
      builder.add(keys, code, 'index', reason);
    }
  }
}

/**
 * Builds the dictionary from the code set in force, pausing (yielding) every few thousand rows so
 * a caller on an event loop can build it in slices; run to the end it returns the dictionary.
 * The code set is read row by row, never held whole.
 */
export function* dictionarySteps(index: CodesetIndex): Generator<void, Dictionary> {
  const builder = new DictionaryBuilder();
  for (const entry of LEXICON) if (entry.code) builder.add([stem(foldWord(entry.word))], normalizeCode(entry.code), 'lexicon', `lexicon "${entry.word}"`);
  for (const p of LEXICON_PHRASES) builder.add(phraseKeys(p.words), normalizeCode(p.code), 'lexicon', `lexicon "${p.words}"`);
  yield* addIndexEntries(builder, () => index.eachIndexEntry({ sources: ['index'] }));
  let rows = 0;
  for (const c of index.eachCode('icd10cm')) {
    if (++rows % ROWS_PER_STEP === 0) yield;
    if (c.kind === 'chapter' || c.kind === 'section' || /\bother\b/i.test(c.title)) continue;
    const keys = phraseKeys(withoutParentheses(c.title));
    if (keys.length === 1 && !singleWordCodable(keys[0]!, c.normalized)) continue;
    builder.add(keys, c.normalized, 'title', `title "${c.title}"`);
  }
  for (const n of index.eachNote(['inclusionTerm'])) {
    if (++rows % ROWS_PER_STEP === 0) yield;
    if (/unspecified site/i.test(n.text)) continue;
    const code = normalizeCode(n.code ?? n.from ?? '');
    const keys = phraseKeys(withoutParentheses(n.text));
    if (keys.length === 1 && !singleWordCodable(keys[0]!, code)) continue;
    builder.add(keys, code, 'inclusion', `inclusion term "${n.text}" of ${code}`);
  }
  yield;
  return yield* builder.buildSteps();
}

/** Runs a step generator to its end. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Builds the dictionary from the code set in force; the analyzer caches it per index. */
export function buildDictionary(index: CodesetIndex): Dictionary {
  return runSteps(dictionarySteps(index));
}

const cache = new WeakMap<CodesetIndex, Dictionary>();

export function dictionaryFor(index: CodesetIndex): Dictionary {
  let d = cache.get(index);
  if (!d) {
    d = buildDictionary(index);
    cache.set(index, d);
  }
  return d;
}

/** Keeps a dictionary built elsewhere (in slices, or read from a saved copy) as the one for `index`. */
export function setDictionary(index: CodesetIndex, dictionary: Dictionary): void {
  cache.set(index, dictionary);
}

/** The dictionary of `index` if it is built already. */
export function builtDictionary(index: CodesetIndex): Dictionary | undefined {
  return cache.get(index);
}
