// The billing export of the claim model itself: the claim as schema/claim.schema.json describes
// it, without the working-copy fields (evidence spans, decisions, audit, suppressions), which
// carry note offsets and names of staff that a billing system has no use for.
import { validateClaim } from '../parse';
import type { Claim, ExportOverride } from '../schema';
import { ClaimExportError } from './format';
import { exportProblems } from './requirements';

export interface ClaimJsonOptions {
  /** Keep evidence, decisions, note reference, audit trail, suppressions and overrides. */
  includeWorkingFields?: boolean;
  /** The override this export is sent under: kept in `overrides` of the exported claim. */
  override?: ExportOverride;
}

export function billingCopy(claim: Claim): Claim {
  const { note: _note, audit: _audit, suppressed: _suppressed, overrides: _overrides, filledFrom: _filledFrom, history: _history, ...billing } = claim;
  return {
    ...billing,
    diagnoses: claim.diagnoses.map(({ evidence: _e, status: _s, decidedBy: _b, decidedAt: _a, ...d }) => d),
    lines: claim.lines.map(({ evidence: _e, status: _s, decidedBy: _b, decidedAt: _a, ...l }) => l),
  };
}

/** Pretty JSON text with a final newline; re-validated so the file always matches the schema. */
export function claimJson(claim: Claim, options: ClaimJsonOptions = {}): string {
  if (!options.includeWorkingFields) {
    const problems = exportProblems(claim, 'claim-json');
    if (problems.length > 0) throw new ClaimExportError('claim-json', problems);
  }
  const base = options.includeWorkingFields ? claim : billingCopy(claim);
  const out = options.override ? { ...base, overrides: [...(base.overrides ?? []), options.override] } : base;
  const check = validateClaim(JSON.parse(JSON.stringify(out)));
  if (!check.ok) throw new ClaimExportError('claim-json', check.errors);
  return `${JSON.stringify(check.claim, null, 2)}\n`;
}
