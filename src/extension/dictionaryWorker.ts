// Builds the analyzer's dictionary in a separate process (dist/dictionaryWorker.js, started with
// child_process.fork): the build reads the whole code set and makes a lot of short-lived garbage.
// In its own process it never pauses the extension host, and every byte of that memory goes back to
// the system when the process exits (a worker thread shared the extension host's allocator: about
// 60 MB of its memory stayed with the host). Receives its input as the first IPC message; sends
// back the saved-dictionary bytes (see dictionaryFile.ts) or an error message, then exits.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { openCodesetIndex } from '../core/codeset/index';
import { buildDictionary } from '../core/suggest/dictionary';
import { encodeDictionary, type DictionaryFileKey } from '../core/suggest/dictionaryFile';
import { loadSqlJs } from '../cli/sqljs';

export interface DictionaryWorkerInput { databasePath: string; key: DictionaryFileKey }
export type DictionaryWorkerOutput = { bytes: Uint8Array } | { error: string };

async function build(input: DictionaryWorkerInput): Promise<DictionaryWorkerOutput> {
  const [SQL, bytes] = await Promise.all([loadSqlJs(), readFile(input.databasePath)]);
  // The file may have been replaced since the extension loaded it: never label another content with its key.
  if (createHash('sha256').update(bytes).digest('hex') !== input.key.database) throw new Error('the database changed on disk since it was loaded');
  const index = openCodesetIndex(SQL, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  try {
    return { bytes: encodeDictionary(buildDictionary(index), input.key) };
  } finally {
    index.close();
  }
}

if (process.send) {
  process.once('message', (input: DictionaryWorkerInput) => {
    const reply = (out: DictionaryWorkerOutput): void => { process.send!(out, undefined, {}, () => process.exit(0)); };
    build(input).then(reply, (e: unknown) => reply({ error: (e as Error).message }));
  });
}
