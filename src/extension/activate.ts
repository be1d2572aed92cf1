// Activation: cheap (no database, no analysis). Wires the features; the code sets load in the
// background right after, when the workspace holds notes (medcode.loadOnStartup), else when the
// first note becomes visible.
import * as vscode from 'vscode';
import { SettingsStore } from './settings';
import { NoteDocuments, registerAnalyzeAsNote } from './notes';
import { CodesetDatabase } from './database';
import { NoteAnalyses } from './analysis';
import { NoteDecorations } from './decorations';
import { NoteDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { NoteCodeActions } from './codeActions';
import { ClaimEditor } from './claimEdits';
import { registerClaimCommands } from './claimCommands';
import { registerSearch } from './search';
import { registerCodesetCommands } from './codesets';
import { registerRuleDocs } from './ruleDocs';
import { registerClaimEditor } from './claimEditor/register';
import { registerDenialsView } from './denialsView';
import { who } from './claimEdits';

/** What `activate` returns: used by the e2e tests in the real extension host, not by users. */
export interface MedcodeApi {
  activationMs: number;
  analyses: NoteAnalyses;
  decorations: NoteDecorations;
  database: CodesetDatabase;
  notes: NoteDocuments;
}

// Notes may be any text file (globs, the command), so providers look at every file and ask `notes`.
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

export function activate(context: vscode.ExtensionContext): MedcodeApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('MedCode', { log: true });
  const settings = new SettingsStore(log);
  const notes = new NoteDocuments(settings);
  const database = new CodesetDatabase(context, settings, log);
  const analyses = new NoteAnalyses(notes, database, settings, log);
  const decorations = new NoteDecorations(analyses, settings);
  const diagnostics = new NoteDiagnostics(analyses, notes);
  const claims = new ClaimEditor(settings, log);
  context.subscriptions.push(
    log, settings, notes, database, analyses, decorations, diagnostics,
    registerAnalyzeAsNote(notes),
    registerHover(SELECTOR, analyses, database),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new NoteCodeActions(analyses, database, diagnostics), { providedCodeActionKinds: NoteCodeActions.kinds }),
    ...registerClaimCommands(analyses, claims),
    registerSearch(database, notes, claims, log),
    ...registerCodesetCommands(database, log),
    registerRuleDocs(),
    ...registerDenialsView(),
  );
  registerClaimEditor(context, {
    getIndex: () => database.ensureLoaded(),
    ruleSeverity: () => settings.current.ruleSeverity,
    onDidChangeContext: (listener) => vscode.Disposable.from(database.onDidChange(listener), settings.onDidChange(listener)),
    setting: () => settings.current.setting,
    dateOfService: () => settings.current.dateOfService || undefined,
    decidedCodes: (note) => analyses.latest(note)?.result.marked
      .filter((m) => m.status !== 'suggested')
      .map((m) => ({ code: m.code, system: m.system, status: m.status, evidence: m.evidence, ...(m.suggestion?.units !== undefined ? { units: m.suggestion.units } : {}) })),
    who,
    log,
  });
  analyses.start();
  if (settings.current.loadOnStartup) void database.preloadForWorkspace(settings.current.noteGlobs);
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, analyses, decorations, database, notes };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
