// Search for queries naming several conditions, the Table of Drugs and Chemicals and the Neoplasm
// Table, and the index path shown for each hit, on a small hand-written index (the production
// writer and reader, in memory). The titles, index paths and table rows are cut down to what the
// queries need, written like the official files.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureIndex, icd } from '../../support/fixtureIndex';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import type { IndexEntryRow } from '../../../src/core/importers/types';
import { bestPartition, conceptUnits, type Segment } from '../../../src/core/codeset/searchConcepts';

const CODES = [
  icd('I10', 'Essential (primary) hypertension'),
  icd('I12', 'Hypertensive chronic kidney disease', false),
  icd('I12.0', 'Hypertensive chronic kidney disease with stage 5 chronic kidney disease or end stage renal disease'),
  icd('I12.9', 'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease'),
  icd('N18', 'Chronic kidney disease (CKD)', false),
  icd('N18.3', 'Chronic kidney disease, stage 3 (moderate)', false),
  icd('N18.30', 'Chronic kidney disease, stage 3 unspecified'),
  icd('N18.9', 'Chronic kidney disease, unspecified'),
  icd('E11', 'Type 2 diabetes mellitus', false),
  icd('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
  icd('E11.9', 'Type 2 diabetes mellitus without complications'),
  icd('I25.1', 'Atherosclerotic heart disease of native coronary artery', false),
  icd('I25.10', 'Atherosclerotic heart disease of native coronary artery without angina pectoris'),
  icd('Z95.1', 'Presence of aortocoronary bypass graft'),
  icd('T39.1X1A', 'Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter'),
  icd('T39.1X2A', 'Poisoning by 4-Aminophenol derivatives, intentional self-harm, initial encounter'),
  icd('T39.1X5A', 'Adverse effect of 4-Aminophenol derivatives, initial encounter'),
  icd('C50', 'Malignant neoplasm of breast', false),
  icd('C50.9', 'Malignant neoplasm of breast of unspecified site', false),
  icd('C50.919', 'Malignant neoplasm of unspecified site of unspecified female breast'),
  icd('C79.51', 'Secondary malignant neoplasm of bone'),
  icd('C79.81', 'Secondary malignant neoplasm of breast'),
  icd('G56.01', 'Carpal tunnel syndrome, right upper limb'),
  icd('S63.501A', 'Unspecified sprain of right wrist, initial encounter'),
];

const INDEX: IndexEntryRow[] = [
  { source: 'index', path: 'Hypertension, hypertensive', term: 'Hypertension, hypertensive', level: 0, nemod: '(accelerated) (benign) (essential)', code: 'I10' },
  { source: 'index', path: 'Hypertension, hypertensive > kidney', term: 'kidney', level: 1, code: 'I129' },
  { source: 'index', path: 'Hypertension, hypertensive > kidney > with', term: 'with', level: 2 },
  { source: 'index', path: 'Hypertension, hypertensive > kidney > with > stage 1 through stage 4 chronic kidney disease', term: 'stage 1 through stage 4 chronic kidney disease', level: 3, code: 'I129' },
  { source: 'index', path: 'Hypertension, hypertensive > kidney > with > stage 5 chronic kidney disease (CKD) or end stage renal disease (ESRD)', term: 'stage 5 chronic kidney disease (CKD) or end stage renal disease (ESRD)', level: 3, code: 'I120' },
  { source: 'index', path: 'Disease, diseased', term: 'Disease, diseased', level: 0 },
  { source: 'index', path: 'Disease, diseased > kidney > chronic', term: 'chronic', level: 2, code: 'N189' },
  { source: 'index', path: 'Disease, diseased > kidney > chronic > stage 3', term: 'stage 3', level: 3, nemod: '(moderate)', code: 'N1830' },
  { source: 'index', path: 'Diabetes, diabetic', term: 'Diabetes, diabetic', level: 0, nemod: '(mellitus) (sugar)', code: 'E119' },
  { source: 'index', path: 'Diabetes, diabetic > type 2', term: 'type 2', level: 1, code: 'E119' },
  { source: 'index', path: 'Diabetes, diabetic > type 2 > with > chronic kidney disease', term: 'chronic kidney disease', level: 3, code: 'E1122' },
  { source: 'index', path: 'Disease, diseased > artery > coronary', term: 'coronary', level: 2, code: 'I2510' },
  { source: 'index', path: 'Status > coronary artery bypass graft', term: 'coronary artery bypass graft', level: 1, code: 'Z951' },
  {
    source: 'drug', path: 'Acetaminophen', term: 'Acetaminophen', level: 0,
    codes: { poisoningAccidental: 'T391X1', poisoningIntentional: 'T391X2', poisoningAssault: 'T391X3', poisoningUndetermined: 'T391X4', adverseEffect: 'T391X5', underdosing: 'T391X6' },
  },
  { source: 'neoplasm', path: 'Neoplasm, neoplastic > bone', term: 'bone', level: 1, nemod: '(periosteum)', codes: { malignantPrimary: 'C419', malignantSecondary: 'C7951', benign: 'D169' } },
  { source: 'neoplasm', path: 'Neoplasm, neoplastic > breast', term: 'breast', level: 1, codes: { malignantPrimary: 'C509', malignantSecondary: 'C7981', caInSitu: 'D05' } },
];

let index: SqlCodesetIndex;

before(async () => {
  index = await fixtureIndex([{
    system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30', codes: CODES, indexEntries: INDEX,
    notes: [{ code: 'I12', type: 'useAdditionalCode', text: 'code to identify the stage of chronic kidney disease (N18.1-N18.4, N18.9)', refs: [['N181', 'N184'], ['N189', 'N189']] }],
  }]);
});

const top = (q: string, n = 3) => index.search(q).slice(0, n).map((r) => r.code);

describe('a query naming several conditions', () => {
  test('"htn ckd stage 3": the combination code, then the stage its note asks to add', () => {
    const results = index.search('htn ckd stage 3');
    assert.deepEqual(results.slice(0, 2).map((r) => [r.code, r.concept]), [['I12.9', 'htn + ckd stage 3'], ['N18.30', 'ckd stage 3']]);
    assert.equal(results[0]!.path, 'Hypertension, hypertensive > kidney > with > stage 1 through stage 4 chronic kidney disease');
  });

  test('"t2dm ckd stage 3": the "with" entry joins the parts without the stage, which stays its own code', () => {
    const results = index.search('t2dm ckd stage 3');
    assert.deepEqual(results.slice(0, 2).map((r) => [r.code, r.concept]), [['E11.22', 't2dm + ckd stage 3'], ['N18.30', 'ckd stage 3']]);
  });

  test('"cad s/p cabg": no combination exists, so each condition\'s own code', () => {
    assert.deepEqual(index.search('cad s/p cabg').slice(0, 2).map((r) => [r.code, r.concept]), [['I25.10', 'cad'], ['Z95.1', 's/p cabg']]);
  });

  test('"breast cancer metastatic to bone": the primary site and the secondary one', () => {
    const codes = top('breast cancer metastatic to bone', 2);
    assert.ok(codes.includes('C79.51'), codes.join(','));
    assert.ok(codes.some((c) => c.startsWith('C50')), codes.join(','));
    assert.ok(!codes.includes('C79.81'), 'breast is the primary site, not a secondary one');
  });

  test('a site after a condition is not a condition of its own', () => {
    const results = index.search('carpal tunnel syndrome right wrist');
    assert.equal(results[0]?.code, 'G56.01');
    assert.equal(results[0]?.concept, undefined);
  });

  test('a query one text answers is not split', () => {
    const [first] = index.search('chronic kidney disease stage 3');
    assert.equal(first?.code, 'N18.30');
    assert.equal(first?.concept, undefined);
  });
});

describe('the drug and neoplasm tables', () => {
  test('a drug and "poisoning" is the accidental column, with the initial-encounter character', () => {
    const [first] = index.search('acetaminophen poisoning');
    assert.equal(first?.code, 'T39.1X1A');
    assert.equal(first?.path, 'Table of Drugs and Chemicals > Acetaminophen > Poisoning, accidental (unintentional)');
  });

  test('the column words pick the column', () => {
    assert.equal(top('acetaminophen adverse effect', 1)[0], 'T39.1X5A');
    assert.equal(top('acetaminophen intentional self-harm', 1)[0], 'T39.1X2A');
  });

  test('a neoplasm site and "metastatic" is the secondary column', () => {
    const [first] = index.search('metastatic to bone');
    assert.equal(first?.code, 'C79.51');
    assert.equal(first?.path, 'Neoplasm Table > bone (periosteum) > Malignant secondary');
  });
});

describe('index paths', () => {
  test('a code found by its title shows the index path leading to it that shares most words with the query', () => {
    const hit = index.search('chronic kidney disease stage 3 unspecified').find((r) => r.code === 'N18.30');
    assert.equal(hit?.path, 'Disease, diseased > kidney > chronic > stage 3 (moderate)');
  });

  test('a code the index does not name has no path', () => {
    const hit = index.search('sprain right wrist').find((r) => r.code === 'S63.501A');
    assert.ok(hit);
    assert.equal(hit.path, undefined);
  });
});

describe('choosing the split', () => {
  test('units keep known phrases whole and drop connectors', () => {
    assert.deepEqual(conceptUnits('cad s/p cabg').map((u) => u.said), ['cad', 's/p', 'cabg']);
    assert.deepEqual(conceptUnits('metastatic to bone').map((u) => u.said), ['metastatic', 'bone']);
    assert.deepEqual(conceptUnits('pneumonia'), []);
  });

  test('the fewest parts win, then the parts whose texts add least to what was typed', () => {
    const part = (from: number, to: number, cost: number): Segment => ({ from, to, said: `${from}-${to}`, tokens: [], units: [], cost, best: 1 });
    // Units 0..3: [0,1) and [1,4) cost 0.2; [0,2) and [2,4) cost 0; three parts are never needed.
    const costs: Record<string, number> = { '0 1': 0.2, '1 4': 0.2, '0 2': 0, '2 4': 0, '0 3': 0.1 };
    const chosen = bestPartition(4, (from, to) => {
      const cost = costs[`${from} ${to}`];
      return cost === undefined ? null : part(from, to, cost);
    });
    assert.deepEqual(chosen?.map((s) => s.said), ['0-2', '2-4']);
    assert.equal(bestPartition(3, () => null), undefined);
  });
});
