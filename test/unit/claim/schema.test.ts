/* eslint-disable @typescript-eslint/no-explicit-any -- these tests walk untyped FHIR and claim JSON */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClaim } from '../../../src/core/claim/parse';

// Verbatim from issue 4: the acceptance checks write claims in exactly this shape.
const MINIMAL = `{"schemaVersion": "1",
 "encounter": {"dateOfService": "2024-08-14", "placeOfService": "11", "patientStatus": "established", "setting": "outpatient", "totalTimeMinutes": 25},
 "patient": {"id": "P-1", "name": {"family": "Rivera", "given": "Ana"}, "birthDate": "1961-05-20", "sex": "female", "memberId": "XKZ123456789"},
 "payer": {"name": "Acme Health Plan", "id": "ACME01"},
 "billingProvider": {"npi": "1234567893", "name": "Lakeside Family Medicine", "taxId": "123456789"},
 "renderingProvider": {"npi": "1234567893"},
 "diagnoses": [{"code": "I10", "system": "icd10cm"}],
 "lines": [{"code": "99213", "system": "cpt", "modifiers": [], "units": 1, "charge": 125.0, "diagnosisPointers": [1]}]}`;

const minimal = () => JSON.parse(MINIMAL) as Record<string, any>;

function errorsOf(text: string): string[] {
  const r = parseClaim(text);
  assert.equal(r.ok, false, 'expected the claim to be rejected');
  return r.ok ? [] : r.errors;
}

describe('claim schema', () => {
  test('accepts the minimal shape from the issue as is, losing nothing', () => {
    const r = parseClaim(MINIMAL);
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.deepEqual(r.claim, JSON.parse(MINIMAL));
  });

  test('fills defaulted members: modifiers and pointers may be omitted', () => {
    const c = minimal();
    delete c.lines[0].modifiers;
    delete c.lines[0].diagnosisPointers;
    const r = parseClaim(JSON.stringify(c));
    assert.ok(r.ok);
    assert.deepEqual(r.claim.lines[0]!.modifiers, []);
    assert.deepEqual(r.claim.lines[0]!.diagnosisPointers, []);
  });

  test('semantically wrong claims still parse, so the rules can explain them', () => {
    const c = minimal();
    c.billingProvider.npi = '1234567890'; // bad check digit
    c.lines[0].modifiers = ['25', '59', 'RT', 'LT', 'XS']; // too many
    c.lines[0].diagnosisPointers = [0, 14, 2, 3, 4]; // missing diagnoses, too many pointers
    c.diagnoses = Array.from({ length: 13 }, (_, i) => ({ code: `Z00.0${i % 10}`, system: 'icd10cm' }));
    c.encounter.dateOfService = '2999-01-01';
    c.encounter.placeOfService = '99x';
    c.patient.birthDate = '3000-01-01';
    c.patient.sex = 'banana';
    c.lines[0].units = -2;
    c.lines[0].charge = 0;
    c.totalCharge = 1;
    delete c.payer;
    const r = parseClaim(JSON.stringify(c));
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  });

  test('keeps working-copy fields: evidence, decisions, audit, suppressions, overrides', () => {
    const c = minimal();
    c.note = { path: 'a.txt', sha256: 'ab' };
    c.diagnoses[0] = { ...c.diagnoses[0], evidence: [{ start: 1, end: 4, text: 'HTN' }], status: 'accepted', decidedBy: 'me', decidedAt: '2024-08-14T10:00:00Z' };
    c.audit = [{ at: '2024-08-14T10:00:00Z', who: 'me', action: 'accept' }];
    c.suppressed = [{ rule: 'icd10cm.excludes1', target: { kind: 'diagnosis', index: 0 }, justification: 'unrelated conditions', key: 'k' }];
    c.overrides = [{ at: '2024-08-14T10:00:00Z', reason: 'payer asked', format: 'x12' }];
    const r = parseClaim(JSON.stringify(c));
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.deepEqual(r.claim, c);
  });

  test('a JSON syntax error names the line and column', () => {
    const [e] = errorsOf('{\n  "schemaVersion": "1",\n  "encounter": {,}\n}');
    assert.match(e!, /line 3, column 17/);
    assert.match(e!, /not valid JSON/);
  });

  test('an empty file says so', () => {
    assert.match(errorsOf('  \n')[0]!, /empty/);
  });

  test('missing encounter and lines arrays are structural errors with member paths', () => {
    const c = minimal();
    delete c.encounter;
    c.lines = { code: '99213' };
    const errors = errorsOf(JSON.stringify(c));
    assert.ok(errors.includes('"encounter" is missing; it must be an object.'), errors.join('\n'));
    assert.ok(errors.includes('"lines" must be an array, not an object.'), errors.join('\n'));
  });

  test('wrong types inside a line name the line index and the expected type', () => {
    const c = minimal();
    c.lines[0].units = '1';
    c.lines[0].system = 'icd10pcs';
    const errors = errorsOf(JSON.stringify(c));
    assert.ok(errors.includes('"lines[0].units" must be a number, not a string.'), errors.join('\n'));
    assert.ok(errors.includes('"lines[0].system" must be one of "cpt", "hcpcs" (found "icd10pcs").'), errors.join('\n'));
  });

  test('an unknown schema version is refused with the version found', () => {
    const c = minimal();
    c.schemaVersion = '2';
    assert.deepEqual(errorsOf(JSON.stringify(c)), ['"schemaVersion" must be "1" (found "2").']);
  });

  test('a top-level array is not a claim', () => {
    assert.deepEqual(errorsOf('[]'), ['the claim must be an object, not an array.']);
  });
});
