// applyFix: a warning's fix applied to a claim, returning a new claim (the input is not changed).
// Diagnosis removals and moves keep the lines' 1-based pointers on the same diagnoses.
import { isRecord } from './claimView';
import type { ClaimEdit } from './types';

type Json = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function remapPointers(claim: Json, map: (p: number) => number | undefined): void {
  for (const l of list(claim.lines)) {
    if (!isRecord(l) || !Array.isArray(l.diagnosisPointers)) continue;
    const out: number[] = [];
    for (const p of l.diagnosisPointers) {
      const q = typeof p === 'number' ? map(p) : undefined;
      if (q !== undefined && !out.includes(q)) out.push(q);
    }
    l.diagnosisPointers = out;
  }
}

function lineAt(claim: Json, i: number): Json {
  const l = list(claim.lines)[i];
  if (!isRecord(l)) throw new Error(`The claim has no line ${i + 1}.`);
  return l;
}

export function applyFix<T>(claim: T, edit: ClaimEdit): T {
  const c = structuredClone(claim) as unknown as Json;
  const dxs = list(c.diagnoses);
  switch (edit.op) {
    case 'replaceDiagnosis': {
      const d = dxs[edit.index];
      if (!isRecord(d)) throw new Error(`The claim has no diagnosis ${edit.index + 1}.`);
      d.code = edit.code;
      delete d.evidence;
      break;
    }
    case 'removeDiagnosis': {
      const removed = dxs[edit.index];
      if (!isRecord(removed)) throw new Error(`The claim has no diagnosis ${edit.index + 1}.`);
      // A pointer to a removed duplicate moves to the remaining copy of the same code.
      const twin = dxs.findIndex((d, i) => i !== edit.index && isRecord(d) && d.code === removed.code);
      dxs.splice(edit.index, 1);
      const removedP = edit.index + 1;
      const twinP = twin < 0 ? undefined : twin < edit.index ? twin + 1 : twin;
      remapPointers(c, (p) => (p === removedP ? twinP : p > removedP ? p - 1 : p));
      break;
    }
    case 'moveDiagnosis': {
      if (edit.from < 0 || edit.from >= dxs.length || edit.to < 0 || edit.to >= dxs.length) throw new Error('Diagnosis position out of range.');
      const order = dxs.map((_, i) => i);
      const [moved] = order.splice(edit.from, 1);
      order.splice(edit.to, 0, moved!);
      const newPos = new Map(order.map((old, pos) => [old + 1, pos + 1]));
      c.diagnoses = order.map((i) => dxs[i]);
      remapPointers(c, (p) => newPos.get(p) ?? p);
      break;
    }
    case 'addDiagnosis': {
      const at = edit.at ?? dxs.length;
      dxs.splice(at, 0, { code: edit.code, system: 'icd10cm' });
      c.diagnoses = dxs;
      remapPointers(c, (p) => (p > at ? p + 1 : p));
      break;
    }
    case 'setLineCode':
      lineAt(c, edit.line).code = edit.code;
      break;
    case 'addModifier': {
      const l = lineAt(c, edit.line);
      const mods = list(l.modifiers);
      if (!mods.includes(edit.modifier)) l.modifiers = [...mods, edit.modifier];
      break;
    }
    case 'removeModifier': {
      const l = lineAt(c, edit.line);
      l.modifiers = list(l.modifiers).filter((m) => m !== edit.modifier);
      break;
    }
    case 'replaceModifier': {
      const l = lineAt(c, edit.line);
      l.modifiers = list(l.modifiers).map((m) => (m === edit.from ? edit.to : m));
      break;
    }
    case 'setUnits':
      lineAt(c, edit.line).units = edit.units;
      break;
    case 'removeLine':
      lineAt(c, edit.line);
      (c.lines as unknown[]).splice(edit.line, 1);
      break;
    case 'setPointers':
      lineAt(c, edit.line).diagnosisPointers = [...edit.pointers];
      break;
    case 'setField': {
      const parts = edit.path.split('.');
      let o: Json = c;
      for (const p of parts.slice(0, -1)) {
        if (!isRecord(o[p])) o[p] = {};
        o = o[p] as Json;
      }
      o[parts[parts.length - 1]!] = edit.value;
      break;
    }
  }
  return c as unknown as T;
}
