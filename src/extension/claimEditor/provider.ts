// The custom text editor for `*.claim.json`: the panel over the JSON TextDocument, so undo/redo,
// save, dirty state and hot exit are VS Code's own. The panel's changes are WorkspaceEdits that
// replace the document text.
import * as vscode from 'vscode';
import type { CodesetIndex } from '../../core/codeset/api';
import type { RuleSettings } from '../../core/rules/types';
import { readPracticeFiles } from './practiceFiles';
import { ClaimSession } from './session';
import { makeNonce, panelHtml } from './html';
import { notePathForClaim } from '../sidecar';

export const CLAIM_EDITOR_VIEW_TYPE = 'medcode.claimEditor';

export interface ClaimEditorDeps {
  getIndex(): Promise<CodesetIndex | undefined>;
  /** Per-rule severity from the settings. */
  ruleSeverity(): RuleSettings['severity'];
  /** The medcode.dateOfService setting (the date of service when a claim has none). */
  dateOfService?(): string | undefined;
  /** Fires when code sets load or settings change (warnings may differ). */
  onDidChangeContext?: vscode.Event<unknown>;
  who(): string;
  log?: vscode.LogOutputChannel;
}

// Not `*.claim.json`: an export must not look like a note's working claim.
const EXTENSIONS: Record<string, string> = { 'claim-json': 'export.json', fhir: 'fhir.json', x12: '837p.x12' };
const FILTERS: Record<string, Record<string, string[]>> = {
  'claim-json': { 'Claim JSON': ['json'] },
  fhir: { 'FHIR R4 Claim (JSON)': ['json'] },
  x12: { 'X12 837P': ['x12', 'edi', 'txt'] },
};

export class ClaimEditorProvider implements vscode.CustomTextEditorProvider {
  constructor(private readonly extensionUri: vscode.Uri, private readonly deps: ClaimEditorDeps) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const assets = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [assets] };
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(assets, 'panel.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(assets, 'panel.css')).toString(),
      nonce: makeNonce(),
    });
    const session = new ClaimSession({
      text: () => document.getText(),
      replaceText: async (text, label) => {
        const edit = new vscode.WorkspaceEdit();
        const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
        edit.replace(document.uri, all, text, { label: `MedCode: ${label}`, needsConfirmation: false });
        return vscode.workspace.applyEdit(edit);
      },
      getIndex: () => this.deps.getIndex(),
      severity: () => this.deps.ruleSeverity(),
      noteText: () => this.noteText(document.uri),
      dateOfService: () => this.deps.dateOfService?.(),
      post: (m) => void panel.webview.postMessage(m),
      chooseExportTarget: (format, purpose) => this.chooseExportTarget(document.uri, format, purpose?.corrected === true),
      showDraft: async (markdown) => {
        const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
        await vscode.window.showTextDocument(draft, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      },
      writeExport: (target, content, audit) => this.writeExport(target, content, audit),
      saveDocument: async () => {
        try {
          return (await document.save()) && !document.isDirty;
        } catch (e) {
          this.deps.log?.error(`claim panel: the claim file could not be saved: ${e instanceof Error ? e.message : String(e)}`);
          return false;
        }
      },
      revealEvidence: (span) => void this.revealEvidence(document.uri, span),
      openAsText: () => void vscode.commands.executeCommand('vscode.openWith', document.uri, 'default'),
      who: () => this.deps.who(),
      now: () => new Date().toISOString(),
      readonly: () => vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false,
      reportError: (e) => this.deps.log?.error(`claim panel: ${e instanceof Error ? e.message : String(e)}`),
      fillSources: async () => {
        const files = await readPracticeFiles(document.uri);
        if (!files.ok) throw new Error(files.error);
        return { ...(files.practice ? { practice: files.practice } : {}), ...(files.patients ? { patients: files.patients.patients } : {}) };
      },
    });
    const subs: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((m: unknown) => void session.receive(m).catch((e: unknown) => this.deps.log?.error(`claim panel: ${String(e)}`))),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.toString() === document.uri.toString() && e.contentChanges.length > 0) session.documentChanged(); }),
    ];
    if (this.deps.onDidChangeContext) subs.push(this.deps.onDidChangeContext(() => session.contextChanged()));
    panel.onDidDispose(() => { session.dispose(); subs.forEach((d) => d.dispose()); });
  }

  /** The note beside the claim as the editor holds it (unsaved changes too), else on disk; undefined when there is none. */
  private async noteText(claimUri: vscode.Uri): Promise<string | undefined> {
    const noteUri = claimUri.with({ path: notePathForClaim(claimUri.path) });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === noteUri.toString());
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(noteUri));
    } catch {
      return undefined;
    }
  }

  private async chooseExportTarget(claimUri: vscode.Uri, format: string, corrected: boolean): Promise<string | undefined> {
    const base = claimUri.path.replace(/\.claim\.json$/, '').replace(/\.[^./]+$/, '');
    const target = await vscode.window.showSaveDialog({
      title: corrected ? 'Save the corrected claim (X12 837P)' : `Export claim as ${format}`,
      defaultUri: claimUri.with({ path: `${base}${corrected ? '.corrected' : ''}.${EXTENSIONS[format] ?? 'txt'}` }),
      ...(FILTERS[format] ? { filters: FILTERS[format] } : {}),
    });
    return target?.toString();
  }

  private async writeExport(targetText: string, content: string, audit: string | undefined): Promise<string> {
    const target = vscode.Uri.parse(targetText, true);
    if (audit !== undefined) await vscode.workspace.fs.writeFile(target.with({ path: `${target.path}.audit.json` }), new TextEncoder().encode(audit));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    return vscode.workspace.asRelativePath(target);
  }

  private async revealEvidence(claimUri: vscode.Uri, span: { start: number; end: number }): Promise<void> {
    const noteUri = claimUri.with({ path: notePathForClaim(claimUri.path) });
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(noteUri);
    } catch {
      void vscode.window.showWarningMessage(`MedCode: the note ${vscode.workspace.asRelativePath(noteUri)} beside this claim cannot be opened; the evidence cannot be shown.`);
      return;
    }
    const range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: false });
  }
}
