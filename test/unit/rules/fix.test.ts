import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../src/core/rules';
import { baseClaim, fired } from './fixture';

describe('applyFix', () => {
  test('removing a diagnosis keeps pointers on the same diagnoses; a removed duplicate redirects to its twin', () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'I10', system: 'icd10cm' }, { code: 'E11.9', system: 'icd10cm' }, { code: 'I10', system: 'icd10cm' }];
    c.lines[0].diagnosisPointers = [3, 2];
    const out = applyFix(c, { op: 'removeDiagnosis', index: 2 });
    assert.deepEqual(out.lines[0].diagnosisPointers, [1, 2]);
    assert.equal(c.diagnoses.length, 3, 'the input is not changed');
  });
  test('moving a diagnosis renumbers pointers', () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'G63', system: 'icd10cm' }, { code: 'E11.40', system: 'icd10cm' }];
    c.lines[0].diagnosisPointers = [1];
    const out = applyFix(c, { op: 'moveDiagnosis', from: 1, to: 0 });
    assert.deepEqual(out.diagnoses.map((d: { code: string }) => d.code), ['E11.40', 'G63']);
    assert.deepEqual(out.lines[0].diagnosisPointers, [2]);
  });
  test('applying each offered fix clears the warning it came from', async () => {
    const c = baseClaim();
    c.lines = [{ code: '20610', system: 'cpt', modifiers: ['50'], units: 3, charge: 90, diagnosisPointers: [1] }];
    const [w] = await fired('modifier.bilateral-units', c);
    assert.equal((await fired('modifier.bilateral-units', applyFix(c, w!.fixes[0]!.edit))).length, 0);
  });
  test('an edit on a missing line says so', () => {
    assert.throws(() => applyFix(baseClaim(), { op: 'setUnits', line: 5, units: 1 }), /no line 6/);
  });
});
