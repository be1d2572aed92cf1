// Applies the panel's edits to the claim JSON as the document holds it now. Unknown members are
// kept (the edits touch only what they name); rule-fix edits go through `applyFix` so moving or
// removing a diagnosis keeps every line's pointers on the same diagnoses.
import { validateClaim } from '../../core/claim/parse';
import type { PatientRecord } from '../../core/claim/patients';
import { fillClaim, type Practice } from '../../core/claim/practice';
import { applyFix } from '../../core/rules/fix';
import type { ClaimEdit } from '../../core/rules/types';
import type { PanelEdit } from '../../core/protocol';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Members holding lists: a dotted `setField` must not turn them into objects. */
const LIST_ROOTS = new Set(['diagnoses', 'lines', 'audit', 'suppressed', 'overrides']);

function lineAt(claim: Json, line: number): Json {
  const lines = Array.isArray(claim.lines) ? claim.lines : [];
  const l = lines[line];
  if (!isRecord(l)) throw new Error(`The claim has no service line ${line + 1}.`);
  return l;
}

function checkPath(path: string): string[] {
  const parts = path.split('.');
  if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) throw new Error(`"${path}" is not a claim member.`);
  if (LIST_ROOTS.has(parts[0]!)) throw new Error(`"${path}" is a list; change it with its own edit.`);
  return parts;
}

function clearField(claim: Json, path: string): void {
  const parts = checkPath(path);
  const chain: Json[] = [claim];
  for (const p of parts.slice(0, -1)) {
    const next = chain[chain.length - 1]![p];
    if (!isRecord(next)) return;
    chain.push(next);
  }
  delete chain[chain.length - 1]![parts[parts.length - 1]!];
  // An object emptied by the panel (patient.name with no parts left) goes too.
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]!).length > 0) break;
    delete chain[i - 1]![parts[i - 1]!];
  }
}

/** The practice profile and imported patients a `fillFromPatient` edit fills from. */
export interface FillSources {
  practice?: Practice;
  patients?: readonly PatientRecord[];
}

/** Sets `lines[0].charge` or `patient.name.family` on the raw claim, creating objects on the way. */
function setPath(claim: Json, path: string, value: unknown): void {
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  let node: Json | unknown[] = claim;
  for (const [i, part] of parts.entries()) {
    const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
    const holder = node as Record<string | number, unknown>;
    if (i === parts.length - 1) {
      holder[key] = value;
      return;
    }
    if (typeof holder[key] !== 'object' || holder[key] === null) holder[key] = {};
    node = holder[key] as Json;
  }
}

/** Fills only the empty members (fillClaim), written onto the file's own JSON so unknown members stay. */
function fillFromPatient(claim: Json, patientId: string, sources: FillSources): Json {
  const patient = sources.patients?.find((p) => p.id === patientId);
  if (patient === undefined) throw new Error(`No imported patient has the id "${patientId}"; import patients with \`medcode patients import\`.`);
  const parsed = validateClaim(claim);
  if (!parsed.ok) throw new Error(`The claim cannot be filled: ${parsed.errors[0]}`);
  const { filled } = fillClaim(parsed.claim, sources.practice, patient);
  const c = structuredClone(claim);
  for (const [path, source] of Object.entries(filled)) setPath(c, path, source.value);
  if (Object.keys(filled).length > 0) c.filledFrom = { ...(isRecord(c.filledFrom) ? c.filledFrom : {}), ...filled };
  return c;
}

function applyOne(claim: Json, edit: PanelEdit, sources: FillSources): Json {
  switch (edit.op) {
    case 'fillFromPatient':
      return fillFromPatient(claim, edit.patientId, sources);
    case 'setLineField': {
      const c = structuredClone(claim);
      // null removes the member (JSON cannot carry undefined): an NDC cleared in the panel.
      if (edit.value === null) delete lineAt(c, edit.line)[edit.field];
      else lineAt(c, edit.line)[edit.field] = edit.value;
      return c;
    }
    case 'addLine': {
      const c = structuredClone(claim);
      const lines = Array.isArray(c.lines) ? c.lines : [];
      lines.push({ code: edit.code, system: edit.system, modifiers: [], units: 1, charge: edit.charge ?? 0, diagnosisPointers: [] });
      c.lines = lines;
      return c;
    }
    case 'clearField': {
      const c = structuredClone(claim);
      clearField(c, edit.path);
      return c;
    }
    case 'setField':
      checkPath(edit.path);
      return applyFix(claim, edit as ClaimEdit);
    default:
      return applyFix(claim, edit as ClaimEdit);
  }
}

/** The claim after `edits`, in order; throws an Error whose message names the edit that cannot apply. */
export function applyPanelEdits(claim: Json, edits: readonly PanelEdit[], sources: FillSources = {}): Json {
  let c = claim;
  for (const e of edits) c = applyOne(c, e, sources);
  return c;
}
