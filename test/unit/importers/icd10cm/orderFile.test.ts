import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { orderCsvImporter } from '../../../../src/core/importers/icd10cm/orderCsv';
import { orderFileImporter } from '../../../../src/core/importers/icd10cm/orderFile';
import { ImportError } from '../../../../src/core/importers/types';
import { fixture, fromText, runOn, textOf } from './fixture';

const TXT = 'icd10cm-order-2030.txt';
const CSV = 'icd10cm_order_2030.csv';

describe('ICD-10-CM order file (fixed width)', () => {
  test('is detected by its record shape, not by name', () => {
    assert.equal(orderFileImporter.detect('anything.dat', textOf(fixture(TXT))), true);
    assert.equal(orderFileImporter.detect(TXT, textOf(fixture(CSV))), false);
  });

  test('reads every code with flag, titles, kind and parent; version from the file name', async () => {
    const { result, sink } = await runOn(orderFileImporter, fixture(TXT));
    assert.equal(result.version, 'FY2030');
    assert.equal(sink.sets[0]!.effectiveFrom, '2029-10-01');
    assert.equal(result.counts.codes, 11);
    assert.equal(result.counts.billable, 4);
    const byCode = new Map(sink.codes.map((c) => [c.code, c]));
    assert.deepEqual(byCode.get('E113211'), {
      code: 'E113211', display: 'E11.3211', kind: 'code', billable: true,
      shortTitle: 'Type 2 diab w mild nonprlf diab rtnop w macular edema, r eye',
      longTitle: 'Type 2 diabetes mellitus with mild nonproliferative diabetic retinopathy with macular edema, right eye',
      parent: 'E11321',
    });
    assert.equal(byCode.get('E11')?.kind, 'category');
    assert.equal(byCode.get('E11')?.parent, undefined);
    assert.equal(byCode.get('E1132')?.kind, 'subcategory');
    // The 7th-character code skips the absent placeholder level.
    assert.equal(byCode.get('S0000XA')?.parent, 'S0000');
  });

  test('a broken record fails naming the line', async () => {
    const lines = textOf(fixture(TXT)).split('\r\n');
    lines[3] = lines[3]!.slice(0, 10);
    await assert.rejects(runOn(orderFileImporter, fromText(TXT, lines.join('\r\n'))), (err: unknown) => {
      assert.ok(err instanceof ImportError);
      assert.equal(err.line, 4);
      assert.match(err.message, /^icd10cm-order-2030\.txt, line 4: this record does not follow the order-file layout/);
      return true;
    });
  });

  test('a code with an inner space fails naming the line', async () => {
    const lines = textOf(fixture(TXT)).split('\r\n');
    lines[4] = lines[4]!.slice(0, 9) + ' ' + lines[4]!.slice(10);
    await assert.rejects(runOn(orderFileImporter, fromText(TXT, lines.join('\r\n'))), /line 5: the code "E11 211" in columns 7-13 contains a space/);
  });

  test('another kind of file fails on line 1; an empty file is refused', async () => {
    await assert.rejects(runOn(orderFileImporter, fixture(CSV)), /icd10cm_order_2030\.csv, line 1: this is not an ICD-10-CM order file/);
    await assert.rejects(runOn(orderFileImporter, fromText(TXT, '\r\n')), /icd10cm-order-2030\.txt: the order file is empty/);
  });
});

describe('ICD-10-CM order CSV (derived)', () => {
  test('is detected by its header', () => {
    assert.equal(orderCsvImporter.detect('x.csv', textOf(fixture(CSV))), true);
    assert.equal(orderCsvImporter.detect('x.csv', 'Code,Description,ChapterID,SectionID\nA00,Cholera,1,A00-A09\n'), false);
  });

  test('gives the same codes, flags, kinds and parents as the fixed-width file', async () => {
    const csv = await runOn(orderCsvImporter, fixture(CSV));
    const txt = await runOn(orderFileImporter, fixture(TXT));
    assert.equal(csv.result.version, 'FY2030');
    assert.deepEqual(csv.result.counts, txt.result.counts);
    const strip = ({ shortTitle: _s, ...rest }: { shortTitle?: string }) => rest;
    assert.deepEqual(csv.sink.codes.map(strip), txt.sink.codes.map(strip));
  });

  test('a row with a bad code or flag fails naming the line', async () => {
    const text = textOf(fixture(CSV)).replace('3,E11.32,0', '3,E11.32,maybe');
    await assert.rejects(runOn(orderCsvImporter, fromText(CSV, text)), /icd10cm_order_2030\.csv, line 4: this row has code "E11\.32" and billable flag "maybe"/);
  });
});
