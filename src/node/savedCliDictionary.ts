// The analyzer's term dictionary saved beside the database for the command line
// (`<database>.cli-dictionary`), so `medcode analyze` (and audit, eval, demo, claim) reads it in
// tens of milliseconds instead of building it for seconds, and without the building's hundred-odd
// megabytes of passing memory. Bound to the database's code sets and the core code like the saved
// search index (savedSearch.ts); a copy that is absent, stale or damaged is built again and
// replaced. Failing to save (a read-only folder) is not an error.
import { existsSync, readFileSync } from 'node:fs';
import type { SqlCodesetIndex } from '../core/codeset/index';
import { builtDictionary, dictionaryFor, setDictionary } from '../core/suggest/dictionary';
import { decodeDictionary, encodeDictionary } from '../core/suggest/dictionaryFile';
import { coreCodeHash, savedCopyKey } from './savedSearch';
import { writeAtomic } from './store';

export function savedDictionaryPathFor(databasePath: string): string {
  return `${databasePath}.cli-dictionary`;
}

export type DictionaryOrigin = 'saved copy' | 'built and saved' | 'built';

/**
 * Gives `index` its dictionary before any note is read: the saved copy when it matches, else
 * built now and saved for the next command. Returns where it came from.
 */
export function useSavedDictionary(index: SqlCodesetIndex, databasePath: string): DictionaryOrigin {
  if (builtDictionary(index)) return 'built';
  const code = coreCodeHash();
  const key = code ? savedCopyKey(index, databasePath, code) : undefined;
  const path = savedDictionaryPathFor(databasePath);
  if (key && existsSync(path)) {
    try {
      const decoded = decodeDictionary(readFileSync(path), key);
      if (decoded.ok) {
        setDictionary(index, decoded.dictionary);
        return 'saved copy';
      }
    } catch {
      // Unreadable: built below and written again.
    }
  }
  const dictionary = dictionaryFor(index);
  if (!key) return 'built';
  try {
    writeAtomic(path, encodeDictionary(dictionary, key));
    return 'built and saved';
  } catch {
    return 'built';
  }
}
