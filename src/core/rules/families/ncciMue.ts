// ncci.mue: Medically Unlikely Edits. MAI 1 caps the units on each line; MAI 2 (policy) and
// MAI 3 (clinical) cap the units of a code summed over the date of service.
import { normalizeCode } from '../../codes';
import { line, warning, type RuleFamily } from '../rule';
import type { RuleWarning } from '../types';

export const ncciMue: RuleFamily = {
  name: 'ncci mue',
  rules: ['ncci.mue'],
  run(run) {
    const lines = run.claim.lines.map((l, i) => ({ l, i, code: normalizeCode(l.code) })).filter(({ l }) => l.code !== '' && (l.system === 'cpt' || l.system === 'hcpcs'));
    if (lines.length === 0) return [];
    const found = run.setFor('ncci-mue', run.ctx.ncciVariant ?? 'practitioner') ?? run.setFor('ncci-mue');
    if (!found) {
      run.unchecked({ dataset: 'ncci-mue', checks: ['ncci.mue'], reason: 'no NCCI Medically Unlikely Edits are loaded' });
      return [];
    }
    const variant = found.set.variant || undefined;
    const out: RuleWarning[] = [];
    const groups = new Map<string, typeof lines>();
    for (const x of lines) {
      const k = `${x.code}|${x.l.dateOfService ?? run.date}`;
      groups.set(k, [...(groups.get(k) ?? []), x]);
    }
    for (const group of groups.values()) {
      const { code } = group[0]!;
      const date = group[0]!.l.dateOfService ?? run.date;
      const mue = run.ctx.index.mue(code, { date: found.inForce ? date : undefined, variant });
      if (!mue) continue;
      const source = { dataset: 'ncci-mue', version: mue.version, row: { code: mue.code, units: mue.units, mai: mue.mai, rationale: mue.rationale, variant: mue.variant } };
      if (mue.mai === 1) {
        for (const x of group) {
          const units = x.l.units ?? 1;
          if (units > mue.units) {
            out.push(warning('ncci.mue', `${code}: ${units} units on one line; the MUE allows ${mue.units} per line (MAI 1${mue.rationale ? `, ${mue.rationale}` : ''}).`, line(x.i), {
              source, key: `ncci.mue:${code}:${x.i}`, fixes: [{ title: `Set units to ${mue.units}`, edit: { op: 'setUnits', line: x.i, units: mue.units } }],
            }));
          }
        }
        continue;
      }
      const total = group.reduce((s, x) => s + (x.l.units ?? 1), 0);
      if (total > mue.units) {
        const last = group[group.length - 1]!;
        const others = total - (last.l.units ?? 1);
        const fixes = group.length === 1 || others < mue.units ? [{ title: `Reduce the units so the date totals ${mue.units}`, edit: { op: 'setUnits' as const, line: last.i, units: mue.units - others } }] : [];
        out.push(warning('ncci.mue', `${code}: ${total} units on ${date}; the MUE allows ${mue.units} per date of service (MAI ${mue.mai}${mue.rationale ? `, ${mue.rationale}` : ''}).`, line(last.i), {
          source, key: `ncci.mue:${code}:${date}`, fixes,
        }));
      }
    }
    return out;
  },
};
