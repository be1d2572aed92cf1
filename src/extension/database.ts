// The code-set database: found in the extension's global storage (or `medcode.databasePath`),
// loaded in the background when VS Code starts in a workspace with notes (else on the first
// note), with progress and the loaded versions in the status bar. When none is installed, the
// first note says so once, with Import and Download.
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlCodesetIndex } from '../core/codeset/index';
import type { CodesetInfo } from '../core/codeset/api';
import { openDatabaseFile } from '../node/database';
import type { SettingsStore } from './settings';

export type DatabaseState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'missing'; path: string }
  | { kind: 'failed'; path: string; message: string }
  | { kind: 'ready'; path: string; index: SqlCodesetIndex; loadMs: number; contentHash: string };

const SYSTEM_LABEL: Record<string, string> = { icd10cm: 'ICD-10-CM', hcpcs: 'HCPCS', cpt: 'CPT', modifier: 'Modifiers', 'ncci-ptp': 'NCCI PTP', 'ncci-mue': 'NCCI MUE', 'ncci-addon': 'NCCI add-on', mce: 'MCE', pos: 'POS' };

export function systemLabel(system: string): string {
  return SYSTEM_LABEL[system] ?? system;
}

export class CodesetDatabase implements vscode.Disposable {
  private state: DatabaseState = { kind: 'idle' };
  private loading: Promise<SqlCodesetIndex | undefined> | undefined;
  private readonly status: vscode.StatusBarItem;
  private readonly emitter = new vscode.EventEmitter<DatabaseState>();
  readonly onDidChange = this.emitter.event;
  private toldMissing = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly settings: SettingsStore, private readonly log: vscode.LogOutputChannel) {
    this.status = vscode.window.createStatusBarItem('medcode.codesets', vscode.StatusBarAlignment.Right, 100);
    this.status.name = 'MedCode Code Sets';
    this.status.command = 'medcode.showCodesets';
    let lastPath = settings.current.databasePath;
    this.subscriptions.push(settings.onDidChange((s) => {
      if (s.databasePath !== lastPath) { lastPath = s.databasePath; void this.reload(); }
    }));
  }

  /** Where the database is read from and where imports write it. */
  get path(): string {
    return this.settings.current.databasePath || join(this.context.globalStorageUri.fsPath, 'codesets.sqlite');
  }

  get current(): DatabaseState {
    return this.state;
  }

  get index(): SqlCodesetIndex | undefined {
    return this.state.kind === 'ready' ? this.state.index : undefined;
  }

  /** Starts loading on first call (the first note); later calls share the same promise. */
  ensureLoaded(): Promise<SqlCodesetIndex | undefined> {
    this.loading ??= this.load();
    return this.loading;
  }

  /**
   * Starts loading in the background when the workspace holds notes (a `*.note` file, or one
   * matching `noteGlobs`), so the first note opened finds the code sets loaded and the analyzer
   * ready. Does nothing without an installed database (the first note says so) or without notes.
   * Resolves whether it started loading.
   */
  async preloadForWorkspace(noteGlobs: string[]): Promise<boolean> {
    if (this.loading || !existsSync(this.path)) return false;
    // As medcode.noteGlobs reads them: a glob without "/" matches the file name in any folder.
    const patterns = ['**/*.note', ...noteGlobs.filter((g) => !/[{}]/.test(g)).map((g) => (g.includes('/') ? g : `**/${g}`))];
    let found: vscode.Uri[];
    try {
      found = await vscode.workspace.findFiles(patterns.length === 1 ? patterns[0]! : `{${patterns.join(',')}}`, undefined, 1);
    } catch (e) {
      this.log.info(`looking for notes in the workspace failed (${(e as Error).message}); the code sets load with the first note`);
      return false;
    }
    if (found.length === 0 || this.loading) return false;
    this.log.info('the workspace holds notes: loading the code sets now');
    void this.ensureLoaded();
    return true;
  }

  async reload(): Promise<SqlCodesetIndex | undefined> {
    if (this.state.kind === 'ready') this.state.index.close();
    this.state = { kind: 'idle' };
    this.toldMissing = false;
    this.loading = this.load();
    return this.loading;
  }

  private setState(s: DatabaseState): void {
    this.state = s;
    this.renderStatus();
    this.emitter.fire(s);
  }

  private async load(): Promise<SqlCodesetIndex | undefined> {
    const path = this.path;
    if (!existsSync(path)) {
      this.setState({ kind: 'missing', path });
      this.log.info('no code-set database installed');
      this.tellMissing();
      return undefined;
    }
    this.setState({ kind: 'loading' });
    const started = Date.now();
    try {
      // The content hash names what is derived from this content and saved (the analyzer's dictionary).
      const { index, contentHash } = await openDatabaseFile(path, { contentHash: true });
      const loadMs = Date.now() - started;
      this.log.info(`code sets loaded in ${loadMs} ms: ${index.sets().map((s) => `${s.system} ${s.version}`).join(', ')}`);
      this.setState({ kind: 'ready', path, index, loadMs, contentHash });
      return index;
    } catch (e) {
      const message = `MedCode could not read the code-set database ${path}: ${(e as Error).message}`;
      this.log.error(message);
      this.setState({ kind: 'failed', path, message });
      void vscode.window.showErrorMessage(message, 'Import Code Sets...').then((a) => {
        if (a) void vscode.commands.executeCommand('medcode.importCodesets');
      });
      return undefined;
    }
  }

  private tellMissing(): void {
    if (this.toldMissing) return;
    this.toldMissing = true;
    const importAction = 'Import from Files or Folder...';
    const downloadAction = 'Download Official Code Sets...';
    void vscode.window.showWarningMessage(
      'MedCode has no code sets installed, so notes cannot be coded yet. Import the official ICD-10-CM/HCPCS files you have, or download them (needs the internet).',
      importAction, downloadAction,
    ).then((a) => {
      if (a === importAction) void vscode.commands.executeCommand('medcode.importCodesets');
      if (a === downloadAction) void vscode.commands.executeCommand('medcode.downloadCodesets');
    });
  }

  private renderStatus(): void {
    const s = this.state;
    if (s.kind === 'idle') { this.status.hide(); return; }
    if (s.kind === 'loading') {
      this.status.text = '$(sync~spin) MedCode: loading code sets';
      this.status.tooltip = 'Loading the code-set database in the background';
    } else if (s.kind === 'missing') {
      this.status.text = '$(warning) MedCode: no code sets';
      this.status.tooltip = 'No code-set database installed. Click to see how to import or download one.';
    } else if (s.kind === 'failed') {
      this.status.text = '$(error) MedCode: code sets unreadable';
      this.status.tooltip = s.message;
    } else {
      this.status.text = `$(book) ${versionSummary(s.index.sets())}`;
      this.status.tooltip = `MedCode code sets (loaded in ${s.loadMs} ms). Click to show them.`;
    }
    this.status.show();
  }

  dispose(): void {
    if (this.state.kind === 'ready') this.state.index.close();
    this.status.dispose();
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** "ICD-10-CM 2021 · HCPCS 2025-oct": the latest version of each code system. */
export function versionSummary(sets: CodesetInfo[]): string {
  // The version whose codes are used: a set holding only index pieces (no codes) does not name it.
  const latest = new Map<string, string>();
  for (const s of sets) if (['icd10cm', 'hcpcs', 'cpt'].includes(s.system) && (s.counts.codes ?? 0) > 0) latest.set(s.system, s.version);
  const parts = [...latest].map(([system, version]) => `${systemLabel(system)} ${version}`);
  return parts.length ? parts.join(' · ') : 'MedCode code sets';
}
