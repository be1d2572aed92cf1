// "MedCode: Open Claim": opens `<note>.claim.json` in the claim panel beside the note, creating it
// first (from the note's accepted codes) when there is none.
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { createClaim, withDecision } from '../../core/claim/working';
import type { DecisionStatus, EvidenceSpan } from '../../core/claim/schema';
import { claimPathFor, isClaimPath, serializeClaim, type ClaimJson } from '../sidecar';
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

function fromNote(note: vscode.TextDocument, deps: OpenClaimDeps): ClaimJson {
  const name = note.uri.path.split('/').pop() ?? note.uri.path;
  const sha256 = createHash('sha256').update(note.getText(), 'utf8').digest('hex');
  const decided = deps.decidedCodes?.(note) ?? [];
  const rank = new Map(decided.map((d, i) => [d.code, i] as const));
  const at = new Date().toISOString();
  // The one way a claim is created, then the decisions as the editor records them (diagnoses first, so lines point at them).
  let claim = createClaim({ setting: deps.setting(), note: { path: name, sha256 } });
  for (const d of [...decided.filter((x) => x.system === 'icd10cm'), ...decided.filter((x) => x.system !== 'icd10cm')]) {
    claim = withDecision(claim, { ...d, who: deps.who(), at, rankOf: (code) => rank.get(code) });
  }
  return claim;
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
    const edit = new vscode.WorkspaceEdit();
    const meta = { label: 'MedCode: create claim', needsConfirmation: false };
    edit.createFile(claimUri, { ignoreIfExists: true }, meta);
    edit.insert(claimUri, new vscode.Position(0, 0), serializeClaim(fromNote(note, deps)), meta);
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
