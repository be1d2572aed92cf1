// What every section receives: the claim as last published by the host, its warnings (with
// their position in the host's list, which fixes and suppressions refer to) and the actions.
import type { Claim } from '../src/core/claim/schema';
import type { PanelEdit, PanelWarning, RiskSummary, SearchResultItem } from '../src/core/protocol';

export interface IndexedWarning {
  warning: PanelWarning;
  /** Position in the host's warning list. */
  index: number;
}

export interface PanelActions {
  edit(label: string, edits: PanelEdit[]): void;
  search(query: string, system: 'icd10cm' | 'cpt' | 'hcpcs' | 'procedure'): Promise<SearchResultItem[]>;
  applyFix(warningIndex: number, fixIndex: number): void;
  suppress(w: IndexedWarning): void;
  revealEvidence(diagnosisIndex: number): void;
  focusTarget(w: PanelWarning): void;
  /** Writes the claim's corrected 837P (after a denial or a rejection). */
  correct(): void;
  /** Opens the appeal letter draft for the claim's latest denial beside the panel. */
  appeal(): void;
}

export interface PanelContext {
  claim: Claim;
  warnings: IndexedWarning[];
  titles: Record<string, string>;
  /** CMS-HCC view of the claim, when risk-adjustment tables are imported. */
  risk?: RiskSummary;
  readonly: boolean;
  actions: PanelActions;
  /** Patients imported into the workspace, to fill the claim from. */
  patients: ReadonlyArray<{ id: string; label: string }>;
}

/** Warnings on a claim member (`patient.birthDate`), unsuppressed ones first. */
export function warningsForField(ctx: PanelContext, path: string): IndexedWarning[] {
  return ctx.warnings.filter((x) => x.warning.target.kind === 'claim' && x.warning.target.field === path);
}

export function warningsFor(ctx: PanelContext, kind: 'diagnosis' | 'line', index: number): IndexedWarning[] {
  return ctx.warnings.filter((x) => x.warning.target.kind === kind && x.warning.target.index === index);
}
