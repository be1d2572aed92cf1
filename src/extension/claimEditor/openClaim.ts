// "MedCode: Open Claim": opens `<note>.claim.json` in the claim panel beside the note, creating it
// first when there is none: from the note's accepted codes, filled from the workspace's practice
// profile and the patient the note names (src/core/claim/forNote.ts, as `medcode claim` does).
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import type { DecisionStatus, EvidenceSpan } from '../../core/claim/schema';
import { claimForNote } from '../../core/claim/forNote';
import { claimPathFor, isClaimPath, serializeClaim, type ClaimJson } from '../sidecar';
import { readPracticeFiles } from './practiceFiles';
import { CLAIM_EDITOR_VIEW_TYPE } from './provider';

export interface DecidedCode {
  code: string;
  system: 'icd10cm' | 'hcpcs' | 'cpt';
  status: DecisionStatus;
  evidence?: EvidenceSpan[];
  units?: number;
}

export interface OpenClaimDeps {
  /** The note's decided codes as the editor knows them (accepted and rejected), in the analyzer's rank order, if analyzed. */
  decidedCodes?(note: vscode.TextDocument): DecidedCode[] | undefined;
  setting(): 'outpatient' | 'inpatient';
  who(): string;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function fromNote(note: vscode.TextDocument, deps: OpenClaimDeps): Promise<ClaimJson | string> {
  const name = note.uri.path.split('/').pop() ?? note.uri.path;
  const text = note.getText();
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const files = await readPracticeFiles(note.uri);
  if (!files.ok) return files.error;
  const made = claimForNote({
    note: { text, path: name, sha256 },
    decided: deps.decidedCodes?.(note) ?? [],
    setting: deps.setting(),
    ...(files.practice !== undefined ? { practice: files.practice } : {}),
    ...(files.patients !== undefined ? { patients: files.patients.patients } : {}),
  });
  return made.ok ? (made.claim as ClaimJson) : made.error;
}

export async function openClaim(deps: OpenClaimDeps, target?: vscode.Uri): Promise<boolean> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('MedCode: open a clinical note first, then run "MedCode: Open Claim".');
    return false;
  }
  if (isClaimPath(uri.path)) {
    await vscode.commands.executeCommand('vscode.openWith', uri, CLAIM_EDITOR_VIEW_TYPE);
    return true;
  }
  const claimUri = uri.with({ path: claimPathFor(uri.path) });
  if (!(await exists(claimUri))) {
    const note = await vscode.workspace.openTextDocument(uri);
    const claim = await fromNote(note, deps);
    if (typeof claim === 'string') {
      void vscode.window.showErrorMessage(`MedCode did not create the claim: ${claim}`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    const meta = { label: 'MedCode: create claim', needsConfirmation: false };
    edit.createFile(claimUri, { ignoreIfExists: true }, meta);
    edit.insert(claimUri, new vscode.Position(0, 0), serializeClaim(claim), meta);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`MedCode could not create ${vscode.workspace.asRelativePath(claimUri)}; check that the folder is writable.`);
      return false;
    }
    // The new claim is saved so it exists for the CLI and other tools too.
    await vscode.workspace.openTextDocument(claimUri).then((d) => d.save());
  }
  await vscode.commands.executeCommand('vscode.openWith', claimUri, CLAIM_EDITOR_VIEW_TYPE, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  return true;
}
