import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { drugTableXmlImporter, neoplasmTableXmlImporter } from '../../../../src/core/importers/icd10cm/drugNeoplasmXml';
import { eindexXmlImporter, indexXmlImporter } from '../../../../src/core/importers/icd10cm/indexXml';
import { ImportError } from '../../../../src/core/importers/types';
import { fixture, fromText, runOn, textOf } from './fixture';

describe('ICD-10-CM Alphabetic Index XML', () => {
  test('writes every main term and subterm with its full path, nemod, code, see and seeAlso', async () => {
    const { result, sink } = await runOn(indexXmlImporter, fixture('icd10cm-index-2030.xml'));
    assert.equal(result.version, 'FY2030');
    assert.equal(result.counts.mainTerms, 4);
    assert.equal(result.counts.indexEntries, 13);
    assert.equal(sink.indexEntries.length, 13);
    const byPath = new Map(sink.indexEntries.map((e) => [e.path, e]));
    assert.deepEqual(byPath.get('Diabetes, diabetic'), { source: 'index', path: 'Diabetes, diabetic', term: 'Diabetes, diabetic', level: 0, nemod: '(mellitus) (sugar)', code: 'E119' });
    assert.deepEqual(byPath.get('Diabetes, diabetic > type 2 > with > retinopathy > with macular edema'), {
      source: 'index', path: 'Diabetes, diabetic > type 2 > with > retinopathy > with macular edema', term: 'with macular edema', level: 4, code: 'E11311',
    });
    assert.equal(byPath.get('Diabetes, diabetic > type 2 > with')?.code, undefined);
    assert.equal(byPath.get('Diabetes, diabetic > gestational')?.code, 'O2441');
    assert.deepEqual(byPath.get('Diabetes, diabetic > arthropathy')?.codes, { manifestation: 'M146' });
    assert.equal(byPath.get('Disorder')?.seeAlso, 'Disease');
    assert.equal(byPath.get('Dyspepsia > nervous')?.see, 'Dyspepsia, psychogenic');
    // An entry that is only a nonessential modifier keeps it as its term.
    assert.equal(byPath.get('Disorder > persistent > (somatoform)')?.code, 'F4541');
  });

  test('entries come parent first, in document order', async () => {
    const { sink } = await runOn(indexXmlImporter, fixture('icd10cm-index-2030.xml'));
    assert.deepEqual(sink.indexEntries.slice(0, 3).map((e) => e.path), ['Diabetes, diabetic', 'Diabetes, diabetic > type 2', 'Diabetes, diabetic > type 2 > with']);
  });

  test('detection tells the four index files apart by content', () => {
    const kinds = ['index', 'eindex', 'drug', 'neoplasm'].map((k) => {
      const head = textOf(fixture(`icd10cm-${k}-2030.xml`));
      return [indexXmlImporter, eindexXmlImporter, drugTableXmlImporter, neoplasmTableXmlImporter].filter((i) => i.detect('file.xml', head)).map((i) => i.kind);
    });
    assert.deepEqual(kinds, [['icd10cm-index-xml'], ['icd10cm-eindex-xml'], ['icd10cm-drug-xml'], ['icd10cm-neoplasm-xml']]);
  });

  test('the wrong index importer refuses the file, naming what it is', async () => {
    await assert.rejects(runOn(indexXmlImporter, fixture('icd10cm-eindex-2030.xml')), /this is the ICD-10-CM External Cause of Injuries Index, not the Alphabetic Index/);
    await assert.rejects(runOn(drugTableXmlImporter, fixture('icd10cm-neoplasm-2030.xml')), /this is the ICD-10-CM Neoplasm Table, not the Table of Drugs/);
    await assert.rejects(runOn(indexXmlImporter, fixture('icd10cm-tabular-mini.xml')), /root element is <ICD10CM\.tabular>/);
  });

  test('a truncated index fails naming the file and line; an empty one is refused', async () => {
    const full = textOf(fixture('icd10cm-index-2030.xml'));
    const cut = full.slice(0, full.indexOf('<title>Dyspepsia'));
    await assert.rejects(runOn(indexXmlImporter, fromText('index.xml', cut)), (err: unknown) => {
      assert.ok(err instanceof ImportError);
      assert.equal(err.file, 'index.xml');
      assert.ok(err.line !== undefined && err.line > 1);
      return true;
    });
    await assert.rejects(runOn(indexXmlImporter, fromText('index.xml', '  \n')), /index\.xml: the file is empty/);
  });
});

describe('External Cause Index XML', () => {
  test('reads terms, and a see-subcategory as the partial code', async () => {
    const { result, sink } = await runOn(eindexXmlImporter, fixture('icd10cm-eindex-2030.xml'));
    assert.equal(result.counts.mainTerms, 2);
    assert.equal(result.counts.indexEntries, 5);
    assert.ok(sink.indexEntries.every((e) => e.source === 'eindex'));
    assert.equal(sink.indexEntries.find((e) => e.path === 'Fall, falling > from > ladder')?.code, 'W11');
    assert.equal(sink.indexEntries.find((e) => e.path === 'Lightning')?.code, 'T750');
  });
});

describe('Table of Drugs and Neoplasm Table XML', () => {
  test('maps each drug cell to a named column; "--" cells are left out', async () => {
    const { result, sink } = await runOn(drugTableXmlImporter, fixture('icd10cm-drug-2030.xml'));
    assert.equal(result.counts.mainTerms, 3);
    assert.equal(result.counts.indexEntries, 4);
    assert.deepEqual(sink.indexEntries.find((e) => e.path === 'Acetaminophen')?.codes, {
      poisoningAccidental: 'T391X1', poisoningIntentional: 'T391X2', poisoningAssault: 'T391X3',
      poisoningUndetermined: 'T391X4', adverseEffect: 'T391X5', underdosing: 'T391X6',
    });
    const ethyl = sink.indexEntries.find((e) => e.path === 'Alcohol > ethyl');
    assert.equal(ethyl?.nemod, '(beverage)');
    assert.deepEqual(Object.keys(ethyl?.codes ?? {}), ['poisoningAccidental', 'poisoningIntentional', 'poisoningAssault', 'poisoningUndetermined']);
    assert.equal(sink.indexEntries.find((e) => e.path === 'Aspirin')?.see, 'Acetylsalicylic acid');
  });

  test('maps neoplasm columns and normalizes partial codes', async () => {
    const { result, sink } = await runOn(neoplasmTableXmlImporter, fixture('icd10cm-neoplasm-2030.xml'));
    assert.equal(result.counts.subTerms, 2);
    assert.deepEqual(sink.indexEntries.find((e) => e.path === 'Neoplasm, neoplastic > breast')?.codes, {
      malignantPrimary: 'C509', malignantSecondary: 'C7981', caInSitu: 'D059', benign: 'D24', uncertainBehavior: 'D486', unspecifiedBehavior: 'D493',
    });
    const skin = sink.indexEntries.find((e) => e.path === 'Neoplasm, neoplastic > breast > skin');
    assert.equal(skin?.seeAlso, 'Neoplasm, skin, trunk');
    assert.equal(skin?.codes?.caInSitu, undefined);
  });
});
