// The shape of every compliance warning, the edits its fixes apply, and what a rule may read.
// Shared by the rules, the claim model (suppressions name a RuleId), the CLI, the extension and the panel.
import type { CodesetIndex } from '../codeset/api';
import type { RiskAdjustment } from '../riskadjust/read';

export const RULE_IDS = [
  'code.invalid',
  'code.not-billable',
  'icd10cm.seventh-character',
  'icd10cm.excludes1',
  'icd10cm.manifestation-first',
  'icd10cm.code-first',
  'icd10cm.use-additional',
  'mce.age',
  'mce.sex',
  'ncci.ptp',
  'ncci.mue',
  'ncci.addon-without-primary',
  'modifier.invalid',
  'modifier.too-many',
  'modifier.missing-25',
  'modifier.laterality-mismatch',
  'modifier.bilateral-units',
  'claim.duplicate-line',
  'claim.duplicate-diagnosis',
  'claim.duplicate-claim',
  'em.level-vs-time',
  'em.new-vs-established',
  'note.negated-coded',
  'note.uncertain-coded',
  'note.unspecified-but-documented',
  'claim.pointer',
  'claim.too-many-diagnoses',
  'claim.npi',
  'claim.required-field',
  'claim.field-value',
  'claim.dates',
  'claim.place-of-service',
  'claim.total',
  'claim.units-charges',
  'hcc.unsupported',
  'hcc.specificity',
  'hcc.suspect',
  'rule.unchecked',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export type WarningTarget =
  | { kind: 'diagnosis'; index: number }
  | { kind: 'line'; index: number }
  | { kind: 'claim'; field?: string }
  | { kind: 'note'; span: { start: number; end: number } };

/** The data row a warning rests on, with the code-set version that produced it. */
export interface WarningSource {
  /** Which data set: 'icd10cm', 'ncci-ptp', 'ncci-mue', 'ncci-addon', 'mce', 'hcpcs', 'domain', 'claim' ... */
  dataset: string;
  version?: string;
  row?: Record<string, unknown>;
  /** The note or rule text as the source wrote it (an Excludes1 note, an MCE row). */
  text?: string;
}

/** A small, JSON-serializable edit of a claim; `applyFix` (fix.ts) applies it. Indexes are 0-based. */
export type ClaimEdit =
  | { op: 'replaceDiagnosis'; index: number; code: string }
  | { op: 'removeDiagnosis'; index: number }
  | { op: 'moveDiagnosis'; from: number; to: number }
  | { op: 'addDiagnosis'; code: string; at?: number }
  | { op: 'setLineCode'; line: number; code: string }
  | { op: 'addModifier'; line: number; modifier: string }
  | { op: 'removeModifier'; line: number; modifier: string }
  | { op: 'replaceModifier'; line: number; from: string; to: string }
  | { op: 'setUnits'; line: number; units: number }
  | { op: 'removeLine'; line: number }
  | { op: 'setPointers'; line: number; pointers: number[] }
  | { op: 'setField'; path: string; value: unknown };

export interface RuleFix {
  title: string;
  edit: ClaimEdit;
}

export interface RuleWarning {
  rule: RuleId;
  severity: Severity;
  message: string;
  target: WarningTarget;
  source?: WarningSource;
  fixes: RuleFix[];
  /**
   * Stable identity of the finding, independent of list positions (e.g. `icd10cm.excludes1:E10.9|E11.9`);
   * a suppression recorded in the claim matches on it.
   */
  key?: string;
  /** Set when the claim records a suppression for this warning, with the user's justification. */
  suppressed?: { justification: string; by?: string; at?: string };
}

/** What the analyzer says about a code (structural, so the rules do not depend on src/core/suggest). */
export interface AnalyzedEvidence {
  start: number;
  end: number;
  text?: string;
}

export interface AnalyzedContext {
  negated?: boolean;
  uncertain?: boolean;
  historical?: boolean;
  family?: boolean;
  hypothetical?: boolean;
  laterality?: 'right' | 'left' | 'bilateral';
}

export interface AnalyzedSuggestion {
  code: string;
  system?: string;
  evidence: AnalyzedEvidence[];
  context?: AnalyzedContext;
  /** Specificity axes the note does not state (laterality, type, episode ...). */
  missing?: string[];
  /** Axes the note states: e.g. { laterality: 'left', type: 'type 2' }. */
  documented?: Record<string, string>;
}

export interface NoteAnalysis {
  /** Every mention the analyzer found, including negated and uncertain ones (not only returned suggestions). */
  suggestions: AnalyzedSuggestion[];
  setting?: 'outpatient' | 'inpatient';
}

export interface RuleSettings {
  severity: Partial<Record<RuleId, SeveritySetting>>;
}

export interface RuleContext {
  index: CodesetIndex;
  /** ISO date of service used to pick the code-set versions (defaults to the claim's date of service). */
  date: string;
  settings: RuleSettings;
  analysis?: NoteAnalysis;
  noteText?: string;
  /** ISO date "today" (for claim.dates); injected so tests are deterministic. */
  today?: string;
  /** NCCI variant: practitioner (default) | outpatient_hospital | dme. */
  ncciVariant?: string;
  /** CMS-HCC tables for the hcc.* rules; default: those imported into the index's database. */
  riskAdjustment?: RiskAdjustment;
}
