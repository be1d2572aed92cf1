// The commands behind hovers and code actions that change the sidecar claim: accept, reject,
// choose another code, apply a rule's fix, suppress a warning with a justification.
import * as vscode from 'vscode';
import type { RuleWarning } from '../core/rules/types';
import { sameCode } from '../core/codes';
import type { NoteAnalyses } from './analysis';
import type { ClaimEditor } from './claimEdits';
import { who } from './claimEdits';
import type { CodeCommandArgs } from './codeAtPosition';
import { withDecision, withFix, withSuppression, type Decision } from './sidecar';

export interface WarningCommandArgs {
  uri: string;
  rule: string;
  key?: string;
  message: string;
  fixIndex?: number;
}

function documentFor(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}


export function registerClaimCommands(analyses: NoteAnalyses, editor: ClaimEditor): vscode.Disposable[] {
  const decide = async (args: CodeCommandArgs | undefined, status: 'accepted' | 'rejected'): Promise<boolean> => {
    const doc = args && documentFor(args.uri);
    if (!doc || !args) return false;
    const analyzed = analyses.latest(doc);
    const source = analyzed?.result.marked.find((m) => sameCode(m.code, args.replaces ?? args.code));
    const at = new Date().toISOString();
    const base: Omit<Decision, 'code' | 'status'> = { system: source?.system ?? 'icd10cm', who: who(), at, ...(source ? { evidence: source.evidence } : {}) };
    return editor.change(doc, `${status === 'accepted' ? 'accept' : 'reject'} ${args.code}`, (claim) => {
      let c = claim;
      // Choosing another code for the same words: the suggested one is kept as rejected, for the audit trail.
      if (args.replaces && status === 'accepted') c = withDecision(c, { ...base, code: args.replaces, status: 'rejected' });
      return withDecision(c, { ...base, code: args.code, status });
    });
  };

  const findWarning = (doc: vscode.TextDocument, args: WarningCommandArgs): RuleWarning | undefined =>
    analyses.latest(doc)?.result.warnings.find((w) => w.rule === args.rule && (args.key ? w.key === args.key : w.message === args.message));

  return [
    vscode.commands.registerCommand('medcode.acceptSuggestion', (args?: CodeCommandArgs) => decide(args, 'accepted')),
    vscode.commands.registerCommand('medcode.rejectSuggestion', (args?: CodeCommandArgs) => decide(args, 'rejected')),
    vscode.commands.registerCommand('medcode.applyRuleFix', async (args?: WarningCommandArgs) => {
      const doc = args && documentFor(args.uri);
      const w = doc && args && findWarning(doc, args);
      const fix = w?.fixes[args?.fixIndex ?? 0];
      if (!doc || !fix) {
        void vscode.window.showInformationMessage('MedCode: that warning has changed since the quick fix was offered; look at the Problems panel again.');
        return false;
      }
      return editor.change(doc, fix.title, (claim) => withFix(claim, fix.edit, fix.title, who(), new Date().toISOString()));
    }),
    vscode.commands.registerCommand('medcode.suppressWarning', async (args?: WarningCommandArgs, justificationGiven?: string) => {
      const doc = args && documentFor(args.uri);
      const w = doc && args && findWarning(doc, args);
      if (!doc || !w) return false;
      const justification = justificationGiven ?? await vscode.window.showInputBox({
        title: `Suppress ${w.rule}`,
        prompt: 'Why does this warning not apply? The reason is kept in the claim for auditors.',
        placeHolder: 'e.g. unrelated conditions (guideline I.A.12.a)',
        validateInput: (v) => (v.trim().length < 5 ? 'Write a justification of at least a few words.' : undefined),
        ignoreFocusOut: true,
      });
      if (!justification?.trim()) return false;
      return editor.change(doc, `suppress ${w.rule}`, (claim) =>
        withSuppression(claim, { rule: w.rule, ...(w.key ? { key: w.key } : { target: w.target }), justification: justification.trim(), who: who(), at: new Date().toISOString() }));
    }),
  ];
}
