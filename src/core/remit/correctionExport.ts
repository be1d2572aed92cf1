// The corrected claim through the export gate: the claim's correction plan (correction.ts: the
// frequency, the payer's claim control number) applied to its X12 837P export. The command line
// (`medcode correct`) and the claim panel both write what this returns. Apart from correction.ts
// so the panel, which shows the plan, does not bundle the exporters.
import type { Claim } from '../claim/schema';
import { exportClaim, type ExportGateOptions, type ExportOutcome, type GateWarning } from '../claim/export/gate';
import { correctionPlan, type CorrectionPlan } from './correction';

export type CorrectionExport =
  | { ok: false; reason: string }
  | { ok: true; plan: Extract<CorrectionPlan, { ok: true }>; outcome: ExportOutcome };

/** The correction plan applied to the claim's X12 837P export, or why the claim cannot be corrected. */
export function correctionExport(claim: Claim, warnings: readonly GateWarning[], options: ExportGateOptions = {}): CorrectionExport {
  const plan = correctionPlan(claim);
  if (!plan.ok) return plan;
  const x12 = { ...options.x12, frequency: plan.frequency, ...(plan.payerClaimControlNumber ? { payerClaimControlNumber: plan.payerClaimControlNumber } : {}) };
  return { ok: true, plan, outcome: exportClaim(claim, 'x12', warnings, { ...options, x12 }) };
}
