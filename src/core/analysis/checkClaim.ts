// The one claim check. The editor, the claim panel, the export gate (panel and `medcode export`),
// `medcode check` and the folder audit all call it, so the same claim (with the same note and rule
// settings) gives the same warnings everywhere. It judges the claim as billed: rejected codes are
// left out, and every warning's target and fixes point at the indexes of the file as written;
// suppressions recorded in the claim are matched against those file indexes and marked, not dropped.
import type { CodesetIndex } from '../codeset/api';
import { billedView, fixOnFile } from '../claim/working';
import { checkClaim as runRules } from '../rules/index';
import { viewClaim } from '../rules/claimView';
import { markSuppressed } from '../rules/suppression';
import type { RuleSettings, RuleWarning } from '../rules/types';

export interface ClaimCheckOptions {
  /** Per-rule severity (`medcode.ruleSeverity`, `--severity`); absent rules keep their own. */
  severity?: RuleSettings['severity'];
  /** The note the claim's evidence points into (the note rules read it). */
  noteText?: string;
  /** Date of service when the claim has none (the `medcode.dateOfService` setting); else today. */
  dateOfService?: string;
  /** ISO date "today" (claim.dates; the fallback date of service). */
  today?: string;
  /** NCCI variant: practitioner (default) | outpatient_hospital | dme. */
  ncciVariant?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Runs every rule on `claim` as billed. `claim` may be any JSON value: a draft or a file that fails the schema still gets warnings. */
export async function checkClaim(index: CodesetIndex, claim: unknown, options: ClaimCheckOptions = {}): Promise<RuleWarning[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const view = billedView(claim);
  const date = options.dateOfService && ISO_DATE.test(options.dateOfService) ? options.dateOfService : today;
  const found = await runRules(view.claim, {
    index, date, today, settings: { severity: options.severity ?? {} },
    ...(options.noteText !== undefined ? { noteText: options.noteText } : {}),
    ...(options.ncciVariant ? { ncciVariant: options.ncciVariant } : {}),
  });
  const out = found.map((w): RuleWarning => {
    const { suppressed: _billedIndexes, ...rest } = w;
    const fixes = w.fixes.map((f) => ({ ...f, edit: fixOnFile(f.edit, view) }));
    const t = w.target;
    if (t.kind === 'diagnosis') return { ...rest, fixes, target: { kind: 'diagnosis', index: view.dxIndex[t.index] ?? t.index } };
    if (t.kind === 'line') return { ...rest, fixes, target: { kind: 'line', index: view.lineIndex[t.index] ?? t.index } };
    return { ...rest, fixes };
  });
  // Suppressions name targets by the file's indexes: they are matched after the targets are mapped back.
  markSuppressed(out, viewClaim(claim).suppressed);
  return out;
}
