// Claims the panel tests open: the rules fixture's clean claim (plus a member the schema does
// not know, which must survive every edit) and a large one for the render measurement.
import { baseClaim } from '../unit/rules/fixture';

export function startingClaim(): Record<string, unknown> {
  const c = baseClaim();
  c.diagnoses = [
    { code: 'I10', system: 'icd10cm', status: 'accepted', evidence: [{ start: 12, end: 24 }] },
    { code: 'J45.909', system: 'icd10cm', status: 'accepted' },
  ];
  c.lines[0].diagnosisPointers = [1, 2];
  c.note = { path: 'visit.note', sha256: '0'.repeat(64) };
  c['x-practice'] = { batch: 'B-7', keep: true };
  c.filledFrom = {
    'billingProvider.npi': { from: 'practice', value: '1234567893' },
    'patient.memberId': { from: 'patient', value: 'XKZ123456789' },
    'billingProvider.name': { from: 'practice', value: 'Lakeside Family Medicine, P.C.' },
  };
  return c;
}

const CODES = ['I10', 'J45.909', 'E11.9', 'J44.9', 'M17.11', 'R05.9', 'J18.9', 'Z79.4', 'N40.0', 'E11.40', 'G63', 'S52.501A'];
const PROCS = ['99213', '20610', '96372', '36415', 'J0696'];

export function bigClaim(): Record<string, unknown> {
  const c = baseClaim();
  c.diagnoses = CODES.map((code) => ({ code, system: 'icd10cm', status: 'accepted' }));
  c.lines = Array.from({ length: 50 }, (_, i) => ({
    code: PROCS[i % PROCS.length], system: PROCS[i % PROCS.length]!.startsWith('J') ? 'hcpcs' : 'cpt',
    modifiers: i % 7 === 0 ? ['XU'] : [], units: 1, charge: 10 + i, diagnosisPointers: [1 + (i % 12)],
  }));
  return c;
}

export const pretty = (c: unknown): string => `${JSON.stringify(c, null, 2)}\n`;
