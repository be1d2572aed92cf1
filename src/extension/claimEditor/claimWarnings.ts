// The warnings the panel shows and its export gate uses: the core's one claim check (the same
// call the note editor and `medcode check` make), over the claim as billed, with the note beside
// the claim for the note rules.
import { checkClaim } from '../../core/analysis/index';
import type { RuleSettings, RuleWarning } from '../../core/rules/types';
import type { CodesetIndex } from '../../core/codeset/api';
import type { PanelWarning } from '../../core/protocol';
import type { ClaimJson } from '../sidecar';

export interface ClaimWarningInput {
  severity: RuleSettings['severity'];
  noteText?: string;
  /** The medcode.dateOfService setting: the date of service when the claim has none. */
  dateOfService?: string;
  today?: string;
}

export function claimWarnings(claim: ClaimJson, index: CodesetIndex, input: ClaimWarningInput): Promise<RuleWarning[]> {
  return checkClaim(index, claim, {
    severity: input.severity,
    ...(input.noteText !== undefined ? { noteText: input.noteText } : {}),
    ...(input.dateOfService ? { dateOfService: input.dateOfService } : {}),
    ...(input.today ? { today: input.today } : {}),
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
