// Gets the analyzer and code search ready for a loaded database without blocking the extension
// host: the analyzer's term dictionary and the search word index are read from the copies saved
// beside the database when they match; otherwise both are built in a separate process (whose
// memory is all returned when it exits) and saved for next time. Without that process's script
// (running from source) the dictionary is built here in short slices and the word index on the
// first search.
import type * as vscode from 'vscode';
import { rmSync } from 'node:fs';
import type { SqlCodesetIndex } from '../core/codeset/index';
import { builtDictionary, setDictionary } from '../core/suggest/dictionary';
import type { DictionaryFileKey } from '../core/suggest/dictionaryFile';
import { prepareAnalyzer } from '../core/suggest/prepare';
import type { CodesetDatabase } from './database';
import { bundledBuilder, startBuilder, type BuilderScript } from '../node/builder';
import { analyzerCodeHash, loadSavedSearch, readSavedDictionary, saveDictionary, savedDictionaryPath, savedSearchPath, savedSearchRefusal } from '../node/savedDictionary';

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/** How long the builder process may take before it is stopped (a full code set takes 5-15 s on a busy 2-core machine). */
const BUILDER_LIMIT_MS = 180_000;

export type DictionaryOrigin = 'saved copy' | 'built in a separate process' | 'built in slices';
export type SearchOrigin = 'saved copy' | 'built in a separate process' | 'on the first search';

interface SavedFiles { databasePath: string; dictionaryPath: string; searchPath: string; key: DictionaryFileKey }

export class AnalyzerPreparation {
  private readonly prepared = new WeakMap<SqlCodesetIndex, Promise<void>>();
  /** The last completed preparation: how long it took and where the dictionary came from (the e2e tests report it). */
  last: { ms: number; dictionary: DictionaryOrigin } | undefined;
  /** Where the last search index came from, once known (it may follow the dictionary by seconds). */
  lastSearch: SearchOrigin | undefined;
  /** Settles when the search index the last preparation asked the separate process for was taken or given up. */
  searchReady: Promise<void> | undefined;

  constructor(
    private readonly database: CodesetDatabase,
    private readonly log: vscode.LogOutputChannel,
    private readonly builder: BuilderScript | undefined = bundledBuilder(__dirname),
  ) {}

  /** Resolves when the analyzer and search are ready for `index` (or could not be prepared: the analysis and the first search then build what is missing). */
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
    const saved: SavedFiles | undefined = state.kind === 'ready' && state.index === index
      ? { databasePath: state.path, dictionaryPath: savedDictionaryPath(state.path), searchPath: savedSearchPath(state.path), key: { database: state.contentHash, code: await analyzerCodeHash() } }
      : undefined;
    let origin: DictionaryOrigin = 'built in slices';
    let searchOrigin: SearchOrigin = 'on the first search';
    this.searchReady = undefined;
    this.lastSearch = undefined;
    if (saved) {
      if (!builtDictionary(index)) {
        const read = await readSavedDictionary(saved.dictionaryPath, saved.key);
        if ('dictionary' in read) {
          if (!builtDictionary(index)) setDictionary(index, read.dictionary);
          origin = 'saved copy';
        } else this.log.info(`analyzer dictionary: ${read.missing}; building it`);
      }
      if (!index.hasSearchIndex()) {
        // Its header is checked now; it is read (and its checksum checked) on the first search: until someone searches it costs no memory.
        const refusal = await savedSearchRefusal(saved.searchPath, saved.key);
        if (!refusal) {
          this.provideSearch(index, saved);
          searchOrigin = 'saved copy';
        } else this.log.info(`search index: ${refusal}; building it`);
      }
      const needDictionary = origin !== 'saved copy';
      const needSearch = searchOrigin !== 'saved copy';
      if ((needDictionary || needSearch) && this.builder) {
        // The dictionary comes first (notes wait for it); the search index follows in the background.
        // A builder that hangs must not leave notes waiting: after the limit it is stopped and the dictionary is built here.
        const run = startBuilder(this.builder, { databasePath: saved.databasePath, key: saved.key, dictionaryPath: saved.dictionaryPath, searchPath: saved.searchPath }, BUILDER_LIMIT_MS);
        if (needDictionary && await this.takeDictionary(index, saved, await run.dictionary)) origin = 'built in a separate process';
        if (needSearch) {
          this.searchReady = run.search.then((out) => this.takeSearch(index, saved, out)).then((taken) => {
            this.lastSearch = taken ? 'built in a separate process' : 'on the first search';
          });
        }
      }
    }
    // Known now unless the separate process is still building it.
    if (!this.searchReady) this.lastSearch = searchOrigin;
    const toSave = origin === 'built in slices' && !builtDictionary(index);
    const done = await prepareAnalyzer(index, yieldToEventLoop, { cancelled: () => this.database.index !== index });
    if (!done) return;
    this.last = { ms: Date.now() - started, dictionary: origin };
    this.log.info(`analyzer ready in ${this.last.ms} ms (dictionary ${origin === 'saved copy' ? 'read from the saved copy' : origin})`);
    const dictionary = builtDictionary(index);
    if (toSave && saved && dictionary) {
      await saveDictionary(saved.dictionaryPath, saved.key, dictionary).catch((e: unknown) => this.cannotSave(e));
    }
  }

  /**
   * The first search reads the saved search index instead of building it. Only its header was
   * checked when the database loaded; a copy whose body turns out damaged is built here instead,
   * and removed, so the next session has the separate process build and save a good one.
   */
  private provideSearch(index: SqlCodesetIndex, saved: SavedFiles): void {
    index.provideSearchIndex(() => {
      try {
        return loadSavedSearch(saved.searchPath, saved.key);
      } catch (e) {
        this.log.info(`search index: the saved copy was refused (${(e as Error).message}); building it`);
        try { rmSync(saved.searchPath, { force: true }); } catch { /* left for the next session's check */ }
        return undefined;
      }
    });
  }

  /** Reads the dictionary the separate process saved; false when it failed or the copy was refused (then it is built here). */
  private async takeDictionary(index: SqlCodesetIndex, saved: SavedFiles, out: true | string): Promise<boolean> {
    if (out !== true) {
      this.log.info(`the analyzer dictionary could not be built in a separate process (${out}); building it here`);
      return false;
    }
    const read = await readSavedDictionary(saved.dictionaryPath, saved.key);
    if (!('dictionary' in read)) {
      this.log.info(`the separate process's analyzer dictionary was refused (${read.missing}); building it here`);
      return false;
    }
    if (this.database.index !== index) return false;
    if (!builtDictionary(index)) setDictionary(index, read.dictionary);
    return true;
  }

  /** Lets the first search read the index the separate process saved; false when the process failed (the first search builds it). */
  private async takeSearch(index: SqlCodesetIndex, saved: SavedFiles, out: true | string): Promise<boolean> {
    if (out !== true) {
      this.log.info(`the search index could not be built in a separate process (${out}); the first search builds it`);
      return false;
    }
    // Not read back here: the first search reads and checks it, and builds the index if it is unusable.
    if (this.database.index !== index || index.hasSearchIndex()) return false;
    this.provideSearch(index, saved);
    return true;
  }

  private cannotSave(e: unknown): void {
    this.log.info(`what the analyzer and search derive from the database could not be saved beside it (${(e as Error).message}); it will be built again next time`);
  }
}
