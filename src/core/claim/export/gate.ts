// The export gate: a claim with unsuppressed rule errors is not exported unless the user
// overrides with a written reason. The override is recorded in the claim (audit trail and
// `overrides`) and the updated claim is returned so the caller saves it: an auditor can later
// see who sent what despite which errors, and why.
import type { AuditEntry, Claim, ClaimTarget, ExportOverride, Suppression } from '../schema';
import { claimJson, type ClaimJsonOptions } from './claimJson';
import { fhirClaim, type FhirExportOptions } from './fhir';
import { ClaimExportError, type ExportFormat } from './format';
import { x12_837p, type X12ExportOptions } from './x12/x837p';

/** Structural view of a rule warning (src/core/rules/types.ts RuleWarning satisfies it). */
export interface GateWarning {
  rule: string;
  severity: string;
  message: string;
  target?: unknown;
  key?: string;
  /** Set by the rules when the claim records a suppression for this warning. */
  suppressed?: unknown;
}

export interface ExportOverrideRequest {
  reason: string;
  who?: string;
  /** ISO date-time; default now. */
  at?: string;
}

export interface ExportGateOptions {
  override?: ExportOverrideRequest;
  claimJson?: ClaimJsonOptions;
  fhir?: FhirExportOptions;
  x12?: X12ExportOptions;
}

export type ExportOutcome =
  | {
      ok: true;
      /** The file content. */
      content: string;
      /** The claim to save back: unchanged, or with the override recorded. */
      claim: Claim;
      overridden: boolean;
      /** The override this export was written under (also inside `content` for claim JSON and FHIR). */
      override?: ExportOverride;
    }
  | {
      ok: false;
      /** Rule errors that block the export (an override reason passes them). */
      blocking: GateWarning[];
      /** Sentences for the user: the blocking errors, or what the format cannot carry. */
      errors: string[];
      /** True when an override cannot help: the format itself cannot hold the claim as it is. */
      structural: boolean;
    };

export function exportClaim(
  claim: Claim,
  format: ExportFormat,
  warnings: readonly GateWarning[],
  options: ExportGateOptions = {},
): ExportOutcome {
  const blocking = blockingErrors(claim, warnings);
  const reason = options.override?.reason.trim() ?? '';
  if (options.override !== undefined && reason === '') {
    return { ok: false, blocking, errors: ['An export override needs a written reason; say why the claim is sent despite its errors.'], structural: false };
  }
  if (blocking.length > 0 && reason === '') {
    return { ok: false, blocking, errors: blocking.map(describeBlocking), structural: false };
  }
  const override = blocking.length > 0 ? overrideRecord(format, blocking, options.override!) : undefined;
  let content: string;
  try {
    content = render(claim, format, options, override);
  } catch (e) {
    if (e instanceof ClaimExportError) return { ok: false, blocking, errors: e.problems, structural: true };
    throw e;
  }
  if (!override) return { ok: true, content, claim, overridden: false };
  return { ok: true, content, claim: withOverride(claim, override, blocking.length), overridden: true, override };
}

/** Renders the export; an override travels with it (claim JSON `overrides`, a FHIR extension). */
function render(claim: Claim, format: ExportFormat, o: ExportGateOptions, override: ExportOverride | undefined): string {
  switch (format) {
    case 'claim-json':
      return claimJson(claim, { ...o.claimJson, ...(override ? { override } : {}) });
    case 'fhir':
      return `${JSON.stringify(fhirClaim(claim, { ...o.fhir, ...(override ? { override } : {}) }), null, 2)}\n`;
    case 'x12':
      return x12_837p(claim, o.x12);
  }
}

/** Errors that are neither marked suppressed by the rules nor covered by a suppression in the claim. */
export function blockingErrors(claim: Claim, warnings: readonly GateWarning[]): GateWarning[] {
  const suppressions = claim.suppressed ?? [];
  return warnings.filter((w) => w.severity === 'error' && !w.suppressed && !suppressions.some((s) => covers(s, w)));
}

function covers(s: Suppression, w: GateWarning): boolean {
  if (s.rule !== w.rule) return false;
  if (s.key !== undefined && w.key !== undefined) return s.key === w.key;
  return s.target === undefined || sameTarget(s.target, w.target);
}

function sameTarget(t: ClaimTarget, target: unknown): boolean {
  if (target === null || typeof target !== 'object') return false;
  const w = target as Record<string, unknown>;
  if (w.kind !== t.kind) return false;
  switch (t.kind) {
    case 'diagnosis':
    case 'line':
      return w.index === t.index;
    case 'claim':
      return t.field === undefined || w.field === t.field;
    case 'note': {
      const span = w.span as { start?: unknown; end?: unknown } | undefined;
      return span?.start === t.span.start && span?.end === t.span.end;
    }
  }
}

function describeBlocking(w: GateWarning): string {
  return `${w.rule}: ${w.message}`;
}

function overrideRecord(format: ExportFormat, blocking: GateWarning[], o: ExportOverrideRequest): ExportOverride {
  const rules = [...new Set(blocking.map((w) => w.rule))];
  return { at: o.at ?? new Date().toISOString(), reason: o.reason.trim(), format, blocking: rules, ...(o.who !== undefined ? { who: o.who } : {}) };
}

function withOverride(claim: Claim, override: ExportOverride, errors: number): Claim {
  const entry: AuditEntry = {
    at: override.at,
    who: override.who ?? 'unknown',
    action: 'export-override',
    detail: `Exported as ${override.format} despite ${errors} error(s) (${(override.blocking ?? []).join(', ')}): ${override.reason}`,
  };
  return { ...claim, overrides: [...(claim.overrides ?? []), override], audit: [...(claim.audit ?? []), entry] };
}
