// The claim for a note, as both the extension ("MedCode: Open Claim") and `medcode claim` make it:
// a new claim is assembled from the note's decided codes, an existing one is kept as it is, and
// either is filled from the practice profile and the patient the note names (or the one given).
import type { AssembledClaim, DecidedSuggestion } from './assemble';
import { createClaim, withDecision } from './working';
import { patientIdForNote, type PatientRecord } from './patients';
import { fillClaim, type Practice } from './practice';
import type { Claim } from './schema';

export interface ClaimForNoteInput {
  note: { text: string; path: string; sha256: string };
  /** The note's decided codes (accepted and rejected); only accepted ones become claim members. */
  decided: readonly DecidedSuggestion[];
  setting: 'outpatient' | 'inpatient';
  /** The sidecar claim when there is one: kept, and only its empty members are filled. */
  existing?: Claim;
  practice?: Practice;
  patients?: readonly PatientRecord[];
  /** A patient id chosen by the user (`--patient`, the panel); else the one the note names. */
  patientId?: string;
  dateOfService?: string;
}

export type ClaimForNote =
  | (Pick<AssembledClaim, 'claim' | 'droppedDiagnoses' | 'ignored' | 'filled'> & { ok: true; patientId?: string })
  | { ok: false; error: string };

const DATE_LINE = /^\s*(?:date of service|dos|date of visit|visit date)\s*[:#]\s*(\d{4}-\d{2}-\d{2})\s*$/i;

/** A `Date of service: YYYY-MM-DD` line among the note's first lines. */
export function dateOfServiceInNote(text: string): string | undefined {
  for (const line of text.slice(0, 2000).split(/\r?\n/).slice(0, 15)) {
    const m = DATE_LINE.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

export function claimForNote(input: ClaimForNoteInput): ClaimForNote {
  const patients = input.patients ?? [];
  const patientId = input.patientId ?? patientIdForNote(input.note.text, input.note.path, patients.map((p) => p.id));
  const patient = patientId === undefined ? undefined : patients.find((p) => p.id === patientId);
  if (patientId !== undefined && patient === undefined && (input.patientId !== undefined || patients.length > 0)) {
    return {
      ok: false,
      error: `No imported patient has the id "${patientId}"${input.patientId === undefined ? ' (named in the note)' : ''}; import the patient first (medcode patients import FILE) or pick another.`,
    };
  }
  const dateOfService = input.dateOfService ?? dateOfServiceInNote(input.note.text);
  if (input.existing !== undefined) {
    const base = dateOfService !== undefined && input.existing.encounter.dateOfService === undefined
      ? { ...input.existing, encounter: { ...input.existing.encounter, dateOfService } }
      : input.existing;
    const { claim, filled } = fillClaim(base, input.practice, patient);
    return { ok: true, claim, filled, droppedDiagnoses: [], ignored: [], ...(patient ? { patientId: patient.id } : {}) };
  }
  // The one way a claim is created (createClaim), then the decisions as the editor records them:
  // diagnoses first, in the analyzer's rank, so lines point at them; then the practice and patient.
  let claim = createClaim({ setting: input.setting, note: { path: input.note.path, sha256: input.note.sha256 }, ...(dateOfService !== undefined ? { dateOfService } : {}) });
  const ranked = [...input.decided].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const rank = new Map(ranked.map((d, i) => [d.code, i] as const));
  const ignored: string[] = [];
  for (const d of [...ranked.filter((x) => x.system === 'icd10cm'), ...ranked.filter((x) => x.system !== 'icd10cm')]) {
    if (d.system !== 'icd10cm' && d.system !== 'hcpcs' && d.system !== 'cpt') {
      ignored.push(d.code);
      continue;
    }
    claim = withDecision(claim, {
      code: d.code, system: d.system, status: d.status, ...(d.evidence ? { evidence: d.evidence } : {}), ...(d.units !== undefined ? { units: d.units } : {}),
      who: d.decidedBy ?? 'medcode', at: d.decidedAt ?? new Date().toISOString(), rankOf: (code) => rank.get(code),
    });
  }
  const { claim: filledClaim, filled } = fillClaim(claim as Claim, input.practice, patient);
  return { ok: true, claim: filledClaim, filled, droppedDiagnoses: [], ignored, ...(patient ? { patientId: patient.id } : {}) };
}
