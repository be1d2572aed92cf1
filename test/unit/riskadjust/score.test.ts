// Risk scores computed by hand from the rows of fixture.ts (payment year 2026, model V28).
// Ages are on 1 February 2026: born 1954-06-15 -> 71, 1953-01-10 -> 73, 1945-03-01 -> 80.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModelTables } from '../../../src/core/riskadjust/tables';
import { scoreBeneficiary, type RiskScore } from '../../../src/core/riskadjust/score';
import { groupClaims } from '../../../src/core/riskadjust/patients';
import { ageOnFebruaryFirst } from '../../../src/core/riskadjust/demographics';
import { ROWS, visit, type PatientSpec } from './fixture';

const tables = buildModelTables('V28', 2026, ROWS);

function score(p: PatientSpec, claims: { codes: string[]; code?: string; pos?: string; date?: string }[]): RiskScore & { used: string[]; skipped: { claim: string; reason: string }[] } {
  const files = claims.map((c, i) => ({ name: `${p.id}-${i + 1}.claim.json`, json: visit(p, c.codes, c) }));
  const { patients } = groupClaims(files, 2026, tables.eligible);
  assert.equal(patients.length, 1);
  const pc = patients[0]!;
  assert.ok(pc.beneficiary, pc.problem);
  return { ...scoreBeneficiary(tables, pc.beneficiary, pc.diagnoses), used: pc.claimsUsed, skipped: pc.claimsSkipped };
}

const ANN: PatientSpec = { id: 'ann', birthDate: '1954-06-15', sex: 'female' };
const BOB: PatientSpec = { id: 'bob', birthDate: '1953-01-10', sex: 'male' };

test('age on 1 February of the payment year', () => {
  assert.equal(ageOnFebruaryFirst('1954-06-15', 2026), 71);
  assert.equal(ageOnFebruaryFirst('1956-02-01', 2026), 70, 'birthday on 1 February counts');
  assert.equal(ageOnFebruaryFirst('1956-02-02', 2026), 69);
});

test('1 single HCC: CNA_F70_74 0.400 + CNA_HCC38 0.160 + CNA_D1 0 = 0.560', () => {
  const s = score(ANN, [{ codes: ['E11.9'] }]);
  assert.equal(s.segment, 'CNA');
  assert.deepEqual(s.demographic, { cell: 'F70_74', factor: 0.4, row: 'CNA_F70_74' });
  assert.deepEqual(s.hccs.map((h) => [h.category, h.factor, h.codes]), [['HCC38', 0.16, ['E11.9']]]);
  assert.deepEqual(s.counts, { name: 'D1', factor: 0, row: 'CNA_D1' });
  assert.equal(s.raw, 0.56);
});

test('2 hierarchy: HCC37 drops HCC38: 0.400 + 0.170 = 0.570', () => {
  const s = score(ANN, [{ codes: ['E11.22', 'E11.9'] }]);
  assert.deepEqual(s.dropped, [{ category: 'HCC38', by: 'HCC37' }]);
  assert.deepEqual(s.hccs.map((h) => h.category), ['HCC37']);
  assert.equal(s.raw, 0.57);
});

test('3 diabetes + heart failure interaction: 0.420 + 0.160 + 0.360 + DIABETES_HF_V28 0.110 + D2 0 = 1.050', () => {
  const s = score(BOB, [{ codes: ['E11.9'] }, { codes: ['I50.9'], date: '2025-09-01' }]);
  assert.deepEqual(s.interactions.map((i) => [i.name, i.factor]), [['DIABETES_HF_V28', 0.11]]);
  assert.equal(s.counts?.name, 'D2');
  assert.equal(s.raw, 1.05);
  assert.equal(s.used.length, 2);
});

test('4 payment-HCC count D4 and three interactions: 0.600 + (0.160+0.360+0.320+0.510) + (0.110+0.080+0.180) + 0.050 = 2.370', () => {
  const cy: PatientSpec = { id: 'cy', birthDate: '1945-03-01', sex: 'male' };
  const s = score(cy, [{ codes: ['E11.9', 'I50.9', 'J44.9', 'N18.4'] }]);
  assert.equal(s.demographic.row, 'CNA_M80_84');
  assert.deepEqual(s.interactions.map((i) => i.name).sort(), ['DIABETES_HF_V28', 'HF_CHR_LUNG_V28', 'HF_KIDNEY_V28']);
  assert.deepEqual(s.counts, { name: 'D4', factor: 0.05, row: 'CNA_D4' });
  assert.equal(s.raw, 2.37);
});

test('5 full-benefit dual segment CFA: 0.500 + 0.190 + 0.400 + 0.120 + CFA_D2 0 = 1.210', () => {
  const s = score({ ...ANN, id: 'dee', riskAdjustment: { dualStatus: 'full' } }, [{ codes: ['E11.9', 'I50.9'] }]);
  assert.equal(s.segment, 'CFA');
  assert.equal(s.raw, 1.21);
});

test('6 partial-benefit dual segment CPA: 0.450 + CPA_HCC226 0.380 + CPA_D1 0 = 0.830', () => {
  const s = score({ ...ANN, id: 'eve', riskAdjustment: { dualStatus: 'partial' } }, [{ codes: ['I50.9'] }]);
  assert.equal(s.segment, 'CPA');
  assert.equal(s.raw, 0.83);
});

test('7 institutional segment with Medicaid: 1.000 + 0.280 + 0.300 + 0.150 + INS_D2 0.020 + INS_LTIMCAID 0.070 = 1.820', () => {
  const s = score({ ...BOB, id: 'fay', riskAdjustment: { institutional: true, dualStatus: 'full' } }, [{ codes: ['E11.9', 'I50.9'] }]);
  assert.equal(s.segment, 'INS');
  assert.deepEqual(s.interactions.map((i) => i.row).sort(), ['INS_DIABETES_HF_V28', 'INS_LTIMCAID']);
  assert.equal(s.raw, 1.82);
});

test('8 sex edit: D66 in a female maps to CC 112 (0.400 + 0.450 = 0.850); 9 in a male to CC 111 (0.420 + 4.000 = 4.420)', () => {
  const her = score({ ...ANN, id: 'gil' }, [{ codes: ['D66'] }]);
  assert.deepEqual(her.hccs.map((h) => h.category), ['HCC112']);
  assert.equal(her.edits.length, 1);
  assert.equal(her.raw, 0.85);
  const him = score({ ...BOB, id: 'hal' }, [{ codes: ['D66'] }]);
  assert.deepEqual(him.hccs.map((h) => h.category), ['HCC111']);
  assert.equal(him.raw, 4.42);
});

test('10 age edit: J41.0 at 15 maps to nothing; disabled segment by age: CND_F0_34 0.250', () => {
  const s = score({ id: 'ivy', birthDate: '2010-03-01', sex: 'female' }, [{ codes: ['J41.0'] }]);
  assert.equal(s.segment, 'CND');
  assert.deepEqual(s.hccs, []);
  assert.equal(s.counts, null);
  assert.equal(s.raw, 0.25);
});

test('11 ineligible encounters skipped: a lab-only claim and a 2024 claim add nothing (0.560)', () => {
  const s = score({ ...ANN, id: 'jo' }, [
    { codes: ['E11.9'] },
    { codes: ['I50.9'], code: '80053', pos: '81' },
    { codes: ['J44.9'], date: '2024-06-01' },
  ]);
  assert.equal(s.raw, 0.56);
  assert.deepEqual(s.used, ['jo-1.claim.json']);
  assert.equal(s.skipped.length, 2);
  assert.match(s.skipped.find((k) => k.claim === 'jo-2.claim.json')!.reason, /80053 is not on the risk-adjustment eligible/);
  assert.match(s.skipped.find((k) => k.claim === 'jo-3.claim.json')!.reason, /outside 2025/);
});

test('12 originally disabled, aged community: 0.400 + CNA_OriginallyDisabled_Female 0.250 = 0.650', () => {
  const s = score({ id: 'kim', birthDate: '1955-12-01', sex: 'female', riskAdjustment: { originallyDisabled: true } }, [{ codes: ['Z00.00'] }]);
  assert.deepEqual(s.interactions.map((i) => [i.name, i.factor]), [['OriginallyDisabled_Female', 0.25]]);
  assert.equal(s.raw, 0.65);
});

test('13 default segment by age: 57-year-old man is CND: CND_M55_59 0.300 + CND_HCC280 0.300 = 0.600 (no CND_D1 row)', () => {
  const s = score({ id: 'lou', birthDate: '1968-05-05', sex: 'male' }, [{ codes: ['J44.9'] }]);
  assert.equal(s.segment, 'CND');
  assert.equal(s.counts, null);
  assert.equal(s.raw, 0.6);
});

test('14 new enrollee: demographics only, NE_NMCAID_NORIGDIS_NEF65 0.500', () => {
  const s = score({ id: 'max', birthDate: '1960-12-01', sex: 'female', riskAdjustment: { newEnrollee: true } }, [{ codes: ['I50.9'] }]);
  assert.equal(s.segment, 'NE');
  assert.equal(s.demographic.row, 'NE_NMCAID_NORIGDIS_NEF65');
  assert.deepEqual(s.hccs, []);
  assert.equal(s.raw, 0.5);
});

test('normalized and coding-adjusted only with the factors given: 2.370 / 1.05 = 2.257; x (1 - 0.059) = 2.124', () => {
  const b = { birthDate: '1945-03-01', sex: 'male' as const, dual: 'none' as const, originallyDisabled: false, institutional: false, newEnrollee: false };
  const dxs = ['E11.9', 'I50.9', 'J44.9', 'N18.4'].map((code) => ({ code }));
  const plain = scoreBeneficiary(tables, b, dxs);
  assert.equal(plain.normalized, undefined);
  assert.equal(plain.codingAdjusted, undefined);
  const s = scoreBeneficiary(tables, b, dxs, { normalization: 1.05, codingAdjustment: 0.059 });
  assert.equal(s.normalized, 2.257);
  assert.equal(s.codingAdjusted, 2.124);
});

test('supported: true when some code has MEAT support, false when all were checked and none has, null when unchecked', () => {
  const b = { birthDate: '1954-06-15', sex: 'female' as const, dual: 'none' as const, originallyDisabled: false, institutional: false, newEnrollee: false };
  const s = scoreBeneficiary(tables, b, [{ code: 'E11.9', supported: false }, { code: 'I50.9', supported: true }, { code: 'J44.9' }]);
  assert.deepEqual(s.hccs.map((h) => [h.category, h.supported]), [['HCC38', false], ['HCC226', true], ['HCC280', null]]);
});

test('a patient without a birth date is reported, not scored with a guess', () => {
  const claim = visit(ANN, ['E11.9']);
  delete claim.patient!.birthDate;
  const { patients } = groupClaims([{ name: 'x.claim.json', json: claim }], 2026, tables.eligible);
  assert.equal(patients[0]!.beneficiary, undefined);
  assert.match(patients[0]!.problem!, /birth date/);
  assert.ok(patients[0]!.defaults.includes('dualStatus: none'));
});

test('V24 reads its own rows and interactions: CNA_F70_74 0.300 + HCC19 0.100 + HCC85 0.300 + DIABETES_CHF 0.120 + D2 0 = 0.820', () => {
  const v24 = buildModelTables('V24', 2025, [
    { table: 'dx', model: 'V24', code: 'E119', cc: '19' }, { table: 'dx', model: 'V24', code: 'I509', cc: '85' },
    { table: 'dx', model: 'V28', code: 'I509', cc: '226' },
    ...([['CNA_F70_74', 0.3], ['CNA_HCC19', 0.1], ['CNA_HCC85', 0.3], ['CNA_DIABETES_CHF', 0.12], ['CNA_D2', 0]] as const)
      .map(([name, value]) => ({ table: 'coefficient' as const, model: 'V24', name, value })),
  ]);
  const b = { birthDate: '1953-06-15', sex: 'female' as const, dual: 'none' as const, originallyDisabled: false, institutional: false, newEnrollee: false };
  const s = scoreBeneficiary(v24, b, [{ code: 'E11.9' }, { code: 'I50.9' }]);
  assert.deepEqual(s.hccs.map((h) => h.category), ['HCC19', 'HCC85']);
  assert.deepEqual(s.interactions.map((i) => i.name), ['DIABETES_CHF']);
  assert.equal(s.raw, 0.82);
});
