// code.invalid, code.not-billable and icd10cm.seventh-character for the claim's diagnoses.
// A diagnosis must be a billable (leaf) code of the ICD-10-CM version in force on the date of
// service; codes that take a 7th character are only complete with it (placeholder X fills the gap).
import type { CodeRecord, CodesetIndex } from '../../codeset/api';
import { icdDisplay, normalizeCode } from '../../codes';
import { dx, listText, warning, type RuleFamily, type RuleRun } from '../rule';
import type { RuleFix, RuleWarning } from '../types';

const MAX_FIXES = 8;

export const diagnosisCodes: RuleFamily = {
  name: 'diagnosis codes',
  rules: ['code.invalid', 'code.not-billable', 'icd10cm.seventh-character'],
  run(run) {
    const found = run.setFor('icd10cm');
    const dxs = run.claim.diagnoses.map((d, i) => ({ d, i })).filter(({ d }) => d.code !== '' && d.system === 'icd10cm');
    if (dxs.length === 0) return [];
    if (!found) {
      run.unchecked({ dataset: 'icd10cm', checks: ['code.invalid', 'code.not-billable', 'icd10cm.seventh-character'], reason: 'no ICD-10-CM code set is loaded' });
      return [];
    }
    const date = found.inForce ? run.date : found.set.effectiveFrom;
    if (!found.inForce) {
      run.unchecked({
        dataset: 'icd10cm',
        checks: ['code.invalid'],
        reason: `no ICD-10-CM version is in force on ${run.date}; diagnoses were checked against ${found.set.version} instead`,
      });
    }
    const out: RuleWarning[] = [];
    for (const { d, i } of dxs) out.push(...checkDiagnosis(run, d.code, i, date, found.set.version));
    return out;
  },
};

function checkDiagnosis(run: RuleRun, code: string, i: number, date: string | undefined, version: string): RuleWarning[] {
  const index = run.ctx.index;
  const opts = { system: 'icd10cm' as const, date };
  const n = normalizeCode(code);
  const shown = icdDisplay(n);
  const rec = /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(n) ? index.lookup(n, opts) : undefined;
  const seventh = seventhCharacter(index, n, rec, i, date, version);
  if (seventh) return [seventh];
  if (!rec) return [invalid(run, n, shown, i, date, version)];
  if (!rec.billable) {
    const children = index.billableDescendants(n, { ...opts, limit: MAX_FIXES + 1 });
    const more = children.length > MAX_FIXES ? ' (first shown)' : '';
    return [
      warning('code.not-billable', `${shown} is a header code in ICD-10-CM ${rec.version}, not valid on a claim; use one of its billable codes${more}.`, dx(i), {
        source: { dataset: 'icd10cm', version: rec.version, row: { code: rec.code, billable: false, title: rec.title } },
        fixes: children.slice(0, MAX_FIXES).map((c) => replaceWith(i, c)),
        key: `code.not-billable:${rec.code}`,
      }),
    ];
  }
  return [];
}

function replaceWith(i: number, c: CodeRecord): RuleFix {
  return { title: `Replace with ${c.code} ${c.title}`, edit: { op: 'replaceDiagnosis', index: i, code: c.code } };
}

/** The nearest existing ancestor-or-self of a (possibly partial or invalid) code. */
function nearestExisting(index: CodesetIndex, n: string, date: string | undefined): CodeRecord | undefined {
  for (let len = Math.min(n.length, 7); len >= 3; len--) {
    const r = index.lookup(n.slice(0, len), { system: 'icd10cm', date });
    if (r) return r;
  }
  return undefined;
}

function seventhCharacter(index: CodesetIndex, n: string, rec: CodeRecord | undefined, i: number, date: string | undefined, version: string): RuleWarning | undefined {
  const opts = { system: 'icd10cm' as const, date };
  if (rec?.billable) return undefined;
  const base = rec ?? nearestExisting(index, n, date);
  if (!base) return undefined;
  const chars = index.seventhChars(base.code, opts);
  if (chars.length === 0) return undefined;
  const shown = icdDisplay(n);
  const allowed = chars.map((c) => c.chr);
  const source = { dataset: 'icd10cm', version, row: { code: base.code, sevenChrDef: Object.fromEntries(chars.map((c) => [c.chr, c.title])) } };
  if (n.length === 7 && !rec) {
    // Seven characters but unknown: either the 7th is not one of the defined ones, or the first six are wrong.
    const stem = n.slice(0, 6);
    if (!allowed.includes(n[6]!)) {
      const fixes = completions(index, stem, allowed, date, i);
      return warning('icd10cm.seventh-character', `${shown}: "${n[6]}" is not a valid 7th character here; allowed: ${allowed.join(', ')}.`, dx(i), {
        source, fixes, key: `icd10cm.seventh-character:${n}`,
      });
    }
    return undefined;
  }
  if (n.length >= 7) return undefined;
  let fixes = completions(index, n.padEnd(6, 'X'), allowed, date, i);
  if (fixes.length === 0) {
    fixes = index.billableDescendants(base.code, { ...opts, limit: MAX_FIXES }).map((c) => replaceWith(i, c));
  }
  const placeholder = n.length < 6 && fixes.some((f) => f.edit.op === 'replaceDiagnosis' && f.edit.code.includes('X')) ? ' (with placeholder X)' : '';
  return warning('icd10cm.seventh-character', `${shown} needs a 7th character${placeholder} (${listText(chars.map((c) => `${c.chr} ${c.title.toLowerCase()}`))}).`, dx(i), {
    source, fixes, key: `icd10cm.seventh-character:${n}`,
  });
}

function completions(index: CodesetIndex, stem6: string, allowed: string[], date: string | undefined, i: number): RuleFix[] {
  const out: RuleFix[] = [];
  for (const chr of allowed) {
    const c = index.lookup(stem6 + chr, { system: 'icd10cm', date });
    if (c?.billable) out.push(replaceWith(i, c));
    if (out.length >= MAX_FIXES) break;
  }
  return out;
}

function invalid(run: RuleRun, n: string, shown: string, i: number, date: string | undefined, version: string): RuleWarning {
  const index = run.ctx.index;
  // Deleted, or not yet effective: the code exists in another loaded version.
  const other = index
    .sets()
    .filter((s) => s.system === 'icd10cm' && s.version !== version)
    .map((s) => ({ s, r: index.lookup(n, { system: 'icd10cm', date: s.effectiveFrom }) }))
    .find((x) => x.r !== undefined && x.r.version === x.s.version);
  const near = nearestExisting(index, n, date);
  const fixes = near ? index.billableDescendants(near.code, { system: 'icd10cm', date, limit: MAX_FIXES }).map((c) => replaceWith(i, c)) : [];
  let why = `it is not an ICD-10-CM code`;
  if (other) {
    const later = (other.s.effectiveFrom ?? '') > run.date;
    why = later ? `it only takes effect in ${other.s.version}` : `it was deleted (it exists in ${other.s.version})`;
  }
  return warning('code.invalid', `${shown} is not in ICD-10-CM ${version}, in force on ${run.date}: ${why}.`, dx(i), {
    source: { dataset: 'icd10cm', version, row: other ? { code: other.r!.code, version: other.s.version } : { code: n } },
    fixes,
    key: `code.invalid:${n}`,
  });
}
