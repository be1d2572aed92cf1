// Modifier rules: unknown modifiers, more than 4 on a line, E/M with a same-day procedure
// without 25, RT/LT against the side of the diagnoses the line points to, 50 with units > 1.
import { CPT_MODIFIERS, isEm, isProcedure } from '../codes';
import { icdDisplay, normalizeCode } from '../../codes';
import { line, warning, type RuleFamily, type RuleRun } from '../rule';
import type { RuleWarning } from '../types';

export const modifiers: RuleFamily = {
  name: 'modifiers',
  rules: ['modifier.invalid', 'modifier.too-many', 'modifier.missing-25', 'modifier.laterality-mismatch', 'modifier.bilateral-units'],
  run(run) {
    return [...invalidAndTooMany(run), ...missing25(run), ...laterality(run), ...bilateralUnits(run)];
  },
};

function invalidAndTooMany(run: RuleRun): RuleWarning[] {
  const out: RuleWarning[] = [];
  const level2 = run.setFor('modifier') ?? run.setFor('hcpcs');
  run.claim.lines.forEach((l, i) => {
    if (l.modifiers.length > 4) {
      out.push(warning('modifier.too-many', `Line ${i + 1} (${l.code}) has ${l.modifiers.length} modifiers; a claim line carries at most 4.`, line(i), {
        source: { dataset: 'claim', text: 'X12 837P SV101-3..6 / CMS-1500 24D: up to 4 modifiers' },
        fixes: l.modifiers.slice(4).map((m) => ({ title: `Remove modifier ${m}`, edit: { op: 'removeModifier' as const, line: i, modifier: m } })),
        key: `modifier.too-many:${i}`,
      }));
    }
    for (const m of new Set(l.modifiers)) {
      if (CPT_MODIFIERS[m]) continue;
      if (!/^[0-9A-Z]{2}$/.test(m)) {
        out.push(warning('modifier.invalid', `Modifier "${m}" on line ${i + 1} is not a modifier: modifiers are 2 letters or digits.`, line(i), {
          fixes: [{ title: `Remove "${m}"`, edit: { op: 'removeModifier', line: i, modifier: m } }], key: `modifier.invalid:${m}`,
        }));
        continue;
      }
      if (/^\d{2}$/.test(m)) {
        out.push(warning('modifier.invalid', `Modifier ${m} on line ${i + 1} is not a CPT modifier.`, line(i), {
          source: { dataset: 'cpt-modifiers' }, fixes: [{ title: `Remove ${m}`, edit: { op: 'removeModifier', line: i, modifier: m } }], key: `modifier.invalid:${m}`,
        }));
        continue;
      }
      if (!level2) {
        run.unchecked({ dataset: 'modifier', checks: ['modifier.invalid'], reason: 'no HCPCS Level II modifier list is loaded' });
        continue;
      }
      const rec = run.ctx.index.lookup(m, { system: 'modifier' }) ?? [run.ctx.index.lookup(m, { system: 'hcpcs' })].find((r) => r?.kind === 'modifier');
      const terminated = typeof rec?.extra?.terminationDate === 'string' ? rec.extra.terminationDate : undefined;
      const date = l.dateOfService ?? run.date;
      if (rec && terminated && date > terminated) {
        out.push(warning('modifier.invalid', `Modifier ${m} on line ${i + 1} was terminated on ${terminated}, before the date of service ${date}.`, line(i), {
          source: { dataset: 'modifier', version: rec.version, row: { modifier: m, terminationDate: terminated } },
          fixes: [{ title: `Remove ${m}`, edit: { op: 'removeModifier', line: i, modifier: m } }],
          key: `modifier.invalid:${m}`,
        }));
      }
      if (!rec) {
        out.push(warning('modifier.invalid', `Modifier ${m} on line ${i + 1} is not in the HCPCS Level II modifier list ${level2.set.version}.`, line(i), {
          source: { dataset: 'modifier', version: level2.set.version, row: { modifier: m } },
          fixes: [{ title: `Remove ${m}`, edit: { op: 'removeModifier', line: i, modifier: m } }],
          key: `modifier.invalid:${m}`,
        }));
      }
    }
  });
  return out;
}

function missing25(run: RuleRun): RuleWarning[] {
  const out: RuleWarning[] = [];
  const lines = run.claim.lines.map((l, i) => ({ l, i, code: normalizeCode(l.code) }));
  for (const em of lines.filter((x) => isEm(x.code) && !x.l.modifiers.includes('25'))) {
    const date = em.l.dateOfService ?? run.date;
    const procedure = lines.find((p) => p.i !== em.i && isProcedure(p.code) && (p.l.dateOfService ?? run.date) === date);
    if (!procedure) continue;
    out.push(warning('modifier.missing-25', `${em.code} is billed with procedure ${procedure.code} on the same date; if the E/M is significant and separately identifiable, add modifier 25, otherwise it is part of the procedure.`, line(em.i), {
      source: { dataset: 'domain', text: 'NCCI Policy Manual ch. XI: E/M on the day of a minor procedure needs modifier 25' },
      fixes: [
        { title: `Add modifier 25 to ${em.code}`, edit: { op: 'addModifier', line: em.i, modifier: '25' } },
        { title: `Remove the ${em.code} line`, edit: { op: 'removeLine', line: em.i } },
      ],
      key: `modifier.missing-25:${em.code}:${procedure.code}`,
    }));
  }
  return out;
}

type Side = 'right' | 'left' | 'bilateral';

/** Side stated by an ICD-10-CM title; undefined when none or both. */
export function sideOfTitle(title: string): Side | undefined {
  const t = title.toLowerCase();
  if (/\bbilateral\b/.test(t)) return 'bilateral';
  const r = /\bright\b/.test(t);
  const l = /\bleft\b/.test(t);
  if (r === l) return undefined;
  return r ? 'right' : 'left';
}

function laterality(run: RuleRun): RuleWarning[] {
  const out: RuleWarning[] = [];
  run.claim.lines.forEach((l, i) => {
    const rt = l.modifiers.includes('RT');
    const lt = l.modifiers.includes('LT');
    if (rt === lt) return;
    const side: Side = rt ? 'right' : 'left';
    const sides = l.pointers
      .map((p) => run.claim.diagnoses[p - 1])
      .filter((d): d is NonNullable<typeof d> => d !== undefined && d.system === 'icd10cm' && d.code !== '')
      .map((d) => {
        const rec = run.ctx.index.lookup(normalizeCode(d.code), { system: 'icd10cm', date: run.date }) ?? run.ctx.index.lookup(normalizeCode(d.code), { system: 'icd10cm' });
        return rec ? { code: rec.code, version: rec.version, title: rec.title, side: sideOfTitle(rec.title) } : undefined;
      })
      .filter((x): x is NonNullable<typeof x> => x?.side !== undefined);
    if (sides.length === 0 || sides.some((s) => s.side === side || s.side === 'bilateral')) return;
    const other = sides[0]!;
    const mod = rt ? 'RT' : 'LT';
    const to = other.side === 'right' ? 'RT' : 'LT';
    out.push(warning('modifier.laterality-mismatch', `Line ${i + 1} (${l.code}) carries ${mod} but ${icdDisplay(other.code)} is the ${other.side} side.`, line(i), {
      source: { dataset: 'icd10cm', version: other.version, row: { code: other.code, title: other.title } },
      fixes: [{ title: `Replace ${mod} with ${to}`, edit: { op: 'replaceModifier', line: i, from: mod, to } }],
      key: `modifier.laterality-mismatch:${i}`,
    }));
  });
  return out;
}

function bilateralUnits(run: RuleRun): RuleWarning[] {
  const out: RuleWarning[] = [];
  run.claim.lines.forEach((l, i) => {
    if (l.modifiers.includes('50') && (l.units ?? 1) > 1) {
      out.push(warning('modifier.bilateral-units', `Line ${i + 1} (${l.code}) has modifier 50 (bilateral) with ${l.units} units; a bilateral procedure is one line with 1 unit.`, line(i), {
        source: { dataset: 'domain', text: 'CMS: bilateral procedures with modifier 50 are reported on one line with 1 unit' },
        fixes: [{ title: 'Set units to 1', edit: { op: 'setUnits', line: i, units: 1 } }],
        key: `modifier.bilateral-units:${i}`,
      }));
    }
  });
  return out;
}
