import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseClaim, fired } from './fixture';

const line = (code: string, extra: Record<string, unknown> = {}) => ({ code, system: /^\d/.test(code) ? 'cpt' : 'hcpcs', modifiers: [], units: 1, charge: 50, diagnosisPointers: [1], ...extra });

describe('modifier.invalid / modifier.too-many', () => {
  test('an unknown Level II modifier, a non-CPT number and a malformed one fire; known ones do not', async () => {
    const c = baseClaim();
    c.lines = [line('20610', { modifiers: ['ZZ', '98', 'R-T'] })];
    assert.equal((await fired('modifier.invalid', c)).length, 3);
    c.lines = [line('20610', { modifiers: ['RT', '59', 'xs'] })];
    assert.equal((await fired('modifier.invalid', c)).length, 0);
  });
  test('five modifiers fire too-many with removal fixes; four do not', async () => {
    const c = baseClaim();
    c.lines = [line('20610', { modifiers: ['RT', '59', 'XS', 'GA', '76'] })];
    const [w] = await fired('modifier.too-many', c);
    assert.deepEqual(w!.fixes.map((f) => f.edit), [{ op: 'removeModifier', line: 0, modifier: '76' }]);
    c.lines[0].modifiers.pop();
    assert.equal((await fired('modifier.too-many', c)).length, 0);
  });
});

describe('modifier.missing-25', () => {
  test('E/M with a same-day minor procedure and no 25 fires on the E/M line', async () => {
    const c = baseClaim();
    c.lines = [line('99213'), line('20610')];
    const [w] = await fired('modifier.missing-25', c);
    assert.deepEqual(w!.target, { kind: 'line', index: 0 });
    assert.deepEqual(w!.fixes[0]!.edit, { op: 'addModifier', line: 0, modifier: '25' });
  });
  test('does not fire with 25, nor with a lab draw only', async () => {
    const c = baseClaim();
    c.lines = [line('99213', { modifiers: ['25'] }), line('20610')];
    assert.equal((await fired('modifier.missing-25', c)).length, 0);
    c.lines = [line('99213'), line('36415')];
    assert.equal((await fired('modifier.missing-25', c)).length, 0);
  });
});

describe('modifier.laterality-mismatch', () => {
  test('LT on a line pointing to a right-knee diagnosis fires, with RT as the fix', async () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'M17.11', system: 'icd10cm' }];
    c.lines = [line('20610', { modifiers: ['LT'] })];
    const [w] = await fired('modifier.laterality-mismatch', c);
    assert.deepEqual(w!.fixes[0]!.edit, { op: 'replaceModifier', line: 0, from: 'LT', to: 'RT' });
  });
  test('does not fire when sides agree or the diagnosis has no side', async () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'M17.11', system: 'icd10cm' }, { code: 'I10', system: 'icd10cm' }];
    c.lines = [line('20610', { modifiers: ['RT'] }), line('20610', { modifiers: ['LT'], diagnosisPointers: [2] })];
    assert.equal((await fired('modifier.laterality-mismatch', c)).length, 0);
  });
});

describe('modifier.bilateral-units', () => {
  test('50 with 2 units fires; 50 with 1 unit does not', async () => {
    const c = baseClaim();
    c.lines = [line('20610', { modifiers: ['50'], units: 2 })];
    assert.deepEqual((await fired('modifier.bilateral-units', c))[0]!.fixes[0]!.edit, { op: 'setUnits', line: 0, units: 1 });
    c.lines[0].units = 1;
    assert.equal((await fired('modifier.bilateral-units', c)).length, 0);
  });
});

describe('em.level-vs-time', () => {
  test('99215 with 25 minutes is an upcoding risk; time supports 99213', async () => {
    const c = baseClaim();
    c.lines[0].code = '99215';
    const [w] = await fired('em.level-vs-time', c);
    assert.equal(w!.severity, 'warning');
    assert.deepEqual(w!.fixes[0]!.edit, { op: 'setLineCode', line: 0, code: '99213' });
  });
  test('99212 with 35 minutes is undercoding (info, 99214)', async () => {
    const c = baseClaim();
    c.lines[0].code = '99212';
    c.encounter.totalTimeMinutes = 35;
    const [w] = await fired('em.level-vs-time', c);
    assert.equal(w!.severity, 'info');
    assert.deepEqual(w!.fixes[0]!.edit, { op: 'setLineCode', line: 0, code: '99214' });
  });
  test('does not fire at the level time supports, nor without a documented time', async () => {
    const c = baseClaim();
    assert.equal((await fired('em.level-vs-time', c)).length, 0);
    c.lines[0].code = '99215';
    delete c.encounter.totalTimeMinutes;
    assert.equal((await fired('em.level-vs-time', c)).length, 0);
  });
});

describe('em.new-vs-established', () => {
  test('a new-patient code for an established patient fires with the matching established level', async () => {
    const c = baseClaim();
    c.lines[0].code = '99203';
    c.encounter.totalTimeMinutes = 30;
    const [w] = await fired('em.new-vs-established', c);
    assert.deepEqual(w!.fixes[0]!.edit, { op: 'setLineCode', line: 0, code: '99213' });
  });
  test('an established code for a new patient fires; matching status does not', async () => {
    const c = baseClaim();
    c.encounter.patientStatus = 'new';
    assert.equal((await fired('em.new-vs-established', c)).length, 1);
    c.lines[0].code = '99203';
    assert.equal((await fired('em.new-vs-established', c)).length, 0);
  });
});
