import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseClaim, fired } from './fixture';

const NOTE = 'Assessment: Patient denies cough. Osteoarthritis of the left knee. Possible pneumonia. Hypertension, stable.';
const span = (words: string) => ({ start: NOTE.indexOf(words), end: NOTE.indexOf(words) + words.length });

function claimWith(code: string, words: string) {
  const c = baseClaim();
  c.diagnoses = [{ code, system: 'icd10cm', evidence: [span(words)] }];
  return c;
}

describe('note.negated-coded', () => {
  test('fires when the only evidence is negated in the note, pointing at the span', async () => {
    const [w] = await fired('note.negated-coded', claimWith('R05.9', 'cough'), { noteText: NOTE });
    assert.ok(w);
    assert.deepEqual(w.target, { kind: 'note', span: span('cough') });
    assert.ok(!w.message.includes('cough'), 'messages never quote the note');
  });
  test('uses the analyzer flags when given', async () => {
    const c = baseClaim();
    const analysis = { suggestions: [{ code: 'I10', evidence: [{ start: 0, end: 5 }], context: { negated: true } }] };
    assert.equal((await fired('note.negated-coded', c, { analysis })).length, 1);
  });
  test('does not fire on affirmed evidence, nor without a note', async () => {
    assert.equal((await fired('note.negated-coded', claimWith('I10', 'Hypertension'), { noteText: NOTE })).length, 0);
    assert.equal((await fired('note.negated-coded', claimWith('R05.9', 'cough'))).length, 0);
  });
});

describe('note.uncertain-coded', () => {
  test('fires for an outpatient encounter coded from "possible pneumonia"', async () => {
    assert.equal((await fired('note.uncertain-coded', claimWith('J18.9', 'pneumonia'), { noteText: NOTE })).length, 1);
  });
  test('does not fire for an inpatient encounter (coded as if confirmed)', async () => {
    const c = claimWith('J18.9', 'pneumonia');
    c.encounter.setting = 'inpatient';
    c.encounter.placeOfService = '21';
    assert.equal((await fired('note.uncertain-coded', c, { noteText: NOTE })).length, 0);
  });
});

describe('note.unspecified-but-documented', () => {
  test('fires on the unspecified-knee code when the note says left, offering the left-knee code', async () => {
    const [w] = await fired('note.unspecified-but-documented', claimWith('M17.10', 'Osteoarthritis'), { noteText: NOTE });
    assert.ok(w);
    assert.deepEqual(w.fixes[0]!.edit, { op: 'replaceDiagnosis', index: 0, code: 'M17.12' });
  });
  test('does not fire on the specific code', async () => {
    assert.equal((await fired('note.unspecified-but-documented', claimWith('M17.12', 'Osteoarthritis'), { noteText: NOTE })).length, 0);
  });
});
