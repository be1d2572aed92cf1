// The analyzer's dictionary saved beside the code-set database (`<database>.dictionary`, in the
// extension's global storage when the database is), so a later session reads it in milliseconds
// instead of building it for seconds. Bound to the database's content and to this extension's
// code: a file that does not match, or is damaged, is ignored (and replaced after the rebuild).
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { decodeDictionary, encodeDictionary, type DictionaryFileKey } from '../core/suggest/dictionaryFile';
import type { Dictionary } from '../core/suggest/dictionary';

export function savedDictionaryPath(databasePath: string): string {
  return `${databasePath}.dictionary`;
}

/** Hash of src/core's sources, set by esbuild.mjs in the extension bundle (absent in watch builds and tests). */
declare const MEDCODE_CORE_HASH: string | undefined;

let codeHash: Promise<string> | undefined;

/**
 * Names the analyzer's code: any change to it invalidates saved dictionaries. The core's source
 * hash when the bundle carries it (the same for development and production builds), else the
 * hash of this running file.
 */
export function analyzerCodeHash(file: string = __filename): Promise<string> {
  codeHash ??= typeof MEDCODE_CORE_HASH === 'string'
    ? Promise.resolve(`core:${MEDCODE_CORE_HASH}`)
    : readFile(file).then((b) => `file:${createHash('sha256').update(b).digest('hex')}`);
  return codeHash;
}

export type SavedDictionary = { dictionary: Dictionary } | { missing: string };

/** The saved dictionary for `key`, or why there is none usable. Never throws. */
export async function readSavedDictionary(path: string, key: DictionaryFileKey): Promise<SavedDictionary> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return { missing: 'none saved yet' };
  }
  const decoded = decodeDictionary(bytes, key);
  return decoded.ok ? { dictionary: decoded.dictionary } : { missing: `${path}: ${decoded.reason}` };
}

/** Saves the dictionary (written whole to a temporary file, then renamed, so a reader never sees half of it). */
export async function saveDictionary(path: string, key: DictionaryFileKey, dictionary: Dictionary): Promise<void> {
  await saveDictionaryBytes(path, encodeDictionary(dictionary, key));
}

/** Saves a dictionary already encoded (by the worker that built it). */
export async function saveDictionaryBytes(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}
