// The sidecar claim `<note>.claim.json`: where it lives, how a fresh one looks, and the changes the
// editor's actions make to it (accept, reject, pick another code, apply a rule's fix, suppress).
// Pure (no `vscode`, no fs): claimEdits.ts turns the before/after text into a WorkspaceEdit.
import { applyFix } from '../core/rules/fix';
import type { ClaimEdit, WarningTarget } from '../core/rules/types';
import { CLAIM_SCHEMA_VERSION, type ClaimInput, type DecisionStatus, type EvidenceSpan } from '../core/claim/schema';
import { parseClaim } from '../core/claim/parse';
import { normalizeCode } from '../core/codes';
import type { Setting } from '../core/suggest/types';

export type ClaimJson = ClaimInput & Record<string, unknown>;

/** `visit.note` -> `visit.note.claim.json` (next to the note, so it travels with it). */
export function claimPathFor(notePath: string): string {
  return `${notePath}.claim.json`;
}

export function isClaimPath(path: string): boolean {
  return path.endsWith('.claim.json');
}

export function notePathForClaim(claimPath: string): string {
  return claimPath.slice(0, -'.claim.json'.length);
}

export function newClaim(setting: Setting, note?: { path: string; sha256: string }): ClaimJson {
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    encounter: { setting },
    diagnoses: [],
    lines: [],
    ...(note ? { note } : {}),
  };
}

export type SidecarRead = { ok: true; claim: ClaimJson } | { ok: false; errors: string[] };

/** Reads sidecar text; a missing file is `undefined` text and gives a fresh claim. */
export function readSidecar(text: string | undefined, setting: Setting): SidecarRead {
  if (text === undefined || text.trim() === '') return { ok: true, claim: newClaim(setting) };
  const r = parseClaim(text);
  if (!r.ok) return r;
  // Keep the file's own shape (no defaults written back that the user did not write).
  return { ok: true, claim: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as ClaimJson };
}

export function serializeClaim(claim: ClaimJson): string {
  return `${JSON.stringify(claim, null, 2)}\n`;
}

export interface Decision {
  code: string;
  system: 'icd10cm' | 'hcpcs' | 'cpt';
  status: DecisionStatus;
  evidence?: EvidenceSpan[];
  who: string;
  at: string;
  /** The code this decision replaces (a more specific child, a 7th character). */
  replaces?: string;
}

function audit(claim: ClaimJson, at: string, who: string, action: string, detail: string): void {
  claim.audit = [...(claim.audit ?? []), { at, who, action, detail }];
}

/** Records accept/reject of a code: updates the diagnosis (or line) in place, or adds it. */
export function withDecision(claim: ClaimJson, d: Decision): ClaimJson {
  const c = structuredClone(claim);
  const fields = { status: d.status, decidedBy: d.who, decidedAt: d.at, ...(d.evidence?.length ? { evidence: d.evidence.map((e) => ({ start: e.start, end: e.end })) } : {}) };
  if (d.system === 'icd10cm') {
    const dxs = [...(c.diagnoses ?? [])];
    const replacedAt = d.replaces ? dxs.findIndex((x) => normalizeCode(x.code) === normalizeCode(d.replaces!)) : -1;
    const at = dxs.findIndex((x) => normalizeCode(x.code) === normalizeCode(d.code));
    if (at >= 0) dxs[at] = { ...dxs[at]!, ...fields };
    else if (replacedAt >= 0) dxs[replacedAt] = { ...dxs[replacedAt]!, code: d.code, system: 'icd10cm', ...fields };
    else dxs.push({ code: d.code, system: 'icd10cm', ...fields });
    c.diagnoses = dxs;
  } else {
    const lines = [...(c.lines ?? [])];
    const at = lines.findIndex((x) => normalizeCode(x.code) === normalizeCode(d.code));
    if (at >= 0) lines[at] = { ...lines[at]!, ...fields };
    else lines.push({ code: d.code, system: d.system, modifiers: [], units: 1, charge: 0, diagnosisPointers: [], ...fields });
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
  const n = normalizeCode(code);
  const hit = [...(claim.diagnoses ?? []), ...(claim.lines ?? [])].find((x) => normalizeCode(x.code) === n);
  return hit ? (hit.status ?? 'accepted') : undefined;
}

/**
 * The claim the rules should judge: rejected codes are decisions kept for the audit trail, not
 * billed, so they are left out. `dxIndex[i]` maps a billed diagnosis back to its index in the file.
 */
export function billedView(claim: ClaimJson): { claim: ClaimJson; dxIndex: number[]; lineIndex: number[] } {
  const dxIndex: number[] = [];
  const lineIndex: number[] = [];
  const diagnoses = (claim.diagnoses ?? []).filter((d, i) => d.status !== 'rejected' && dxIndex.push(i) > 0);
  const lines = (claim.lines ?? []).filter((l, i) => l.status !== 'rejected' && lineIndex.push(i) > 0);
  return { claim: { ...claim, diagnoses, lines }, dxIndex, lineIndex };
}

/** Maps a fix computed on the billed view back to the indexes of the file. */
export function fixOnFile(edit: ClaimEdit, view: { dxIndex: number[]; lineIndex: number[] }): ClaimEdit {
  const dx = (i: number) => view.dxIndex[i] ?? i;
  const ln = (i: number) => view.lineIndex[i] ?? i;
  switch (edit.op) {
    case 'replaceDiagnosis': return { ...edit, index: dx(edit.index) };
    case 'removeDiagnosis': return { ...edit, index: dx(edit.index) };
    case 'moveDiagnosis': return { ...edit, from: dx(edit.from), to: dx(edit.to) };
    case 'setLineCode': case 'addModifier': case 'removeModifier': case 'replaceModifier': case 'setUnits': case 'removeLine': case 'setPointers':
      return { ...edit, line: ln(edit.line) };
    default: return edit;
  }
}
