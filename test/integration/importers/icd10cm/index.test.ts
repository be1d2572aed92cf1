import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { drugTableXmlImporter, neoplasmTableXmlImporter } from '../../../../src/core/importers/icd10cm/drugNeoplasmXml';
import { indexCsvImporter } from '../../../../src/core/importers/icd10cm/indexCsv';
import { eindexXmlImporter } from '../../../../src/core/importers/icd10cm/indexXml';
import { skipUnlessShared } from '../../../support/shared';
import { importShared } from './run';

const DIR25 = 'codesets/icd10cm/fy2025';
const DIR26 = 'codesets/icd10cm/fy2026';

describe('Table of Drugs FY2025 (real file)', { skip: skipUnlessShared(`${DIR25}/icd-10-cm-drug-2025.xml`) }, () => {
  test('5,177 main terms, cells mapped to named columns', async () => {
    const { result, sink } = await importShared(drugTableXmlImporter, `${DIR25}/icd-10-cm-drug-2025.xml`, true);
    assert.equal(result.version, 'FY2025');
    assert.equal(result.counts.mainTerms, 5_177);
    assert.equal(result.counts.subTerms, 2_251);
    assert.equal(sink.counts.indexEntries, 5_177 + 2_251);
    const names = new Set(sink.indexEntries.flatMap((e) => Object.keys(e.codes ?? {})));
    assert.deepEqual([...names].sort(), ['adverseEffect', 'poisoningAccidental', 'poisoningAssault', 'poisoningIntentional', 'poisoningUndetermined', 'underdosing']);
  });
});

describe('External Cause Index FY2025 (real file)', { skip: skipUnlessShared(`${DIR25}/icd-10-cm-eindex-2025.xml`) }, () => {
  test('314 main terms', async () => {
    const { result } = await importShared(eindexXmlImporter, `${DIR25}/icd-10-cm-eindex-2025.xml`);
    assert.equal(result.counts.mainTerms, 314);
    assert.equal(result.counts.indexEntries, 314 + 7_750);
  });
});

describe('Neoplasm Table FY2025 (real file)', { skip: skipUnlessShared(`${DIR25}/icd-10-cm-neoplasm-2025.xml`) }, () => {
  test('1,938 terms under the one main term', async () => {
    const { result, sink } = await importShared(neoplasmTableXmlImporter, `${DIR25}/icd-10-cm-neoplasm-2025.xml`, true);
    assert.equal(result.counts.mainTerms, 1);
    assert.equal(result.counts.subTerms, 1_938);
    const names = new Set(sink.indexEntries.flatMap((e) => Object.keys(e.codes ?? {})));
    assert.deepEqual([...names].sort(), ['benign', 'caInSitu', 'malignantPrimary', 'malignantSecondary', 'uncertainBehavior', 'unspecifiedBehavior']);
  });
});

describe('April 2026 index files (real files)', { skip: skipUnlessShared(`${DIR26}/icd10cm-drug-April-1-2026-XML.xml`) }, () => {
  test('import as FY2026 so they merge with that fiscal year', async () => {
    const { result, sink } = await importShared(drugTableXmlImporter, `${DIR26}/icd10cm-drug-April-1-2026-XML.xml`);
    assert.equal(result.version, 'FY2026');
    assert.equal(sink.sets[0]!.effectiveFrom, '2025-10-01');
    assert.equal(result.counts.mainTerms, 5_179);
  });
});

describe('Main index CSV FY2025 (real file)', { skip: skipUnlessShared(`${DIR25}/ICD10CM_2025_Index.csv`) }, () => {
  test('81,024 rows, each with its full path', async () => {
    const { result, sink } = await importShared(indexCsvImporter, `${DIR25}/ICD10CM_2025_Index.csv`, true);
    assert.equal(result.version, 'FY2025');
    assert.equal(result.counts.indexEntries, 81_024);
    assert.equal(result.counts.mainTerms, 8_100);
    assert.ok(sink.indexEntries.every((e) => e.path.split(' > ').length === e.level + 1));
  });
});
