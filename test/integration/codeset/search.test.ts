// Search over the real code sets in ../shared/codesets: coder queries (abbreviations, lay
// terms, typos, codes in any spelling, prefixes, HCPCS drugs and supplies, clinical phrases,
// laterality, several conditions at once, the drug and neoplasm tables) with the expected codes
// in the top 3, the ranking rules on generic queries, and the index path shown for each hit.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessShared } from '../../support/shared';
import { loadRealIndex } from '../../support/realIndex';
import { LABELLED_QUERIES, answers } from '../../support/searchQueries';

const skip = skipUnlessShared('codesets');

describe('search over the real code sets', { skip }, () => {
  test('the labelled queries cover every kind of coder query, at least 60 of them', () => {
    assert.ok(LABELLED_QUERIES.length >= 60, `${LABELLED_QUERIES.length} queries`);
    const kinds = new Set(LABELLED_QUERIES.map((q) => q.kind));
    for (const k of ['abbreviation', 'lay term', 'generic', 'typo', 'code', 'prefix', 'hcpcs', 'cpt', 'clinical', 'laterality', 'several conditions', 'table']) assert.ok(kinds.has(k as never), k);
  });

  for (const q of LABELLED_QUERIES) {
    test(`"${q.query}" has ${q.expect.join(' or ')}${q.also ? ` and ${q.also.join(' and ')}` : ''} in the top 3`, async () => {
      const index = await loadRealIndex();
      const results = index.search(q.query, { limit: 10, ...(q.system ? { system: q.system } : {}) });
      const codes = results.map((r) => r.code);
      assert.ok(answers(codes, q), `top 3: ${codes.slice(0, 3).join(', ') || '(none)'}`);
    });
  }

  test('a generic query gets the unspecified code first, ahead of other/specified codes', async () => {
    const index = await loadRealIndex();
    assert.equal(index.search('pneumonia')[0]?.code, 'J18.9');
    assert.equal(index.search('heart failure')[0]?.code, 'I50.9');
    assert.equal(index.search('afib')[0]?.code, 'I48.91');
    assert.equal(index.search('chf')[0]?.code, 'I50.9');
    assert.equal(index.search('diabetis type 2')[0]?.code, 'E11.9');
    assert.match(index.search('asthma')[0]?.code ?? '', /^J45\.9/);
  });

  test('words that ask for specificity get the specific code', async () => {
    const index = await loadRealIndex();
    assert.equal(index.search('right knee primary osteoarthritis')[0]?.code, 'M17.11');
    assert.equal(index.search('left knee primary osteoarthritis')[0]?.code, 'M17.12');
    assert.equal(index.search('chronic diastolic heart failure')[0]?.code, 'I50.32');
  });

  test('billable codes rank before their headers', async () => {
    const index = await loadRealIndex();
    const results = index.search('osteoarthritis of knee', { limit: 10 });
    const firstHeader = results.findIndex((r) => !r.billable);
    const lastBillable = results.map((r) => r.billable).lastIndexOf(true);
    assert.ok(results[0]!.billable);
    assert.ok(firstHeader === -1 || firstHeader > 0, JSON.stringify(results.map((r) => r.code)));
    assert.ok(lastBillable >= 0);
  });

  test('results say why they matched', async () => {
    const index = await loadRealIndex();
    assert.equal(index.search('E11.22')[0]?.match, 'code');
    assert.equal(index.search('E11.2')[1]?.match, 'code-prefix');
    assert.equal(index.search('afib')[0]?.match, 'synonym');
    assert.equal(index.search('pnuemonia')[0]?.match, 'fuzzy');
    assert.equal(index.search('pneumonia')[0]?.match, 'index');
  });

  test('CPT numbers and labels come from our built-in table when no licensed CPT file is installed', async () => {
    const index = await loadRealIndex();
    const byCode = index.search('99213');
    assert.deepEqual(byCode.map((r) => [r.code, r.system, r.version]), [['99213', 'cpt', 'builtin']]);
    const byWords = index.search('office visit established', { system: 'cpt' });
    assert.ok(byWords.length >= 5);
    assert.ok(byWords.every((r) => r.system === 'cpt' && r.version === 'builtin' && /^992/.test(r.code)));
  });

  test('the system filter keeps to one system', async () => {
    const index = await loadRealIndex();
    const hcpcs = index.search('injection', { system: 'hcpcs', limit: 20 });
    assert.ok(hcpcs.length > 0);
    assert.ok(hcpcs.every((r) => r.system === 'hcpcs'));
    assert.ok(index.search('pneumonia', { system: 'icd10cm' }).every((r) => r.system === 'icd10cm'));
  });

  test('a date of service picks the version in force', async () => {
    const index = await loadRealIndex();
    // FY2021 (Oct 2020 - Sep 2021) had no F32.A (added in FY2022); FY2024 has it.
    const old = index.search('depression', { date: '2021-03-01', system: 'icd10cm', limit: 50 });
    assert.ok(old.length > 0);
    assert.ok(old.every((r) => r.version === 'FY2021'));
    assert.ok(!old.some((r) => r.code === 'F32.A'));
    const recent = index.search('depression', { date: '2024-03-01', system: 'icd10cm' });
    assert.equal(recent[0]?.code, 'F32.A');
    assert.equal(recent[0]?.version, 'FY2024');
  });

  test('a query naming two conditions lists the combination code, then the code its note asks to add', async () => {
    const index = await loadRealIndex();
    const [combination, stage] = index.search('htn ckd stage 3');
    assert.equal(combination?.code, 'I12.9');
    assert.equal(combination?.concept, 'htn + ckd stage 3');
    assert.match(combination?.path ?? '', /^Hypertension, hypertensive > kidney > with > stage 1 through stage 4 chronic kidney disease/);
    assert.equal(stage?.code, 'N18.30');
    assert.equal(stage?.concept, 'ckd stage 3');
    const pair = index.search('cad s/p cabg').slice(0, 2);
    assert.deepEqual(pair.map((r) => [r.code, r.concept]), [['I25.10', 'cad'], ['Z95.1', 's/p cabg']]);
  });

  test('table cells are found and shown as paths through their table', async () => {
    const index = await loadRealIndex();
    const [poisoning] = index.search('acetaminophen poisoning');
    assert.equal(poisoning?.code, 'T39.1X1A');
    assert.equal(poisoning?.path, 'Table of Drugs and Chemicals > Acetaminophen > Poisoning, accidental (unintentional)');
    const bone = index.search('breast cancer metastatic to bone').find((r) => r.code === 'C79.51');
    assert.match(bone?.path ?? '', /^Neoplasm Table > bone .*> Malignant secondary$/);
  });

  test('a hit found by its title still shows an index path leading to it', async () => {
    const index = await loadRealIndex();
    const hit = index.search('chronic kidney disease stage 3').find((r) => r.code === 'N18.30');
    assert.equal(hit?.path, 'Disease, diseased > kidney > chronic > stage 3 (moderate)');
  });
});
