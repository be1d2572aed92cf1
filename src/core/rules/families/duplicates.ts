// claim.duplicate-line and claim.duplicate-diagnosis inside one claim; claim.duplicate-claim
// across claims (same patient, date of service, provider and codes), used by the folder audit.
import { icdDisplay, normalizeCode } from '../../codes';
import { viewClaim } from '../claimView';
import { dx, field, line, warning, type RuleFamily } from '../rule';
import type { RuleWarning } from '../types';

export const duplicates: RuleFamily = {
  name: 'duplicates',
  rules: ['claim.duplicate-line', 'claim.duplicate-diagnosis'],
  run(run) {
    const out: RuleWarning[] = [];
    const seenDx = new Map<string, number>();
    run.claim.diagnoses.forEach((d, i) => {
      if (d.code === '') return;
      const n = normalizeCode(d.code);
      const first = seenDx.get(n);
      if (first === undefined) return void seenDx.set(n, i);
      out.push(warning('claim.duplicate-diagnosis', `${icdDisplay(n)} is listed twice (diagnoses ${first + 1} and ${i + 1}).`, dx(i), {
        fixes: [{ title: `Remove the second ${icdDisplay(n)} (pointers move to the first)`, edit: { op: 'removeDiagnosis', index: i } }],
        key: `claim.duplicate-diagnosis:${n}`,
      }));
    });
    const seenLine = new Map<string, number>();
    run.claim.lines.forEach((l, i) => {
      if (l.code === '') return;
      const k = [normalizeCode(l.code), [...l.modifiers].sort().join(','), l.dateOfService ?? run.date].join('|');
      const first = seenLine.get(k);
      if (first === undefined) return void seenLine.set(k, i);
      const units = (run.claim.lines[first]!.units ?? 1) + (l.units ?? 1);
      out.push(warning('claim.duplicate-line', `Lines ${first + 1} and ${i + 1} bill ${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} on the same date; report it once with the total units, or add a modifier (76, 77, 91, 59) if it was repeated.`, line(i), {
        fixes: [
          { title: `Remove line ${i + 1}`, edit: { op: 'removeLine', line: i } },
          { title: `Set line ${first + 1} to ${units} units (then remove line ${i + 1})`, edit: { op: 'setUnits', line: first, units } },
        ],
        key: `claim.duplicate-line:${k}`,
      }));
    });
    return out;
  },
};

/** Identity of a claim for duplicate detection; undefined when the claim lacks what it takes. */
export function claimIdentity(claim: unknown): string | undefined {
  const v = viewClaim(claim);
  const patient = v.patient.id ?? v.patient.memberId ?? (v.patient.family && v.patient.birthDate ? `${v.patient.family}|${v.patient.given ?? ''}|${v.patient.birthDate}` : undefined);
  const provider = v.renderingProvider.npi ?? v.billingProvider.npi;
  if (!patient || !v.dateOfService || !provider || v.lines.length === 0) return undefined;
  const lines = v.lines.map((l) => `${normalizeCode(l.code)}${l.modifiers.length ? `-${[...l.modifiers].sort().join('-')}` : ''}x${l.units ?? 1}`).sort().join(',');
  const dxs = v.diagnoses.map((d) => normalizeCode(d.code)).sort().join(',');
  return [patient.toUpperCase(), v.dateOfService, provider, lines, dxs].join('#');
}

/** For each claim (by its name, e.g. the file), the claim.duplicate-claim warnings naming the others. */
export function duplicateClaims(claims: { name: string; claim: unknown }[]): Map<string, RuleWarning[]> {
  const groups = new Map<string, string[]>();
  for (const c of claims) {
    const id = claimIdentity(c.claim);
    if (id) groups.set(id, [...(groups.get(id) ?? []), c.name]);
  }
  const out = new Map<string, RuleWarning[]>();
  for (const names of groups.values()) {
    if (names.length < 2) continue;
    for (const name of names) {
      const others = names.filter((n) => n !== name);
      out.set(name, [
        ...(out.get(name) ?? []),
        warning('claim.duplicate-claim', `Another claim has the same patient, date of service, provider and codes: ${others.join(', ')}.`, field(), {
          source: { dataset: 'claim', row: { duplicates: others } },
          key: `claim.duplicate-claim:${[...names].sort().join('|')}`,
        }),
      ]);
    }
  }
  return out;
}
