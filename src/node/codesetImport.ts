// Imports official release files into the code-set database on disk. The database (and the NCCI
// PTP database beside it) is written atomically: on any error the previous files stay as they were.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sqliteDamage } from '../core/codeset/integrity';
import { CodesetWriter } from '../core/codeset/writer';
import { importBatch, type BatchReport } from '../core/importers/run';
import { ALL_IMPORTERS } from '../core/importers/registry';
import type { ImportFile } from '../core/importers/types';
import { UserFixableError } from './errors';
import { loadSqlJs } from './sqljs';
import { acquireDatabaseLock, DatabaseLockedError, ptpPathFor, readIfExists, removeOrphanTempFiles, writeDatabaseGeneration, type StoreFileOps } from './store';

export interface CodesetImportOptions {
  /** Version label for files that do not name their own. */
  version?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Called as each file starts, with the importer's label for it. */
  onFile?: (path: string, label: string) => void;
  /** Sentences the user should read: waiting for another import, a damaged database set aside. */
  onNotice?: (message: string) => void;
  /** Injected file operations (tests simulate a full disk or a kill between the two renames). */
  fileOps?: StoreFileOps;
  /** How long to wait for another import's lock before refusing. */
  lockWaitMs?: number;
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
const README = /^(readme|license|licence|notice|copying)/i;

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

/**
 * Imports `paths` into the database at `dbPath` (created when absent, else added to). One import
 * at a time holds the database's lock; both files are written as one generation (the main file
 * renamed last); a damaged database is set aside, never deleted, and a new one built.
 */
export async function importCodesetFiles(paths: readonly string[], dbPath: string, options: CodesetImportOptions = {}): Promise<CodesetImportResult> {
  const SQL = await loadSqlJs();
  const ptpPath = ptpPathFor(dbPath);
  let lock;
  try {
    lock = await acquireDatabaseLock(dbPath, { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}), onWait: (m) => options.onNotice?.(m) });
  } catch (e) {
    if (e instanceof DatabaseLockedError) throw new UserFixableError(e.message);
    throw e;
  }
  try {
    removeOrphanTempFiles(dbPath);
    let existing = readIfExists(dbPath);
    const damage = existing ? sqliteDamage(SQL, existing) : undefined;
    if (damage) {
      const aside = `${dbPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dbPath, aside);
      if (existsSync(ptpPath)) renameSync(ptpPath, `${aside}.ptp`);
      options.onNotice?.(`note: ${dbPath} is damaged (${damage}); it was moved to ${aside} and a new database is built from the files given. Import every code-set file you need.\n`);
      existing = undefined;
    }
    const writer = new CodesetWriter(SQL, existing, readIfExists(ptpPath));
    if (writer.discardedPtp) options.onNotice?.(`note: ${writer.discardedPtp}; its NCCI PTP sets were dropped from the catalog: import the NCCI PTP files again.\n`);
    const files: ImportFile[] = paths.map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)) }));
    const started = Date.now();
    try {
      const report = await importBatch(files, writer, ALL_IMPORTERS, {
        ...(options.version ? { version: options.version } : {}),
        ...(options.effectiveFrom ? { effectiveFrom: options.effectiveFrom } : {}),
        ...(options.effectiveTo ? { effectiveTo: options.effectiveTo } : {}),
        ...(options.onFile ? { onFile: options.onFile } : {}),
      });
      writer.sealGeneration(randomUUID());
      const main = writer.exportMain();
      const ptp = writer.hasPtpChanges() ? writer.exportPtp() : undefined;
      writeDatabaseGeneration(dbPath, main, ptp, { removePtp: writer.discardedPtp !== undefined, ...(options.fileOps ? { ops: options.fileOps } : {}) });
      return { report, seconds: (Date.now() - started) / 1000, bytes: main.length, ...(ptp ? { ptpBytes: ptp.length } : {}) };
    } finally {
      writer.close();
    }
  } finally {
    lock.release();
  }
}
