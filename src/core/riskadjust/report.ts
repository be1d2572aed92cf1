// One patient's risk score in the shape `medcode hcc --json` prints (the CLI contract):
// {patient, year, model, segment, demographic: {cell, factor}, hccs: [{category, label, factor,
// codes, supported}], dropped: [{category, by}], interactions: [{name, factor}], counts: {name,
// factor}, raw, claimsUsed, claimsSkipped}, plus `factors` (every factor with its table row),
// `defaults` (the demographic fields that took the stated default), the normalized and
// coding-adjusted scores when their factors were given, and `error` when no score can be made.
import type { PatientClaims } from './patients';
import { RiskScoreError, scoreBeneficiary, type PaymentFactors } from './score';
import type { RiskModelTables } from './tables';

export interface HccPatientReport {
  patient: string;
  year: number;
  model: string;
  segment: string | null;
  demographic: { cell: string; factor: number } | null;
  hccs: { category: string; label: string; factor: number; codes: string[]; supported: boolean | null }[];
  dropped: { category: string; by: string }[];
  interactions: { name: string; factor: number }[];
  counts: { name: string; factor: number } | null;
  raw: number | null;
  claimsUsed: string[];
  claimsSkipped: { claim: string; reason: string }[];
  factors: { row: string; value: number }[];
  defaults: string[];
  normalized?: number;
  codingAdjusted?: number;
  error?: string;
}

export function patientReport(pc: PatientClaims, tables: RiskModelTables, factors: PaymentFactors = {}): HccPatientReport {
  const base = {
    patient: pc.patient, year: tables.paymentYear, model: tables.model,
    claimsUsed: pc.claimsUsed, claimsSkipped: pc.claimsSkipped, defaults: pc.defaults,
  };
  const empty = { segment: null, demographic: null, hccs: [], dropped: [], interactions: [], counts: null, raw: null, factors: [] };
  if (!pc.beneficiary) return { ...base, ...empty, error: pc.problem ?? 'no patient data' };
  let s;
  try {
    s = scoreBeneficiary(tables, pc.beneficiary, pc.diagnoses, factors);
  } catch (e) {
    if (e instanceof RiskScoreError) return { ...base, ...empty, error: e.message };
    throw e;
  }
  const out: HccPatientReport = {
    patient: base.patient, year: base.year, model: base.model,
    segment: s.segment,
    demographic: { cell: s.demographic.row, factor: s.demographic.factor },
    hccs: s.hccs.map((h) => ({ category: h.category, label: h.label, factor: h.factor, codes: h.codes, supported: h.supported })),
    dropped: s.dropped,
    interactions: s.interactions.map((i) => ({ name: i.name, factor: i.factor })),
    counts: s.counts ? { name: s.counts.name, factor: s.counts.factor } : null,
    raw: s.raw,
    claimsUsed: base.claimsUsed,
    claimsSkipped: base.claimsSkipped,
    factors: [
      { row: s.demographic.row, value: s.demographic.factor },
      ...s.hccs.map((h) => ({ row: h.row, value: h.factor })),
      ...s.interactions.map((i) => ({ row: i.row, value: i.factor })),
      ...(s.counts ? [{ row: s.counts.row, value: s.counts.factor }] : []),
    ],
    defaults: base.defaults,
  };
  if (s.normalized !== undefined) out.normalized = s.normalized;
  if (s.codingAdjusted !== undefined) out.codingAdjusted = s.codingAdjusted;
  return out;
}
