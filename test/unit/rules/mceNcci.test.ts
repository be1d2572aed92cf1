import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseClaim, buildIndex, fired } from './fixture';

const line = (code: string, extra: Record<string, unknown> = {}) => ({ code, system: /^\d/.test(code) ? 'cpt' : 'hcpcs', modifiers: [], units: 1, charge: 50, diagnosisPointers: [1], ...extra });

describe('mce.age / mce.sex', () => {
  test('O80 on a male fires mce.sex; on a 62-year-old woman it does not', async () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'O80', system: 'icd10cm' }];
    assert.equal((await fired('mce.sex', c)).length, 0);
    c.patient.sex = 'male';
    const [w] = await fired('mce.sex', c);
    assert.ok(w);
    assert.equal(w.source?.text, 'O80,Sex,Female Only');
  });
  test('O80 at 70 fires mce.age (maternity 9-64); age is counted on the date of service', async () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'O80', system: 'icd10cm' }];
    c.patient.birthDate = '1959-08-15'; // 64 on 2024-08-14, 65 the day after
    assert.equal((await fired('mce.age', c)).length, 0);
    c.patient.birthDate = '1959-08-14';
    const [w] = await fired('mce.age', c);
    assert.ok(w);
    assert.match(w.message, /patient is 65/);
  });
  test('P22.0 (newborn) on an adult fires; on a newborn it does not', async () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'P22.0', system: 'icd10cm' }];
    assert.equal((await fired('mce.age', c)).length, 1);
    c.patient.birthDate = '2024-08-01';
    assert.equal((await fired('mce.age', c)).length, 0);
  });
  test('N40.0 on a female fires mce.sex; unknown sex does not', async () => {
    const c = baseClaim();
    c.diagnoses = [{ code: 'N40.0', system: 'icd10cm' }];
    assert.equal((await fired('mce.sex', c)).length, 1);
    c.patient.sex = 'unknown';
    assert.equal((await fired('mce.sex', c)).length, 0);
  });
  test('without MCE data the age and sex checks are reported unchecked', async () => {
    const idx = await buildIndex({ withMce: false });
    const [u] = await fired('rule.unchecked', baseClaim(), {}, idx);
    assert.match(u!.message, /mce\.age and mce\.sex/);
  });
});

describe('ncci.ptp', () => {
  test('indicator 0 is an error with no modifier bypass', async () => {
    const c = baseClaim();
    c.lines = [line('20610'), line('20604', { modifiers: ['59'] })];
    const [w] = await fired('ncci.ptp', c);
    assert.ok(w);
    assert.equal(w.severity, 'error');
    assert.equal(w.source?.row?.modifierIndicator, 0);
    assert.deepEqual(w.target, { kind: 'line', index: 1 });
  });
  test('indicator 1 is a warning without an NCCI-associated modifier, silent with one', async () => {
    const c = baseClaim();
    c.lines = [line('99213'), line('20610')];
    const [w] = await fired('ncci.ptp', c);
    assert.ok(w);
    assert.equal(w.severity, 'warning');
    assert.ok(w.fixes.some((f) => f.edit.op === 'addModifier'));
    c.lines[0].modifiers = ['25'];
    assert.equal((await fired('ncci.ptp', c)).length, 0);
  });
  test('an E/M bundled with a procedure is fixed with modifier 25 on the E/M, never 59 or X{EPSU}', async () => {
    const c = baseClaim();
    c.lines = [line('99213'), line('20610')];
    const [w] = await fired('ncci.ptp', c);
    const added = w!.fixes.flatMap((f) => (f.edit.op === 'addModifier' ? [[f.edit.line, f.edit.modifier]] : []));
    assert.deepEqual(added, [[0, '25']]);
    assert.match(w!.message, /modifier 25 on 99213/);
    assert.doesNotMatch(w!.message, /\b59\b|XS/);
  });
  test('59 or XS on the E/M does not pass an E/M + procedure edit', async () => {
    const c = baseClaim();
    c.lines = [line('99213', { modifiers: ['59'] }), line('20610')];
    const [w] = await fired('ncci.ptp', c);
    assert.ok(w);
    assert.match(w.message, /not used on E\/M/);
  });
  test('between two procedures the advice is X{EPSU} or 59 on the column 2 code, and 25 does not pass', async () => {
    const c = baseClaim();
    c.lines = [line('96372'), line('20604')];
    const [w] = await fired('ncci.ptp', c);
    const added = w!.fixes.flatMap((f) => (f.edit.op === 'addModifier' ? [f.edit.modifier] : []));
    assert.deepEqual(w!.fixes.filter((f) => f.edit.op === 'addModifier').map((f) => (f.edit as { line: number }).line), [0, 0]);
    assert.deepEqual(added, ['XS', '59']);
    c.lines[0].modifiers = ['25'];
    assert.equal((await fired('ncci.ptp', c)).length, 1, '25 is an E/M modifier');
    c.lines[0].modifiers = ['XS'];
    assert.equal((await fired('ncci.ptp', c)).length, 0);
  });
  test('indicator 0 offers no modifier at all', async () => {
    const c = baseClaim();
    c.lines = [line('20610'), line('20604')];
    const [w] = await fired('ncci.ptp', c);
    assert.ok(w!.fixes.every((f) => f.edit.op !== 'addModifier'));
    assert.doesNotMatch(w!.message, /add modifier/i);
  });
  test('indicator 9 is ignored, and an edit deleted before the date of service does not apply', async () => {
    const c = baseClaim();
    c.lines = [line('11102'), line('97597'), line('27447'), line('20610')];
    assert.equal((await fired('ncci.ptp', c)).length, 0);
  });
  test('the deleted edit applies to a date before its deletion', async () => {
    const c = baseClaim();
    c.encounter.dateOfService = '2023-06-01';
    c.lines = [line('27447'), line('20610')];
    assert.equal((await fired('ncci.ptp', c)).length, 1);
  });
  test('lines on different dates are not paired', async () => {
    const c = baseClaim();
    c.lines = [line('20610'), line('20604', { serviceDate: '2024-08-13' })];
    assert.equal((await fired('ncci.ptp', c)).length, 0);
  });
  test('without PTP data the check says it did not run', async () => {
    const idx = await buildIndex({ withPtp: false });
    const c = baseClaim();
    c.lines = [line('20610'), line('20604')];
    const ws = await fired('rule.unchecked', c, {}, idx);
    assert.ok(ws.some((w) => /ncci\.ptp/.test(w.message)));
  });
});

describe('ncci.mue', () => {
  test('MAI 1: units above the per-line value fire on that line', async () => {
    const c = baseClaim();
    c.lines = [line('20610', { units: 3 })];
    const [w] = await fired('ncci.mue', c);
    assert.ok(w);
    assert.deepEqual(w.fixes[0]!.edit, { op: 'setUnits', line: 0, units: 2 });
    assert.equal(w.source?.row?.mai, 1);
  });
  test('MAI 1: two lines each within the value do not fire', async () => {
    const c = baseClaim();
    c.lines = [line('20610', { units: 2, modifiers: ['RT'] }), line('20610', { units: 2, modifiers: ['LT'] })];
    assert.equal((await fired('ncci.mue', c)).length, 0);
  });
  test('MAI 3: units of the same code are summed over the date of service', async () => {
    const c = baseClaim();
    c.lines = [line('J0696', { units: 6 }), line('J0696', { units: 6 })];
    const [w] = await fired('ncci.mue', c);
    assert.ok(w);
    assert.match(w.message, /12 units on 2024-08-14; the MUE allows 10 per date of service \(MAI 3/);
    c.lines[1].units = 4;
    assert.equal((await fired('ncci.mue', c)).length, 0);
  });
});

describe('ncci.addon-without-primary', () => {
  test('99417 without 99205/99215 fires; with 99215 it does not', async () => {
    const c = baseClaim();
    c.lines = [line('99213'), line('99417')];
    const [w] = await fired('ncci.addon-without-primary', c);
    assert.ok(w);
    assert.match(w.message, /99205, 99215/);
    c.lines[0].code = '99215';
    assert.equal((await fired('ncci.addon-without-primary', c)).length, 0);
  });
  test('type 2 add-ons (payer-defined primaries) are not flagged', async () => {
    const c = baseClaim();
    c.lines = [line('G2212')];
    assert.equal((await fired('ncci.addon-without-primary', c)).length, 0);
  });
});
