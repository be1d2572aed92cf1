import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import { analyzeNote } from '../../../src/core/suggest/analyze';
import { loadRealIndex } from '../../support/realIndex';
import { skipUnlessShared } from '../../support/shared';
import { CONTEXT_CASES } from './cases';

const skip = skipUnlessShared('codesets/icd10cm/fy2021/icd10cm_tabular_2021.xml', 'codesets/icd10cm/fy2025/ICD10CM_2025_Index.csv');

describe('context cases on the real code set', { skip }, () => {
  let index: SqlCodesetIndex;
  before(async () => { index = await loadRealIndex(); });
  test('there are at least 60 cases across the context families', () => {
    assert.ok(CONTEXT_CASES.length >= 60);
    assert.deepEqual([...new Set(CONTEXT_CASES.map((c) => c.family))].sort(), ['abbreviation', 'combination', 'family', 'historical', 'laterality', 'negated', 'specificity', 'uncertain']);
  });
  for (const c of CONTEXT_CASES) {
    test(`${c.family}: ${c.text} (${c.setting ?? 'outpatient'})`, () => {
      const found = analyzeNote(index, c.text, { setting: c.setting ?? 'outpatient' }).suggestions.map((s) => s.code);
      for (const code of c.has ?? []) assert.ok(found.includes(code), `expected ${code} in [${found.join(', ')}]`);
      for (const prefix of c.not ?? []) assert.ok(!found.some((f) => f.startsWith(prefix)), `did not expect ${prefix} in [${found.join(', ')}]`);
    });
  }
});
