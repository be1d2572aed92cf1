// Reads the sidecar claim of a note (the open, possibly unsaved, document first) and changes it
// through a WorkspaceEdit, so every action is undoable and leaves the claim dirty like any edit.
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { claimPathFor, newClaim, readSidecar, serializeClaim, type ClaimJson } from './sidecar';
import { planSidecarEdit } from './sidecarEditPlan';
import type { SettingsStore } from './settings';

export function claimUriFor(noteUri: vscode.Uri): vscode.Uri {
  return noteUri.with({ path: claimPathFor(noteUri.path) });
}

/** The sidecar text as the editor holds it, or on disk; undefined when there is none. */
export async function readClaimText(noteUri: vscode.Uri): Promise<string | undefined> {
  const uri = claimUriFor(noteUri);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export class ClaimEditor {
  constructor(private readonly settings: SettingsStore, private readonly log: vscode.LogOutputChannel) {}

  /**
   * Applies `change` to the note's claim. Returns false (after telling the user) when the sidecar
   * cannot be read as a claim: the user's file is never overwritten by a guess.
   */
  async change(note: vscode.TextDocument, what: string, change: (claim: ClaimJson) => ClaimJson): Promise<boolean> {
    const uri = claimUriFor(note.uri);
    const oldText = await readClaimText(note.uri);
    const read = readSidecar(oldText, this.settings.current.setting);
    if (!read.ok) {
      void vscode.window.showErrorMessage(`MedCode cannot change ${vscode.workspace.asRelativePath(uri)}: ${read.errors[0] ?? 'it is not a claim'}. Fix the file (or delete it to start over), then try again.`);
      return false;
    }
    const base = oldText === undefined ? newClaim(this.settings.current.setting, { path: noteName(note.uri), sha256: sha256(note.getText()) }) : read.claim;
    const plan = planSidecarEdit(oldText, serializeClaim(change(base)));
    if (plan.kind === 'none') return true;
    const edit = new vscode.WorkspaceEdit();
    const meta = { label: `MedCode: ${what}`, needsConfirmation: false };
    if (plan.kind === 'create') {
      // The empty file is made first and the claim text inserted by the edit: a WorkspaceEdit that
      // also creates a file becomes a workspace-wide undo element that asks for confirmation,
      // while a plain text edit undoes with Ctrl+Z in the claim like any typing. An empty claim
      // file reads as a fresh claim.
      await vscode.workspace.fs.writeFile(uri, new Uint8Array());
      await vscode.workspace.openTextDocument(uri);
      edit.insert(uri, new vscode.Position(0, 0), plan.text, meta);
    } else {
      const doc = await vscode.workspace.openTextDocument(uri);
      const r = plan.replacement;
      edit.replace(uri, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), r.text, meta);
    }
    const ok = await vscode.workspace.applyEdit(edit);
    this.log.info(`claim edit "${what}" ${ok ? 'applied' : 'refused'}`);
    return ok;
  }
}

function noteName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function who(): string {
  return process.env.USER || process.env.USERNAME || 'coder';
}
