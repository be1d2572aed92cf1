// Codes a coder may pick instead of a suggestion: billable children of a header code, siblings
// when the note leaves specificity undocumented, and the 7th-character forms a code requires.
import type { CodeRecord, CodesetIndex } from '../core/codeset/api';
import type { MarkedCode } from './noteAnalysis';
import { icdDisplay, normalizeCode } from '../core/codes';

const MAX_CHOICES = 8;

export function moreSpecificCodes(index: CodesetIndex, m: MarkedCode): CodeRecord[] {
  const rec = index.lookup(m.code);
  if (!rec) return [];
  if (!rec.billable) return index.billableDescendants(rec.code, { limit: MAX_CHOICES }).filter((c) => c.normalized !== rec.normalized);
  if (!m.suggestion?.missing.length || !rec.parent) return [];
  return index.billableDescendants(rec.parent, { limit: MAX_CHOICES + 1 }).filter((c) => c.normalized !== rec.normalized).slice(0, MAX_CHOICES);
}

/** S52.5 + A -> S52.5XXA: placeholder X fills the code to six characters before the 7th. */
export function withSeventhCharacter(code: string, chr: string): string {
  return icdDisplay(normalizeCode(code).padEnd(6, 'X') + chr);
}

export function seventhCharacterChoices(index: CodesetIndex, m: MarkedCode): { code: string; title: string }[] {
  const n = normalizeCode(m.code);
  if (m.system !== 'icd10cm' || n.length >= 7) return [];
  return index.seventhChars(m.code).map((r) => ({ code: withSeventhCharacter(m.code, r.chr), title: r.title }));
}
