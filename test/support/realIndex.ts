// The code-set index built from every real file in ../shared/codesets, built once and cached in
// .cache/test-db/<hash of the importer and index code>/ so integration tests, benchmarks and the
// CLI smoke tests share it. Rebuilt whenever the code that writes it changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openIndexAt } from '../../src/cli/openIndex';
import { importCodesetFiles } from '../../src/node/codesetImport';
import type { SqlCodesetIndex } from '../../src/core/codeset/index';
import { sharedPath } from './shared';

const ROOT = resolve(__dirname, '../..');

/** The real files, by path under ../shared/codesets (release archives, official and derived files). */
export const SHARED_CODESET_FILES = [
  'icd10cm/fy2021/icd10cm_tabular_2021.xml',
  'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  'icd10cm/fy2024/icd10cm_order_2024.csv',
  'icd10cm/fy2025/ICD10CM_2025_Index.csv',
  'icd10cm/fy2025/icd-10-cm-drug-2025.xml',
  'icd10cm/fy2025/icd-10-cm-eindex-2025.xml',
  'icd10cm/fy2025/icd-10-cm-neoplasm-2025.xml',
  'icd10cm/fy2026/icd10cm-drug-April-1-2026-XML.xml',
  'icd10cm/fy2026/icd10cm-eindex-April-1-2026-XML.xml',
  'icd10cm/fy2026/icd10cm-neoplasm-April-1-2026-XML.xml',
  'hcpcs/2019/2019-Alpha-Numeric-HCPCS-File.zip',
  'hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx',
  'ncci/mue_practitioner_2024-07-01.csv',
  'ncci/mue_outpatient_hospital_2024-07-01.csv',
  'ncci/mue_dme_2024-07-01.csv',
  'ncci/addon_codes_2024-06-03.csv',
  'ncci/ptp_practitioner_2024-07-01.csv.gz',
  'mce/mce_v41.1_fy2024_code_edits.csv',
  'pos/cs-CMS-PlaceofServiceCodes.HL7-UTG.xml',
];

/** Cache key of a database built from `files`: the importer and index code, and the files' sizes. */
export function codesetBuildHash(files: readonly string[]): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else { h.update(p); h.update(readFileSync(p)); }
    }
  };
  walk(join(ROOT, 'src/core/importers'));
  walk(join(ROOT, 'src/core/codeset'));
  for (const f of files) {
    const p = sharedPath('codesets', f);
    if (existsSync(p)) h.update(`${f}:${statSync(p).size}`);
  }
  return h.digest('hex').slice(0, 16);
}

/** Path of the cached real database, building it first when needed. */
export async function realDbPath(): Promise<string> {
  const dir = join(ROOT, '.cache', 'test-db', codesetBuildHash(SHARED_CODESET_FILES));
  const db = join(dir, 'shared.sqlite');
  if (existsSync(db)) return db;
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'lock');
  // One builder at a time across test processes; the others wait for its result.
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(db)) return db;
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!existsSync(db)) {
      const files = SHARED_CODESET_FILES.map((f) => sharedPath('codesets', f)).filter((p) => existsSync(p));
      await importCodesetFiles(files, db);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return db;
}

let cached: Promise<SqlCodesetIndex> | undefined;

/** The real index (PTP opened on first use). Call only when `skipUnlessShared('codesets')` is false. */
export function loadRealIndex(): Promise<SqlCodesetIndex> {
  cached ??= realDbPath().then((p) => openIndexAt(p));
  return cached;
}
