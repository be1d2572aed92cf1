// The code-set database the e2e tests use: built once from the real files in ../shared/codesets
// (by path, never copied) with the production importer, cached in .cache/e2e-db/. No PTP: the
// memory budget is measured without it. Prints the path; exits 2 with a sentence when ../shared is absent.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importCodesetFiles } from '../../src/node/codesetImport';
import { sharedPath } from '../support/shared';
import { codesetBuildHash } from '../support/realIndex';

const ROOT = resolve(__dirname, '../..');

export const E2E_CODESET_FILES = [
  'icd10cm/fy2021/icd10cm_tabular_2021.xml',
  'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  'icd10cm/fy2025/ICD10CM_2025_Index.csv',
  'icd10cm/fy2025/icd-10-cm-neoplasm-2025.xml',
  'hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx',
  'ncci/mue_practitioner_2024-07-01.csv',
  'ncci/addon_codes_2024-06-03.csv',
  'mce/mce_v41.1_fy2024_code_edits.csv',
  'pos/cs-CMS-PlaceofServiceCodes.HL7-UTG.xml',
];

export async function e2eDbPath(): Promise<string> {
  const missing = E2E_CODESET_FILES.map((f) => sharedPath('codesets', f)).filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(`the e2e tests need the real code-set files in ../shared/codesets, and ${missing[0]} is absent (set MEDCODE_SHARED to the shared folder).`);
  }
  const dir = join(ROOT, '.cache', 'e2e-db', codesetBuildHash(E2E_CODESET_FILES));
  const db = join(dir, 'codesets.sqlite');
  if (existsSync(db)) return db;
  mkdirSync(dir, { recursive: true });
  await importCodesetFiles(E2E_CODESET_FILES.map((f) => sharedPath('codesets', f)), db);
  // Databases built by older importer code are never read again (about 70 MB each).
  for (const old of readdirSync(join(ROOT, '.cache', 'e2e-db'))) if (join(ROOT, '.cache', 'e2e-db', old) !== dir) rmSync(join(ROOT, '.cache', 'e2e-db', old), { recursive: true, force: true });
  return db;
}

if (require.main === module) {
  e2eDbPath().then((p) => console.log(p), (e: Error) => { console.error(`e2e: ${e.message}`); process.exit(2); });
}
