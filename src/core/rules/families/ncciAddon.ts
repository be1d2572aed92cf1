// ncci.addon-without-primary: an add-on code needs one of its primary codes on the same date.
// AOC edit type 1 lists every primary (error when none is billed); type 3 lists some and lets the
// payer accept others (warning); type 2 leaves the primaries to the payer (no check possible).
import { normalizeCode } from '../../codes';
import { line, warning, type RuleFamily } from '../rule';
import type { RuleWarning } from '../types';

export const ncciAddon: RuleFamily = {
  name: 'ncci add-on',
  rules: ['ncci.addon-without-primary'],
  run(run) {
    const lines = run.claim.lines.map((l, i) => ({ l, i, code: normalizeCode(l.code) })).filter(({ l }) => l.code !== '' && (l.system === 'cpt' || l.system === 'hcpcs'));
    if (lines.length === 0) return [];
    const found = run.setFor('ncci-addon');
    if (!found) {
      run.unchecked({ dataset: 'ncci-addon', checks: ['ncci.addon-without-primary'], reason: 'no NCCI add-on code edits are loaded' });
      return [];
    }
    const out: RuleWarning[] = [];
    for (const x of lines) {
      const date = x.l.dateOfService ?? run.date;
      const edits = run.ctx.index.addonPrimaries(x.code, { date: found.inForce ? date : undefined });
      const listed = edits.filter((e) => e.primary !== 'CCCCC');
      if (listed.length === 0) continue;
      const sameDay = new Set(lines.filter((y) => y.i !== x.i && (y.l.dateOfService ?? run.date) === date).map((y) => y.code));
      if (listed.some((e) => sameDay.has(e.primary))) continue;
      const type = Math.min(...listed.map((e) => e.editType));
      const primaries = listed.map((e) => e.primary);
      const shown = primaries.slice(0, 8).join(', ') + (primaries.length > 8 ? ` and ${primaries.length - 8} more` : '');
      out.push(warning('ncci.addon-without-primary', `${x.code} is an add-on code billed without a primary code on ${date}; its primaries include ${shown}${type === 3 ? ' (the payer may accept others)' : ''}.`, line(x.i), {
        severity: type === 1 ? undefined : 'warning',
        source: { dataset: 'ncci-addon', version: listed[0]!.version, row: { addon: x.code, editType: type, primaries: primaries.slice(0, 50) } },
        key: `ncci.addon-without-primary:${x.code}`,
        fixes: [{ title: `Remove the ${x.code} line`, edit: { op: 'removeLine', line: x.i } }],
      }));
    }
    return out;
  },
};
