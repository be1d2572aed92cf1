// Gets the analyzer ready for a loaded database without blocking the extension host: its term
// dictionary is read from the copy saved beside the database when that copy matches; otherwise
// it is built in a separate process (whose memory is all returned when it exits) and saved for next
// time. Without that process's script (running from source) it is built here in short slices.
import type * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import type { SqlCodesetIndex } from '../core/codeset/index';
import { builtDictionary, setDictionary } from '../core/suggest/dictionary';
import { decodeDictionary, type DictionaryFileKey } from '../core/suggest/dictionaryFile';
import { prepareAnalyzer } from '../core/suggest/prepare';
import type { CodesetDatabase } from './database';
import type { DictionaryWorkerInput, DictionaryWorkerOutput } from './dictionaryWorker';
import { analyzerCodeHash, readSavedDictionary, saveDictionary, saveDictionaryBytes, savedDictionaryPath } from './savedDictionary';

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export type DictionaryOrigin = 'saved copy' | 'built in a separate process' | 'built in slices';

/** The builder script bundled beside the extension (dist/dictionaryWorker.js), when there is one. */
function bundledWorker(): { file: string; execArgv: string[] } | undefined {
  const file = join(__dirname, 'dictionaryWorker.js');
  return existsSync(file) ? { file, execArgv: [] } : undefined;
}

export class AnalyzerPreparation {
  private readonly prepared = new WeakMap<SqlCodesetIndex, Promise<void>>();
  /** The last completed preparation: how long it took and where the dictionary came from (the e2e tests report it). */
  last: { ms: number; dictionary: DictionaryOrigin } | undefined;

  constructor(
    private readonly database: CodesetDatabase,
    private readonly log: vscode.LogOutputChannel,
    private readonly worker: { file: string; execArgv: string[] } | undefined = bundledWorker(),
  ) {}

  /** Resolves when the analyzer is ready for `index` (or could not be prepared: the analysis then builds what is missing). */
  ready(index: SqlCodesetIndex): Promise<void> {
    let p = this.prepared.get(index);
    if (!p) {
      p = this.prepare(index).catch((e: unknown) => { this.log.warn(`preparing the analyzer failed: ${(e as Error).message}`); });
      this.prepared.set(index, p);
    }
    return p;
  }

  private async prepare(index: SqlCodesetIndex): Promise<void> {
    const started = Date.now();
    const state = this.database.current;
    const saved = state.kind === 'ready' && state.index === index
      ? { databasePath: state.path, path: savedDictionaryPath(state.path), key: { database: state.contentHash, code: await analyzerCodeHash() } }
      : undefined;
    let origin: DictionaryOrigin = 'built in slices';
    if (saved && !builtDictionary(index)) {
      const read = await readSavedDictionary(saved.path, saved.key);
      if ('dictionary' in read) {
        if (!builtDictionary(index)) setDictionary(index, read.dictionary);
        origin = 'saved copy';
      } else {
        this.log.info(`analyzer dictionary: ${read.missing}; building it`);
        if (this.worker && await this.buildInWorker(index, saved)) origin = 'built in a separate process';
      }
    }
    const toSave = origin === 'built in slices' && !builtDictionary(index);
    const done = await prepareAnalyzer(index, yieldToEventLoop, { cancelled: () => this.database.index !== index });
    if (!done) return;
    this.last = { ms: Date.now() - started, dictionary: origin };
    this.log.info(`analyzer ready in ${this.last.ms} ms (dictionary ${origin === 'saved copy' ? 'read from the saved copy' : origin})`);
    const dictionary = builtDictionary(index);
    if (toSave && saved && dictionary) {
      await saveDictionary(saved.path, saved.key, dictionary).catch((e: unknown) => this.cannotSave(e));
    }
  }

  /** Builds the dictionary in a separate process, keeps it and saves it; false when that failed (then it is built here). */
  private async buildInWorker(index: SqlCodesetIndex, saved: { databasePath: string; path: string; key: DictionaryFileKey }): Promise<boolean> {
    const out = await this.runWorker({ databasePath: saved.databasePath, key: saved.key });
    if ('error' in out) {
      this.log.info(`the analyzer dictionary could not be built in a separate process (${out.error}); building it here`);
      return false;
    }
    const decoded = decodeDictionary(out.bytes, saved.key);
    if (!decoded.ok) {
      this.log.info(`the separate process's analyzer dictionary was refused (${decoded.reason}); building it here`);
      return false;
    }
    if (this.database.index !== index) return false;
    if (!builtDictionary(index)) setDictionary(index, decoded.dictionary);
    await saveDictionaryBytes(saved.path, out.bytes).catch((e: unknown) => this.cannotSave(e));
    return true;
  }

  private runWorker(input: DictionaryWorkerInput): Promise<DictionaryWorkerOutput> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (out: DictionaryWorkerOutput): void => { if (!settled) { settled = true; resolve(out); } };
      try {
        // 'advanced' serialization carries the bytes as a Uint8Array (not JSON); no stdio: the builder prints nothing.
        const child = fork(this.worker!.file, [], { execArgv: this.worker!.execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
        child.once('message', (m: DictionaryWorkerOutput) => settle(m));
        child.once('error', (e) => settle({ error: e.message }));
        // 'close', not 'exit': it comes after the IPC channel has delivered everything the process sent.
        child.once('close', (code, signal) => settle({ error: `the process exited (${signal ?? code}) without a result` }));
        child.send(input);
      } catch (e) {
        settle({ error: (e as Error).message });
      }
    });
  }

  private cannotSave(e: unknown): void {
    this.log.info(`the analyzer dictionary could not be saved beside the database (${(e as Error).message}); it will be built again next time`);
  }
}
