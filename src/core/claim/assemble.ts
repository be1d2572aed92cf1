// Builds a claim from the coder's accepted suggestions and the encounter's defaults.
// Diagnosis order matters on a claim: the first-listed diagnosis (837P HI ABK, FHIR diagnosis
// sequence 1) is the main reason for the visit, so the highest-scored accepted diagnosis goes
// first. A claim carries at most 12 diagnoses (CMS-1500 box 21, 837P HI); extra ones are
// returned so the caller can tell the coder, never dropped silently.
import type { PatientRecord } from './patients';
import { fillClaim, type Practice } from './practice';
import {
  CLAIM_SCHEMA_VERSION,
  type Claim,
  type ClaimSource,
  type DecisionStatus,
  type Diagnosis,
  type EvidenceSpan,
  type ServiceLine,
} from './schema';
import { normalizeCode } from '../codes';

export const MAX_CLAIM_DIAGNOSES = 12;
export const MAX_LINE_POINTERS = 4;

/** A decided suggestion (structural, so the claim does not depend on src/core/suggest). */
export interface DecidedSuggestion {
  code: string;
  system: string;
  status: DecisionStatus;
  evidence?: EvidenceSpan[];
  /** Ranking score from the suggester; higher first. */
  score?: number;
  decidedBy?: string;
  decidedAt?: string;
  /** Procedures only: the diagnosis codes this service treats (for the line's pointers). */
  relatedDiagnoses?: string[];

  units?: number;
  modifiers?: string[];
}

export interface ClaimDefaults {
  encounter: Claim['encounter'];
  patient?: Claim['patient'];
  subscriber?: Claim['subscriber'];
  payer?: Claim['payer'];
  billingProvider?: Claim['billingProvider'];
  renderingProvider?: Claim['renderingProvider'];
  /** Charge per unit by procedure code (the practice's fee schedule); 0 when absent. */
  feeSchedule?: Record<string, number>;
  note?: Claim['note'];
  id?: string;
  /** The practice profile and the patient's record: fill what the defaults leave empty (fillClaim). */
  practice?: Practice;
  patientRecord?: PatientRecord;
}

export interface AssembledClaim {
  claim: Claim;
  /** Accepted diagnoses beyond the 12 a claim can carry, lowest-scored first out. */
  droppedDiagnoses: Diagnosis[];
  /** Accepted suggestions in a system a claim cannot carry (e.g. ICD-10-PCS), by code. */
  ignored: string[];
  /** Members filled from the practice profile or the patient's record, by path. */
  filled: Record<string, ClaimSource>;
}

export function assembleClaim(suggestions: readonly DecidedSuggestion[], defaults: ClaimDefaults): AssembledClaim {
  const accepted = suggestions.filter((s) => s.status === 'accepted');
  const ignored: string[] = [];

  const seenDx = new Set<string>();
  const rankedDx = accepted
    .map((s, order) => ({ s, order }))
    .filter(({ s }) => s.system === 'icd10cm')
    // Stable: equal scores keep the order the coder accepted them in.
    .sort((a, b) => (b.s.score ?? 0) - (a.s.score ?? 0) || a.order - b.order)
    .map(({ s }) => s)
    .filter((s) => {
      const key = normalizeCode(s.code);
      if (seenDx.has(key)) return false;
      seenDx.add(key);
      return true;
    });
  const diagnoses = rankedDx.map(toDiagnosis);
  const kept = diagnoses.slice(0, MAX_CLAIM_DIAGNOSES);
  const droppedDiagnoses = diagnoses.slice(MAX_CLAIM_DIAGNOSES);

  const pointerOf = new Map(kept.map((d, i) => [normalizeCode(d.code), i + 1] as const));
  const lines: ServiceLine[] = [];
  for (const s of accepted) {
    if (s.system === 'icd10cm') continue;
    if (s.system !== 'cpt' && s.system !== 'hcpcs') {
      ignored.push(s.code);
      continue;
    }
    lines.push(toLine(s, s.system, pointerOf, defaults.feeSchedule));
  }

  const claim: Claim = {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    ...(defaults.id !== undefined ? { id: defaults.id } : {}),
    encounter: { ...defaults.encounter },
    ...optional('patient', defaults.patient),
    ...optional('subscriber', defaults.subscriber),
    ...optional('payer', defaults.payer),
    ...optional('billingProvider', defaults.billingProvider),
    ...optional('renderingProvider', defaults.renderingProvider),
    diagnoses: kept,
    lines,
    ...optional('note', defaults.note),
  };
  const { claim: filledClaim, filled } = fillClaim(claim, defaults.practice, defaults.patientRecord);
  return { claim: filledClaim, droppedDiagnoses, ignored, filled };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function decision(s: DecidedSuggestion): Pick<Diagnosis, 'evidence' | 'status' | 'decidedBy' | 'decidedAt'> {
  return {
    status: s.status,
    ...(s.evidence ? { evidence: s.evidence.map((e) => ({ ...e })) } : {}),
    ...(s.decidedBy !== undefined ? { decidedBy: s.decidedBy } : {}),
    ...(s.decidedAt !== undefined ? { decidedAt: s.decidedAt } : {}),
  };
}

function toDiagnosis(s: DecidedSuggestion): Diagnosis {
  return { code: s.code, system: 'icd10cm', ...decision(s) };
}

/** Pointers to the related diagnoses that made it onto the claim (at most 4), else the first-listed. */
function toLine(
  s: DecidedSuggestion,
  system: 'cpt' | 'hcpcs',
  pointerOf: ReadonlyMap<string, number>,
  feeSchedule: Record<string, number> | undefined,
): ServiceLine {
  const related = (s.relatedDiagnoses ?? [])
    .map((c) => pointerOf.get(normalizeCode(c)))
    .filter((p): p is number => p !== undefined);
  const pointers = [...new Set(related)].slice(0, MAX_LINE_POINTERS);
  const units = s.units ?? 1;
  const unitCharge = feeSchedule?.[s.code] ?? feeSchedule?.[normalizeCode(s.code)] ?? 0;
  return {
    code: s.code,
    system,
    modifiers: [...(s.modifiers ?? [])],
    units,
    charge: Math.round(unitCharge * units * 100) / 100,
    diagnosisPointers: pointers.length > 0 ? pointers : pointerOf.size > 0 ? [1] : [],
    ...decision(s),
  };
}
