// The rules over the claim the panel shows. Rejected codes stay in the file for the audit trail
// but are not billed, so the rules judge the billed view and the targets are mapped back to the
// file's indexes (as the note diagnostics do).
import { checkClaim } from '../../core/rules/index';
import type { RuleSettings, RuleWarning } from '../../core/rules/types';
import type { CodesetIndex } from '../../core/codeset/api';
import type { PanelWarning } from '../../core/protocol';
import { billedView, fixOnFile, type ClaimJson } from '../sidecar';

export async function claimWarnings(claim: ClaimJson, index: CodesetIndex, severity: RuleSettings['severity'], today?: string): Promise<RuleWarning[]> {
  const view = billedView(claim);
  // The panel is where billing completes payer, patient and NPI: required fields are checked here
  // even when the note editor turns them off (the export gate checks them too).
  const { 'claim.required-field': _off, ...rest } = severity;
  const found = await checkClaim(view.claim, {
    index, date: claim.encounter?.dateOfService ?? today ?? new Date().toISOString().slice(0, 10),
    settings: { severity: rest }, ...(today ? { today } : {}),
  });
  return found.map((w) => {
    const fixes = w.fixes.map((f) => ({ ...f, edit: fixOnFile(f.edit, view) }));
    const t = w.target;
    if (t.kind === 'diagnosis') return { ...w, fixes, target: { kind: 'diagnosis', index: view.dxIndex[t.index] ?? t.index } };
    if (t.kind === 'line') return { ...w, fixes, target: { kind: 'line', index: view.lineIndex[t.index] ?? t.index } };
    return { ...w, fixes };
  });
}

/** What the panel needs of a warning: no source rows, fixes by title (applied by index on the host). */
export function toPanelWarning(w: RuleWarning): PanelWarning {
  return {
    rule: w.rule, severity: w.severity, message: w.message, target: w.target,
    ...(w.key ? { key: w.key } : {}),
    fixes: w.fixes.map((f) => ({ title: f.title })),
    ...(w.suppressed ? { suppressed: { justification: w.suppressed.justification } } : {}),
  };
}
