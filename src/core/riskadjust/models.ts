// What each CMS-HCC model adds to the table rows: the disease groups and the interaction terms of
// the model's software (CMS-HCC V28 and V24 relative factor files name the variables; these are
// their definitions). A term is a group ("g:HF"), one HCC ("85") or the disabled flag.
// An interaction counts only when the segment has a factor for it (the community segments have
// no DISABLED_* terms in V28; the institutional segment has its own list).

export type Term = string;

export interface ModelDefinition {
  model: string;
  groups: Record<string, readonly string[]>;
  interactions: Record<string, readonly [Term, Term]>;
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

export const V28: ModelDefinition = {
  model: 'V28',
  groups: {
    CANCER: range(17, 23),
    DIABETES: range(35, 38),
    CARD_RESP_FAIL: range(211, 213),
    HF: range(221, 226),
    CHR_LUNG: range(276, 280),
    KIDNEY: range(326, 329),
    SUBUSE: range(135, 139),
    PSYCH: range(151, 155),
    NEURO: ['180', '181', '182', '190', '191', '192', '195', '196', '198', '199'],
    ULCER: range(379, 382),
  },
  interactions: {
    DIABETES_HF_V28: ['g:DIABETES', 'g:HF'],
    HF_CHR_LUNG_V28: ['g:HF', 'g:CHR_LUNG'],
    HF_KIDNEY_V28: ['g:HF', 'g:KIDNEY'],
    CHR_LUNG_CARD_RESP_FAIL_V28: ['g:CHR_LUNG', 'g:CARD_RESP_FAIL'],
    HF_HCC238_V28: ['g:HF', '238'],
    GSUBUSEDISORDER_GPSYCH_V28: ['g:SUBUSE', 'g:PSYCH'],
    DISABLED_CANCER_V28: ['DISABLED', 'g:CANCER'],
    DISABLED_NEURO_V28: ['DISABLED', 'g:NEURO'],
    DISABLED_HF_V28: ['DISABLED', 'g:HF'],
    DISABLED_CHR_LUNG_V28: ['DISABLED', 'g:CHR_LUNG'],
    DISABLED_ULCER_V28: ['DISABLED', 'g:ULCER'],
  },
};

export const V24: ModelDefinition = {
  model: 'V24',
  groups: {
    CANCER: range(8, 12),
    DIABETES: range(17, 19),
    CARD_RESP_FAIL: range(82, 84),
    CHF: ['85'],
    COPD: range(110, 112),
    RENAL: range(134, 138),
    SEPSIS: ['2'],
    SUBUSE: range(54, 56),
    PSYCH: range(57, 60),
    PRESSURE_ULCER: range(157, 159),
  },
  interactions: {
    HCC47_GCANCER: ['47', 'g:CANCER'],
    DIABETES_CHF: ['g:DIABETES', 'g:CHF'],
    CHF_GCOPDCF: ['g:CHF', 'g:COPD'],
    HCC85_GRENAL_V24: ['g:CHF', 'g:RENAL'],
    GCOPDCF_CARD_RESP_FAIL: ['g:COPD', 'g:CARD_RESP_FAIL'],
    HCC85_HCC96: ['85', '96'],
    GSUBSTANCEUSEDISORDER_GPSYCH: ['g:SUBUSE', 'g:PSYCH'],
    SEPSIS_PRESSURE_ULCER: ['g:SEPSIS', 'g:PRESSURE_ULCER'],
    SEPSIS_ARTIF_OPENINGS: ['g:SEPSIS', '188'],
    ART_OPENINGS_PRESS_ULCER: ['188', 'g:PRESSURE_ULCER'],
    GCOPDCF_ASP_SPEC_B_PNEUM: ['g:COPD', '114'],
    ASP_SPEC_B_PNEUM_PRES_ULC: ['114', 'g:PRESSURE_ULCER'],
    SEPSIS_ASP_SPEC_BACT_PNEUM: ['g:SEPSIS', '114'],
    SCHIZOPHRENIA_GCOPDCF: ['57', 'g:COPD'],
    SCHIZOPHRENIA_CHF: ['57', 'g:CHF'],
    SCHIZOPHRENIA_SEIZURES: ['57', '79'],
    DISABLED_HCC85: ['DISABLED', '85'],
    DISABLED_PRESSURE_ULCER: ['DISABLED', 'g:PRESSURE_ULCER'],
    DISABLED_HCC161: ['DISABLED', '161'],
    DISABLED_HCC39: ['DISABLED', '39'],
    DISABLED_HCC77: ['DISABLED', '77'],
    DISABLED_HCC6: ['DISABLED', '6'],
  },
};

export const MODELS: Readonly<Record<string, ModelDefinition>> = { V28, V24 };

/** The model CMS pays by in a payment year (V28 alone from 2026; V28 the larger part of the 2024-2025 blends). */
export function defaultModel(paymentYear: number): string {
  return paymentYear >= 2024 ? 'V28' : 'V24';
}

/** Diagnoses of a calendar year's visits count for the next payment year (2025 visits -> payment year 2026). */
export function paymentYearOfService(dateOfService: string): number {
  return Number(dateOfService.slice(0, 4)) + 1;
}
