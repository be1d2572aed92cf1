// hcc.unsupported / hcc.specificity / hcc.suspect on a tiny V28 table (payment year 2025: the
// fixture claim's date of service is 2024-08-14).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModelTables } from '../../../src/core/riskadjust/tables';
import { riskAdjustmentFrom } from '../../../src/core/riskadjust/read';
import type { AnalyzedSuggestion } from '../../../src/core/rules/types';
import { ROWS } from '../riskadjust/fixture';
import { baseClaim, fired } from './fixture';

const riskAdjustment = riskAdjustmentFrom([buildModelTables('V28', 2025, ROWS)]);

function setup(note: string, codes: string[], found: [code: string, words: string, context?: AnalyzedSuggestion['context']][]) {
  const at = (words: string) => {
    const start = note.indexOf(words);
    assert.ok(start >= 0, words);
    return { start, end: start + words.length };
  };
  const claim = baseClaim();
  claim.diagnoses = codes.map((code) => ({ code, system: 'icd10cm' }));
  const suggestions: AnalyzedSuggestion[] = found.map(([code, words, context]) => ({ code, system: 'icd10cm', evidence: [at(words)], ...(context ? { context } : {}) }));
  return { claim, extra: { noteText: note, analysis: { suggestions, setting: 'outpatient' as const }, riskAdjustment }, at };
}

describe('hcc.unsupported', () => {
  test('raised for an HCC code added without any mention in the note, with a fix that removes it', async () => {
    const { claim, extra } = setup('Assessment: Type 2 diabetes, continue metformin.', ['E11.9', 'I50.9'], [['E11.9', 'Type 2 diabetes']]);
    const ws = await fired('hcc.unsupported', claim, extra);
    assert.equal(ws.length, 1);
    assert.match(ws[0]!.message, /^I50\.9 \(diagnosis 2\) maps to HCC226 Heart failure, V28 .*does not mention it/);
    assert.deepEqual(ws[0]!.fixes[0]!.edit, { op: 'removeDiagnosis', index: 1 });
    assert.equal(ws[0]!.source?.version, 'PY2025 V28');
  });

  test('"history of" alone is not support; history with treatment is', async () => {
    const past = setup('Past medical history: history of heart failure.\nPlan: flu shot.', ['I50.9'], [['I50.9', 'heart failure']]);
    const [w] = await fired('hcc.unsupported', past.claim, past.extra);
    assert.ok(w);
    assert.match(w.message, /only as history/);
    assert.deepEqual(w.target, { kind: 'note', span: past.at('heart failure') });
    const treated = setup('History: he has a history of heart failure and takes furosemide daily.', ['I50.9'], [['I50.9', 'heart failure']]);
    assert.equal((await fired('hcc.unsupported', treated.claim, treated.extra)).length, 0);
  });

  test('not raised when the condition is assessed in the assessment/plan, nor for codes that map to no HCC', async () => {
    const { claim, extra } = setup('HPI: follow-up.\nAssessment and plan: Heart failure, euvolemic today.', ['I50.9', 'I10'], [['I50.9', 'Heart failure']]);
    assert.equal((await fired('hcc.unsupported', claim, extra)).length, 0);
  });

  test('a condition the analyzer missed is found by its index terms and title words in the note', async () => {
    const named = setup('Assessment: Type 2 diabetes mellitus, continue metformin.', ['E11.9'], [['I10', 'Assessment']]);
    assert.equal((await fired('hcc.unsupported', named.claim, named.extra)).length, 0);
    const notNamed = setup('Assessment: knee pain, continue ibuprofen.', ['E11.9'], [['I10', 'Assessment']]);
    assert.equal((await fired('hcc.unsupported', notNamed.claim, notNamed.extra)).length, 1);
  });

  test('a negated mention does not support', async () => {
    const { claim, extra } = setup('Assessment: no heart failure.', ['I50.9'], [['I50.9', 'heart failure', { negated: true }]]);
    assert.equal((await fired('hcc.unsupported', claim, extra)).length, 1);
  });

  test('without an analysis, a diagnosis without evidence spans is reported unchecked, not guessed', async () => {
    const { claim, extra } = setup('Assessment: heart failure, stable.', ['I50.9'], []);
    const ws = await fired('rule.unchecked', claim, { noteText: extra.noteText, riskAdjustment });
    assert.equal(ws.length, 1);
    assert.match(ws[0]!.message, /hcc\.unsupported/);
  });
});

describe('hcc.specificity', () => {
  test('E11.9 on the claim, diabetic CKD documented and assessed: replace with E11.22', async () => {
    const note = 'Assessment: Type 2 diabetes with diabetic chronic kidney disease stage 4, continue insulin.';
    const { claim, extra } = setup(note, ['E11.9'], [['E11.22', 'diabetic chronic kidney disease'], ['E11.9', 'Type 2 diabetes']]);
    const [w] = await fired('hcc.specificity', claim, extra);
    assert.ok(w);
    assert.match(w.message, /E11\.9 \(diagnosis 1\) is less specific than the note: it documents E11\.22 \(HCC37/);
    assert.deepEqual(w.fixes[0]!.edit, { op: 'replaceDiagnosis', index: 0, code: 'E11.22' });
  });

  test('not raised when the claim already has the specific code', async () => {
    const { claim, extra } = setup('Assessment: diabetic chronic kidney disease.', ['E11.22'], [['E11.22', 'diabetic chronic kidney disease']]);
    assert.equal((await fired('hcc.specificity', claim, extra)).length, 0);
  });
});

describe('hcc.suspect', () => {
  test('an HCC condition assessed in the plan but missing from the claim is offered; unsupported ones are not', async () => {
    const note = 'PMH: COPD.\nAssessment: chronic kidney disease stage 4, recheck creatinine in 3 months.';
    const { claim, extra } = setup(note, ['I10'], [['N18.4', 'chronic kidney disease stage 4'], ['J44.9', 'COPD']]);
    const ws = await fired('hcc.suspect', claim, extra);
    assert.deepEqual(ws.map((w) => w.fixes[0]!.edit), [{ op: 'addDiagnosis', code: 'N18.4' }]);
    assert.equal(ws[0]!.severity, 'info');
  });

  test('not offered when the claim carries a code of the same HCC, nor when the note negates it', async () => {
    const { claim, extra } = setup('Assessment: heart failure, continue lisinopril. No COPD.', ['I50.9'], [['I50.9', 'heart failure'], ['J44.9', 'COPD', { negated: true }]]);
    assert.equal((await fired('hcc.suspect', claim, extra)).length, 0);
  });

  test('the rules stay silent without imported CMS-HCC tables', async () => {
    const { claim, extra } = setup('Assessment: chronic kidney disease stage 4, stable.', ['I50.9'], [['N18.4', 'chronic kidney disease stage 4']]);
    const { riskAdjustment: _r, ...without } = extra;
    const ws = (await fired('hcc.suspect', claim, without)).concat(await fired('hcc.unsupported', claim, without));
    assert.equal(ws.length, 0);
  });
});
