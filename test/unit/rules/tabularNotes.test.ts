import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseClaim, fired } from './fixture';

const withDx = (...codes: string[]) => {
  const c = baseClaim();
  c.diagnoses = codes.map((code) => ({ code, system: 'icd10cm' }));
  return c;
};

describe('icd10cm.excludes1', () => {
  test('fires on E11.9 with E10.9 (note on the E11 category, range E10.-), citing the note and version', async () => {
    const ws = await fired('icd10cm.excludes1', withDx('E11.9', 'E10.9'));
    assert.equal(ws.length, 1);
    assert.equal(ws[0]!.source?.text, 'type 1 diabetes mellitus (E10.-)');
    assert.equal(ws[0]!.source?.version, 'FY2024');
    assert.deepEqual(ws[0]!.fixes.map((f) => f.edit), [{ op: 'removeDiagnosis', index: 1 }, { op: 'removeDiagnosis', index: 0 }]);
  });
  test('fires in either order and only once per pair', async () => {
    assert.equal((await fired('icd10cm.excludes1', withDx('J45.909', 'I10', 'J44.9'))).length, 1);
  });
  test('does not fire on codes without an Excludes1 relation', async () => {
    assert.equal((await fired('icd10cm.excludes1', withDx('E11.9', 'I10', 'J45.909'))).length, 0);
  });
  test('a suppression with the unrelated-conditions justification marks it suppressed, not dropped', async () => {
    const c = withDx('E11.9', 'E10.9');
    c.suppressed = [{ rule: 'icd10cm.excludes1', key: 'icd10cm.excludes1:E109|E119', justification: 'Unrelated conditions (I.A.12.a)', who: 'coder1' }];
    const [w] = await fired('icd10cm.excludes1', c);
    assert.ok(w);
    assert.deepEqual(w.suppressed, { justification: 'Unrelated conditions (I.A.12.a)', by: 'coder1' });
  });
});

describe('icd10cm.manifestation-first', () => {
  test('fires when G63 is first-listed, offering to list the etiology first', async () => {
    const [w] = await fired('icd10cm.manifestation-first', withDx('G63', 'E11.40'));
    assert.ok(w);
    assert.deepEqual(w.fixes[0]!.edit, { op: 'moveDiagnosis', from: 1, to: 0 });
    assert.equal(w.source?.dataset, 'mce');
  });
  test('does not fire when the etiology is first', async () => {
    assert.equal((await fired('icd10cm.manifestation-first', withDx('E11.40', 'G63'))).length, 0);
  });
});

describe('icd10cm.code-first', () => {
  test('fires as info when the condition to code first is missing', async () => {
    const [w] = await fired('icd10cm.code-first', withDx('I10', 'G63'));
    assert.ok(w);
    assert.equal(w.severity, 'info');
  });
  test('does not fire when the etiology is on the claim before it', async () => {
    assert.equal((await fired('icd10cm.code-first', withDx('E11.40', 'G63'))).length, 0);
  });
});

describe('icd10cm.use-additional', () => {
  test('fires (info) on E11.9 without Z79.4', async () => {
    const [w] = await fired('icd10cm.use-additional', withDx('E11.9'));
    assert.ok(w);
    assert.equal(w.severity, 'info');
  });
  test('does not fire when the additional code is present', async () => {
    assert.equal((await fired('icd10cm.use-additional', withDx('E11.9', 'Z79.4'))).length, 0);
  });
});
