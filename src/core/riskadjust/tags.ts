// The HCC beside each ICD-10-CM code wherever codes are shown (analyze --json, hover, search,
// the claim panel): the model CMS pays by in the payment year after the date of service (today
// when none is given). `hcc` is null for codes that map to no payment HCC, and absent when no
// CMS-HCC tables are imported.
import type { CodesetIndex } from '../codeset/api';
import { paymentYearOfService } from './models';
import { riskAdjustmentOfIndex } from './read';
import { hccTag, type HccTag, type RiskModelTables } from './tables';

export type { HccTag } from './tables';

/** The tables that tag codes seen on a date of service (ISO), or undefined without imported tables. */
export function tagTablesFor(index: CodesetIndex, dateOfService?: string): RiskModelTables | undefined {
  const date = dateOfService && /^\d{4}-\d{2}-\d{2}/.test(dateOfService) ? dateOfService : new Date().toISOString().slice(0, 10);
  return riskAdjustmentOfIndex(index)?.tablesFor(paymentYearOfService(date));
}

/** The HCC of one code, null when it maps to none, undefined when no tables are imported. */
export function hccOfCode(index: CodesetIndex, code: string, dateOfService?: string): HccTag | null | undefined {
  const tables = tagTablesFor(index, dateOfService);
  return tables ? hccTag(tables, code) ?? null : undefined;
}

/** Copies of the suggestions with `hcc` on each ICD-10-CM one (null for other systems and unmapped codes). */
export function hccTagsFor<T extends { code: string; system: string }>(index: CodesetIndex, suggestions: readonly T[], dateOfService?: string): (T & { hcc?: HccTag | null })[] {
  const tables = tagTablesFor(index, dateOfService);
  if (!tables) return [...suggestions];
  return suggestions.map((s) => ({ ...s, hcc: s.system === 'icd10cm' ? hccTag(tables, s.code) ?? null : null }));
}
