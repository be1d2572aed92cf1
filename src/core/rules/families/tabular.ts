// Which ICD-10-CM version answers questions about tabular notes (Excludes1, code first, use
// additional code). Some releases ship without the Tabular List (an order file only); then the
// nearest version that has it answers, and the warning cites that version.
import type { CodesetInfo } from '../../codeset/api';
import type { RuleRun } from '../rule';

const hasNotes = (s: CodesetInfo): boolean => (s.counts.notes ?? 0) + (s.counts.excludes1 ?? 0) > 0;

export interface TabularSource {
  /** Date to pass to `notes()` so that the chosen version answers. */
  date: string | undefined;
  version: string;
}

export function tabularSource(run: RuleRun): TabularSource | undefined {
  const found = run.setFor('icd10cm');
  if (!found) return undefined;
  if (hasNotes(found.set)) return { date: found.inForce ? run.date : found.set.effectiveFrom, version: found.set.version };
  const withNotes = run.ctx.index.sets().filter((s) => s.system === 'icd10cm' && hasNotes(s));
  if (withNotes.length === 0) return undefined;
  // Nearest earlier version first, else the earliest later one.
  withNotes.sort((a, b) => (b.effectiveFrom ?? '').localeCompare(a.effectiveFrom ?? ''));
  const pick = withNotes.find((s) => (s.effectiveFrom ?? '') <= run.date) ?? withNotes[withNotes.length - 1]!;
  return { date: pick.effectiveFrom, version: pick.version };
}
