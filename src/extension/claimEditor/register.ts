// Wires the claim panel into the extension: the custom editor for `*.claim.json` and the
// "MedCode: Open Claim" command. Called once from activation with what the extension has loaded.
import * as vscode from 'vscode';
import { ClaimEditorProvider, CLAIM_EDITOR_VIEW_TYPE, type ClaimEditorDeps } from './provider';
import { openClaim, type OpenClaimDeps } from './openClaim';

export type ClaimPanelDeps = ClaimEditorDeps & OpenClaimDeps;

export function registerClaimEditor(context: vscode.ExtensionContext, deps: ClaimPanelDeps): void {
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(CLAIM_EDITOR_VIEW_TYPE, new ClaimEditorProvider(context.extensionUri, deps), {
      // Hidden panels keep their state (scroll, open search) instead of rebuilding from the document.
      webviewOptions: { retainContextWhenHidden: true },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand('medcode.openClaim', (uri?: vscode.Uri) => openClaim(deps, uri instanceof vscode.Uri ? uri : undefined)),
  );
}
