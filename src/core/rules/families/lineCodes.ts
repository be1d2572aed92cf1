// code.invalid for service lines: HCPCS Level II codes against the file in force (added,
// effective and termination dates per code), CPT codes against a licensed CPT file when one is
// imported. Without one, CPT numbers are accepted and the check is reported as not run.
import type { CodeRecord } from '../../codeset/api';
import { normalizeCode } from '../../codes';
import { line, warning, type RuleFamily, type RuleRun } from '../rule';
import type { RuleWarning } from '../types';

export const lineCodes: RuleFamily = {
  name: 'procedure codes',
  rules: ['code.invalid'],
  run(run) {
    const out: RuleWarning[] = [];
    run.claim.lines.forEach((l, i) => {
      if (l.code === '') return;
      if (l.system === 'hcpcs') out.push(...checkHcpcs(run, normalizeCode(l.code), i, l.dateOfService ?? run.date));
      else if (l.system === 'cpt') out.push(...checkCpt(run, normalizeCode(l.code), i));
    });
    return out;
  },
};

/** ISO date from the HCPCS file's YYYYMMDD or ISO spellings. */
export function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  return undefined;
}

function extraDate(rec: CodeRecord, names: string[]): string | undefined {
  for (const n of names) {
    const d = isoDate(rec.extra?.[n]);
    if (d) return d;
  }
  return undefined;
}

function checkHcpcs(run: RuleRun, code: string, i: number, date: string): RuleWarning[] {
  const found = run.setFor('hcpcs');
  if (!found) {
    run.unchecked({ dataset: 'hcpcs', checks: ['code.invalid'], reason: 'no HCPCS Level II file is loaded' });
    return [];
  }
  const index = run.ctx.index;
  // HCPCS files carry each code's own dates, so the latest file also answers for earlier dates.
  const rec = index.lookup(code, { system: 'hcpcs', date: found.inForce ? run.date : undefined }) ?? index.lookup(code, { system: 'hcpcs' });
  const version = rec?.version ?? found.set.version;
  const key = `code.invalid:${code}`;
  if (!rec) {
    return [warning('code.invalid', `${code} is not a HCPCS Level II code in the ${version} file.`, line(i), { source: { dataset: 'hcpcs', version, row: { code } }, key })];
  }
  // The add date is when the code began; the action effective date is when its latest change
  // (a new label, a pricing change) took effect, so it only stands in when no add date is given.
  const added = extraDate(rec, ['addDate', 'addedDate', 'codeAddDate']) ?? extraDate(rec, ['effectiveDate', 'actionEffectiveDate']);
  const terminated = extraDate(rec, ['terminationDate', 'termDate', 'terminatedDate']);
  const row = { code: rec.code, ...(added ? { effectiveDate: added } : {}), ...(terminated ? { terminationDate: terminated } : {}) };
  if (terminated && date > terminated) {
    return [warning('code.invalid', `${code} was terminated on ${terminated}, before the date of service ${date}.`, line(i), { source: { dataset: 'hcpcs', version, row }, key })];
  }
  if (added && date < added) {
    return [warning('code.invalid', `${code} takes effect on ${added}, after the date of service ${date}.`, line(i), { source: { dataset: 'hcpcs', version, row }, key })];
  }
  return [];
}

function checkCpt(run: RuleRun, code: string, i: number): RuleWarning[] {
  const found = run.setFor('cpt');
  const licensed = run.ctx.index.hasLicensedCpt();
  const rec = run.ctx.index.lookup(code, { system: 'cpt', date: found?.inForce ? run.date : undefined });
  if (rec) return [];
  if (!licensed) {
    if (!/^\d{4}[0-9FTU]$/.test(code)) {
      return [warning('code.invalid', `${code} is not shaped like a CPT code (5 digits, or 4 digits and F, T or U).`, line(i), { source: { dataset: 'cpt', row: { code } }, key: `code.invalid:${code}` })];
    }
    run.unchecked({ dataset: 'cpt', checks: ['code.invalid'], reason: 'no licensed CPT file is imported, so CPT codes are accepted by number' });
    return [];
  }
  return [warning('code.invalid', `${code} is not in the CPT file ${found!.set.version} in force on ${run.date}.`, line(i), { source: { dataset: 'cpt', version: found!.set.version, row: { code } }, key: `code.invalid:${code}` })];
}
