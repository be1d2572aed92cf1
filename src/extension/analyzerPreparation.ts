// Gets the analyzer ready for a loaded database without blocking the extension host: its term
// dictionary is read from the copy saved beside the database when that copy matches, otherwise
// built in short slices from the moment the database loads and then saved for next time.
import type * as vscode from 'vscode';
import type { SqlCodesetIndex } from '../core/codeset/index';
import { builtDictionary, setDictionary } from '../core/suggest/dictionary';
import { prepareAnalyzer } from '../core/suggest/prepare';
import type { CodesetDatabase } from './database';
import { analyzerCodeHash, readSavedDictionary, saveDictionary, savedDictionaryPath } from './savedDictionary';

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export class AnalyzerPreparation {
  private readonly prepared = new WeakMap<SqlCodesetIndex, Promise<void>>();
  /** The last completed preparation: how long it took and where the dictionary came from (the e2e tests report it). */
  last: { ms: number; dictionary: 'built' | 'saved copy' } | undefined;

  constructor(private readonly database: CodesetDatabase, private readonly log: vscode.LogOutputChannel) {}

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
      ? { path: savedDictionaryPath(state.path), key: { database: state.contentHash, code: await analyzerCodeHash() } }
      : undefined;
    let from: 'built' | 'saved copy' = 'built';
    if (saved && !builtDictionary(index)) {
      const read = await readSavedDictionary(saved.path, saved.key);
      if ('dictionary' in read) {
        if (!builtDictionary(index)) setDictionary(index, read.dictionary);
        from = 'saved copy';
      } else this.log.info(`analyzer dictionary: ${read.missing}; building it`);
    }
    const toBuild = !builtDictionary(index);
    const done = await prepareAnalyzer(index, yieldToEventLoop, { cancelled: () => this.database.index !== index });
    if (!done) return;
    this.last = { ms: Date.now() - started, dictionary: from };
    this.log.info(`analyzer ready in ${this.last.ms} ms (dictionary ${from === 'built' ? 'built' : 'read from the saved copy'})`);
    const dictionary = builtDictionary(index);
    if (toBuild && saved && dictionary) {
      await saveDictionary(saved.path, saved.key, dictionary).catch((e: unknown) => {
        this.log.info(`the analyzer dictionary could not be saved beside the database (${(e as Error).message}); it will be built again next time`);
      });
    }
  }
}
