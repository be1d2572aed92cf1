// A defensive, typed reading of a claim. The rules must run on anything a user or a fuzzer hands
// them (a half-filled draft, a file that fails the schema), so they read the claim through this
// view instead of trusting the zod type: missing or mistyped members become undefined, never a crash.
import { systemByShape } from '../codes';

export interface ViewSpan { start: number; end: number }

export interface ViewDiagnosis {
  code: string;
  system: string;
  evidence: ViewSpan[];
}

export interface ViewLine {
  code: string;
  system: string;
  modifiers: string[];
  units?: number;
  charge?: number;
  pointers: number[];
  /** Line date of service, else the encounter's. */
  dateOfService?: string;
  /** Raw pointer member present at all (to tell "none" from "not an array"). */
  hasPointers: boolean;
}

export interface ViewSuppression {
  rule: string;
  key?: string;
  target?: Record<string, unknown>;
  justification: string;
  by?: string;
  at?: string;
}

export interface ClaimView {
  raw: Record<string, unknown>;
  schemaVersion?: string;
  dateOfService?: string;
  placeOfService?: string;
  patientStatus?: string;
  setting?: string;
  totalTimeMinutes?: number;
  patient: { id?: string; family?: string; given?: string; birthDate?: string; sex?: string; memberId?: string };
  payer: { name?: string; id?: string };
  billingProvider: { npi?: string; name?: string; taxId?: string; address?: Record<string, unknown> };
  renderingProvider: { npi?: string };
  /** Every NPI on the claim with the field it sits in. */
  npis: { field: string; value: unknown }[];
  diagnoses: ViewDiagnosis[];
  lines: ViewLine[];
  totalCharge?: number;
  suppressed: ViewSuppression[];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const obj = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function spans(v: unknown): ViewSpan[] {
  const out: ViewSpan[] = [];
  for (const e of arr(v)) {
    const r = obj(e);
    const start = num(r.start);
    const end = num(r.end);
    if (start !== undefined && end !== undefined && end >= start) out.push({ start, end });
  }
  return out;
}

export function viewClaim(claim: unknown): ClaimView {
  const raw = obj(claim);
  const enc = obj(raw.encounter);
  const patient = obj(raw.patient);
  const name = obj(patient.name);
  const payer = obj(raw.payer);
  const billing = obj(raw.billingProvider);
  const rendering = obj(raw.renderingProvider);
  const dateOfService = str(enc.dateOfService);
  const npis: { field: string; value: unknown }[] = [];
  for (const [field, holder] of [['billingProvider.npi', billing], ['renderingProvider.npi', rendering], ['referringProvider.npi', obj(raw.referringProvider)]] as const) {
    if (holder.npi !== undefined) npis.push({ field, value: holder.npi });
  }
  const diagnoses: ViewDiagnosis[] = arr(raw.diagnoses).map((d) => {
    const r = obj(d);
    return { code: (str(r.code) ?? '').trim(), system: str(r.system) ?? 'icd10cm', evidence: spans(r.evidence) };
  });
  const lines: ViewLine[] = arr(raw.lines).map((l) => {
    const r = obj(l);
    const code = (str(r.code) ?? '').trim();
    return {
      code,
      system: str(r.system) ?? guessSystem(code),
      modifiers: arr(r.modifiers).map((m) => (str(m) ?? '').trim().toUpperCase()).filter((m) => m !== ''),
      units: num(r.units),
      charge: num(r.charge),
      pointers: arr(r.diagnosisPointers).map((p) => num(p)).filter((p): p is number => p !== undefined),
      hasPointers: Array.isArray(r.diagnosisPointers),
      dateOfService: str(r.dateOfService) ?? str(r.serviceDate) ?? dateOfService,
    };
  });
  const suppressed: ViewSuppression[] = [...arr(raw.suppressed), ...arr(raw.suppressions)].flatMap((s) => {
    const r = obj(s);
    const rule = str(r.rule);
    if (!rule) return [];
    return [{ rule, key: str(r.key), target: isRecord(r.target) ? r.target : undefined, justification: str(r.justification) ?? '', by: str(r.who) ?? str(r.by), at: str(r.at) }];
  });
  return {
    raw,
    schemaVersion: str(raw.schemaVersion),
    dateOfService,
    placeOfService: str(enc.placeOfService),
    patientStatus: str(enc.patientStatus),
    setting: str(enc.setting),
    totalTimeMinutes: num(enc.totalTimeMinutes),
    patient: {
      id: str(patient.id),
      family: str(name.family),
      given: typeof name.given === 'string' ? name.given : Array.isArray(name.given) ? str(name.given[0]) : undefined,
      birthDate: str(patient.birthDate),
      sex: str(patient.sex),
      memberId: str(patient.memberId),
    },
    payer: { name: str(payer.name), id: str(payer.id) },
    billingProvider: { npi: str(billing.npi), name: str(billing.name), taxId: str(billing.taxId), address: isRecord(billing.address) ? billing.address : undefined },
    renderingProvider: { npi: str(rendering.npi) },
    npis,
    diagnoses,
    lines,
    totalCharge: num(raw.totalCharge) ?? num(raw.total),
    suppressed,
  };
}

/** The system of a service line's code by its shape (CPT, HCPCS Level II); anything else is taken as ICD-10-CM. */
export function guessSystem(code: string): string {
  const shape = systemByShape(code);
  return shape === 'cpt' || shape === 'hcpcs' ? shape : 'icd10cm';
}
