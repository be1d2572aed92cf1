// Codes checked by their shape before any lookup: an ICD-10-CM code is at most 8 characters with
// the dot, a HCPCS or CPT code 5, a modifier 2. A code that cannot be one (too long, or characters
// no code has) is a code.invalid warning at once, and the other rules never see it: a 16,000
// character "code" once made the lookups quadratic.
import type { ClaimView } from './claimView';
import { dx, line, warning } from './rule';
import type { RuleWarning } from './types';

const MAX_LENGTH: Readonly<Record<string, number>> = { icd10cm: 8, hcpcs: 5, cpt: 5 };
const SHOWN = 12;

/** Why a code cannot be a code of its system, or undefined when its shape is possible. */
export function codeShapeProblem(code: string, system: string): string | undefined {
  const max = MAX_LENGTH[system] ?? 8;
  if (code.length > max + 2) return `${code.length} characters, and a ${label(system)} code has at most ${max}`;
  const compact = code.replace(/\s/g, '');
  if (compact.length > max) return `${compact.length} characters, and a ${label(system)} code has at most ${max}`;
  if (system === 'icd10cm' ? /[^0-9A-Za-z.]/.test(compact) : /[^0-9A-Za-z]/.test(compact)) return `it holds characters no ${label(system)} code has`;
  return undefined;
}

function label(system: string): string {
  return system === 'icd10cm' ? 'ICD-10-CM' : system === 'hcpcs' ? 'HCPCS' : system === 'cpt' ? 'CPT' : system;
}

function article(system: string): string {
  return `${system === 'icd10cm' ? 'an' : 'a'} ${label(system)}`;
}

/** The code as a message shows it: the start of an overlong value, control characters made visible. */
function shown(code: string): string {
  const head = code.length > SHOWN ? `${code.slice(0, SHOWN)}... (${code.length} characters)` : code;
  return JSON.stringify(head);
}

/**
 * Warnings for malformed codes, and the claim view the other rules run on: malformed codes
 * emptied (rules skip an empty code) and modifiers longer than any modifier cut to their start.
 */
export function screenCodeShapes(view: ClaimView): { warnings: RuleWarning[]; view: ClaimView } {
  const warnings: RuleWarning[] = [];
  let changed = false;
  const diagnoses = view.diagnoses.map((d, i) => {
    const problem = d.code === '' ? undefined : codeShapeProblem(d.code, d.system);
    if (!problem) return d;
    changed = true;
    warnings.push(warning('code.invalid', `Diagnosis ${i + 1} ${shown(d.code)} is not ${article(d.system)} code: ${problem}.`, dx(i), {
      source: { dataset: d.system }, key: `code.invalid:shape:dx:${i}`,
    }));
    return { ...d, code: '' };
  });
  const lines = view.lines.map((l, i) => {
    const problem = l.code === '' ? undefined : codeShapeProblem(l.code, l.system);
    const longModifier = l.modifiers.some((m) => m.length > SHOWN);
    if (!problem && !longModifier) return l;
    changed = true;
    if (problem) {
      warnings.push(warning('code.invalid', `Line ${i + 1} ${shown(l.code)} is not ${article(l.system)} code: ${problem}.`, line(i), {
        source: { dataset: l.system }, key: `code.invalid:shape:line:${i}`,
      }));
    }
    // The modifier rule says such a modifier is not one; it needs only the start to say so.
    return { ...l, code: problem ? '' : l.code, modifiers: l.modifiers.map((m) => (m.length > SHOWN ? m.slice(0, SHOWN) : m)) };
  });
  return { warnings, view: changed ? { ...view, diagnoses, lines } : view };
}
