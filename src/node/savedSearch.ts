// The search word index saved beside the database for the command line (`<database>.cli-search`),
// so a fresh `medcode search` reads it (tens of milliseconds) instead of building it from every
// title, inclusion term and index path (seconds). Written by the first word search that had to
// build it; refused, and written again, when the database's code sets or the core code change.
// (The extension keeps its own copy, `<database>.search`, keyed by a hash of the whole file, which
// a short-lived command cannot afford to compute.)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlCodesetIndex } from '../core/codeset/index';
import { decodeSearchIndex, encodeSearchIndex } from '../core/codeset/searchFile';
import type { SectionFileKey } from '../core/codeset/sectionFile';
import { writeAtomic } from './store';

/** Hash of src/core's sources, set by esbuild.mjs in the bundles (absent when running from source). */
declare const MEDCODE_CORE_HASH: string | undefined;

export function savedSearchPathFor(databasePath: string): string {
  return `${databasePath}.cli-search`;
}

let codeHash: string | null | undefined;

/**
 * Names the core's code: the bundle's hash of src/core, or when running from source the hash of
 * src/core's files; null when neither is known (then nothing is saved).
 */
export function coreCodeHash(): string | null {
  if (codeHash !== undefined) return codeHash;
  if (typeof MEDCODE_CORE_HASH === 'string') return (codeHash = `core:${MEDCODE_CORE_HASH}`);
  const core = join(__dirname, '..', 'core');
  if (!existsSync(core)) return (codeHash = null);
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) h.update(path.slice(core.length)).update(readFileSync(path));
    }
  };
  walk(core);
  return (codeHash = `source:${h.digest('hex')}`);
}

/**
 * What a copy the command line saves beside the database (the search index here, the analyzer's
 * dictionary in savedCliDictionary.ts) must have been built from: the database's code sets as
 * imported (each with its source files' hashes and import time, which every import rewrites) and
 * the file's size, and the core code.
 */
export function savedCopyKey(index: SqlCodesetIndex, databasePath: string, code: string): SectionFileKey {
  const sets = index.sets().map((s) => [s.id, s.system, s.version, s.variant, s.importedAt, s.sources.map((f) => f.sha256)]);
  const database = createHash('sha256').update(JSON.stringify(sets)).update(`:${statSync(databasePath).size}`).digest('hex');
  return { database: `sets:${database}`, code };
}

/**
 * Lets `index` read its word index from the saved copy on its first word search. Returns what to
 * call once the command is done: it saves the index when this command had to build it. A copy
 * that is absent, stale or damaged is ignored (and replaced); failing to save is not an error.
 */
export function useSavedSearch(index: SqlCodesetIndex, databasePath: string): () => void {
  const code = coreCodeHash();
  if (!code) return () => undefined;
  const key = savedCopyKey(index, databasePath, code);
  const path = savedSearchPathFor(databasePath);
  let readBack = false;
  index.provideSearchIndex(() => {
    if (!existsSync(path)) return undefined;
    const decoded = decodeSearchIndex(readFileSync(path), key);
    if (!decoded.ok) return undefined;
    readBack = true;
    return decoded.parts;
  });
  return () => {
    const parts = readBack ? undefined : index.searchParts();
    if (!parts) return;
    try {
      writeAtomic(path, encodeSearchIndex(parts, key));
    } catch {
      // A read-only folder: the next search builds the index again.
    }
  };
}
