import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { icd10cmImporters } from '../../../../src/core/importers/icd10cm';
import { headText } from '../../../../src/core/importers/text';
import { sharedPath, skipUnlessShared } from '../../../support/shared';

const FILES: [string, string][] = [
  ['codesets/icd10cm/fy2021/icd10cm_tabular_2021.xml', 'icd10cm-tabular-xml'],
  ['codesets/icd10cm/fy2025/icd-10-cm-tabular-2025_ch2.xml', 'icd10cm-tabular-xml'],
  ['codesets/icd10cm/fy2021/icd10cm-order-Jan-2021.txt', 'icd10cm-order-txt'],
  ['codesets/icd10cm/fy2024/icd10cm_order_2024.csv', 'icd10cm-order-csv'],
  ['codesets/icd10cm/fy2025/icd-10-cm-drug-2025.xml', 'icd10cm-drug-xml'],
  ['codesets/icd10cm/fy2025/icd-10-cm-neoplasm-2025.xml', 'icd10cm-neoplasm-xml'],
  ['codesets/icd10cm/fy2025/icd-10-cm-eindex-2025.xml', 'icd10cm-eindex-xml'],
  ['codesets/icd10cm/fy2026/icd10cm-drug-April-1-2026-XML.xml', 'icd10cm-drug-xml'],
  ['codesets/icd10cm/fy2026/icd10cm-neoplasm-April-1-2026-XML.xml', 'icd10cm-neoplasm-xml'],
  ['codesets/icd10cm/fy2026/icd10cm-eindex-April-1-2026-XML.xml', 'icd10cm-eindex-xml'],
  ['codesets/icd10cm/fy2025/ICD10CM_2025_Index.csv', 'icd10cm-index-csv'],
];

describe('ICD-10-CM detection over the real files', () => {
  for (const [file, kind] of FILES) {
    test(`${file} -> ${kind}`, { skip: skipUnlessShared(file) }, () => {
      const full = sharedPath(file);
      const head = headText(new Uint8Array(readFileSync(full)));
      assert.deepEqual(icd10cmImporters.filter((i) => i.detect(full, head)).map((i) => i.kind), [kind]);
    });
  }

  test('files of other systems are claimed by no ICD-10-CM importer', { skip: skipUnlessShared('codesets/ncci/mue_practitioner_2024-07-01.csv', 'codesets/mce/mce_v41.1_fy2024_code_edits.csv') }, () => {
    for (const file of ['codesets/ncci/mue_practitioner_2024-07-01.csv', 'codesets/mce/mce_v41.1_fy2024_code_edits.csv', 'codesets/pos/cs-CMS-PlaceofServiceCodes.HL7-UTG.xml']) {
      const full = sharedPath(file);
      assert.deepEqual(icd10cmImporters.filter((i) => i.detect(full, headText(new Uint8Array(readFileSync(full))))).map((i) => i.kind), [], file);
    }
  });
});
