import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { indexCsvImporter } from '../../../../src/core/importers/icd10cm/indexCsv';
import { indexXmlImporter } from '../../../../src/core/importers/icd10cm/indexXml';
import { fixture, fromText, runOn, textOf } from './fixture';

const CSV = 'ICD10CM_2030_Index.csv';

describe('ICD-10-CM flattened index CSV', () => {
  test('is detected by its header', () => {
    assert.equal(indexCsvImporter.detect('x.csv', textOf(fixture(CSV))), true);
    assert.equal(indexCsvImporter.detect('x.csv', textOf(fixture('icd10cm_order_2030.csv'))), false);
  });

  test('rebuilds each path from the nearest earlier row one level up', async () => {
    const { result, sink } = await runOn(indexCsvImporter, fixture(CSV));
    assert.equal(result.version, 'FY2030');
    assert.equal(result.counts.indexEntries, 10);
    assert.equal(result.counts.mainTerms, 3);
    assert.deepEqual(sink.indexEntries.map((e) => e.path), [
      'Diabetes, diabetic', 'Diabetes, diabetic > type 2', 'Diabetes, diabetic > type 2 > with',
      'Diabetes, diabetic > type 2 > with > retinopathy', 'Diabetes, diabetic > gestational',
      'Disorder', 'Disorder > persistent', 'Disorder > persistent > (somatoform)', 'Dyspepsia', 'Dyspepsia > nervous',
    ]);
    assert.deepEqual(sink.indexEntries[4], { source: 'index', path: 'Diabetes, diabetic > gestational', term: 'gestational', level: 1, nemod: '(in pregnancy)', code: 'O2441' });
    assert.equal(sink.indexEntries[5]!.seeAlso, 'Disease');
    assert.equal(sink.indexEntries[9]!.see, 'Dyspepsia, psychogenic');
  });

  test('gives the same paths and codes as the XML for the entries both contain', async () => {
    const csv = await runOn(indexCsvImporter, fixture(CSV));
    const xml = await runOn(indexXmlImporter, fixture('icd10cm-index-2030.xml'));
    const xmlByPath = new Map(xml.sink.indexEntries.map((e) => [e.path, e]));
    for (const e of csv.sink.indexEntries) assert.deepEqual(e, xmlByPath.get(e.path), e.path);
  });

  test('a row that skips a level fails naming the line', async () => {
    const text = textOf(fixture(CSV)).replace('4,D,3,retinopathy', '4,D,5,retinopathy');
    await assert.rejects(runOn(indexCsvImporter, fromText(CSV, text)), /ICD10CM_2030_Index\.csv, line 5: this row is at level 5 but no earlier row is at level 4/);
  });

  test('a header without Level/Term/Code is refused', async () => {
    await assert.rejects(runOn(indexCsvImporter, fromText('ICD10CM_2030_Index.csv', 'a,b\n1,2\n')), /line 1: this is not an ICD-10-CM index CSV/);
  });
});
