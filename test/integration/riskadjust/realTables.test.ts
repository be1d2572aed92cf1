// The real CMS-HCC tables (../shared/riskadjust): imported as versioned sets, and scores computed
// by hand from the PY2026 V28 rows (ra_coefficients_2026.csv, model_version C28).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import type { RiskAdjustment } from '../../../src/core/riskadjust/read';
import { scoreBeneficiary } from '../../../src/core/riskadjust/score';
import type { Beneficiary } from '../../../src/core/riskadjust/demographics';
import { loadRealRiskTables, RISK_DIR } from '../../support/riskTables';
import { skipUnlessShared } from '../../support/shared';

const skip = skipUnlessShared(`${RISK_DIR}/ra_dx_to_cc_2026.csv`, `${RISK_DIR}/ra_coefficients_2026.csv`);
let index: SqlCodesetIndex;
let risk: RiskAdjustment;

const person = (birthDate: string, sex: 'female' | 'male', more: Partial<Beneficiary> = {}): Beneficiary => ({
  birthDate, sex, dual: 'none', originallyDisabled: false, institutional: false, newEnrollee: false, ...more,
});
const dxs = (...codes: string[]) => codes.map((code) => ({ code }));

describe('real CMS-HCC tables', { skip }, () => {
  before(async () => {
    ({ index, risk } = await loadRealRiskTables());
  });

  test('PY2025 and PY2026 sets plus the undated edits, each source with its SHA-256', () => {
    const sets = index.sets().filter((s) => s.system === 'cms-hcc');
    assert.deepEqual(sets.map((s) => s.version).sort(), ['PY2025', 'PY2026', 'undated']);
    const py2026 = sets.find((s) => s.version === 'PY2026')!;
    assert.deepEqual(py2026.sources.map((s) => s.kind).sort(), ['hcc-coefficients-csv', 'hcc-dx-csv', 'hcc-eligible-csv', 'hcc-hierarchy-csv', 'hcc-labels-csv']);
    assert.ok(py2026.sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256)));
    const v28 = risk.tablesFor(2026, 'V28')!;
    assert.equal([...v28.dx.values()].reduce((n, c) => n + c.length, 0), 8183, 'rows of the V28 mapping (a few codes map to two categories)');
    assert.equal([...v28.hierarchy.values()].reduce((n, c) => n + c.length, 0), 149);
    assert.equal(v28.labels.size, 115);
    assert.equal(v28.coefficients.size, 1237);
    assert.equal([...risk.tablesFor(2026, 'V24')!.dx.values()].reduce((n, c) => n + c.length, 0), 10211);
  });

  test('diabetes + heart failure, CNA woman of 71: 0.395 + 0.166 + 0.360 + 0.112 + D2 0 = 1.033', () => {
    const s = scoreBeneficiary(risk.tablesFor(2026)!, person('1954-06-15', 'female'), dxs('E11.9', 'I50.9'));
    assert.equal(s.demographic.row, 'CNA_F70_74');
    assert.deepEqual(s.interactions.map((i) => i.row), ['CNA_DIABETES_HF_V28']);
    assert.equal(s.raw, 1.033);
  });

  test('four HCCs, CNA man of 80: 0.571 + (0.166 + 0.360 + 0.319 + 0.514) + (0.112 + 0.078 + 0.176) + D4 0 = 2.296', () => {
    const s = scoreBeneficiary(risk.tablesFor(2026)!, person('1945-03-01', 'male'), dxs('E11.9', 'I50.9', 'J44.9', 'N18.4'));
    assert.deepEqual(s.hccs.map((h) => h.category), ['HCC38', 'HCC226', 'HCC280', 'HCC327']);
    assert.equal(s.counts?.row, 'CNA_D4');
    assert.equal(s.raw, 2.296);
  });

  test('hierarchy HCC37 over HCC38: 0.395 + 0.166 = 0.561', () => {
    const s = scoreBeneficiary(risk.tablesFor(2026)!, person('1954-06-15', 'female'), dxs('E11.22', 'E11.9'));
    assert.deepEqual(s.dropped, [{ category: 'HCC38', by: 'HCC37' }]);
    assert.equal(s.raw, 0.561);
  });

  test('institutional man of 73 with Medicaid: 1.224 + 0.280 + 0.217 + 0.209 + INS_D2 0 + INS_LTIMCAID 0.130 = 2.060', () => {
    const s = scoreBeneficiary(risk.tablesFor(2026)!, person('1953-01-10', 'male', { institutional: true, dual: 'full' }), dxs('E11.9', 'I50.9'));
    assert.equal(s.raw, 2.06);
  });

  test('sex edit of the real edits file: D66 in a woman is HCC112 (0.395 + 0.450 = 0.845)', () => {
    const s = scoreBeneficiary(risk.tablesFor(2026)!, person('1954-06-15', 'female'), dxs('D66'));
    assert.deepEqual(s.hccs.map((h) => h.category), ['HCC112']);
    assert.equal(s.raw, 0.845);
  });
});
