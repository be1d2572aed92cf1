import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportClaim, type GateWarning } from '../../../src/core/claim/export/index';
import { loadClaim } from './support';

const npiError: GateWarning = { rule: 'claim.npi', severity: 'error', message: 'billingProvider.npi is not a valid NPI.', target: { kind: 'claim', field: 'billingProvider.npi' } };
const ptpError: GateWarning = { rule: 'ncci.ptp', severity: 'error', message: '99213 and 36415 are not billed together.', target: { kind: 'line', index: 0 }, key: 'ncci.ptp:99213|36415' };
const info: GateWarning = { rule: 'icd10cm.use-additional', severity: 'info', message: 'Use an additional code.', target: { kind: 'diagnosis', index: 0 } };
const AT = '2024-09-05T09:00:00Z';

describe('export gate', () => {
  test('exports when only warnings and infos remain', () => {
    const claim = loadClaim('minimal');
    const out = exportClaim(claim, 'x12', [info, { ...npiError, severity: 'warning' }]);
    assert.ok(out.ok);
    assert.equal(out.overridden, false);
    assert.equal(out.claim, claim);
    assert.match(out.content, /^ISA\*/);
  });

  test('refuses with every blocking error as a sentence', () => {
    const out = exportClaim(loadClaim('minimal'), 'fhir', [npiError, info, ptpError]);
    assert.equal(out.ok, false);
    if (out.ok) return;
    assert.equal(out.structural, false);
    assert.deepEqual(out.blocking.map((w) => w.rule), ['claim.npi', 'ncci.ptp']);
    assert.deepEqual(out.errors, ['claim.npi: billingProvider.npi is not a valid NPI.', 'ncci.ptp: 99213 and 36415 are not billed together.']);
  });

  test('an error the rules marked suppressed does not block', () => {
    const out = exportClaim(loadClaim('minimal'), 'claim-json', [{ ...npiError, suppressed: { justification: 'new NPI pending' } }]);
    assert.ok(out.ok);
  });

  test('a suppression recorded in the claim covers its rule and target (or key), and only those', () => {
    const claim = loadClaim('minimal');
    claim.suppressed = [
      { rule: 'ncci.ptp', key: 'ncci.ptp:99213|36415', justification: 'separate encounter' },
      { rule: 'claim.npi', target: { kind: 'claim', field: 'renderingProvider.npi' }, justification: 'other field' },
    ];
    const out = exportClaim(claim, 'x12', [npiError, ptpError]);
    assert.equal(out.ok, false);
    if (!out.ok) assert.deepEqual(out.blocking.map((w) => w.rule), ['claim.npi']);
  });

  test('an override with a reason exports and records who, when, why and what was blocking', () => {
    const claim = loadClaim('working');
    const out = exportClaim(claim, 'x12', [npiError, ptpError], { override: { reason: '  Payer confirmed the NPI by phone. ', who: 'coder1', at: AT } });
    assert.ok(out.ok);
    assert.equal(out.overridden, true);
    assert.deepEqual(out.claim.overrides, [{ at: AT, reason: 'Payer confirmed the NPI by phone.', format: 'x12', blocking: ['claim.npi', 'ncci.ptp'], who: 'coder1' }]);
    assert.deepEqual(out.claim.audit!.slice(0, -1), claim.audit, 'earlier audit entries are kept');
    assert.deepEqual(out.claim.audit!.at(-1), {
      at: AT,
      who: 'coder1',
      action: 'export-override',
      detail: 'Exported as x12 despite 2 error(s) (claim.npi, ncci.ptp): Payer confirmed the NPI by phone.',
    });
    assert.equal(claim.overrides, undefined, 'the input claim is not mutated');
  });

  test('an override without a reason is refused', () => {
    const out = exportClaim(loadClaim('minimal'), 'x12', [npiError], { override: { reason: '   ', at: AT } });
    assert.equal(out.ok, false);
    if (!out.ok) assert.match(out.errors[0]!, /needs a written reason/);
  });

  test('an override cannot push a claim the format cannot hold', () => {
    const claim = loadClaim('minimal');
    claim.diagnoses = Array.from({ length: 13 }, () => ({ code: 'I10', system: 'icd10cm' as const }));
    const out = exportClaim(claim, 'x12', [npiError], { override: { reason: 'send it', at: AT } });
    assert.equal(out.ok, false);
    if (out.ok) return;
    assert.equal(out.structural, true);
    assert.deepEqual(out.errors, ['The claim has 13 diagnoses; an 837P claim carries at most 12 (loop 2300, HI). Remove the least relevant ones.']);
  });

  test('format problems are listed even without rule warnings', () => {
    const claim = loadClaim('minimal');
    claim.encounter.dateOfService = '2024-02-30';
    claim.lines[0]!.diagnosisPointers = [2];
    delete claim.billingProvider!.taxId;
    const out = exportClaim(claim, 'x12', []);
    assert.equal(out.ok, false);
    if (out.ok) return;
    assert.deepEqual(out.errors, [
      'encounter.dateOfService "2024-02-30" must be a date written YYYY-MM-DD to export an 837P file.',
      'lines[0].diagnosisPointers[0] is 2, but the claim lists 1 diagnoses; point to 1..1.',
      'billingProvider.taxId is missing; the 837P billing provider tax id (EIN) (loop 2010AA, REF*EI) requires it.',
    ]);
  });
});
