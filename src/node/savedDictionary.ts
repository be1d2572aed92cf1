// What the extension derives from the code-set database, saved beside it (in the extension's global
// storage when the database is): the analyzer's dictionary (`<database>.dictionary`) and the search
// word index (`<database>.search`), so a later session reads them in milliseconds instead of
// building them for seconds. Bound to the database's content and to this extension's code: a file
// that does not match, or is damaged, is ignored (and replaced after the rebuild).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { readWhole } from './store';
import { decodeDictionary, encodeDictionary, type DictionaryFileKey } from '../core/suggest/dictionaryFile';
import { decodeSearchIndex, searchIndexHeaderRefusal } from '../core/codeset/searchFile';
import type { CodeSearchParts } from '../core/codeset/search';
import type { Dictionary } from '../core/suggest/dictionary';

export function savedDictionaryPath(databasePath: string): string {
  return `${databasePath}.dictionary`;
}

export function savedSearchPath(databasePath: string): string {
  return `${databasePath}.search`;
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

/** The bytes at `path`, or undefined when there is no such file. */
async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readWhole(path);
  } catch {
    return undefined;
  }
}

/** The saved dictionary for `key`, or why there is none usable. Never throws. */
export async function readSavedDictionary(path: string, key: DictionaryFileKey): Promise<SavedDictionary> {
  const bytes = await readIfThere(path);
  if (!bytes) return { missing: 'none saved yet' };
  const decoded = decodeDictionary(bytes, key);
  return decoded.ok ? { dictionary: decoded.dictionary } : { missing: `${path}: ${decoded.reason}` };
}

/** A header is a line of JSON: a few hundred bytes; anything longer than this is not one of ours. */
const HEADER_BYTES = 256 * 1024;

/**
 * Why there is no usable saved search index for `key` (undefined when there is one), from the
 * file's header and size: the body (some 14 MB) is read and its checksum checked on the first
 * search, which builds the index when the copy turns out damaged. Never throws.
 */
export async function savedSearchRefusal(path: string, key: DictionaryFileKey): Promise<string | undefined> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return 'none saved yet';
  }
  try {
    const { size } = await file.stat();
    const head = new Uint8Array(Math.min(size, HEADER_BYTES));
    const { bytesRead } = await file.read(head, 0, head.byteLength, 0);
    const reason = searchIndexHeaderRefusal(head.subarray(0, bytesRead), size, key);
    return reason && `${path}: ${reason}`;
  } catch (e) {
    return `${path}: unreadable (${(e as Error).message})`;
  } finally {
    await file.close().catch(() => undefined);
  }
}

/**
 * Reads the saved search index (on the first search: a read of some 14 MB and a decode, a fraction
 * of a second, instead of seconds of building); throws with the reason when it is not usable.
 */
export function loadSavedSearch(path: string, key: DictionaryFileKey): CodeSearchParts {
  const decoded = decodeSearchIndex(readFileSync(path), key);
  if (!decoded.ok) throw new Error(`${path}: ${decoded.reason}`);
  return decoded.parts;
}

/** Saves the dictionary (written whole to a temporary file, then renamed, so a reader never sees half of it). */
export async function saveDictionary(path: string, key: DictionaryFileKey, dictionary: Dictionary): Promise<void> {
  await saveBytes(path, encodeDictionary(dictionary, key));
}

/** Saves bytes already encoded (by the process that built them), through a temporary file and a rename. */
export async function saveBytes(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}
