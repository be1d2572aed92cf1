// The analyzer's dictionary: every way the code set names a condition (index paths, long titles,
// inclusion terms) plus our lexicon, reduced to word keys and indexed by each term's rarest key,
// so a sentence only visits the terms that could possibly match it. Built once per index.
import type { CodesetIndex, IndexEntry } from '../codeset/api';
import { LEXICON } from './lexicon';
import { phraseKeys, stem, foldWord, withoutParentheses } from './terms';

export type TermSource = 'lexicon' | 'index' | 'title' | 'inclusion';

export interface DictionaryTerm {
  /** Distinct word keys that must all occur in the sentence. */
  keys: string[];
  /** Normalized ICD-10-CM code, possibly a category or a partial code the engine completes. */
  code: string;
  source: TermSource;
  /** Human-readable origin: index "Pneumonia > aspiration", title "...", lexicon "htn". */
  reason: string;
}

export interface Dictionary {
  terms: DictionaryTerm[];
  /** Rarest key -> indexes of the terms anchored on it. */
  byAnchor: Map<string, number[]>;
  /** Number of terms containing each key (a word's commonness in the code set). */
  keyFrequency: Map<string, number>;
}

// Main-term modifiers that are the default reading ("Fracture, traumatic" is just a fracture).
const DEFAULT_MODIFIERS = new Set(['traumatic', 'acquired', 'abrupt', 'closed', 'nontraumatic']);
// Longer titles never occur verbatim in notes; leaving them out keeps the dictionary small.
const MAX_KEYS = 9;
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

function indexPathKey(path: string): string {
  return foldWord(path).replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').replace(/ >/g, '>').replace(/> /g, '>').trim();
}

/** "Pain, abdominal" -> "pain>abdominal": how a `see` reference names an index path. */
function seeToPathKey(see: string): string {
  return foldWord(withoutParentheses(see)).split(/,\s*/).join('>').trim();
}

export class DictionaryBuilder {
  private readonly terms: DictionaryTerm[] = [];
  private readonly seen = new Set<string>();

  add(keys: string[], code: string, source: TermSource, reason: string): void {
    const distinct = [...new Set(keys)];
    if (distinct.length === 0 || distinct.length > MAX_KEYS || !code) return;
    const signature = `${distinct.slice().sort().join(' ')}|${code}`;
    if (this.seen.has(signature)) return;
    this.seen.add(signature);
    this.terms.push({ keys: distinct, code, source, reason });
  }

  build(): Dictionary {
    const keyFrequency = new Map<string, number>();
    for (const t of this.terms) for (const k of t.keys) keyFrequency.set(k, (keyFrequency.get(k) ?? 0) + 1);
    const byAnchor = new Map<string, number[]>();
    this.terms.forEach((t, i) => {
      let anchor = t.keys[0]!;
      for (const k of t.keys) if (keyFrequency.get(k)! < keyFrequency.get(anchor)!) anchor = k;
      const list = byAnchor.get(anchor);
      if (list) list.push(i);
      else byAnchor.set(anchor, [i]);
    });
    return { terms: this.terms, byAnchor, keyFrequency };
  }
}

function addIndexEntries(builder: DictionaryBuilder, entries: IndexEntry[]): void {
  const byPath = new Map<string, IndexEntry>();
  for (const e of entries) byPath.set(indexPathKey(e.path), e);
  for (const e of entries) {
    let code = e.code;
    let reason = `index "${e.path}"`;
    if (!code && e.see) {
      const target = byPath.get(seeToPathKey(e.see));
      if (!target?.code) continue;
      code = target.code;
      reason = `index "${e.path}" see "${e.see}"`;
    }
    if (!code || CATCH_ALL.test(e.term)) continue;
    const parts = e.path.split(' > ');
    const tail = parts.slice(1).flatMap((p) => phraseKeys(withoutParentheses(p)));
    for (const reading of mainTermReadings(parts[0]!)) builder.add([...phraseKeys(reading), ...tail], code, 'index', reason);
  }
}

/** Builds the dictionary from the code set in force; the analyzer caches it per index. */
export function buildDictionary(index: CodesetIndex): Dictionary {
  const builder = new DictionaryBuilder();
  for (const entry of LEXICON) if (entry.code) builder.add([stem(foldWord(entry.word))], entry.code.replace('.', ''), 'lexicon', `lexicon "${entry.word}"`);
  addIndexEntries(builder, index.allIndexEntries({ sources: ['index'] }));
  for (const c of index.allCodes('icd10cm')) {
    if (c.kind === 'chapter' || c.kind === 'section' || /^other\b/i.test(c.title)) continue;
    builder.add(phraseKeys(withoutParentheses(c.title)), c.normalized, 'title', `title "${c.title}"`);
  }
  for (const n of index.allNotes(['inclusionTerm'])) {
    const code = (n.code ?? n.from ?? '').replace('.', '').toUpperCase();
    builder.add(phraseKeys(withoutParentheses(n.text)), code, 'inclusion', `inclusion term "${n.text}" of ${code}`);
  }
  return builder.build();
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
