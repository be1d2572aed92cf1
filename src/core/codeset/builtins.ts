// What the index answers without an installed file: the CPT numbers MedCode's own logic needs,
// with our plain labels, when no licensed CPT file is installed; CPT modifiers (25, 59 ...)
// always, since the HCPCS file has none; place-of-service codes when no POS file is installed.
import type { CodeRecord } from './api';
import type { CodeSystem } from '../importers/types';
import { builtinCptCodes, builtinCptModifiers } from '../importers/cpt/builtin';
import { builtinPlaceOfService } from '../importers/pos/builtin';

/** The built-in record of normalized code `n` in `system`, given whether a set of that system is installed. */
export function builtinRecord(system: CodeSystem, n: string, haveSet: boolean): CodeRecord | undefined {
  const table = system === 'cpt' && !haveSet ? builtinCptCodes
    : system === 'modifier' ? builtinCptModifiers
      : system === 'pos' && !haveSet ? builtinPlaceOfService : undefined;
  const row = table?.find((r) => r.code === n);
  if (!row) return undefined;
  return {
    code: row.display, normalized: row.code, system, version: 'builtin', setId: -1, kind: row.kind, billable: row.billable,
    title: row.longTitle ?? '', ...(row.shortTitle ? { shortTitle: row.shortTitle } : {}), extra: { builtin: true },
  };
}
