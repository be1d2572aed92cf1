// One line per rule: its default severity and a short description (SARIF driver rules, docs, the panel).
import type { RuleId, Severity } from './types';

export interface RuleDescription {
  id: RuleId;
  severity: Severity;
  summary: string;
}

const d = (id: RuleId, severity: Severity, summary: string): RuleDescription => ({ id, severity, summary });

export const RULE_CATALOG: readonly RuleDescription[] = [
  d('code.invalid', 'error', 'Code not in the code set in force on the date of service (deleted, not yet effective or unknown).'),
  d('code.not-billable', 'error', 'Header code that is not valid on a claim; a billable child is needed.'),
  d('icd10cm.seventh-character', 'error', 'Required 7th character missing or invalid (placeholder X fills short codes).'),
  d('icd10cm.excludes1', 'error', 'Two diagnoses in an Excludes1 relation are coded together.'),
  d('icd10cm.manifestation-first', 'error', 'A manifestation code ("in diseases classified elsewhere") is first-listed.'),
  d('icd10cm.code-first', 'warning', 'A "code first" condition is listed after the code that asks for it, or is missing.'),
  d('icd10cm.use-additional', 'info', 'A "use additional code" note asks for a code the claim does not carry.'),
  d('mce.age', 'error', 'Diagnosis inconsistent with the patient age on the date of service (Medicare Code Editor).'),
  d('mce.sex', 'error', 'Diagnosis inconsistent with the patient sex (Medicare Code Editor).'),
  d('ncci.ptp', 'error', 'NCCI procedure-to-procedure pair billed on the same date.'),
  d('ncci.mue', 'error', 'Units above the NCCI Medically Unlikely Edit.'),
  d('ncci.addon-without-primary', 'error', 'Add-on code billed without one of its primary codes.'),
  d('modifier.invalid', 'error', 'Modifier not in the modifier lists loaded.'),
  d('modifier.too-many', 'error', 'More than 4 modifiers on a line.'),
  d('modifier.missing-25', 'warning', 'E/M billed with a same-day procedure without modifier 25.'),
  d('modifier.laterality-mismatch', 'error', 'RT/LT modifier contradicts the side of the diagnoses the line points to.'),
  d('modifier.bilateral-units', 'error', 'Modifier 50 (bilateral) with more than 1 unit.'),
  d('claim.duplicate-line', 'warning', 'Two service lines with the same code, modifiers and date.'),
  d('claim.duplicate-diagnosis', 'warning', 'The same diagnosis code listed twice.'),
  d('claim.duplicate-claim', 'warning', 'Another claim for the same patient, date, provider and codes.'),
  d('em.level-vs-time', 'warning', 'E/M level above (upcoding risk) or below (undercoding) what the documented total time supports.'),
  d('em.new-vs-established', 'error', 'New-patient E/M code for an established patient, or the reverse.'),
  d('note.negated-coded', 'error', 'A code rests only on words the note negates.'),
  d('note.uncertain-coded', 'warning', 'Outpatient: a code rests only on an uncertain diagnosis (probable, suspected, rule out).'),
  d('note.unspecified-but-documented', 'warning', 'An unspecified code where the note states the laterality, episode or type.'),
  d('claim.pointer', 'error', 'Diagnosis pointer missing, out of range, or more than 4 on a line.'),
  d('claim.too-many-diagnoses', 'error', 'More than 12 diagnoses on one claim.'),
  d('claim.npi', 'error', 'NPI fails the 10-digit Luhn check (80840 prefix).'),
  d('claim.required-field', 'error', 'A field a claim cannot be sent without is empty (837P loop and segment named).'),
  d('claim.field-value', 'error', 'A value the 837P cannot carry as it is (delimiter, length, identifier, state, ZIP, phone or taxonomy shape).'),
  d('claim.dates', 'error', 'Date of service in the future, before birth, or not a valid date.'),
  d('claim.place-of-service', 'error', 'Place of service missing, unknown, or inconsistent with the setting.'),
  d('claim.total', 'error', 'Total charge differs from the sum of the line charges.'),
  d('claim.units-charges', 'error', 'Units or charges missing, zero, negative or not whole units.'),
  d('hcc.unsupported', 'warning', 'A diagnosis that maps to a CMS-HCC payment category has no MEAT support (monitored, evaluated, assessed, treated) in the note.'),
  d('hcc.specificity', 'warning', 'An unspecified code where the note documents a specific code of the same category that maps to a CMS-HCC.'),
  d('hcc.suspect', 'info', 'The note documents a condition with MEAT support that maps to a CMS-HCC, but the claim does not carry it.'),
  d('rule.unchecked', 'warning', 'A check did not run because the data it needs is not loaded.'),
];

export const RULE_BY_ID: ReadonlyMap<RuleId, RuleDescription> = new Map(RULE_CATALOG.map((r) => [r.id, r]));
