import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { orderCsvImporter } from '../../../../src/core/importers/icd10cm/orderCsv';
import { orderFileImporter } from '../../../../src/core/importers/icd10cm/orderFile';
import { skipUnlessShared } from '../../../support/shared';
import { importShared } from './run';

const TXT = 'codesets/icd10cm/fy2021/icd10cm-order-Jan-2021.txt';
const CSV = 'codesets/icd10cm/fy2024/icd10cm_order_2024.csv';

describe('ICD-10-CM order file FY2021 (real file)', { skip: skipUnlessShared(TXT) }, () => {
  test('95,358 codes of which 72,621 billable, every code below a category has a parent', async () => {
    const { result, sink } = await importShared(orderFileImporter, TXT, true);
    assert.equal(result.version, 'FY2021');
    assert.equal(sink.sets[0]!.effectiveTo, '2021-09-30');
    assert.equal(result.counts.codes, 95_358);
    assert.equal(result.counts.billable, 72_621);
    assert.equal(sink.codes.filter((c) => c.code.length > 3 && !c.parent).length, 0);
    assert.equal(sink.codes.find((c) => c.code === 'T360X1A')?.parent, 'T360X1');
  });
});

describe('ICD-10-CM order CSV FY2024 (real file)', { skip: skipUnlessShared(CSV) }, () => {
  test('97,296 codes of which 74,044 billable', async () => {
    const { result } = await importShared(orderCsvImporter, CSV);
    assert.equal(result.version, 'FY2024');
    assert.equal(result.counts.codes, 97_296);
    assert.equal(result.counts.billable, 74_044);
  });
});
