import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RULE_IDS } from '../../../src/core/rules';
import { check, index } from './fixture';

const code = fc.oneof(fc.constantFrom('I10', 'E11.9', 'E10.9', 'S52.5', 'G63', 'O80', 'M17.10', '99213', '20610', 'J0696', '99417', ''), fc.string({ maxLength: 9 }));
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const line = fc.record({
  code: fc.oneof(code, anyValue), system: fc.constantFrom('cpt', 'hcpcs', 'x', undefined),
  modifiers: fc.oneof(fc.array(fc.oneof(fc.constantFrom('25', '59', 'RT', 'LT', '50', 'XS'), fc.string({ maxLength: 3 })), { maxLength: 6 }), anyValue),
  units: fc.oneof(fc.integer({ min: -2, max: 40 }), fc.double(), anyValue), charge: fc.oneof(fc.double(), anyValue),
  diagnosisPointers: fc.oneof(fc.array(fc.integer({ min: -1, max: 15 }), { maxLength: 6 }), anyValue),
  serviceDate: fc.oneof(fc.constantFrom('2024-08-14', '2023-01-01', '2024-02-30'), anyValue),
}, { requiredKeys: [] });
const claim = fc.record({
  schemaVersion: fc.oneof(fc.constant('1'), anyValue),
  encounter: fc.oneof(fc.record({ dateOfService: fc.oneof(fc.constantFrom('2024-08-14', '2030-01-01', 'yesterday'), anyValue), placeOfService: fc.oneof(fc.constantFrom('11', '21', '99x'), anyValue), patientStatus: fc.constantFrom('new', 'established', 'other'), setting: fc.constantFrom('outpatient', 'inpatient'), totalTimeMinutes: fc.oneof(fc.integer({ min: -5, max: 120 }), anyValue) }, { requiredKeys: [] }), anyValue),
  patient: fc.oneof(fc.record({ birthDate: fc.oneof(fc.constantFrom('1961-05-20', '2024-08-01', '2099-01-01'), anyValue), sex: fc.constantFrom('female', 'male', 'unknown') }, { requiredKeys: [] }), anyValue),
  billingProvider: fc.oneof(fc.record({ npi: fc.oneof(fc.constantFrom('1234567893', '1234567890'), anyValue) }, { requiredKeys: [] }), anyValue),
  diagnoses: fc.oneof(fc.array(fc.record({ code: fc.oneof(code, anyValue), system: fc.constantFrom('icd10cm', 'icd9'), evidence: fc.array(fc.record({ start: fc.integer({ min: -3, max: 80 }), end: fc.integer({ min: -3, max: 80 }) }), { maxLength: 2 }) }, { requiredKeys: [] }), { maxLength: 14 }), anyValue),
  lines: fc.oneof(fc.array(line, { maxLength: 6 }), anyValue),
  totalCharge: fc.oneof(fc.double(), anyValue),
  suppressed: fc.oneof(fc.array(fc.record({ rule: fc.constantFrom(...RULE_IDS), justification: fc.string() }), { maxLength: 2 }), anyValue),
}, { requiredKeys: [] });

test('random claims never crash checkClaim, and every warning is well formed', async () => {
  await index();
  await fc.assert(
    fc.asyncProperty(fc.oneof(claim, anyValue, fc.array(anyValue)), fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), async (c, noteText) => {
      const ws = await check(c, noteText === undefined ? {} : { noteText });
      for (const w of ws) {
        assert.ok(RULE_IDS.includes(w.rule));
        assert.ok(['error', 'warning', 'info'].includes(w.severity));
        assert.equal(typeof w.message, 'string');
        assert.ok(Array.isArray(w.fixes));
      }
    }),
    { numRuns: 300 },
  );
});
