// mce.age and mce.sex: Medicare Code Editor diagnosis edits against the patient's age on the
// date of service (newborn 0, pediatric 0-17, maternity 9-64, adult 15-124) and sex.
import { icdDisplay, isIsoDate, normalizeCode } from '../../codes';
import { dx, warning, type RuleFamily } from '../rule';
import type { RuleWarning } from '../types';

/** Whole years between birth and the date of service. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const mce: RuleFamily = {
  name: 'mce',
  rules: ['mce.age', 'mce.sex'],
  run(run) {
    const dxs = run.claim.diagnoses.map((d, i) => ({ code: normalizeCode(d.code), i, system: d.system })).filter((d) => d.system === 'icd10cm' && d.code.length >= 3);
    if (dxs.length === 0) return [];
    const found = run.setFor('mce');
    if (!found) {
      run.unchecked({ dataset: 'mce', checks: ['mce.age', 'mce.sex'], reason: 'no Medicare Code Editor edits are loaded' });
      return [];
    }
    const { birthDate } = run.claim.patient;
    const sex = run.claim.patient.sex?.toLowerCase();
    const age = birthDate && isIsoDate(birthDate) && isIsoDate(run.date) && birthDate <= run.date ? ageOn(birthDate, run.date) : undefined;
    const date = found.inForce ? run.date : undefined;
    const out: RuleWarning[] = [];
    for (const d of dxs) {
      for (const e of run.ctx.index.mceEdits(d.code, { date })) {
        const source = { dataset: 'mce', version: e.version, text: e.text, row: { code: e.code, edit: e.edit, rule: e.rule, minAge: e.minAge, maxAge: e.maxAge, sex: e.sex } };
        if (e.edit === 'age' && age !== undefined) {
          const lo = e.minAge ?? 0;
          const hi = e.maxAge ?? 124;
          if (age < lo || age > hi) {
            out.push(warning('mce.age', `${icdDisplay(d.code)} is a ${e.rule} diagnosis (ages ${lo === hi ? lo : `${lo}-${hi}`}); the patient is ${age} on the date of service.`, dx(d.i), {
              source, key: `mce.age:${d.code}`,
            }));
          }
        }
        if (e.edit === 'sex' && e.sex && (sex === 'male' || sex === 'female') && sex !== e.sex) {
          out.push(warning('mce.sex', `${icdDisplay(d.code)} applies to ${e.sex} patients only; the patient is recorded as ${sex}.`, dx(d.i), {
            source, key: `mce.sex:${d.code}`,
          }));
        }
      }
    }
    return out;
  },
};
