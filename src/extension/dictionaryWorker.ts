// Builds the analyzer's dictionary in a worker thread (dist/dictionaryWorker.js): the build reads
// the whole code set and makes a lot of short-lived garbage; in a worker it never pauses the
// extension host, and all of that memory goes back to the system when the worker ends. Posts the
// saved-dictionary bytes (see dictionaryFile.ts) or an error message.
import { parentPort, workerData } from 'node:worker_threads';
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

if (parentPort) {
  const port = parentPort;
  build(workerData as DictionaryWorkerInput).then(
    (out) => port.postMessage(out, 'bytes' in out ? [out.bytes.buffer as ArrayBuffer] : []),
    (e: unknown) => port.postMessage({ error: (e as Error).message } satisfies DictionaryWorkerOutput),
  );
}
