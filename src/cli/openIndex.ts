// Opens the code-set index a command names with --db (or the default), for read.
import { resolve } from 'node:path';
import { CodesetDatabaseError, type SqlCodesetIndex } from '../core/codeset/index';
import { flagString, UsageError, type CliIO, type ParsedArgs } from './command';
import { openDatabaseFile } from '../node/database';
import { defaultDbPath } from '../node/store';
import { useSavedDictionary } from '../node/savedCliDictionary';

export function dbPathFromArgs(args: ParsedArgs, io: CliIO): string {
  const flag = flagString(args, 'db');
  return flag ? resolve(io.cwd, flag) : defaultDbPath(io.env);
}

export async function openIndexAt(dbPath: string): Promise<SqlCodesetIndex> {
  try {
    return (await openDatabaseFile(dbPath)).index;
  } catch (e) {
    if (e instanceof CodesetDatabaseError) throw new UsageError(`${dbPath}: ${e.message}`);
    throw e;
  }
}

export async function openIndexFromArgs(args: ParsedArgs, io: CliIO): Promise<SqlCodesetIndex> {
  return openIndexAt(dbPathFromArgs(args, io));
}

/**
 * Opens the index for a command that analyzes notes, with the analyzer's dictionary ready (read
 * from the copy saved beside the database, else built and saved) before any note is read.
 */
export async function openIndexForNotes(dbPath: string): Promise<SqlCodesetIndex> {
  const index = await openIndexAt(dbPath);
  useSavedDictionary(index, dbPath);
  return index;
}

/** A date of service needs an ICD-10-CM set in force on it; otherwise a sentence listing what is installed. */
export function requireSetInForce(index: SqlCodesetIndex, date: string): void {
  if (index.setFor('icd10cm', date)) return;
  const installed = index.sets().filter((s) => s.system === 'icd10cm').map((s) => `${s.version} (${s.effectiveFrom ?? '?'} to ${s.effectiveTo ?? 'open'})`);
  throw new UsageError(`no ICD-10-CM code set is in force on ${date}; installed: ${installed.join(', ') || 'none'}. Import the release for that date, or leave out --date.`);
}
