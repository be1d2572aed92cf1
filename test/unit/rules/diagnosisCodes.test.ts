import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseClaim, buildIndex, fired } from './fixture';

const withDx = (...codes: string[]) => {
  const c = baseClaim();
  c.diagnoses = codes.map((code) => ({ code, system: 'icd10cm' }));
  return c;
};

describe('code.invalid', () => {
  test('fires on a code deleted before the date of service, naming the version that has it', async () => {
    const [w] = await fired('code.invalid', withDx('E88.8'));
    assert.ok(w);
    assert.match(w.message, /FY2024/);
    assert.match(w.message, /deleted \(it exists in FY2021\)/);
    assert.deepEqual(w.target, { kind: 'diagnosis', index: 0 });
    assert.equal(w.source?.version, 'FY2024');
  });
  test('fires on a code that does not exist, with billable codes of the nearest category as fixes', async () => {
    const [w] = await fired('code.invalid', withDx('E11.99'));
    assert.ok(w);
    assert.ok(w.fixes.some((f) => f.edit.op === 'replaceDiagnosis' && f.edit.code === 'E11.9'));
  });
  test('does not fire on a billable code in force, in any spelling', async () => {
    assert.equal((await fired('code.invalid', withDx('e119', 'I10'))).length, 0);
  });
  test('fires on a HCPCS code terminated before the date of service and on one not yet effective', async () => {
    const c = baseClaim();
    c.lines.push({ code: 'Q9990', system: 'hcpcs', modifiers: [], units: 1, charge: 5, diagnosisPointers: [1] });
    c.lines.push({ code: 'Q9991', system: 'hcpcs', modifiers: [], units: 1, charge: 5, diagnosisPointers: [1] });
    const ws = await fired('code.invalid', c);
    assert.equal(ws.length, 2);
    assert.match(ws[0]!.message, /terminated on 2023-12-31/);
    assert.match(ws[1]!.message, /takes effect on 2024-10-01/);
  });
  test('a HCPCS code added years ago is valid though its latest action takes effect after the date of service', async () => {
    const c = baseClaim();
    c.lines.push({ code: 'J1885', system: 'hcpcs', modifiers: [], units: 4, charge: 20, diagnosisPointers: [1] });
    assert.deepEqual((await fired('code.invalid', c)).map((w) => w.message), []);
  });
  test('a HCPCS code added after the date of service fires with its add date', async () => {
    const c = baseClaim();
    c.lines.push({ code: 'Q9992', system: 'hcpcs', modifiers: [], units: 1, charge: 5, diagnosisPointers: [1] });
    const [w, ...rest] = await fired('code.invalid', c);
    assert.equal(rest.length, 0);
    assert.match(w!.message, /takes effect on 2024-10-01/);
  });
  test('does not fire on a HCPCS code in force', async () => {
    const c = baseClaim();
    c.lines.push({ code: 'J0696', system: 'hcpcs', modifiers: [], units: 4, charge: 20, diagnosisPointers: [1] });
    assert.equal((await fired('code.invalid', c)).length, 0);
  });
  test('fires on a CPT code absent from a licensed CPT file', async () => {
    const c = baseClaim();
    c.lines[0].code = '99999';
    assert.equal((await fired('code.invalid', c)).length, 1);
  });
  test('without a licensed CPT file, CPT codes are accepted by number and reported as unchecked', async () => {
    const idx = await buildIndex({ withCpt: false });
    const c = baseClaim();
    c.lines[0].code = '20610'; // not one of the built-in E/M numbers
    assert.equal((await fired('code.invalid', c, {}, idx)).length, 0);
    const [u] = await fired('rule.unchecked', c, {}, idx);
    assert.ok(u);
    assert.match(u.message, /code\.invalid.*no licensed CPT file/);
  });
});

describe('code.not-billable', () => {
  test('fires on a header code and lists its billable children as fixes', async () => {
    const [w] = await fired('code.not-billable', withDx('E11'));
    assert.ok(w);
    assert.deepEqual(w.fixes.map((f) => (f.edit.op === 'replaceDiagnosis' ? f.edit.code : '')), ['E11.40', 'E11.9']);
    assert.equal(w.source?.row?.billable, false);
  });
  test('does not fire on a billable code', async () => {
    assert.equal((await fired('code.not-billable', withDx('E11.9'))).length, 0);
  });
});

describe('icd10cm.seventh-character', () => {
  test('S52.5 needs a 7th character: fixes are the billable completions', async () => {
    const ws = await fired('icd10cm.seventh-character', withDx('S52.5'));
    assert.equal(ws.length, 1);
    const codes = ws[0]!.fixes.map((f) => (f.edit.op === 'replaceDiagnosis' ? f.edit.code : ''));
    assert.ok(codes.includes('S52.501A'));
    assert.equal((await fired('code.not-billable', withDx('S52.5'))).length, 0, 'reported once, as the 7th-character problem');
  });
  test('T36.0X1 is completed with the placeholder already there; T36.01 gets the placeholder X', async () => {
    const [a] = await fired('icd10cm.seventh-character', withDx('T36.0X1'));
    assert.deepEqual(a!.fixes.map((f) => (f.edit.op === 'replaceDiagnosis' ? f.edit.code : '')), ['T36.0X1A', 'T36.0X1D']);
    const [b] = await fired('icd10cm.seventh-character', withDx('T36.01'));
    assert.ok(b);
    assert.match(b.message, /placeholder X/);
    assert.ok(b.fixes.some((f) => f.edit.op === 'replaceDiagnosis' && f.edit.code === 'T36.0X1A'));
  });
  test('an invalid 7th character is named with the allowed ones', async () => {
    const [w] = await fired('icd10cm.seventh-character', withDx('T36.0X1Q'));
    assert.ok(w);
    assert.match(w.message, /"Q" is not a valid 7th character; allowed: A, D, S|"Q" is not a valid 7th character here; allowed: A, D, S/);
  });
  test('does not fire on complete codes, nor on codes that take no 7th character', async () => {
    assert.equal((await fired('icd10cm.seventh-character', withDx('S52.501A', 'T36.0X1D', 'E11'))).length, 0);
  });
});
