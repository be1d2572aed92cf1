// Benchmarks of the rules: `checkClaim` over 10,000 generated claims with NCCI PTP loaded
// (target >= 1,000 claims/s), check then X12 837P export of the same claims made sendable (target
// >= 1,000 claims/s), and the folder audit of the 207 ACI-Bench notes (target < 30 s).
// Called by bench/run.ts with the real index; returns figures as plain JSON.
import { existsSync, readFileSync } from 'node:fs';
import type { CodesetIndex } from '../src/core/codeset/api';
import { csvRecords } from '../src/core/importers/text';
import { audit, type AuditInput } from '../src/core/rules/audit';
import { exportClaim } from '../src/core/claim/export/index';
import { validateClaim } from '../src/core/claim/parse';
import { checkClaim } from '../src/core/rules/index';
import { sharedPath } from '../test/support/shared';
import { mulberry32 } from './random';

const DX = ['I10', 'E11.9', 'E10.9', 'J44.9', 'J45.909', 'M17.11', 'M17.12', 'E78.5', 'R05.9', 'S52.5', 'O80', 'Z79.4', 'E11', 'N18.30', 'F41.1'];
const PROCS = ['99213', '99214', '99215', '99203', '20610', '11042', '64461', '36415', '96372', 'J0696', '99417', '11102', '11103', '81002', '93000'];
const MODS = ['25', '59', 'RT', 'LT', 'XS', '50'];

/** Deterministic pseudo-random claims (mulberry32), so runs compare. */
export function generateClaims(n: number, seed = 42): unknown[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const dx = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(DX));
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ({
      code: pick(PROCS), system: 'cpt', modifiers: rnd() < 0.3 ? [pick(MODS)] : [], units: 1 + Math.floor(rnd() * 3), charge: 100, diagnosisPointers: [1],
    }));
    for (const l of lines) if (/^[A-Z]/.test(l.code)) l.system = 'hcpcs';
    return {
      schemaVersion: '1',
      encounter: { dateOfService: '2024-08-14', placeOfService: '11', patientStatus: 'established', setting: 'outpatient', totalTimeMinutes: 10 + Math.floor(rnd() * 40) },
      patient: { id: `P-${i}`, name: { family: 'Test', given: 'Pat' }, birthDate: rnd() < 0.5 ? '1961-05-20' : '2010-01-01', sex: rnd() < 0.5 ? 'female' : 'male', memberId: 'M1' },
      payer: { name: 'Payer', id: 'P1' },
      billingProvider: { npi: '1234567893', name: 'Clinic', taxId: '123456789' },
      renderingProvider: { npi: '1234567893' },
      diagnoses: dx.map((code) => ({ code, system: 'icd10cm' })),
      lines,
    };
  });
}

export function aciBenchNotes(): AuditInput[] | undefined {
  const dir = sharedPath('corpora/aci-bench/challenge_data');
  if (!existsSync(dir)) return undefined;
  const out: AuditInput[] = [];
  for (const file of ['train.csv', 'valid.csv', 'clinicalnlp_taskB_test1.csv', 'clinicalnlp_taskC_test2.csv', 'clef_taskC_test3.csv']) {
    const p = `${dir}/${file}`;
    if (!existsSync(p)) continue;
    let col = -1;
    let idCol = -1;
    for (const [fields] of csvRecords(new Uint8Array(readFileSync(p)))) {
      if (col < 0) {
        col = fields.indexOf('note');
        idCol = fields.indexOf('encounter_id');
        continue;
      }
      const text = fields[col];
      if (text) out.push({ kind: 'note', name: `${file}:${fields[idCol] ?? out.length}`, text });
    }
  }
  return out;
}

export async function benchCheck(index: CodesetIndex): Promise<Record<string, unknown>> {
  const claims = generateClaims(10_000);
  const ctx = { index, date: '2024-08-14', settings: { severity: {} }, today: '2024-09-01' };
  await checkClaim(claims[0], ctx); // opens the PTP database outside the timing
  const t0 = performance.now();
  let warnings = 0;
  for (const c of claims) warnings += (await checkClaim(c, ctx)).length;
  const checkMs = performance.now() - t0;
  const out: Record<string, unknown> = {
    check: {
      claims: claims.length, ptpLoaded: index.hasPtp(), seconds: +(checkMs / 1000).toFixed(2),
      claimsPerSecond: Math.round(claims.length / (checkMs / 1000)), warnings, target: '>= 1000 claims/s',
    },
  };
  out.checkAndX12 = await benchCheckAndX12(index, claims);
  const notes = aciBenchNotes();
  if (!notes) {
    out.audit = { skipped: `${sharedPath('corpora/aci-bench/challenge_data')} is absent` };
    return out;
  }
  const t1 = performance.now();
  const result = await audit(notes, { index, settings: { severity: {} }, today: '2024-09-01' });
  const auditMs = performance.now() - t1;
  out.audit = {
    notes: notes.length, seconds: +(auditMs / 1000).toFixed(2), warnings: result.bySeverity, target: '< 30 s',
    topRules: Object.entries(result.byRule).map(([r, c]) => [r, c!.error + c!.warning + c!.info] as const).sort((a, b) => b[1] - a[1]).slice(0, 5),
  };
  return out;
}

/**
 * `medcode check` then `medcode export --format x12` per claim, as a billing script runs them:
 * parse, rules, gate, strict 837P. The generated claims get the members the 837P requires
 * (submitter phone, addresses) so the export is written, not refused.
 */
async function benchCheckAndX12(index: CodesetIndex, generated: unknown[]): Promise<Record<string, unknown>> {
  const claims = generated.map((c) => {
    const claim = structuredClone(c) as Record<string, Record<string, unknown>>;
    claim.billingProvider = { ...claim.billingProvider, phone: '2175550100', address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '627010400' } };
    claim.patient = { ...claim.patient, address: { line1: '18 Elm St', city: 'Springfield', state: 'IL', postalCode: '62704' } };
    return claim;
  });
  const ctx = { index, date: '2024-08-14', settings: { severity: {} }, today: '2024-09-01' };
  const now = new Date('2024-09-05T08:00:00Z');
  const t0 = performance.now();
  let written = 0;
  let blocked = 0;
  let bytes = 0;
  for (let i = 0; i < claims.length; i++) {
    const parsed = validateClaim(claims[i]);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    const warnings = await checkClaim(claims[i], ctx);
    let out = exportClaim(parsed.claim, 'x12', warnings, { x12: { controlNumber: i + 1, now } });
    // A claim blocked by rule errors is exported with an override, so every claim pays for the 837P.
    if (!out.ok && !out.structural) {
      blocked++;
      out = exportClaim(parsed.claim, 'x12', warnings, { x12: { controlNumber: i + 1, now }, override: { reason: 'bench', at: now.toISOString() } });
    }
    if (!out.ok) throw new Error(`claim ${i} cannot be written as 837P: ${out.errors.join(' ')}`);
    written++;
    bytes += out.content.length;
  }
  const ms = performance.now() - t0;
  return { claims: claims.length, written, overriddenRuleErrors: blocked, megabytes: +(bytes / 1e6).toFixed(1), seconds: +(ms / 1000).toFixed(2), claimsPerSecond: Math.round(claims.length / (ms / 1000)), target: '>= 1000 claims/s' };
}
