// Imports official release files into the code-set database on disk. The database (and the NCCI
// PTP database beside it) is written atomically: on any error the previous files stay as they were.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CodesetWriter } from '../core/codeset/writer';
import { importBatch, type BatchReport } from '../core/importers/run';
import { ALL_IMPORTERS } from '../core/importers/registry';
import type { ImportFile } from '../core/importers/types';
import { UserFixableError } from './errors';
import { loadSqlJs } from './sqljs';
import { ptpPathFor, readIfExists, writeAtomic } from './store';

export interface CodesetImportOptions {
  /** Version label for files that do not name their own. */
  version?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Called as each file starts, with the importer's label for it. */
  onFile?: (path: string, label: string) => void;
}

export interface CodesetImportResult {
  report: BatchReport;
  seconds: number;
  /** Size of the written database. */
  bytes: number;
  /** Size of the written PTP database, when this import changed it. */
  ptpBytes?: number;
}

/** Documentation shipped inside release folders and zips: never a release file. */
const NOT_RELEASE_FILE = /\.(md|pdf|xsd|docx?|html?)$/i;
const README = /^readme/i;

/**
 * The release files in `paths` (files, or folders walked in name order), resolved against `cwd`;
 * documentation files in folders are skipped. Throws a sentence naming a path that does not exist.
 */
export function releaseFilesIn(paths: readonly string[], cwd: string = process.cwd()): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const f = join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (!NOT_RELEASE_FILE.test(e.name) && !README.test(e.name)) out.push(f);
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) throw new UserFixableError(`${full}: no such file or folder.`);
    if (st.isDirectory()) walk(full);
    else out.push(full);
  }
  return out;
}

/** Imports `paths` into the database at `dbPath` (created when absent, else added to). */
export async function importCodesetFiles(paths: readonly string[], dbPath: string, options: CodesetImportOptions = {}): Promise<CodesetImportResult> {
  const SQL = await loadSqlJs();
  const ptpPath = ptpPathFor(dbPath);
  const writer = new CodesetWriter(SQL, readIfExists(dbPath), readIfExists(ptpPath));
  const files: ImportFile[] = paths.map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)) }));
  const started = Date.now();
  try {
    const report = await importBatch(files, writer, ALL_IMPORTERS, {
      ...(options.version ? { version: options.version } : {}),
      ...(options.effectiveFrom ? { effectiveFrom: options.effectiveFrom } : {}),
      ...(options.effectiveTo ? { effectiveTo: options.effectiveTo } : {}),
      ...(options.onFile ? { onFile: options.onFile } : {}),
    });
    const main = writer.exportMain();
    const ptp = writer.hasPtpChanges() ? writer.exportPtp() : undefined;
    if (ptp) writeAtomic(ptpPath, ptp);
    writeAtomic(dbPath, main);
    return { report, seconds: (Date.now() - started) / 1000, bytes: main.length, ...(ptp ? { ptpBytes: ptp.length } : {}) };
  } finally {
    writer.close();
  }
}
