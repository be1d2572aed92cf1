import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, suggest } from './helpers';

describe('combination codes', () => {
  test('diabetes with CKD: E11.22 plus the N18 stage, without E11.9', async () => {
    const found = await codes('Type 2 diabetes. CKD stage 3b.');
    assert.ok(found.includes('E11.22') && found.includes('N18.32'), `${found}`);
    assert.ok(!found.includes('E11.9'));
  });
  test('hypertension with CKD: I12.9 absorbs I10, the CKD stage stays', async () => {
    const found = await codes('Hypertension. CKD stage 4.');
    assert.ok(found.includes('I12.9') && found.includes('N18.4'), `${found}`);
    assert.ok(!found.includes('I10'));
  });
  test('hypertension with heart failure: I11.0', async () => {
    const found = await codes('HTN. Chronic systolic heart failure.');
    assert.ok(found.includes('I11.0') && found.includes('I50.22'), `${found}`);
    assert.ok(!found.includes('I10'));
  });
  test('hypertension with both: I13.0, and I12/I11 are not listed as well', async () => {
    const found = await codes('Assessment: HTN, CKD stage 3b, acute on chronic systolic heart failure.');
    assert.ok(found.includes('I13.0'), `${found}`);
    for (const absorbed of ['I10', 'I12.9', 'I11.0']) assert.ok(!found.includes(absorbed), `${absorbed} in ${found}`);
  });
  test('end stage renal disease takes I12.0', async () => {
    assert.ok((await codes('Hypertension and end stage renal disease.')).includes('I12.0'));
  });
  test('outpatient: a symptom of a confirmed diagnosis in the same body system falls below the threshold', async () => {
    const out = await codes('Cough. Aspiration pneumonia.', { setting: 'outpatient' });
    assert.ok(out.includes('J69.0') && !out.includes('R05.9'), `${out}`);
    const all = await suggest('Cough. Aspiration pneumonia.', { setting: 'outpatient', threshold: 0.2 });
    assert.match(all.find((s) => s.code === 'R05.9')!.reason, /integral/);
  });
});

describe('specific over unspecified, symptoms of a confirmed infection (outpatient)', () => {
  const note = 'CC: sore throat and fever.\nASSESSMENT: Streptococcal pharyngitis.';
  test('outpatient: the unspecified sibling and the fever stay below the default threshold, with the reason', async () => {
    const shown = await codes(note, { setting: 'outpatient' });
    assert.ok(shown.includes('J02.0'), shown.join(', '));
    assert.ok(!shown.includes('J02.9') && !shown.includes('R50.9'), shown.join(', '));
    const all = await suggest(note, { setting: 'outpatient', threshold: 0.1 });
    // Outpatient, the sore throat of the chief complaint is not reported (IV.J) before any specificity question arises.
    assert.match(all.find((s) => s.code === 'J02.9')!.reason, /more specific code of the same category|not addressed in the assessment or plan/);
    // The fever is in the chief complaint only: the assessment does not report it (IV.J).
    assert.match(all.find((s) => s.code === 'R50.9')!.reason, /not addressed in the assessment or plan/);
  });
  test('outpatient: a fever the assessment lists beside the infection is integral to it', async () => {
    const all = await suggest('ASSESSMENT:\nStreptococcal pharyngitis.\nFever.', { setting: 'outpatient', threshold: 0.1 });
    assert.ok(all.some((s) => s.code === 'J02.0' && s.score >= 0.35));
    assert.match(all.find((s) => s.code === 'R50.9')!.reason, /integral to a confirmed infection/);
  });
  test('inpatient keeps both, as hospital coders reported them', async () => {
    const shown = await codes(note, { setting: 'inpatient' });
    assert.ok(shown.includes('J02.0') && shown.includes('J02.9'), shown.join(', '));
  });
});

describe('a bare word repeating a condition named in full (outpatient)', () => {
  const note = 'CC: chest pain.\nHPI: The pain started yesterday; the pain is worse on exertion.';
  test('outpatient: "the pain" is the chest pain, not also R52', async () => {
    const shown = await codes(note, { setting: 'outpatient' });
    assert.ok(shown.includes('R07.9') && !shown.includes('R52'), shown.join(', '));
    const r52 = (await suggest(note, { setting: 'outpatient', threshold: 0.1 })).find((s) => s.code === 'R52');
    assert.match(r52!.reason, /more specific (condition elsewhere|form of the same condition)/);
  });
  test('pain alone is still pain', async () => {
    assert.ok((await codes('HPI: The pain started yesterday.', { setting: 'outpatient' })).includes('R52'));
  });
});

describe('the same condition in its unspecified and its specific form (outpatient)', () => {
  const note = 'HPI: She was told she has anemia.\nASSESSMENT: Iron deficiency anemia.';
  test('outpatient shows the specific form only; the bare main term stays in the ranking with the reason', async () => {
    const shown = await codes(note, { setting: 'outpatient' });
    assert.ok(shown.includes('D50.9') && !shown.includes('D64.9'), shown.join(', '));
    const d649 = (await suggest(note, { setting: 'outpatient', threshold: 0.1 })).find((s) => s.code === 'D64.9');
    assert.match(d649!.reason, /more specific form of the same condition|not addressed in the assessment or plan/);
  });
  test('anemia alone is still D64.9', async () => {
    assert.ok((await codes('ASSESSMENT: Anemia.', { setting: 'outpatient' })).includes('D64.9'));
  });
});
