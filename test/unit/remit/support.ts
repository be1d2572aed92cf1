// A temp folder of claim files for the remit commands, and a runner that captures output.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';

export const MINIMAL = {
  schemaVersion: '1',
  encounter: { dateOfService: '2024-12-02', placeOfService: '11' },
  patient: { id: 'P-1', name: { family: 'Rivera', given: 'Ana' }, birthDate: '1961-05-20', sex: 'female', memberId: 'XKZ123456789', address: { line1: '18 Elm St', city: 'Springfield', state: 'IL', postalCode: '62704' } },
  payer: { name: 'Acme Health Plan', id: 'ACME01' },
  billingProvider: { npi: '1234567893', name: 'Lakeside Family Medicine', taxId: '123456789', phone: '217-555-0100', address: { line1: '400 Lake Shore Dr', city: 'Springfield', state: 'IL', postalCode: '62701-0400' } },
  diagnoses: [{ code: 'I10', system: 'icd10cm', evidence: [{ start: 0, end: 12, text: 'hypertension' }] }],
  lines: [
    { code: '99213', system: 'cpt', modifiers: ['25'], units: 1, charge: 150, diagnosisPointers: [1] },
    { code: '36415', system: 'cpt', modifiers: [], units: 1, charge: 100, diagnosisPointers: [1] },
  ],
};

export function claimFolder(ids: string[], extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'medcode-remit-'));
  for (const id of ids) writeFileSync(join(dir, `${id}.claim.json`), `${JSON.stringify({ ...MINIMAL, id, ...extra }, null, 2)}\n`);
  return dir;
}

export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

export const run = (dir: string, argv: string[]) => runCli(argv, { USER: 'tester' }, dir);
