// Knows which open documents are clinical notes (noteFiles.ts decides) and offers
// "Analyze This File as a Clinical Note" for any text file.
import * as vscode from 'vscode';
import { NoteMatcher, type DocumentIdentity } from './noteFiles';
import { isClaimPath } from './sidecar';
import type { SettingsStore } from './settings';

export class NoteDocuments implements vscode.Disposable {
  private readonly marked = new Set<string>();
  private matcher: NoteMatcher;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the set of notes may have changed (globs changed, a file was marked). */
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(settings: SettingsStore) {
    this.matcher = new NoteMatcher(settings.current.noteGlobs, this.marked);
    this.subscriptions.push(settings.onDidChange((s) => {
      this.matcher = new NoteMatcher(s.noteGlobs, this.marked);
      this.emitter.fire();
    }));
  }

  isNote(doc: vscode.TextDocument): boolean {
    if (isClaimPath(doc.uri.path)) return false;
    return this.matcher.isNote(identityOf(doc));
  }

  mark(uri: vscode.Uri): void {
    this.marked.add(uri.toString());
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export function identityOf(doc: vscode.TextDocument): DocumentIdentity {
  return { languageId: doc.languageId, scheme: doc.uri.scheme, path: vscode.workspace.asRelativePath(doc.uri, false), uri: doc.uri.toString() };
}

export function registerAnalyzeAsNote(notes: NoteDocuments): vscode.Disposable {
  return vscode.commands.registerCommand('medcode.analyzeAsNote', (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('MedCode: open a text file first, then run "Analyze This File as a Clinical Note".');
      return;
    }
    notes.mark(target);
  });
}
