// Claims -> patients: each claim joins the patient it names (patient.id, else member id, else name
// and birth date), eligible claims give their diagnoses, the others are listed with the reason.
// The beneficiary's demographics come from the claims' patient data (the latest claim wins), with
// the stated defaults: not dual, not originally disabled, community, continuing enrollee.
import { ClaimSchema, type Claim } from '../claim/schema';
import type { Beneficiary, DualStatus } from './demographics';
import { claimEligibility } from './eligibility';
import type { ScoredDiagnosis } from './score';

export interface ClaimInputFile {
  /** How the claim is named in the output (its file path). */
  name: string;
  json: unknown;
  /** MEAT support per diagnosis code (normalized), when the linked note was checked. */
  support?: ReadonlyMap<string, boolean>;
}

export interface PatientClaims {
  patient: string;
  beneficiary?: Beneficiary;
  /** Why there is no beneficiary (no birth date, no sex). */
  problem?: string;
  /** The demographic fields that took their default. */
  defaults: string[];
  diagnoses: ScoredDiagnosis[];
  claimsUsed: string[];
  claimsSkipped: { claim: string; reason: string }[];
}

export function patientKey(claim: Claim): string | undefined {
  const p = claim.patient;
  if (!p) return undefined;
  if (p.id) return p.id;
  if (p.memberId) return p.memberId;
  const name = [p.name?.family, p.name?.given].filter(Boolean).join(', ');
  return name ? `${name}${p.birthDate ? ` (${p.birthDate})` : ''}` : undefined;
}

function dualOf(value: string | undefined): DualStatus | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'none' || v === 'no' || v === 'non-dual') return 'none';
  if (v === 'full' || v === 'full-dual' || v === 'full-benefit') return 'full';
  if (v === 'partial' || v === 'partial-dual' || v === 'partial-benefit') return 'partial';
  return undefined;
}

function sexOf(value: string | undefined): 'female' | 'male' | undefined {
  const v = value?.trim().toLowerCase();
  return v === 'female' || v === 'f' ? 'female' : v === 'male' || v === 'm' ? 'male' : undefined;
}

export function groupClaims(files: readonly ClaimInputFile[], paymentYear: number, eligibleCodes: ReadonlySet<string>): { patients: PatientClaims[]; unreadable: { claim: string; reason: string }[] } {
  const byPatient = new Map<string, { claims: { file: ClaimInputFile; claim: Claim }[] }>();
  const unreadable: { claim: string; reason: string }[] = [];
  for (const file of files) {
    const parsed = ClaimSchema.safeParse(file.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      unreadable.push({ claim: file.name, reason: `not a claim (${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'schema'})` });
      continue;
    }
    const key = patientKey(parsed.data) ?? file.name;
    const entry = byPatient.get(key) ?? { claims: [] };
    entry.claims.push({ file, claim: parsed.data });
    byPatient.set(key, entry);
  }
  const patients: PatientClaims[] = [];
  for (const [patient, { claims }] of byPatient) {
    const ordered = [...claims].sort((a, b) => (a.claim.encounter.dateOfService ?? '').localeCompare(b.claim.encounter.dateOfService ?? ''));
    const out: PatientClaims = { patient, defaults: [], diagnoses: [], claimsUsed: [], claimsSkipped: [] };
    // Latest non-empty value of each demographic field.
    const latest = <T>(pick: (c: Claim) => T | undefined): T | undefined => {
      for (let i = ordered.length - 1; i >= 0; i--) {
        const v = pick(ordered[i]!.claim);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    const birthDate = latest((c) => (c.patient?.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(c.patient.birthDate) ? c.patient.birthDate : undefined));
    const sex = latest((c) => sexOf(c.patient?.sex));
    const ra = <K extends 'originallyDisabled' | 'institutional' | 'newEnrollee'>(k: K) => latest((c) => c.patient?.riskAdjustment?.[k]);
    const dual = latest((c) => dualOf(c.patient?.riskAdjustment?.dualStatus));
    const originallyDisabled = ra('originallyDisabled');
    const institutional = ra('institutional');
    const newEnrollee = ra('newEnrollee');
    if (dual === undefined) out.defaults.push('dualStatus: none');
    if (originallyDisabled === undefined) out.defaults.push('originallyDisabled: false');
    if (institutional === undefined) out.defaults.push('institutional: false (community)');
    if (newEnrollee === undefined) out.defaults.push('newEnrollee: false');
    if (!birthDate || !sex) {
      out.problem = `no ${!birthDate ? 'birth date (patient.birthDate, YYYY-MM-DD)' : 'sex (patient.sex: female or male)'} on any claim of this patient; the demographic cell needs it`;
    } else {
      out.beneficiary = { birthDate, sex, dual: dual ?? 'none', originallyDisabled: originallyDisabled ?? false, institutional: institutional ?? false, newEnrollee: newEnrollee ?? false };
    }
    for (const { file, claim } of ordered) {
      const e = claimEligibility(claim, paymentYear, eligibleCodes);
      if (!e.eligible) { out.claimsSkipped.push({ claim: file.name, reason: e.reason }); continue; }
      out.claimsUsed.push(file.name);
      for (const d of claim.diagnoses) {
        if (d.status === 'rejected' || d.code.trim() === '') continue;
        const code = d.code.replace(/[.\s]/g, '').toUpperCase();
        const supported = file.support?.get(code);
        out.diagnoses.push(supported === undefined ? { code } : { code, supported });
      }
    }
    patients.push(out);
  }
  return { patients: patients.sort((a, b) => a.patient.localeCompare(b.patient)), unreadable };
}
