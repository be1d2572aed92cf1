// Import, open and memory figures for the code-set index. Each time comes with a baseline run in
// the same process (reading and splitting the same bytes into lines), so the ratio survives a
// noisy machine.
import { readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { importCodesetFiles } from '../src/node/codesetImport';
import { spawnSync } from 'node:child_process';
import { ptpPathFor } from '../src/node/store';
import { sharedPath } from '../test/support/shared';

const COMMON = [
  'icd10cm/fy2021/icd10cm_tabular_2021.xml',
  'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  'icd10cm/fy2025/ICD10CM_2025_Index.csv',
  'icd10cm/fy2025/icd-10-cm-drug-2025.xml',
  'icd10cm/fy2025/icd-10-cm-neoplasm-2025.xml',
  'icd10cm/fy2025/icd-10-cm-eindex-2025.xml',
  'hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx',
  'ncci/mue_practitioner_2024-07-01.csv',
  'mce/mce_v41.1_fy2024_code_edits.csv',
];
const PTP = ['ncci/ptp_practitioner_2024-07-01.csv.gz'];

/** Baseline: read the files and split their text into lines (what any importer must at least do). */
function baselineMs(paths: string[]): number {
  const t = performance.now();
  let lines = 0;
  for (const p of paths) {
    let bytes: Uint8Array = readFileSync(p);
    if (p.endsWith('.gz')) bytes = gunzipSync(bytes);
    lines += new TextDecoder().decode(bytes).split('\n').length;
  }
  if (lines < 0) throw new Error('unreachable');
  return performance.now() - t;
}

const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;

export async function benchCodesets(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'medcode-bench-'));
  try {
    const common = COMMON.map((f) => sharedPath('codesets', f));
    const ptp = PTP.map((f) => sharedPath('codesets', f));
    const db = join(dir, 'bench.sqlite');

    const base1 = baselineMs(common);
    const t1 = performance.now();
    await importCodesetFiles(common, db);
    const importMs = performance.now() - t1;

    const base2 = baselineMs(ptp);
    const t2 = performance.now();
    await importCodesetFiles(ptp, db);
    const ptpMs = performance.now() - t2;

    // Twice, each in a fresh process: the analyzer's dictionary and the search word index built (a
    // first session, which saves them), then read from those saved copies (every later session, as
    // the extension does).
    const saved = join(dir, 'bench.dictionary');
    const probe = (args: string[]): Record<string, unknown> => {
      const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'openProbe.ts'), db, ...args], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`open probe failed: ${r.stderr}`);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    };
    const opened = probe(['--save', saved]);
    const openedWithSavedCopies = probe(['--saved', saved]);

    return {
      importCommon: { files: COMMON, seconds: Math.round(importMs) / 1000, baselineReadSplitMs: Math.round(base1), ratioToBaseline: Math.round(importMs / base1) },
      importPtp: { seconds: Math.round(ptpMs) / 1000, baselineReadSplitMs: Math.round(base2), ratioToBaseline: Math.round(ptpMs / base2) },
      databaseMB: { main: mb(statSync(db).size), ptp: mb(statSync(ptpPathFor(db)).size) },
      openInFreshProcess: opened,
      openInFreshProcessWithSavedCopies: openedWithSavedCopies,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
