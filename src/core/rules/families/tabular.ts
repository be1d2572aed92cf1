// Whether any loaded ICD-10-CM release carries the Tabular List (Excludes1, code first, use
// additional code notes). Some releases ship as an order file only; the index then answers note
// questions from the nearest version that has them, and each warning cites that version.
import type { RuleRun } from '../rule';

export interface TabularSource {
  /** Date to pass to `notes()`: the index picks the nearest version carrying notes. */
  date: string;
}

export function tabularSource(run: RuleRun): TabularSource | undefined {
  const has = run.ctx.index.sets().some((s) => s.system === 'icd10cm' && s.sources.some((src) => src.kind === 'icd10cm-tabular-xml'));
  return has ? { date: run.date } : undefined;
}
