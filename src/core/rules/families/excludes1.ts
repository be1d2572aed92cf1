// icd10cm.excludes1: two diagnoses in an Excludes1 relation ("not coded here"), in either
// direction, with notes inherited from every ancestor and references expanded as ranges
// (J45.-, O10-O11). Guideline I.A.12.a allows both when the conditions are unrelated: the user
// records that as a suppression with its justification.
import { icdDisplay, normalizeCode } from '../../codes';
import { dx, warning, type RuleFamily } from '../rule';
import type { RuleWarning } from '../types';
import { tabularSource } from './tabular';

export const excludes1: RuleFamily = {
  name: 'excludes1',
  rules: ['icd10cm.excludes1'],
  run(run) {
    const dxs = run.claim.diagnoses.map((d, i) => ({ code: normalizeCode(d.code), i, system: d.system })).filter((d) => d.system === 'icd10cm' && d.code.length >= 3);
    if (dxs.length < 2) return [];
    const src = tabularSource(run);
    if (!src) {
      run.unchecked({ dataset: 'icd10cm tabular', checks: ['icd10cm.excludes1'], reason: 'no ICD-10-CM Tabular List (Excludes1 notes) is loaded' });
      return [];
    }
    const index = run.ctx.index;
    const out: RuleWarning[] = [];
    const reported = new Set<string>();
    for (const a of dxs) {
      const notes = index.notes(a.code, { system: 'icd10cm', date: src.date, inherited: true, types: ['excludes1'] });
      if (notes.length === 0) continue;
      for (const b of dxs) {
        if (b.i === a.i || b.code === a.code) continue;
        const note = notes.find((n) => n.refs.length > 0 && index.inRanges(b.code, n.refs));
        if (!note) continue;
        const pair = [a.code, b.code].sort().join('|');
        if (reported.has(pair)) continue;
        reported.add(pair);
        const [first, second] = a.i < b.i ? [a, b] : [b, a];
        out.push(
          warning(
            'icd10cm.excludes1',
            `${icdDisplay(a.code)} and ${icdDisplay(b.code)} are not coded together: ${icdDisplay(note.from)} has an Excludes1 note "${note.text}". Keep the one the documentation supports, or record that the conditions are unrelated.`,
            dx(second.i),
            {
              source: { dataset: 'icd10cm', version: note.version, text: note.text, row: { code: icdDisplay(note.from), type: 'excludes1', refs: note.refs } },
              fixes: [
                { title: `Remove ${icdDisplay(second.code)}`, edit: { op: 'removeDiagnosis', index: second.i } },
                { title: `Remove ${icdDisplay(first.code)}`, edit: { op: 'removeDiagnosis', index: first.i } },
              ],
              key: `icd10cm.excludes1:${pair}`,
            },
          ),
        );
      }
    }
    return out;
  },
};
