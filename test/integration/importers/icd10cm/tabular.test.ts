import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { orderFileImporter } from '../../../../src/core/importers/icd10cm/orderFile';
import { tabularXmlImporter } from '../../../../src/core/importers/icd10cm/tabular';
import { skipUnlessShared } from '../../../support/shared';
import { importShared } from './run';

const FY2021 = 'codesets/icd10cm/fy2021/icd10cm_tabular_2021.xml';
const ORDER2021 = 'codesets/icd10cm/fy2021/icd10cm-order-Jan-2021.txt';
const FY2025_CH2 = 'codesets/icd10cm/fy2025/icd-10-cm-tabular-2025_ch2.xml';

describe('ICD-10-CM Tabular List FY2021 (real file)', { skip: skipUnlessShared(FY2021) }, () => {
  test('counts match the published figures', async () => {
    const { result, sink } = await importShared(tabularXmlImporter, FY2021);
    assert.equal(result.version, 'FY2021');
    assert.equal(sink.sets[0]!.effectiveFrom, '2020-10-01');
    // 44,772 <diag> elements without placeholder="true"; 245 more are X-placeholder levels (H21.1X ...).
    assert.equal(result.counts.diags, 44_772);
    assert.equal(result.counts.placeholderDiags, 245);
    assert.equal(result.counts.diagElements, 45_017);
    // The documented 2,625 Excludes1 counts <excludes1> groups; they hold 5,441 <note> lines.
    assert.equal(result.counts.excludes1, 2_625);
    assert.equal(result.counts.excludes1Notes, 5_441);
    assert.equal(result.counts.excludes2, 1_045);
    assert.equal(result.counts.excludes2Notes, 2_253);
    assert.equal(result.counts.sevenChrDef, 507);
    assert.equal(result.counts.chapters, 22);
    assert.equal(result.counts.sections, 296);
    assert.equal(sink.counts.codes, 22 + 296 + 45_017);
    assert.equal(sink.counts.notes, result.counts.notes);
    assert.equal(sink.counts.seventhChars, result.counts.seventhChars);
    assert.equal(sink.strayRows, 0);
  });

  test('agrees with the FY2021 order file on every code and billable flag', { skip: skipUnlessShared(ORDER2021) }, async () => {
    const tabular = await importShared(tabularXmlImporter, FY2021, true);
    const order = await importShared(orderFileImporter, ORDER2021, true);
    const orderByCode = new Map(order.sink.codes.map((c) => [c.code, c]));
    const mismatches = tabular.sink.codes
      .filter((c) => c.kind !== 'chapter' && c.kind !== 'section')
      .filter((c) => orderByCode.get(c.code)?.billable !== c.billable || orderByCode.get(c.code)?.kind !== c.kind)
      .map((c) => c.display);
    assert.deepEqual(mismatches, []);
  });

  test('note references are parsed from the note text', async () => {
    const { sink } = await importShared(tabularXmlImporter, FY2021, true);
    const withParenCode = sink.notes.filter((n) => /\([A-Z][0-9][0-9A-Z]/.test(n.text));
    assert.ok(withParenCode.length > 5_000);
    assert.deepEqual(withParenCode.filter((n) => !n.refs).map((n) => n.text), []);
  });
});

describe('ICD-10-CM Tabular List FY2025 chapter 2 (real file)', { skip: skipUnlessShared(FY2025_CH2) }, () => {
  test('imports as FY2025 with one chapter', async () => {
    const { result } = await importShared(tabularXmlImporter, FY2025_CH2);
    assert.equal(result.version, 'FY2025');
    assert.equal(result.counts.chapters, 1);
    assert.equal(result.counts.diags, 2_174);
  });
});
