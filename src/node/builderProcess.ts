// Builds the analyzer's dictionary and the search word index in a separate process
// (dist/builderProcess.js, started with child_process.fork): each build reads the whole code set
// and makes a lot of short-lived garbage, which also grew the extension host's heap for good.
// In its own process it never pauses the extension host, and every byte of that memory goes back to
// the system when the process exits (a worker thread shared the extension host's allocator: about
// 60 MB of its memory stayed with the host). Receives its input as the first IPC message; saves
// each beside the database as soon as it is built (dictionaryFile.ts, searchFile.ts) and says so,
// or sends an error message, then exits. The bytes never cross to the extension host: it reads the
// saved files as every later session does (27 MB of buffers handed over by IPC stayed in the host's
// allocator as fragmentation).
import { buildDictionary } from '../core/suggest/dictionary';
import { encodeDictionary } from '../core/suggest/dictionaryFile';
import { encodeSearchIndex } from '../core/codeset/searchFile';
import { openDatabaseFile } from './database';
import { saveBytes } from './savedDictionary';
import type { BuilderInput, BuilderOutput } from './builder';

/** Sends a message and resolves once it is written to the channel. */
const send = (m: BuilderOutput): Promise<void> => new Promise((resolve) => { process.send!(m, undefined, {}, () => resolve()); });

async function build(input: BuilderInput): Promise<void> {
  const { index, contentHash } = await openDatabaseFile(input.databasePath, { contentHash: true });
  try {
    // The file may have been replaced since the extension loaded it: never label another content with its key.
    if (contentHash !== input.key.database) throw new Error('the database changed on disk since it was loaded');
    await saveBytes(input.dictionaryPath, encodeDictionary(buildDictionary(index), input.key));
    await send({ saved: 'dictionary' });
    // The options the extension searches with: the versions in force today.
    index.warmSearch();
    await saveBytes(input.searchPath, encodeSearchIndex(index.searchParts()!, input.key));
    await send({ saved: 'search' });
  } finally {
    index.close();
  }
}

if (process.send) {
  process.once('message', (input: BuilderInput) => {
    build(input).catch((e: unknown) => send({ error: (e as Error).message })).finally(() => process.exit(0));
  });
}
