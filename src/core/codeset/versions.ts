// Which set answers a question on a date. Official releases come in pieces (order file, tabular,
// index, tables), sometimes of different years, so each kind of content is resolved on its own:
// the set in force on the date that carries that content, else the nearest earlier one, else the
// nearest later one. Without a date: the latest that carries it.
import type { CodesetInfo } from './api';
import type { ImportKind } from '../importers/types';

export type Content = 'codes' | 'notes' | 'index' | 'drug' | 'neoplasm' | 'eindex' | 'edits';

const CONTENT_KINDS: Record<Content, ImportKind[] | undefined> = {
  codes: undefined,
  notes: ['icd10cm-tabular-xml'],
  index: ['icd10cm-index-xml', 'icd10cm-index-csv'],
  drug: ['icd10cm-drug-xml'],
  neoplasm: ['icd10cm-neoplasm-xml'],
  eindex: ['icd10cm-eindex-xml'],
  edits: undefined,
};

/** ICD-10-CM code lists come from the order file; other pieces (titles CSVs, one-chapter tabular) are partial. */
const ICD_CODE_LIST_KINDS: ImportKind[] = ['icd10cm-order-txt', 'icd10cm-order-csv'];

export function carries(set: CodesetInfo, content: Content): boolean {
  const kinds = set.sources.map((s) => s.kind);
  if (content === 'codes') {
    if (set.system === 'icd10cm') return kinds.some((k) => ICD_CODE_LIST_KINDS.includes(k));
    return (set.counts.codes ?? 0) > 0;
  }
  if (content === 'notes') return kinds.some((k) => CONTENT_KINDS.notes!.includes(k));
  const wanted = CONTENT_KINDS[content];
  return wanted ? kinds.some((k) => wanted.includes(k)) : true;
}

export function inForce(set: CodesetInfo, date: string): boolean {
  return (!set.effectiveFrom || set.effectiveFrom <= date) && (!set.effectiveTo || set.effectiveTo >= date);
}

/** Sets ordered by preference for `date` (see the file comment). */
export function preferenceOrder(sets: CodesetInfo[], date?: string): CodesetInfo[] {
  const byFromDesc = [...sets].sort((a, b) => (b.effectiveFrom ?? '').localeCompare(a.effectiveFrom ?? '') || b.id - a.id);
  if (!date) return byFromDesc;
  const current = byFromDesc.filter((s) => inForce(s, date));
  const earlier = byFromDesc.filter((s) => !inForce(s, date) && (s.effectiveFrom ?? '') <= date);
  const later = byFromDesc.filter((s) => !inForce(s, date) && (s.effectiveFrom ?? '') > date).reverse();
  return [...current, ...earlier, ...later];
}

/** A tabular cut to a few chapters answers only for its chapters: whole tabulars come first. */
export function notesOrder(sets: CodesetInfo[], date?: string): CodesetInfo[] {
  const ordered = preferenceOrder(sets.filter((s) => carries(s, 'notes')), date);
  const whole = ordered.filter((s) => (s.counts.chapters ?? 0) >= 15);
  return [...whole, ...ordered.filter((s) => !whole.includes(s))];
}

/** Best set carrying `content`; with `strict`, only a set in force on the date qualifies. */
export function pickSet(sets: CodesetInfo[], content: Content, date?: string, strict = false): CodesetInfo | undefined {
  const ordered = content === 'notes' ? notesOrder(sets, date) : preferenceOrder(sets.filter((s) => carries(s, content)), date);
  const first = ordered[0];
  if (strict && date && first && !inForce(first, date)) return undefined;
  return first;
}
