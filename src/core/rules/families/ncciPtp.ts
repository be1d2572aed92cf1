// ncci.ptp: NCCI procedure-to-procedure pairs on the same date of service. Modifier indicator 0:
// never billed together (error); 1: allowed with an NCCI-associated modifier on either line when
// the services are distinct (warning until one is present); 9: the edit does not apply.
// An edit is in force from its effective date through its deletion date.
import type { PtpEdit } from '../../codeset/api';
import { NCCI_PTP_MODIFIERS, isEm } from '../codes';
import { normalizeCode } from '../../codes';
import type { ViewLine } from '../claimView';
import { line, warning, type RuleFamily, type RuleRun } from '../rule';
import type { RuleWarning } from '../types';

export function ptpInForce(e: PtpEdit, date: string): boolean {
  if (e.effectiveDate && date < e.effectiveDate) return false;
  if (e.deletionDate && date > e.deletionDate) return false;
  return true;
}

const procedureLine = (l: ViewLine) => l.code !== '' && (l.system === 'cpt' || l.system === 'hcpcs');

export const ncciPtp: RuleFamily = {
  name: 'ncci ptp',
  rules: ['ncci.ptp'],
  async run(run) {
    const lines = run.claim.lines.map((l, i) => ({ l, i, code: normalizeCode(l.code) })).filter(({ l }) => procedureLine(l));
    if (lines.length < 2) return [];
    const index = run.ctx.index;
    if (!index.hasPtp()) {
      run.unchecked({ dataset: 'ncci-ptp', checks: ['ncci.ptp'], reason: 'no NCCI procedure-to-procedure edits are installed' });
      return [];
    }
    const variant = run.ctx.ncciVariant ?? 'practitioner';
    const out: RuleWarning[] = [];
    for (let a = 0; a < lines.length; a++) {
      for (let b = a + 1; b < lines.length; b++) {
        const x = lines[a]!;
        const y = lines[b]!;
        const date = x.l.dateOfService ?? run.date;
        if (x.code === y.code || (y.l.dateOfService ?? run.date) !== date) continue;
        const edits = await index.ptp(x.code, y.code, { date, variant });
        if (edits === undefined) {
          run.unchecked({ dataset: 'ncci-ptp', checks: ['ncci.ptp'], reason: 'the NCCI procedure-to-procedure database could not be opened' });
          return out;
        }
        const edit = edits.filter((e) => e.modifierIndicator !== 9 && ptpInForce(e, date)).sort((p, q) => p.modifierIndicator - q.modifierIndicator)[0];
        if (edit) out.push(...pairWarning(run, edit, x, y));
      }
    }
    return out;
  },
};

function pairWarning(_run: RuleRun, e: PtpEdit, x: { l: ViewLine; i: number; code: string }, y: { l: ViewLine; i: number; code: string }): RuleWarning[] {
  const [c1, c2] = e.col1 === x.code ? [x, y] : [y, x];
  const source = {
    dataset: 'ncci-ptp',
    version: e.version,
    row: { column1: e.col1, column2: e.col2, modifierIndicator: e.modifierIndicator, effectiveDate: e.effectiveDate, deletionDate: e.deletionDate, rationale: e.rationale, variant: e.variant },
  };
  const key = `ncci.ptp:${e.col1}|${e.col2}`;
  const why = e.rationale ? ` (${e.rationale})` : '';
  if (e.modifierIndicator === 0) {
    return [warning('ncci.ptp', `${e.col2} is bundled into ${e.col1} on the same date${why}; NCCI allows no modifier to bill both (indicator 0).`, line(c2.i), {
      source, key, fixes: [{ title: `Remove the ${e.col2} line`, edit: { op: 'removeLine', line: c2.i } }],
    })];
  }
  // An E/M paired with a procedure: a significant, separately identifiable E/M carries 25 (or 57,
  // decision for surgery); 59 and X{EPSU} are not used on E/M codes (NCCI Policy Manual ch. I, E.).
  const em = isEm(c1.code) ? c1 : isEm(c2.code) ? c2 : undefined;
  if (em !== undefined) {
    if (em.l.modifiers.some((m) => EM_MODIFIERS.has(m))) return [];
    const misplaced = em.l.modifiers.filter((m) => DISTINCT_MODIFIERS.has(m));
    const also = misplaced.length > 0 ? ` Modifier ${misplaced.join(', ')} is not used on E/M codes.` : '';
    return [warning('ncci.ptp', `${e.col2} is bundled into ${e.col1} on the same date${why}; bill the E/M only if it is significant and separately identifiable, with modifier 25 on ${em.code} (indicator 1).${also}`, line(em.i), {
      severity: 'warning', source, key,
      fixes: [
        { title: `Add modifier 25 (separately identifiable E/M) to ${em.code}`, edit: { op: 'addModifier', line: em.i, modifier: '25' } },
        { title: `Remove the ${em.code} line`, edit: { op: 'removeLine', line: em.i } },
      ],
    })];
  }
  const bypass = [...c1.l.modifiers, ...c2.l.modifiers].find((m) => NCCI_PTP_MODIFIERS.has(m) && !EM_MODIFIERS.has(m));
  if (bypass) return [];
  return [warning('ncci.ptp', `${e.col2} is bundled into ${e.col1} on the same date${why}; bill both only if the services are distinct and an NCCI-associated modifier (XE, XS, XP, XU or 59, or an anatomic modifier) is on ${e.col2} (indicator 1).`, line(c2.i), {
    severity: 'warning', source, key,
    fixes: [
      { title: `Add modifier XS (separate structure) to ${e.col2}`, edit: { op: 'addModifier', line: c2.i, modifier: 'XS' } },
      { title: `Add modifier 59 (distinct procedural service) to ${e.col2}`, edit: { op: 'addModifier', line: c2.i, modifier: '59' } },
      { title: `Remove the ${e.col2} line`, edit: { op: 'removeLine', line: c2.i } },
    ],
  })];
}

/** Modifiers that mark an E/M as separate from a same-day procedure; they do not split two procedures. */
const EM_MODIFIERS: ReadonlySet<string> = new Set(['25', '57']);
/** Modifiers for distinct procedures, never for an E/M. */
const DISTINCT_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);
