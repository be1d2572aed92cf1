// The working claim kept beside a note (`<note>.claim.json`): how one is created (one way only),
// how its text is read (one parser), the decisions a coder records in it (accept, reject, a rule's
// fix, a suppression) and the claim as billed (rejected codes left out) that the rules judge.
// The editor, the panel, the CLI and the folder audit all go through these functions.
import { normalizeCode } from '../codes';
import { applyFix } from '../rules/fix';
import type { ClaimEdit, WarningTarget } from '../rules/types';
import { parseClaim } from './parse';
import { CLAIM_SCHEMA_VERSION, type Claim, type ClaimInput, type DecisionStatus, type EvidenceSpan } from './schema';
import { MAX_LINE_POINTERS } from './assemble';

/** A claim as its file holds it: members this version does not know are kept. */
export type ClaimJson = ClaimInput & Record<string, unknown>;

/** What a new claim starts from; a practice profile (payer, providers, place of service) fills the rest. */
export interface NewClaimInput {
  setting?: 'outpatient' | 'inpatient';
  dateOfService?: string;
  placeOfService?: string;
  patientStatus?: string;
  note?: { path: string; sha256: string };
  /** Members copied as given (patient, payer, billingProvider, renderingProvider, id ...). */
  defaults?: Partial<Omit<Claim, 'schemaVersion' | 'diagnoses' | 'lines' | 'encounter'>>;
}

/** The one way a claim comes into being: the editor's first accept, `demo`, the audit's draft of a lone note. */
export function createClaim(input: NewClaimInput = {}): ClaimJson {
  const encounter: ClaimJson['encounter'] = {
    ...(input.dateOfService ? { dateOfService: input.dateOfService } : {}),
    ...(input.placeOfService ? { placeOfService: input.placeOfService } : {}),
    ...(input.patientStatus ? { patientStatus: input.patientStatus } : {}),
    ...(input.setting ? { setting: input.setting } : {}),
  };
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    ...(input.defaults ?? {}),
    encounter,
    diagnoses: [],
    lines: [],
    ...(input.note ? { note: input.note } : {}),
  };
}

export type ClaimRead =
  | { ok: true; claim: ClaimJson; parsed: Claim }
  | { ok: false; errors: string[]; /** The JSON value when the text is JSON that fails the schema (the rules still judge it). */ json?: unknown };

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The one reading of claim text: the file's own JSON (for edits that keep unknown members) and the schema's view. */
export function readClaim(text: string): ClaimRead {
  const r = parseClaim(text);
  if (r.ok) return { ok: true, claim: JSON.parse(stripBom(text)) as ClaimJson, parsed: r.claim };
  let json: unknown;
  try {
    json = JSON.parse(stripBom(text));
  } catch {
    return r;
  }
  return { ...r, json };
}

export function serializeClaim(claim: ClaimJson): string {
  return `${JSON.stringify(claim, null, 2)}\n`;
}

const norm = normalizeCode;

export interface Decision {
  code: string;
  system: 'icd10cm' | 'hcpcs' | 'cpt';
  status: DecisionStatus;
  evidence?: EvidenceSpan[];
  who: string;
  at: string;
  /** The code this decision replaces (a more specific child, a 7th character). */
  replaces?: string;
  /** Service lines: billed units (a drug dose over the descriptor's unit, prolonged-service increments). */
  units?: number;
  /**
   * Diagnoses: the analyzer's rank of each code (0 = top). A newly accepted diagnosis goes before
   * the first one the analyzer ranked lower, so the first-listed diagnosis is the top-ranked one;
   * codes the coder typed (no rank) keep their place.
   */
  rankOf?: (code: string) => number | undefined;
}

function audit(claim: ClaimJson, at: string, who: string, action: string, detail: string): void {
  claim.audit = [...(claim.audit ?? []), { at, who, action, detail }];
}

/** 1-based pointers to the billed (not rejected) diagnoses, at most four, in claim order. */
export function billedPointers(claim: ClaimJson): number[] {
  const out: number[] = [];
  (claim.diagnoses ?? []).forEach((d, i) => { if (d.status !== 'rejected' && out.length < MAX_LINE_POINTERS) out.push(i + 1); });
  return out;
}

function insertAt(dxs: NonNullable<ClaimJson['diagnoses']>, code: string, rankOf: Decision['rankOf']): number {
  const mine = rankOf?.(code);
  if (mine === undefined) return dxs.length;
  const at = dxs.findIndex((x) => { const r = rankOf!(x.code); return r !== undefined && r > mine; });
  return at < 0 ? dxs.length : at;
}

/** Line pointers follow a diagnosis inserted at `at` (1-based pointers at or after it shift by one). */
function shiftPointers(claim: ClaimJson, at: number): void {
  claim.lines = (claim.lines ?? []).map((l) => ({ ...l, diagnosisPointers: (l.diagnosisPointers ?? []).map((p) => (p > at ? p + 1 : p)) }));
}

/** Records accept/reject of a code: updates the diagnosis (or line) in place, or adds it. */
export function withDecision(claim: ClaimJson, d: Decision): ClaimJson {
  const c = structuredClone(claim);
  const fields = { status: d.status, decidedBy: d.who, decidedAt: d.at, ...(d.evidence?.length ? { evidence: d.evidence.map((e) => ({ start: e.start, end: e.end })) } : {}) };
  if (d.system === 'icd10cm') {
    const dxs = [...(c.diagnoses ?? [])];
    const replacedAt = d.replaces ? dxs.findIndex((x) => norm(x.code) === norm(d.replaces!)) : -1;
    const at = dxs.findIndex((x) => norm(x.code) === norm(d.code));
    if (at >= 0) dxs[at] = { ...dxs[at]!, ...fields };
    else if (replacedAt >= 0) dxs[replacedAt] = { ...dxs[replacedAt]!, code: d.code, system: 'icd10cm', ...fields };
    else {
      const pos = insertAt(dxs, d.code, d.rankOf);
      dxs.splice(pos, 0, { code: d.code, system: 'icd10cm', ...fields });
      if (pos < dxs.length - 1) shiftPointers(c, pos);
    }
    c.diagnoses = dxs;
  } else {
    const lines = [...(c.lines ?? [])];
    const at = lines.findIndex((x) => norm(x.code) === norm(d.code));
    if (at >= 0) lines[at] = { ...lines[at]!, ...fields, ...(d.units !== undefined && d.status === 'accepted' ? { units: d.units } : {}) };
    else {
      const pointers = d.status === 'accepted' ? billedPointers(c) : [];
      lines.push({ code: d.code, system: d.system, modifiers: [], units: d.units ?? 1, charge: 0, diagnosisPointers: pointers, ...fields });
    }
    c.lines = lines;
  }
  audit(c, d.at, d.who, d.status === 'accepted' ? 'accept' : d.status === 'rejected' ? 'reject' : 'edit', d.replaces ? `${d.code} (was ${d.replaces})` : d.code);
  return c;
}

/** Applies a rule's fix (indexes refer to the claim as written) and records it in the audit trail. */
export function withFix(claim: ClaimJson, edit: ClaimEdit, title: string, who: string, at: string): ClaimJson {
  const c = applyFix(claim, edit);
  audit(c, at, who, 'edit', title);
  return c;
}

export function withSuppression(claim: ClaimJson, s: { rule: string; key?: string; target?: WarningTarget; justification: string; who: string; at: string }): ClaimJson {
  const c = structuredClone(claim);
  c.suppressed = [...(c.suppressed ?? []), {
    rule: s.rule,
    ...(s.key ? { key: s.key } : s.target ? { target: s.target } : {}),
    justification: s.justification,
    who: s.who,
    at: s.at,
  }];
  audit(c, s.at, s.who, 'suppress', s.rule);
  return c;
}

/** The status a code has in the claim (a diagnosis or a line), or undefined when the claim does not name it. */
export function statusInClaim(claim: ClaimJson, code: string): DecisionStatus | undefined {
  const n = norm(code);
  const hit = [...(claim.diagnoses ?? []), ...(claim.lines ?? [])].find((x) => norm(x.code) === n);
  return hit ? (hit.status ?? 'accepted') : undefined;
}

export interface BilledView {
  claim: Record<string, unknown>;
  /** `dxIndex[i]`: the file index of billed diagnosis i. */
  dxIndex: number[];
  lineIndex: number[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const rejected = (v: unknown): boolean => isRecord(v) && v.status === 'rejected';

/**
 * The claim as billed: rejected codes are decisions kept for the audit trail, not billed, so they
 * are left out, and line pointers are renumbered to the diagnoses that remain. Works on any JSON
 * value (a draft or a file that fails the schema still gets judged).
 */
export function billedView(claim: unknown): BilledView {
  const raw = isRecord(claim) ? claim : {};
  const dxIndex: number[] = [];
  const lineIndex: number[] = [];
  if (!Array.isArray(raw.diagnoses) && !Array.isArray(raw.lines)) return { claim: raw, dxIndex, lineIndex };
  const dxs = Array.isArray(raw.diagnoses) ? raw.diagnoses : [];
  const pointerTo = new Map<number, number>();
  const diagnoses = dxs.filter((d, i) => {
    if (rejected(d)) return false;
    dxIndex.push(i);
    pointerTo.set(i + 1, dxIndex.length);
    return true;
  });
  const renumber = dxIndex.length !== dxs.length;
  const lines = (Array.isArray(raw.lines) ? raw.lines : []).flatMap((l, i) => {
    if (rejected(l)) return [];
    lineIndex.push(i);
    if (!renumber || !isRecord(l) || !Array.isArray(l.diagnosisPointers)) return [l];
    // A pointer to a rejected diagnosis points at nothing billed: it becomes 0, which the pointer rule reports.
    return [{ ...l, diagnosisPointers: l.diagnosisPointers.map((p) => (typeof p === 'number' ? (pointerTo.get(p) ?? 0) : p)) }];
  });
  return { claim: { ...raw, ...(Array.isArray(raw.diagnoses) ? { diagnoses } : {}), ...(Array.isArray(raw.lines) ? { lines } : {}) }, dxIndex, lineIndex };
}

/** Maps a fix computed on the billed view back to the indexes of the file. */
export function fixOnFile(edit: ClaimEdit, view: Pick<BilledView, 'dxIndex' | 'lineIndex'>): ClaimEdit {
  const dx = (i: number) => view.dxIndex[i] ?? i;
  const ln = (i: number) => view.lineIndex[i] ?? i;
  switch (edit.op) {
    case 'replaceDiagnosis': return { ...edit, index: dx(edit.index) };
    case 'removeDiagnosis': return { ...edit, index: dx(edit.index) };
    case 'moveDiagnosis': return { ...edit, from: dx(edit.from), to: dx(edit.to) };
    case 'setPointers': return { ...edit, line: ln(edit.line), pointers: edit.pointers.map((p) => (p >= 1 && view.dxIndex[p - 1] !== undefined ? view.dxIndex[p - 1]! + 1 : p)) };
    case 'setLineCode': case 'addModifier': case 'removeModifier': case 'replaceModifier': case 'setUnits': case 'removeLine':
      return { ...edit, line: ln(edit.line) };
    default: return edit;
  }
}
