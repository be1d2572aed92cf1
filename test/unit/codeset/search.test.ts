// Code search on a small hand-written index (the production writer and reader, in memory):
// code spellings, prefixes, ranking rules, synonyms, typos, filters and hostile input.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureIndex, icd } from '../../support/fixtureIndex';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import type { CodeRow, IndexEntryRow } from '../../../src/core/importers/types';

const COMMON: CodeRow[] = [
  icd('E11', 'Type 2 diabetes mellitus', false),
  icd('E11.2', 'Type 2 diabetes mellitus with kidney complications', false),
  icd('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
  icd('E11.9', 'Type 2 diabetes mellitus without complications'),
  icd('J18', 'Pneumonia, unspecified organism', false),
  icd('J18.8', 'Other pneumonia, unspecified organism'),
  icd('J18.9', 'Pneumonia, unspecified organism'),
  icd('J15.9', 'Unspecified bacterial pneumonia'),
  icd('I48', 'Atrial fibrillation and flutter', false),
  icd('I48.0', 'Paroxysmal atrial fibrillation'),
  icd('I48.91', 'Unspecified atrial fibrillation'),
  icd('D68.8', 'Other specified coagulation defects'),
  icd('F32', 'Depressive episode', false),
  icd('F32.9', 'Major depressive disorder, single episode, unspecified'),
  icd('K20.9', 'Esophagitis, unspecified'),
  icd('I85.00', 'Esophageal varices without bleeding'),
  icd('D64.9', 'Anemia, unspecified'),
];

const INDEX: IndexEntryRow[] = [
  { source: 'index', path: 'Pneumonia', term: 'Pneumonia', level: 0, nemod: '(acute) (double)', code: 'J189' },
  { source: 'index', path: 'Pneumonia > bacterial', term: 'bacterial', level: 1, code: 'J159' },
  { source: 'index', path: 'Fibrillation > atrial or auricular', term: 'atrial or auricular', level: 1, nemod: '(established)', code: 'I4891' },
  { source: 'index', path: 'Afibrinogenemia', term: 'Afibrinogenemia', level: 0, code: 'D688' },
  { source: 'index', path: 'Depression', term: 'Depression', level: 0, code: 'F32A' },
];

let index: SqlCodesetIndex;

before(async () => {
  index = await fixtureIndex([
    { system: 'icd10cm', version: 'FY2023', effectiveFrom: '2022-10-01', effectiveTo: '2023-09-30', codes: COMMON },
    {
      system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30',
      codes: [...COMMON, icd('F32.A', 'Depression, unspecified')], indexEntries: INDEX,
      notes: [{ code: 'F329', type: 'inclusionTerm', text: 'Depression NOS' }],
    },
    {
      system: 'hcpcs', version: '2024', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31',
      codes: [
        { code: 'J0696', display: 'J0696', kind: 'code', billable: true, longTitle: 'Injection, ceftriaxone sodium, per 250 mg', shortTitle: 'Ceftriaxone sodium injection' },
        { code: 'E0143', display: 'E0143', kind: 'code', billable: true, longTitle: 'Walker, folding, wheeled, adjustable or fixed height', shortTitle: 'Walker folding wheeled w/o s' },
      ],
    },
  ]);
});

const codes = (q: string, options = {}) => index.search(q, options).map((r) => r.code);

describe('codes', () => {
  test('a code in any spelling finds it, as a code match', () => {
    for (const q of ['e1122', 'E11.22', 'E1122', ' e11.22 ']) {
      const [first] = index.search(q);
      assert.equal(first?.code, 'E11.22', q);
      assert.equal(first?.match, 'code');
      assert.equal(first?.version, 'FY2024');
    }
  });

  test('a code prefix lists the code itself, then its descendants, billable first', () => {
    const results = index.search('E11.2');
    assert.deepEqual(results.map((r) => [r.code, r.match]), [['E11.2', 'code'], ['E11.22', 'code-prefix']]);
    const e11 = index.search('E11').map((r) => r.code);
    assert.equal(e11[0], 'E11');
    assert.ok(e11.indexOf('E11.9') < e11.indexOf('E11.2'), e11.join(','));
  });

  test('CPT numbers without a licensed file come from our built-in labels', () => {
    const [first] = index.search('99213');
    assert.deepEqual([first?.code, first?.system, first?.version, first?.billable], ['99213', 'cpt', 'builtin', true]);
    const byWords = index.search('office visit established', { system: 'cpt' });
    assert.deepEqual(byWords.map((r) => r.code).sort(), ['99211', '99212', '99213', '99214', '99215']);
  });

  test('an installed CPT file replaces the built-in labels', async () => {
    const licensed = await fixtureIndex([{ system: 'cpt', version: '2024', effectiveFrom: '2024-01-01', codes: [{ code: '99213', display: '99213', kind: 'code', billable: true, longTitle: 'Licensed label' }] }]);
    const [first] = licensed.search('99213');
    assert.deepEqual([first?.title, first?.version], ['Licensed label', '2024']);
    assert.deepEqual(licensed.search('99214'), []);
  });
});

describe('ranking', () => {
  test('billable codes rank before headers with the same words', () => {
    const results = index.search('type 2 diabetes mellitus');
    assert.equal(results[0]?.code, 'E11.9');
    assert.ok(results.findIndex((r) => r.code === 'E11') > 0);
    assert.equal(codes('pneumonia unspecified organism')[0], 'J18.9', 'J18 has the same title but is a header');
  });

  test('a generic word gets the index default code, not an "other" code', () => {
    const results = index.search('pneumonia');
    assert.equal(results[0]?.code, 'J18.9');
    assert.equal(results[0]?.match, 'index');
    assert.ok(codes('pneumonia').indexOf('J18.8') > 0);
  });

  test('words that ask for it get the specific code', () => {
    assert.equal(codes('paroxysmal atrial fibrillation')[0], 'I48.0');
    assert.equal(codes('bacterial pneumonia')[0], 'J15.9');
    assert.equal(codes('diabetes with chronic kidney disease')[0], 'E11.22');
  });

  test('scores are between 0 and 1 and never increase down the list', () => {
    const scores = index.search('pneumonia').map((r) => r.score);
    assert.ok(scores.every((s) => s >= 0 && s <= 1));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });
});

describe('abbreviations, lay terms and typos', () => {
  test('an abbreviation reads as its words; its letters are not a word prefix', () => {
    const results = index.search('afib');
    assert.equal(results[0]?.code, 'I48.91');
    assert.equal(results[0]?.match, 'synonym');
    assert.ok(!results.some((r) => r.code === 'D68.8'), 'afib is not the start of afibrinogenemia');
  });

  test('a misspelt word is read as the nearest indexed word', () => {
    for (const q of ['pnuemonia', 'pneumonai', 'pneunomia']) {
      const [first] = index.search(q);
      assert.equal(first?.code, 'J18.9', q);
      assert.equal(first?.match, 'fuzzy');
    }
    assert.equal(codes('diabetis type 2')[0], 'E11.9');
  });

  test('British spellings and Latin plurals find the US titles, as words, not as typos', () => {
    for (const [q, code] of [['oesophagitis', 'K20.9'], ['anaemia', 'D64.9'], ['oesophageal varices', 'I85.00'], ['esophageal varix', 'I85.00']]) {
      const [first] = index.search(q!);
      assert.equal(first?.code, code, q);
      assert.notEqual(first?.match, 'fuzzy', q);
    }
  });

  test('the last word may be unfinished', () => {
    assert.ok(codes('pneumo').includes('J18.9'));
    assert.ok(codes('ceftriax').includes('J0696'));
  });
});

describe('filters', () => {
  test('the system filter keeps to one system', () => {
    assert.deepEqual(index.search('injection', { system: 'hcpcs' }).map((r) => [r.code, r.system]), [['J0696', 'hcpcs']]);
    assert.deepEqual(index.search('ceftriaxone', { system: 'icd10cm' }), []);
    assert.ok(index.search('walker').some((r) => r.code === 'E0143'));
  });

  test('a date of service picks the version in force', () => {
    const fy2023 = index.search('depression', { date: '2023-03-01' });
    assert.ok(fy2023.length > 0);
    assert.ok(fy2023.every((r) => r.version === 'FY2023'));
    assert.ok(!fy2023.some((r) => r.code === 'F32.A'), 'F32.A is not in the FY2023 fixture');
    const fy2024 = index.search('depression', { date: '2024-03-01' });
    assert.equal(fy2024[0]?.code, 'F32.A');
    assert.equal(fy2024[0]?.version, 'FY2024');
    assert.equal(index.search('E11.22', { date: '2023-03-01' })[0]?.version, 'FY2023');
    assert.deepEqual(index.search('depression', { date: '2019-06-01', system: 'icd10cm' }), [], 'no ICD-10-CM version in force');
  });

  test('the limit caps the results', () => {
    assert.equal(index.search('pneumonia', { limit: 2 }).length, 2);
  });
});

describe('hostile input', () => {
  test('an empty or blank query finds nothing', () => {
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('   \t\n'), []);
  });

  test('a query of only punctuation finds nothing and does not throw', () => {
    for (const q of ['.', '...', '-', '"*"', '()', ',;:!?', 'NEAR/2 OR AND *']) assert.ok(Array.isArray(index.search(q)), q);
    assert.deepEqual(index.search('.,;:!?()[]'), []);
  });

  test('a 10 KB query does not crash', () => {
    const long = 'pneumonia with atrial fibrillation and diabetes '.repeat(220);
    assert.ok(long.length > 10_000);
    assert.ok(Array.isArray(index.search(long)));
    assert.ok(Array.isArray(index.search('x'.repeat(10_240))));
  });
});
