import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, suggest } from './helpers';

describe('context', () => {
  test('negated findings are never suggested', async () => {
    for (const text of ['Patient denies fever.', 'No cough.', 'Negative for chest pain.', 'Pneumonia was ruled out.']) {
      const found = await codes(text, { setting: 'inpatient', threshold: 0 });
      assert.deepEqual(found.filter((c) => /^(R50|R05|R07|J18)/.test(c)), [], `${text} -> ${found}`);
    }
  });
  test('outpatient: an uncertain diagnosis is not coded, its documented symptom is', async () => {
    const found = await codes('Cough and fever. Possible pneumonia.', { setting: 'outpatient' });
    assert.ok(!found.includes('J18.9'));
    assert.ok(found.includes('R05.9') && found.includes('R50.9'));
  });
  test('inpatient: an uncertain diagnosis is coded as if confirmed', async () => {
    const s = (await suggest('Probable pneumonia.', { setting: 'inpatient' })).find((x) => x.code === 'J18.9');
    assert.ok(s);
    assert.equal(s.context.uncertain, true);
  });
  test('history of a resolved condition maps to the history code', async () => {
    const found = await codes('History of MI in 2015.');
    assert.ok(found.includes('I25.2'));
    assert.ok(!found.includes('I21.9'));
    const breast = await codes('History of breast cancer, treated in 2010.');
    assert.ok(breast.includes('Z85.3') && !breast.includes('C50.919'), `${breast}`);
  });
  test('a chronic condition written as history is still coded', async () => {
    assert.ok((await codes('History of hypertension.')).includes('I10'));
  });
  test("a relative's condition maps to the family history code", async () => {
    const found = await codes('Mother with breast cancer.');
    assert.ok(found.includes('Z80.3'));
    assert.ok(!found.includes('C50.919'));
  });
});
