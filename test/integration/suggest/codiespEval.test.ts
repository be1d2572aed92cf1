// `medcode eval` on CodiEsp dev (English): the accuracy we measured, with floors slightly below
// it so a regression fails. Tuned on train only; see docs/analyzer.md for the numbers.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../support/cli';
import { realDbPath } from '../../support/realIndex';
import { sharedPath, skipUnlessShared } from '../../support/shared';

const skip = skipUnlessShared('codesets/icd10cm/fy2025/ICD10CM_2025_Index.csv', 'corpora/codiesp/eval_dev_en.jsonl');

interface Level { precision: number; recall: number; f1: number; map: number; atK: Record<string, { precision: number; recall: number }> }

describe('CodiEsp dev accuracy', { skip }, () => {
  let report: { documents: number; goldCodes: number; code: Level; category: Level };
  before(async () => {
    const r = await runCli(['eval', sharedPath('corpora/codiesp/eval_dev_en.jsonl'), '--db', await realDbPath(), '--json']);
    assert.equal(r.code, 0, r.stderr);
    report = JSON.parse(r.stdout) as typeof report;
  });
  test('covers the 250 dev documents', () => {
    assert.equal(report.documents, 250);
    assert.ok(report.goldCodes > 2500);
  });
  test('micro F1 of the returned set stays at or above 0.48 (measured 0.496)', () => {
    assert.ok(report.code.f1 >= 0.48, `F1 ${report.code.f1}`);
    assert.ok(report.code.precision >= 0.55, `P ${report.code.precision}`);
  });
  test('category-level F1 stays at or above 0.58 (measured 0.595)', () => {
    assert.ok(report.category.f1 >= 0.58, `category F1 ${report.category.f1}`);
  });
  test('MAP stays at or above 0.35 (measured 0.372; the 0.45 goal is not met yet)', () => {
    assert.ok(report.code.map >= 0.35, `MAP ${report.code.map}`);
    assert.ok(report.category.map >= 0.45, `category MAP ${report.category.map}`);
  });
  test('precision at 1 is the best precision of the ranking', () => {
    assert.ok(report.code.atK['1']!.precision >= report.code.atK['10']!.precision);
  });
});
