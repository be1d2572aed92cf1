// The Neoplasm Table: a site named near a behaviour word ("metastasis", "carcinoma", "benign",
// "tumor") takes the code of the table column for that behaviour (C78.7 for liver metastases,
// C64.9 for a kidney carcinoma, D49.59 for a kidney tumor of unspecified behaviour).
import type { CodesetIndex } from '../codeset/api';
import { DictionaryBuilder, type Dictionary, type DictionaryTerm } from './dictionary';
import { matchSentence, type SentenceKeys, type TermMatch } from './matcher';
import { phraseKeys, stem, withoutParentheses } from './terms';

type Behaviour = 'malignantSecondary' | 'caInSitu' | 'malignantPrimary' | 'benign' | 'unspecifiedBehavior';

// Checked in this order: the first behaviour whose cue occurs wins.
const BEHAVIOUR_CUES: [Behaviour, string[]][] = [
  ['malignantSecondary', ['metastasis', 'metastatic', 'metastasize', 'metastasized', 'secondary']],
  ['caInSitu', ['situ']],
  ['malignantPrimary', ['carcinoma', 'cancer', 'malignant', 'malignancy', 'adenocarcinoma', 'sarcoma', 'carcinomatosis', 'neoplasia']],
  ['benign', ['benign', 'adenoma']],
  ['unspecifiedBehavior', ['tumor', 'neoplasm']],
];

const LABEL: Record<Behaviour, string> = {
  malignantSecondary: 'malignant secondary', caInSitu: 'in situ', malignantPrimary: 'malignant primary',
  benign: 'benign', unspecifiedBehavior: 'unspecified behavior',
};

// Table rows that describe the growth, not where it is ("cystic", "metastatic NEC").
const NOT_A_SITE = /^(cystic|metastatic|unknown|channel)\b|channel/i;

export interface NeoplasmTable {
  sites: Dictionary;
  codes: Record<string, string>[];
  paths: string[];
}

export function buildNeoplasmTable(index: CodesetIndex): NeoplasmTable {
  const builder = new DictionaryBuilder();
  const codes: Record<string, string>[] = [];
  const paths: string[] = [];
  for (const e of index.allIndexEntries({ sources: ['neoplasm'] })) {
    if (!e.codes || Object.keys(e.codes).length === 0 || NOT_A_SITE.test(e.term)) continue;
    const parts = e.path.split(' > ').filter((p, i) => !(i === 0 && /^neoplasm/i.test(p)));
    if (parts.length === 0) continue;
    const keys = parts.flatMap((p) => phraseKeys(withoutParentheses(p.split(/,\s*/)[0]!)));
    const id = String(codes.length);
    codes.push(e.codes);
    paths.push(e.path);
    builder.add(keys, id, 'index', e.path);
  }
  return { sites: builder.build(), codes, paths };
}

// The cues' keys, stemmed once (every sentence of every note asks for them).
let behaviourKeys: [Behaviour, string][] | undefined;

// "secondary to" states a cause ("pain secondary to inflammation of the esophagus"): it is not
// the secondary (metastatic) column.
const CAUSAL = /^\s+to\b/i;

function behaviourOf(keys: SentenceKeys, text: string | undefined): { behaviour: Behaviour; position: number } | undefined {
  behaviourKeys ??= BEHAVIOUR_CUES.flatMap(([behaviour, cues]) => cues.map((cue): [Behaviour, string] => [behaviour, stem(cue)]));
  for (const [behaviour, key] of behaviourKeys) {
    const at = keys.positions.get(key);
    if (!at) continue;
    const position = behaviour === 'malignantSecondary' && text !== undefined ? at.find((p) => !CAUSAL.test(text.slice(keys.spans[p]!.end, keys.spans[p]!.end + 4))) : at[0];
    if (position !== undefined) return { behaviour, position };
  }
  return undefined;
}

/** Neoplasm-table terms for the sentence, as ordinary matches carrying the column's code. */
export function matchNeoplasms(table: NeoplasmTable, keys: SentenceKeys, text?: string): TermMatch[] {
  const found = behaviourOf(keys, text);
  if (!found) return [];
  const out: TermMatch[] = [];
  for (const m of matchSentence(table.sites, keys)) {
    const id = Number(m.term.code);
    const code = table.codes[id]?.[found.behaviour];
    if (!code || code === '-') continue;
    // The site must sit near the behaviour word, not anywhere in a long sentence.
    if (Math.min(...m.positions.map((p) => Math.abs(p - found.position))) > 6) continue;
    const term: DictionaryTerm = {
      keys: [...m.term.keys, 'neoplasm'],
      code: code.replace(/[.-]/g, ''),
      source: 'neoplasm',
      reason: `neoplasm table "${table.paths[id]}" (${LABEL[found.behaviour]})`,
    };
    const span = keys.spans[found.position]!;
    out.push({ term, termIndex: -1 - id, positions: [...m.positions, found.position], evidence: [...m.evidence, span].sort((a, b) => a.start - b.start) });
  }
  return out;
}

const cache = new WeakMap<CodesetIndex, NeoplasmTable>();
export function neoplasmTableFor(index: CodesetIndex): NeoplasmTable {
  let t = cache.get(index);
  if (!t) {
    t = buildNeoplasmTable(index);
    cache.set(index, t);
  }
  return t;
}
