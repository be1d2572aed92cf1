// Suppressions recorded in the claim (e.g. Excludes1 with unrelated conditions, guideline
// I.A.12.a) mark the matching warning as suppressed with its justification; it stays in the list.
import type { ViewSuppression } from './claimView';
import type { RuleWarning } from './types';

function targetMatches(w: RuleWarning, t: Record<string, unknown> | undefined): boolean {
  if (!t) return true;
  if (t.kind !== undefined && t.kind !== w.target.kind) return false;
  if (t.index !== undefined && (w.target.kind === 'diagnosis' || w.target.kind === 'line') && t.index !== w.target.index) return false;
  if (t.field !== undefined && w.target.kind === 'claim' && t.field !== w.target.field) return false;
  return true;
}

export function markSuppressed(warnings: RuleWarning[], suppressions: ViewSuppression[]): void {
  if (suppressions.length === 0) return;
  for (const w of warnings) {
    const s = suppressions.find((x) => x.rule === w.rule && (x.key !== undefined ? x.key === w.key : targetMatches(w, x.target)));
    if (s) w.suppressed = { justification: s.justification, ...(s.by ? { by: s.by } : {}), ...(s.at ? { at: s.at } : {}) };
  }
}
