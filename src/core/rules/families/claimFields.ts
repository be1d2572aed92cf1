// Claim form rules: pointers, diagnosis count, NPI, required fields, dates, place of service,
// total and units/charges. Limits follow the 837P/CMS-1500: 12 diagnoses, 4 pointers and 4 modifiers per line.
import { x12FieldProblems, type X12FieldProblem } from '../../claim/export/x12/fields';
import { validateClaim } from '../../claim/parse';
import { INPATIENT_POS, KNOWN_POS } from '../codes';
import { field, line, warning, type RuleFamily, type RuleRun } from '../rule';
import type { RuleWarning } from '../types';
import { isIsoDate } from '../../codes';
import { isValidNpi } from './npi';

export const claimFields: RuleFamily = {
  name: 'claim fields',
  rules: ['claim.pointer', 'claim.too-many-diagnoses', 'claim.npi', 'claim.required-field', 'claim.field-value', 'claim.dates', 'claim.place-of-service', 'claim.total', 'claim.units-charges'],
  run(run) {
    const formatted = formatProblems(run);
    return [...pointers(run), ...tooMany(run), ...npis(run), ...required(run, formatted), ...fieldValues(formatted), ...dates(run), ...placeOfService(run), ...total(run), ...unitsCharges(run)];
  },
};

function pointers(run: RuleRun): RuleWarning[] {
  const out: RuleWarning[] = [];
  const n = run.claim.diagnoses.length;
  run.claim.lines.forEach((l, i) => {
    const valid = [...new Set(l.pointers.filter((p) => Number.isInteger(p) && p >= 1 && p <= Math.min(n, 12)))].slice(0, 4);
    const fix = (ps: number[]) => (ps.length ? [{ title: `Point to diagnosis ${ps.join(', ')}`, edit: { op: 'setPointers' as const, line: i, pointers: ps } }] : []);
    const w = (msg: string, ps: number[]) => out.push(warning('claim.pointer', msg, line(i), { fixes: fix(ps), key: `claim.pointer:${i}` }));
    if (l.pointers.length === 0) w(`Line ${i + 1} (${l.code}) points to no diagnosis; each line needs 1 to 4 diagnosis pointers.`, n > 0 ? [1] : []);
    else if (l.pointers.some((p) => !Number.isInteger(p) || p < 1 || p > n)) w(`Line ${i + 1} (${l.code}) points to a diagnosis that does not exist (pointers ${l.pointers.join(', ')}; the claim has ${n}).`, valid.length ? valid : n > 0 ? [1] : []);
    else if (l.pointers.some((p) => p > 12)) w(`Line ${i + 1} (${l.code}) points past the 12th diagnosis; only the first 12 can be pointed to.`, valid);
    else if (l.pointers.length > 4) w(`Line ${i + 1} (${l.code}) has ${l.pointers.length} diagnosis pointers; at most 4 are allowed.`, valid);
    else if (new Set(l.pointers).size !== l.pointers.length) w(`Line ${i + 1} (${l.code}) repeats a diagnosis pointer.`, valid);
  });
  return out;
}

function tooMany(run: RuleRun): RuleWarning[] {
  const n = run.claim.diagnoses.length;
  if (n <= 12) return [];
  const pointed = new Set(run.claim.lines.flatMap((l) => l.pointers));
  const removable = run.claim.diagnoses.map((_, i) => i).filter((i) => i >= 12 && !pointed.has(i + 1)).reverse();
  return [warning('claim.too-many-diagnoses', `The claim lists ${n} diagnoses; a professional claim carries at most 12. Split the claim or drop diagnoses no line points to.`, field('diagnoses'), {
    fixes: removable.slice(0, 1).map((i) => ({ title: `Remove diagnosis ${i + 1} (no line points to it)`, edit: { op: 'removeDiagnosis' as const, index: i } })),
    key: 'claim.too-many-diagnoses',
  })];
}

function npis(run: RuleRun): RuleWarning[] {
  return run.claim.npis.flatMap(({ field: f, value }) => {
    const s = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (s === '' || isValidNpi(s)) return [];
    const why = /^\d{10}$/.test(s) ? 'its check digit is wrong (Luhn over 80840 + the first 9 digits)' : 'an NPI is 10 digits';
    return [warning('claim.npi', `${f} "${s}" is not a valid NPI: ${why}.`, field(f), { key: `claim.npi:${f}` })];
  });
}

/**
 * What the 837P guide requires of this claim and what its elements can hold (the X12 export's own
 * list, so `check` and `export --format x12` agree); undefined when the claim does not even
 * parse, in which case the fields are checked one by one below.
 */
function formatProblems(run: RuleRun): X12FieldProblem[] | undefined {
  const parsed = validateClaim(run.claim.raw);
  return parsed.ok ? x12FieldProblems(parsed.claim) : undefined;
}

/** `lines[3].placeOfService` -> the line target; other fields -> the claim field. */
function targetOf(path: string) {
  const m = /^lines\[(\d+)\]/.exec(path);
  return m ? line(Number(m[1])) : field(path);
}

function required(run: RuleRun, formatted: X12FieldProblem[] | undefined): RuleWarning[] {
  const c = run.claim;
  const missing: [string, unknown][] = [
    ['schemaVersion', c.schemaVersion],
    ['encounter.dateOfService', c.dateOfService],
    ['encounter.placeOfService', c.placeOfService],
    ['patient.name.given', c.patient.given],
    ['patient.birthDate', c.patient.birthDate],
    ['patient.sex', c.patient.sex],
  ];
  if (formatted === undefined) {
    // A claim that fails the schema: the fields the 837P cannot go without, read defensively.
    const dependent = isDependent(c.raw);
    missing.push(
      ['patient.name.family', c.patient.family],
      dependent ? ['subscriber.memberId', str(obj(c.raw.subscriber).memberId)] : ['patient.memberId', c.patient.memberId],
      ['payer.name', c.payer.name],
      ['payer.id', c.payer.id],
      ['billingProvider.npi', c.billingProvider.npi],
      ['billingProvider.name', c.billingProvider.name],
      ['billingProvider.taxId', c.billingProvider.taxId],
    );
  }
  const formatCovers = new Set((formatted ?? []).filter((p) => p.kind === 'missing').map((p) => p.field));
  const out = missing
    .filter(([f, v]) => !formatCovers.has(f) && (v === undefined || (typeof v === 'string' && v.trim() === '')))
    .map(([f]) => warning('claim.required-field', `${f} is empty; the claim cannot be sent without it.`, field(f), { key: `claim.required-field:${f}` }));
  for (const p of formatted ?? []) {
    if (p.kind === 'missing') out.push(warning('claim.required-field', p.message, targetOf(p.field), { key: `claim.required-field:${p.field}` }));
  }
  if (c.diagnoses.length === 0) out.push(warning('claim.required-field', 'The claim has no diagnosis; at least one is required.', field('diagnoses'), { key: 'claim.required-field:diagnoses' }));
  if (c.lines.length === 0) out.push(warning('claim.required-field', 'The claim has no service line; at least one is required.', field('lines'), { key: 'claim.required-field:lines' }));
  c.lines.forEach((l, i) => {
    if (l.code === '') out.push(warning('claim.required-field', `Line ${i + 1} has no procedure code.`, line(i), { key: `claim.required-field:lines.${i}.code` }));
    // Drug codes are paid by NDC at Medicaid and many other payers (837P 2410 LIN/CTP).
    const raw = (c.raw.lines as unknown[] | undefined)?.[i];
    if (/^J\d{4}$/i.test(l.code) && str(obj(raw).ndc)?.trim() === undefined) {
      out.push(warning('claim.required-field', `Line ${i + 1} (${l.code.toUpperCase()}) is a drug code without an NDC; Medicaid and many payers reject it without the NDC, quantity and unit (837P loop 2410, LIN/CTP).`, line(i), {
        severity: 'warning', key: `claim.required-field:lines.${i}.ndc`,
      }));
    }
  });
  c.diagnoses.forEach((d, i) => {
    if (d.code === '') out.push(warning('claim.required-field', `Diagnosis ${i + 1} has no code.`, { kind: 'diagnosis', index: i }, { key: `claim.required-field:diagnoses.${i}.code` }));
  });
  return out;
}

/** Values the 837P cannot carry as they are (delimiters, lengths, identifier and code shapes). */
function fieldValues(formatted: X12FieldProblem[] | undefined): RuleWarning[] {
  return (formatted ?? [])
    // NPIs have their own rule (claim.npi: shape and check digit).
    .filter((p) => p.kind === 'value' && !p.field.endsWith('.npi'))
    .map((p) => warning('claim.field-value', p.message, targetOf(p.field), { key: `claim.field-value:${p.field}` }));
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The patient is a dependent when a subscriber is given with a relationship other than self. */
function isDependent(raw: Record<string, unknown>): boolean {
  if (raw.subscriber === undefined) return false;
  const rel = (str(obj(raw.subscriber).relationship) ?? '').trim().toLowerCase();
  return rel !== 'self' && rel !== '18';
}

function dates(run: RuleRun): RuleWarning[] {
  const out: RuleWarning[] = [];
  const { dateOfService: dos } = run.claim;
  const birth = run.claim.patient.birthDate;
  const bad = (f: string, v: string) => out.push(warning('claim.dates', `${f} "${v}" is not a valid date (YYYY-MM-DD).`, field(f), { key: `claim.dates:${f}` }));
  if (dos !== undefined && !isIsoDate(dos)) bad('encounter.dateOfService', dos);
  if (birth !== undefined && birth !== '' && !isIsoDate(birth)) bad('patient.birthDate', birth);
  const today = run.ctx.today ?? new Date().toISOString().slice(0, 10);
  const check = (f: string, d: string | undefined, target = field(f)) => {
    if (!d || !isIsoDate(d)) return;
    if (d > today) out.push(warning('claim.dates', `${f} ${d} is in the future (today is ${today}).`, target, { key: `claim.dates:${f}:future` }));
    if (birth && isIsoDate(birth) && d < birth) out.push(warning('claim.dates', `${f} ${d} is before the patient's birth date ${birth}.`, target, { key: `claim.dates:${f}:birth` }));
  };
  check('encounter.dateOfService', dos);
  run.claim.lines.forEach((l, i) => {
    if (l.dateOfService && l.dateOfService !== dos) {
      if (!isIsoDate(l.dateOfService)) bad(`lines.${i}.dateOfService`, l.dateOfService);
      else check(`lines.${i}.dateOfService`, l.dateOfService, line(i));
    }
  });
  if (birth && isIsoDate(birth) && birth > today) out.push(warning('claim.dates', `patient.birthDate ${birth} is in the future.`, field('patient.birthDate'), { key: 'claim.dates:birth:future' }));
  return out;
}

function placeOfService(run: RuleRun): RuleWarning[] {
  const pos = run.claim.placeOfService;
  if (pos === undefined || pos === '') return [];
  const f = field('encounter.placeOfService');
  const loaded = run.setFor('pos');
  const rec = loaded ? run.ctx.index.lookup(pos, { system: 'pos' }) : undefined;
  const known = loaded ? rec !== undefined : KNOWN_POS.has(pos);
  const source = loaded ? { dataset: 'pos', version: loaded.set.version, ...(rec ? { row: { code: rec.code, title: rec.title } } : {}) } : { dataset: 'pos', text: 'CMS place of service code set (built-in list)' };
  if (!/^\d{2}$/.test(pos) || !known) {
    return [warning('claim.place-of-service', `Place of service "${pos}" is not a CMS place-of-service code (two digits, e.g. 11 office, 22 outpatient hospital).`, f, { source, key: 'claim.place-of-service:unknown' })];
  }
  const setting = run.claim.setting;
  if (setting === 'outpatient' && INPATIENT_POS.has(pos)) {
    return [warning('claim.place-of-service', `Place of service ${pos} is an inpatient facility but the encounter setting is outpatient.`, f, { severity: 'warning', source, key: 'claim.place-of-service:setting' })];
  }
  if (setting === 'inpatient' && !INPATIENT_POS.has(pos)) {
    return [warning('claim.place-of-service', `Place of service ${pos} is not an inpatient facility but the encounter setting is inpatient.`, f, { severity: 'warning', source, key: 'claim.place-of-service:setting' })];
  }
  return [];
}

function total(run: RuleRun): RuleWarning[] {
  const t = run.claim.totalCharge;
  if (t === undefined) return [];
  const sum = run.claim.lines.reduce((s, l) => s + (l.charge ?? 0), 0);
  if (Math.abs(Math.round(sum * 100) - Math.round(t * 100)) < 1) return [];
  return [warning('claim.total', `The total charge ${t.toFixed(2)} differs from the sum of the line charges ${sum.toFixed(2)}.`, field('totalCharge'), {
    fixes: [{ title: `Set the total to ${sum.toFixed(2)}`, edit: { op: 'setField', path: 'totalCharge', value: Math.round(sum * 100) / 100 } }],
    key: 'claim.total',
  })];
}

function unitsCharges(run: RuleRun): RuleWarning[] {
  const out: RuleWarning[] = [];
  run.claim.lines.forEach((l, i) => {
    const key = `claim.units-charges:${i}`;
    const raw = (run.claim.raw.lines as unknown[] | undefined)?.[i] as Record<string, unknown> | undefined;
    if (l.units === undefined) {
      out.push(warning('claim.units-charges', `Line ${i + 1} (${l.code}) has no units.`, line(i), { fixes: [{ title: 'Set units to 1', edit: { op: 'setUnits', line: i, units: 1 } }], key }));
    } else if (l.units <= 0) {
      out.push(warning('claim.units-charges', `Line ${i + 1} (${l.code}) has ${l.units} units; units must be at least 1.`, line(i), { fixes: [{ title: 'Set units to 1', edit: { op: 'setUnits', line: i, units: 1 } }], key }));
    } else if (!Number.isInteger(l.units)) {
      out.push(warning('claim.units-charges', `Line ${i + 1} (${l.code}) has ${l.units} units; report whole units (round drug doses up to the unit of the code).`, line(i), {
        severity: 'warning', fixes: [{ title: `Set units to ${Math.ceil(l.units)}`, edit: { op: 'setUnits', line: i, units: Math.ceil(l.units) } }], key,
      }));
    }
    if (l.charge === undefined) {
      if (raw?.charge !== undefined) out.push(warning('claim.units-charges', `Line ${i + 1} (${l.code}) has a charge that is not a number.`, line(i), { key: `${key}:charge` }));
      else out.push(warning('claim.units-charges', `Line ${i + 1} (${l.code}) has no charge.`, line(i), { key: `${key}:charge` }));
    } else if (l.charge < 0) {
      out.push(warning('claim.units-charges', `Line ${i + 1} (${l.code}) has a negative charge (${l.charge}).`, line(i), { key: `${key}:charge` }));
    } else if (l.charge === 0) {
      out.push(warning('claim.units-charges', `Line ${i + 1} (${l.code}) has a zero charge; payers expect the billed amount even when no payment is expected.`, line(i), { severity: 'warning', key: `${key}:charge` }));
    }
  });
  return out;
}
