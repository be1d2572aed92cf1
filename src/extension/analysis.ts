// Keeps an up-to-date analysis for every visible note (and each note as it opens): debounced (at most one run per 300 ms per
// note while typing; the keystroke never waits), cached per document version and claim text,
// re-run when the sidecar claim, the settings or the database change.
import * as vscode from 'vscode';
import { KeyedDebouncer } from './debounce';
import { analyzeNoteText, claimOnlyChange, recheckClaim, StaleAnalysis, type NoteResult } from './noteAnalysis';
import { claimUriFor, readClaimText } from './claimEdits';
import { isClaimPath, notePathForClaim, readSidecar, type ClaimJson } from './sidecar';
import type { CodesetDatabase } from './database';
import type { SqlCodesetIndex } from '../core/codeset/index';
import { AnalyzerPreparation } from './analyzerPreparation';
import type { NoteDocuments } from './notes';
import type { SettingsStore } from './settings';

export const TYPING_DELAY_MS = 300;

// A short visit note of our own (no patient's), analyzed once when the code sets load before any
// note is open: the first analysis of a session compiles the analyzer's code and fills its lazy
// tables (a few hundred milliseconds), and that should not be the first real note's wait.
const WARM_UP_NOTE = `Established patient here for follow-up of diabetes and blood pressure.
HPI: Home glucose readings are stable. Denies chest pain or shortness of breath.
Assessment and plan:
1. Type 2 diabetes mellitus without complications. Continue metformin 500 mg twice daily.
2. Essential hypertension, well controlled. Continue lisinopril.
3. Hyperlipidemia. Recheck lipid panel.
Total time spent on the date of the encounter: 25 minutes.
`;

export interface AnalyzedNote {
  version: number;
  claimText: string | undefined;
  claim: ClaimJson | undefined;
  result: NoteResult;
  generation: number;
}

export class NoteAnalyses implements vscode.Disposable {
  private readonly results = new Map<string, AnalyzedNote>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly debouncer: KeyedDebouncer<string>;
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a note's analysis changed. */
  readonly onDidAnalyze = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Bumped when settings or the database change, so cached results are recomputed. */
  private generation = 0;
  private warm = false;
  /** Readies the analyzer per loaded database (started as soon as it loads). */
  readonly preparation: AnalyzerPreparation;
  /** Settles when the analyzer has run once on WARM_UP_NOTE after the database loaded with no note open (undefined when it did not). */
  warmedUp: Promise<void> | undefined;
  /** Number of analyses run (the e2e tests read it to check debouncing). */
  runs = 0;
  /** Number of times only the claim was checked again because only the claim changed (an accept). */
  claimRechecks = 0;

  constructor(private readonly notes: NoteDocuments, private readonly database: CodesetDatabase, private readonly settings: SettingsStore, private readonly log: vscode.LogOutputChannel) {
    this.preparation = new AnalyzerPreparation(database, log);
    this.debouncer = new KeyedDebouncer(TYPING_DELAY_MS, (key) => this.runFor(key));
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.scheduleVisible(0)),
      // A note is analyzed as soon as it opens, while VS Code is still showing it (100-400 ms): the
      // marks are ready when the editor is.
      vscode.workspace.onDidOpenTextDocument((d) => { if (this.notes.isNote(d) && this.database.index) this.debouncer.schedule(d.uri.toString(), 0); }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidCloseTextDocument((d) => { this.results.delete(d.uri.toString()); this.debouncer.cancel(d.uri.toString()); }),
      settings.onDidChange(() => this.invalidate()),
      notes.onDidChange(() => this.invalidate()),
      database.onDidChange((s) => {
        // Build the analyzer's dictionary in the background now, so the first note does not wait for it.
        if (s.kind === 'ready') {
          const ready = this.preparation.ready(s.index);
          if (!this.warm && this.visibleNotes().length === 0) this.warmedUp = ready.then(() => this.warmUp(s.index));
        }
        if (s.kind === 'ready' || s.kind === 'missing' || s.kind === 'failed') this.invalidate();
      }),
    );
  }

  /** Analyzes the notes already visible when the extension activates. */
  start(): void {
    this.scheduleVisible(0);
  }

  /** The latest analysis of a document, if it is current for its version. */
  get(doc: vscode.TextDocument): AnalyzedNote | undefined {
    const r = this.results.get(doc.uri.toString());
    return r && r.version === doc.version ? r : undefined;
  }

  /** The latest analysis even if the text moved on since (hovers while typing). */
  latest(doc: vscode.TextDocument): AnalyzedNote | undefined {
    return this.results.get(doc.uri.toString());
  }

  /** Resolves when the document has an analysis of its current version and claim (used by commands and tests). */
  async analyzeNow(doc: vscode.TextDocument): Promise<AnalyzedNote | undefined> {
    const key = doc.uri.toString();
    this.debouncer.cancel(key);
    await this.runFor(key, doc);
    return this.get(doc);
  }

  visibleNotes(): vscode.TextDocument[] {
    const seen = new Set<string>();
    const out: vscode.TextDocument[] = [];
    for (const e of vscode.window.visibleTextEditors) {
      const k = e.document.uri.toString();
      if (!seen.has(k) && this.notes.isNote(e.document)) { seen.add(k); out.push(e.document); }
    }
    return out;
  }

  private invalidate(): void {
    this.generation++;
    this.scheduleVisible(0);
  }

  private scheduleVisible(delay: number): void {
    for (const d of this.visibleNotes()) this.debouncer.schedule(d.uri.toString(), delay);
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const path = e.document.uri.path;
    if (isClaimPath(path)) {
      const noteKey = e.document.uri.with({ path: notePathForClaim(path) }).toString();
      if (this.visibleNotes().some((d) => d.uri.toString() === noteKey)) this.debouncer.schedule(noteKey, 50);
      return;
    }
    if (this.notes.isNote(e.document) && this.visibleNotes().includes(e.document)) this.debouncer.schedule(e.document.uri.toString());
  }

  private runFor(key: string, given?: vscode.TextDocument): Promise<void> {
    const prev = this.running.get(key);
    // One run at a time per note; a run asked for meanwhile follows the current one.
    const next = (prev ?? Promise.resolve()).then(() => this.analyze(key, given)).catch((e: unknown) => {
      this.log.error(`analysis failed: ${(e as Error).message}`);
    });
    this.running.set(key, next);
    void next.finally(() => { if (this.running.get(key) === next) this.running.delete(key); });
    return next;
  }

  private async analyze(key: string, given?: vscode.TextDocument): Promise<void> {
    const doc = given ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!doc || doc.isClosed) return;
    const index = await this.database.ensureLoaded();
    if (!index) return;
    const claimText = await readClaimText(doc.uri);
    const cached = this.results.get(key);
    if (cached && cached.version === doc.version && cached.claimText === claimText && cached.generation === this.generation) return;
    const read = readSidecar(claimText, this.settings.current.setting);
    const claimErrors = read.ok ? [] : read.errors.map((m) => `${vscode.workspace.asRelativePath(claimUriFor(doc.uri))}: ${m}`);
    const claim = read.ok && claimText !== undefined ? read.claim : undefined;
    const version = doc.version;
    const generation = this.generation;
    // Same note text, same settings: only the claim changed (an accept, a fix), so the suggestions stand.
    if (cached && cached.version === version && cached.generation === generation && claimOnlyChange(cached.claim, claim)) {
      const result = await recheckClaim(index, doc.getText(), cached.result, claim, claimErrors, this.settings.current);
      this.claimRechecks++;
      this.results.set(key, { version, claimText, claim: read.ok ? read.claim : undefined, result, generation });
      this.log.info(`checked a note's claim again: ${result.warnings.length} warnings, ${result.millis} ms`);
      this.emitter.fire(doc);
      return;
    }
    let result;
    let chars = 0;
    try {
      // getText() joins the document's lines into a new string: read it once per analysis.
      const run = (): Promise<NoteResult> => {
        const text = doc.getText();
        chars = text.length;
        return analyzeNoteText(index, text, claim, claimErrors, this.settings.current, () => doc.version !== version || doc.isClosed);
      };
      // The analyzer's term dictionary takes seconds to build on a full code set; it is built in the
      // background from the moment the database loads. A note opened before it is ready waits, and says so.
      const prepared = this.preparation.ready(index);
      result = this.warm ? await prepared.then(run) : await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'MedCode: preparing the analyzer' },
        () => prepared.then(run));
      this.warm = true;
    } catch (e) {
      if (e instanceof StaleAnalysis) return; // a newer run is scheduled by the change that made it stale
      throw e;
    }
    this.runs++;
    this.results.set(key, { version, claimText, claim: read.ok ? read.claim : undefined, result, generation });
    this.log.info(`analyzed a note: ${chars} chars, ${result.marked.length} codes, ${result.warnings.length} warnings, ${result.millis} ms`);
    this.emitter.fire(doc);
  }

  /** Analyzes WARM_UP_NOTE and drops the result; a failure only means the first note pays for it. */
  private async warmUp(index: SqlCodesetIndex): Promise<void> {
    if (this.warm || this.database.index !== index) return;
    const started = Date.now();
    try {
      await analyzeNoteText(index, WARM_UP_NOTE, undefined, [], this.settings.current, () => this.database.index !== index);
      // The analyzer is ready: the first note need not show "preparing the analyzer".
      this.warm = true;
      this.log.info(`analyzer warmed up in ${Date.now() - started} ms`);
    } catch (e) {
      if (!(e instanceof StaleAnalysis)) this.log.info(`warming up the analyzer failed: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    this.debouncer.dispose();
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
