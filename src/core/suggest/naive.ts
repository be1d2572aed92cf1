// The naive baseline the benchmark compares against: every index path and title, as a phrase,
// searched for in the whole note text, with no context (negation, history) and no specificity
// walk beyond the unspecified billable code. It shows what the token-anchored matcher buys.
import type { CodesetIndex } from '../codeset/api';
import { foldWord, withoutParentheses } from './terms';
import { SpecificityResolver } from './specificity';

export interface NaivePhrase { phrase: string; code: string }

export function buildNaivePhrases(index: CodesetIndex): NaivePhrase[] {
  const out: NaivePhrase[] = [];
  const norm = (s: string) => foldWord(withoutParentheses(s)).replace(/[^a-z0-9]+/g, ' ').trim();
  for (const e of index.allIndexEntries({ sources: ['index'] })) {
    if (!e.code) continue;
    const parts = e.path.split(' > ').map((p) => norm(p.split(',')[0]!));
    out.push({ phrase: parts.join(' '), code: e.code });
    if (parts.length > 1) out.push({ phrase: [...parts.slice(1).reverse(), parts[0]].join(' '), code: e.code });
  }
  for (const c of index.allCodes('icd10cm')) out.push({ phrase: norm(c.title), code: c.normalized });
  return out.filter((p) => p.phrase.length >= 4);
}

/** Codes whose phrase occurs anywhere in the note, as whole words; unscored, unranked. */
export function naiveSuggest(phrases: NaivePhrase[], resolver: SpecificityResolver, text: string): string[] {
  const hay = ` ${foldWord(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const found = new Set<string>();
  for (const p of phrases) {
    if (!hay.includes(` ${p.phrase} `)) continue;
    const r = resolver.resolve(p.code, new Set());
    if (r) found.add(r.record.code);
  }
  return [...found];
}
