// The claim model: one professional (CMS-1500 / 837P) claim for one encounter, plus the working
// fields kept in `<note>.claim.json` beside a note (evidence, decisions, audit, suppressions).
//
// The schema is deliberately permissive. It rejects only documents whose structure is broken
// (wrong types, no `encounter` object, no `diagnoses`/`lines` arrays). Everything a coder can get
// wrong on an otherwise well-formed claim (a bad NPI, five modifiers, thirteen diagnoses, a
// pointer to a missing diagnosis, a future date, a missing payer) parses, so the rules in
// src/core/rules can report it as a warning that says why and how to fix it.
//
// Indexes used by targets are 0-based array indexes; diagnosis pointers are 1-based (as on the
// CMS-1500 and in 837P SV107).
import { z } from 'zod';
import { ClaimHistorySchema } from './history';

export const CLAIM_SCHEMA_VERSION = '1';

/** ISO calendar date `YYYY-MM-DD`. Not format-checked here: `claim.dates` reports bad dates. */
const IsoDate = z.string().describe('ISO date YYYY-MM-DD');
/** ISO date-time of a decision or an audit entry. */
const IsoDateTime = z.string().describe('ISO date-time');

export const PersonNameSchema = z.object({
  family: z.string().optional(),
  given: z.string().optional(),
  middle: z.string().optional(),
  suffix: z.string().optional(),
});

/**
 * A postal address. Defaults when absent: the X12 export omits N3/N4 for the patient and the
 * subscriber (situational in 837P); the billing provider's is required by the 837P guide (with a
 * 9-digit ZIP), so `claim.required-field` reports it and the X12 export refuses the claim without
 * it; the FHIR export omits `address`.
 */
export const AddressSchema = z.object({
  line1: z.string().optional(),
  line2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional().describe('ISO 3166 alpha-2; default US'),
});

/** female | male | other | unknown (other values parse; the exports send them as unknown). */
const Sex = z.string().describe('female | male | other | unknown');

export const EncounterSchema = z.object({
  dateOfService: IsoDate.optional(),
  /** CMS place-of-service code, two digits ("11" office). */
  placeOfService: z.string().optional(),
  /** new | established (E/M new-vs-established checks). */
  patientStatus: z.string().optional().describe('new | established'),
  /** outpatient | inpatient (the uncertain-diagnosis convention differs). */
  setting: z.string().optional().describe('outpatient | inpatient'),
  totalTimeMinutes: z.number().optional(),
  /** Claim frequency (837P CLM05-3): 1 original (default), 7 replacement, 8 void. */
  frequency: z.string().optional().describe('1 original | 7 replacement of a prior claim | 8 void of a prior claim'),
  /** The payer's claim control number of the claim being replaced or voided (837P REF*F8, FHIR Claim.related). */
  originalClaimId: z.string().optional(),
});

/** CMS-HCC risk-adjustment inputs; absent fields default to a community, non-dual, continuing enrollee who was not originally disabled. */
export const RiskAdjustmentPatientSchema = z.object({
  dualStatus: z.string().optional().describe('none | full | partial (Medicare-Medicaid dual eligibility)'),
  originallyDisabled: z.boolean().optional().describe('Medicare entitlement first by disability (OREC 1)'),
  institutional: z.boolean().optional().describe('long-term institutional (90+ days)'),
  newEnrollee: z.boolean().optional(),
});

export const PatientSchema = z.object({
  id: z.string().optional(),
  name: PersonNameSchema.optional(),
  birthDate: IsoDate.optional(),
  sex: Sex.optional(),
  /** The payer's member id; when `subscriber` is absent the patient is the subscriber. */
  memberId: z.string().optional(),
  address: AddressSchema.optional(),
  riskAdjustment: RiskAdjustmentPatientSchema.optional(),
});

/**
 * The insured person when it is not the patient (837P 2000C loop). `relationship` is the
 * patient's relationship to the subscriber: spouse | child | other (or an X12 code: 01, 19, G8).
 */
export const SubscriberSchema = z.object({
  relationship: z.string().optional().describe('self | spouse | child | other, or X12 code 18 | 01 | 19 | G8'),
  name: PersonNameSchema.optional(),
  memberId: z.string().optional(),
  birthDate: IsoDate.optional(),
  sex: Sex.optional(),
  address: AddressSchema.optional(),
  groupNumber: z.string().optional(),
});

export const PayerSchema = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  address: AddressSchema.optional(),
});

export const ProviderSchema = z.object({
  npi: z.string().optional(),
  name: z.string().optional(),
  /** Set for a person; `name` is then the family name unless `personName` is given. */
  personName: PersonNameSchema.optional(),
  /** Employer identification number (9 digits), 837P REF*EI. */
  taxId: z.string().optional(),
  taxonomy: z.string().optional().describe('NUCC provider taxonomy code (837P PRV)'),
  address: AddressSchema.optional(),
  /** Billing provider: the telephone number a payer calls about the file (837P 1000A PER04, FHIR telecom). */
  phone: z.string().optional().describe('10-digit telephone number (billing provider: 837P 1000A PER04)'),
  /** Billing provider: who answers that number (837P 1000A PER02, FHIR Organization.contact); default the provider name. */
  contactName: z.string().optional(),
});

/** A span of the note text (UTF-16 offsets into the original note, end exclusive). */
export const EvidenceSpanSchema = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string().optional(),
});

export const DecisionStatusSchema = z.enum(['suggested', 'accepted', 'rejected']);

/** Working-copy fields shared by diagnoses and lines; stripped from billing exports. */
const decisionFields = {
  evidence: z.array(EvidenceSpanSchema).optional(),
  status: DecisionStatusSchema.optional(),
  decidedBy: z.string().optional(),
  decidedAt: IsoDateTime.optional(),
};

export const DiagnosisSchema = z.object({
  /** ICD-10-CM code, with or without the dot (E11.9 or E119). */
  code: z.string(),
  system: z.literal('icd10cm'),
  ...decisionFields,
});

export const ServiceLineSchema = z.object({
  code: z.string(),
  system: z.enum(['cpt', 'hcpcs']),
  modifiers: z.array(z.string()).default([]),
  units: z.number(),
  /** Line charge in the claim currency (USD), for all units together. */
  charge: z.number(),
  /** 1-based pointers into `diagnoses`, at most 4 meaningful (rules check). */
  diagnosisPointers: z.array(z.number()).default([]),
  /** Defaults to `encounter.dateOfService`. */
  serviceDate: IsoDate.optional(),
  placeOfService: z.string().optional().describe('overrides encounter.placeOfService for this line'),
  /** National Drug Code of the drug given on this line, 11 digits (5-4-2, hyphens allowed): 837P 2410 LIN*N4. */
  ndc: z.string().optional().describe('11-digit NDC in 5-4-2 form, e.g. 00409-3795-01'),
  /** Quantity of the drug in `ndcUnit` (837P 2410 CTP04). */
  ndcQuantity: z.number().optional(),
  /** Unit of `ndcQuantity` (837P 2410 CTP05): UN unit, ML milliliter, GR gram, F2 international unit, ME milligram. */
  ndcUnit: z.string().optional().describe('UN | ML | GR | F2 | ME'),
  ...decisionFields,
});

/** What a warning or suppression points at; mirrors `WarningTarget` in src/core/rules/types.ts. */
export const ClaimTargetSchema = z.union([
  z.object({ kind: z.literal('diagnosis'), index: z.number() }),
  z.object({ kind: z.literal('line'), index: z.number() }),
  z.object({ kind: z.literal('claim'), field: z.string().optional() }),
  z.object({ kind: z.literal('note'), span: z.object({ start: z.number(), end: z.number() }) }),
]);

export const AuditEntrySchema = z.object({
  at: IsoDateTime,
  who: z.string(),
  action: z.string().describe('accept | reject | edit | suppress | export-override | ...'),
  detail: z.string().optional(),
});

/** A warning the user decided not to act on, with the written reason (e.g. unrelated conditions for Excludes1). */
export const SuppressionSchema = z.object({
  rule: z.string(),
  /** Absent (and no `key`): every warning of `rule` on this claim. */
  target: ClaimTargetSchema.optional(),
  /** The warning's stable `key` (RuleWarning.key), when the rule gives one; matched before `target`. */
  key: z.string().optional(),
  justification: z.string(),
  at: IsoDateTime.optional(),
  who: z.string().optional(),
});

/** An export made despite blocking errors; the reason is required. */
export const ExportOverrideSchema = z.object({
  at: IsoDateTime,
  who: z.string().optional(),
  reason: z.string(),
  format: z.string().describe('claim-json | fhir | x12'),
  /** The rule ids that were blocking when the override was recorded. */
  blocking: z.array(z.string()).optional(),
});

export const NoteRefSchema = z.object({
  path: z.string(),
  /** SHA-256 (hex) of the note text the evidence offsets point into; a mismatch means stale evidence. */
  sha256: z.string(),
});

/** Where a member's value came from when the claim was filled (src/core/claim/practice.ts fillClaim). */
export const ClaimSourceSchema = z.object({
  from: z.enum(['practice', 'patient']),
  /** The value as filled: a different current value means the user typed over it. */
  value: z.union([z.string(), z.number()]),
});

export const ClaimSchema = z.object({
  schemaVersion: z.literal(CLAIM_SCHEMA_VERSION),
  id: z.string().optional().describe('claim id / patient control number (837P CLM01)'),
  encounter: EncounterSchema,
  patient: PatientSchema.optional(),
  subscriber: SubscriberSchema.optional(),
  payer: PayerSchema.optional(),
  billingProvider: ProviderSchema.optional(),
  renderingProvider: ProviderSchema.optional(),
  /** The provider who referred the patient (837P 2310A NM1*DN). */
  referringProvider: ProviderSchema.optional(),
  /** Prior authorization number from the payer (837P 2300 REF*G1, FHIR insurance.preAuthRef). */
  priorAuthorization: z.string().optional(),
  diagnoses: z.array(DiagnosisSchema),
  lines: z.array(ServiceLineSchema),
  /** When present it must equal the sum of line charges (`claim.total`). */
  totalCharge: z.number().optional(),
  // Working-copy fields (kept in <note>.claim.json, stripped from billing exports).
  note: NoteRefSchema.optional(),
  audit: z.array(AuditEntrySchema).optional(),
  suppressed: z.array(SuppressionSchema).optional(),
  overrides: z.array(ExportOverrideSchema).optional(),
  /** Members filled from the practice profile or the patient's record, by path (`billingProvider.npi`, `lines[0].charge`). */
  filledFrom: z.record(z.string(), ClaimSourceSchema).optional(),
  /** Exports, acknowledgments and remittances (src/core/claim/history.ts). */
  history: ClaimHistorySchema.optional(),
});

export type Claim = z.infer<typeof ClaimSchema>;
/** What a claim file may contain before defaults (modifiers, diagnosisPointers) are filled in. */
export type ClaimInput = z.input<typeof ClaimSchema>;
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
export type ServiceLine = z.infer<typeof ServiceLineSchema>;
export type PersonName = z.infer<typeof PersonNameSchema>;
export type Address = z.infer<typeof AddressSchema>;
export type Provider = z.infer<typeof ProviderSchema>;
export type Subscriber = z.infer<typeof SubscriberSchema>;
export type EvidenceSpan = z.infer<typeof EvidenceSpanSchema>;
export type DecisionStatus = z.infer<typeof DecisionStatusSchema>;
export type ClaimTarget = z.infer<typeof ClaimTargetSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type Suppression = z.infer<typeof SuppressionSchema>;
export type ExportOverride = z.infer<typeof ExportOverrideSchema>;
export type NoteRef = z.infer<typeof NoteRefSchema>;
export type ClaimSource = z.infer<typeof ClaimSourceSchema>;
