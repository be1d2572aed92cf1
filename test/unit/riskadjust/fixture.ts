// Tiny hand-written CMS-HCC V28 tables for payment year 2026. The factors are made up (round
// numbers that make hand sums easy); the shapes (names, segments, edits) follow the CMS files.
import type { RiskTableRow } from '../../../src/core/importers/types';
import type { ClaimInput } from '../../../src/core/claim/schema';

const dx = (code: string, cc: string): RiskTableRow => ({ table: 'dx', model: 'V28', code, cc });
const coef = (name: string, value: number): RiskTableRow => ({ table: 'coefficient', model: 'V28', name, value });
const label = (cc: string, text: string): RiskTableRow => ({ table: 'label', model: 'V28', cc, label: text });

export const ROWS: RiskTableRow[] = [
  dx('E119', '38'), dx('E1122', '37'), dx('I509', '226'), dx('J449', '280'), dx('N184', '327'),
  dx('D66', '111'), dx('J410', '280'),
  // Another model's row for the same code: never read by V28.
  { table: 'dx', model: 'V24', code: 'E119', cc: '19' },
  { table: 'hierarchy', model: 'V28', parent: '37', child: '38' },
  { table: 'hierarchy', model: 'V28', parent: '111', child: '112' },
  label('37', 'Diabetes, chronic complications'), label('38', 'Diabetes, no or unspecified complications'),
  label('226', 'Heart failure'), label('280', 'COPD'), label('327', 'CKD stage 4'), label('111', 'Hemophilia, male'), label('112', 'Coagulation defects'),
  { table: 'edit', model: 'V28', code: 'D66', edit: 'sex', sex: 'female', action: 'override', cc: '112', description: 'hemophilia in a female: CC 112' },
  { table: 'edit', model: 'V28', code: 'J410', edit: 'age', maxAge: 17, action: 'invalid', description: 'chronic bronchitis under 18: no CC' },
  { table: 'chronic', model: 'V28', cc: '38', chronic: true },
  { table: 'eligible', model: '', code: '99213' }, { table: 'eligible', model: '', code: '99214' },
  // Demographic cells.
  coef('CNA_F70_74', 0.4), coef('CNA_M70_74', 0.42), coef('CNA_M80_84', 0.6), coef('CND_F0_34', 0.25), coef('CND_M55_59', 0.3),
  coef('CFA_F70_74', 0.5), coef('CPA_F70_74', 0.45), coef('INS_M70_74', 1.0), coef('NE_NMCAID_NORIGDIS_NEF65', 0.5),
  // HCCs.
  coef('CNA_HCC37', 0.17), coef('CNA_HCC38', 0.16), coef('CNA_HCC226', 0.36), coef('CNA_HCC280', 0.32), coef('CNA_HCC327', 0.51),
  coef('CNA_HCC111', 4.0), coef('CNA_HCC112', 0.45), coef('CND_HCC280', 0.3),
  coef('CFA_HCC38', 0.19), coef('CFA_HCC226', 0.4), coef('CPA_HCC226', 0.38), coef('INS_HCC38', 0.28), coef('INS_HCC226', 0.3),
  // Interactions and counts.
  coef('CNA_DIABETES_HF_V28', 0.11), coef('CNA_HF_CHR_LUNG_V28', 0.08), coef('CNA_HF_KIDNEY_V28', 0.18),
  coef('CFA_DIABETES_HF_V28', 0.12), coef('INS_DIABETES_HF_V28', 0.15),
  coef('CNA_D1', 0), coef('CNA_D2', 0), coef('CNA_D3', 0), coef('CNA_D4', 0.05), coef('CFA_D2', 0), coef('CPA_D1', 0), coef('INS_D2', 0.02),
  coef('CNA_OriginallyDisabled_Female', 0.25), coef('INS_LTIMCAID', 0.07),
];

export interface PatientSpec {
  id: string;
  birthDate: string;
  sex: 'female' | 'male';
  riskAdjustment?: { dualStatus?: string; originallyDisabled?: boolean; institutional?: boolean; newEnrollee?: boolean };
}

/** An office-visit claim (99213 at POS 11) in 2025 with the given diagnoses. */
export function visit(p: PatientSpec, codes: string[], over: { code?: string; pos?: string; date?: string } = {}): ClaimInput {
  return {
    schemaVersion: '1',
    encounter: { dateOfService: over.date ?? '2025-05-01', placeOfService: over.pos ?? '11' },
    patient: { id: p.id, birthDate: p.birthDate, sex: p.sex, ...(p.riskAdjustment ? { riskAdjustment: p.riskAdjustment } : {}) },
    diagnoses: codes.map((code) => ({ code, system: 'icd10cm' as const })),
    lines: [{ code: over.code ?? '99213', system: 'cpt', units: 1, charge: 100, diagnosisPointers: [1] }],
  };
}

/** The same kind of tables as the CMS CSV layouts, a few rows each (factors made up). */
export const CSV_FILES: Record<string, string> = {
  'ra_dx_to_cc_2026.csv': 'diagnosis_code,cc,model_name\nE119,38,CMS-HCC Model V28\nI509,226,CMS-HCC Model V28\nE119,19,CMS-HCC Model V24\nE1122,37,CMS-HCC Model V28\n',
  'ra_hierarchies_2026.csv': 'cc_parent,cc_child,model_domain,model_version,model_fullname\n37,38,CMS-HCC,V28,V28H\n',
  'ra_labels_2026.csv': 'cc,label,model_domain,model_version,model_fullname\nHCC38,"Diabetes, plain",CMS-HCC,V28,V28L\nHCC226,Heart failure,CMS-HCC,V28,V28L\n',
  'ra_coefficients_2026.csv': 'coefficient,value,model_domain,model_version\nCNA_F70_74,0.4,CMS-HCC,C28\nCNA_HCC38,0.16,CMS-HCC,C28\nCNA_HCC226,0.36,CMS-HCC,C28\nCNA_DIABETES_HF_V28,0.11,CMS-HCC,C28\nCNA_D2,0,CMS-HCC,C28\nCNA_F70_74,0.3,CMS-HCC,C24\n',
  'ra_dx_edits.csv': 'icd10,edit_type,sex,age_min,age_max,action,cc_override,model_name,description\nD66,sex,2,,,override,112,CMS-HCC Model V28,in a female\n',
  'hcc_is_chronic.csv': 'hcc,is_chronic,model_version,model_domain\nHCC38,Y,V28,CMS-HCC\n',
  'ra_eligible_cpt_hcpcs_2026.csv': 'cpt_hcpcs_code\n99213\nG0402\n',
};
