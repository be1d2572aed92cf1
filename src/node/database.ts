// Opens the code-set database on disk for reading; the NCCI PTP database beside it is read on
// first use.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { openCodesetIndex, type SqlCodesetIndex } from '../core/codeset/index';
import { UserFixableError } from './errors';
import { loadSqlJs } from './sqljs';
import { ptpPathFor, readIfExists, readWhole } from './store';

export interface OpenedDatabase {
  index: SqlCodesetIndex;
  /** SHA-256 of the file's bytes (hex), when asked for: names what is derived from this content. */
  contentHash?: string;
}

/**
 * Opens the database at `path`. Throws a UserFixableError saying how to install one when there is
 * no file, and the index's CodesetDatabaseError when the file is not a usable database.
 */
export async function openDatabaseFile(path: string, options: { contentHash: true }): Promise<Required<OpenedDatabase>>;
export async function openDatabaseFile(path: string, options?: { contentHash?: boolean }): Promise<OpenedDatabase>;
export async function openDatabaseFile(path: string, options: { contentHash?: boolean } = {}): Promise<OpenedDatabase> {
  if (!existsSync(path)) {
    throw new UserFixableError(
      `no code-set database at ${path}. Import the official files with \`medcode codesets import <files> --db ${path}\` or run \`medcode codesets download --db ${path}\`.`,
    );
  }
  const [SQL, bytes] = await Promise.all([loadSqlJs(), readWhole(path)]);
  const index = openCodesetIndex(SQL, bytes, {
    loadPtp: async () => readIfExists(ptpPathFor(path)),
    handOver: true,
  });
  // ~50 ms for 60 MB.
  return options.contentHash ? { index, contentHash: createHash('sha256').update(bytes).digest('hex') } : { index };
}

