// Starts the builder process (builderProcess.ts, bundled as dist/builderProcess.js) that builds the
// analyzer's dictionary and the search word index from a database file and saves them beside it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import type { DictionaryFileKey } from '../core/suggest/dictionaryFile';

export interface BuilderInput { databasePath: string; key: DictionaryFileKey; dictionaryPath: string; searchPath: string }
/** Messages from the builder: the dictionary saved, then the search index saved (or an error). */
export type BuilderOutput = { saved: 'dictionary' | 'search' } | { error: string };

/** The script to fork and its Node options. */
export interface BuilderScript { file: string; execArgv: string[] }

/** Each result: true once its file is saved, or why it is not. */
export interface BuilderRun { dictionary: Promise<true | string>; search: Promise<true | string> }

/** The builder script bundled in `dir` (the folder of dist/extension.js), when there is one. */
export function bundledBuilder(dir: string): BuilderScript | undefined {
  const file = join(dir, 'builderProcess.js');
  return existsSync(file) ? { file, execArgv: [] } : undefined;
}

/** Starts the builder; after `limitMs` without every result it is stopped and what is missing fails. */
export function startBuilder(script: BuilderScript, input: BuilderInput, limitMs: number): BuilderRun {
  let toDictionary!: (v: true | string) => void;
  let toSearch!: (v: true | string) => void;
  const dictionary = new Promise<true | string>((r) => { toDictionary = r; });
  const search = new Promise<true | string>((r) => { toSearch = r; });
  // A promise settles once: a failure after a result leaves that result.
  const fail = (why: string): void => { toDictionary(why); toSearch(why); };
  try {
    // Messages are small JSON (the builder saves its files itself); no stdio: the builder prints nothing.
    // In desktop VS Code the executable is Electron: ELECTRON_RUN_AS_NODE makes it plain Node, as language clients do.
    const child = fork(script.file, [], {
      execArgv: script.execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    const limit = setTimeout(() => { fail(`no result within ${limitMs / 1000} s`); child.kill(); }, limitMs);
    limit.unref?.();
    child.once('close', () => clearTimeout(limit));
    child.on('message', (m: BuilderOutput) => {
      if ('saved' in m) (m.saved === 'dictionary' ? toDictionary : toSearch)(true);
      else fail(m.error);
    });
    child.once('error', (e) => fail(e.message));
    // 'close', not 'exit': it comes after the IPC channel has delivered everything the process sent.
    child.once('close', (code, signal) => fail(`the process exited (${signal ?? code}) without a result`));
    child.send(input);
  } catch (e) {
    fail((e as Error).message);
  }
  return { dictionary, search };
}
