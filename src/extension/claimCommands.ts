// The commands behind hovers and code actions that change the sidecar claim: accept, reject,
// choose another code, apply a rule's fix, suppress a warning with a justification. Each command
// carries its payload (the code with its system, evidence and units; the warning's rule, key,
// target and fix), so it acts on what was offered instead of finding it again by message text.
import { normalizeCode } from '../core/codes';
import * as vscode from 'vscode';
import type { ClaimEdit, RuleId, WarningTarget } from '../core/rules/types';
import type { NoteAnalyses } from './analysis';
import type { ClaimEditor } from './claimEdits';
import { who } from './claimEdits';
import type { CodeCommandArgs } from './codeAtPosition';
import { withDecision, withFix, withSuppression, type Decision } from './sidecar';

export interface WarningCommandArgs {
  uri: string;
  rule: RuleId;
  key?: string;
  target: WarningTarget;
  /** applyRuleFix: the fix to apply (its edit names the claim file's own indexes). */
  fix?: { title: string; edit: ClaimEdit };
}

function documentFor(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

const norm = normalizeCode;

const systemOf = (code: string): 'icd10cm' | 'hcpcs' | 'cpt' => (/^[A-V]\d{4}$/i.test(code) ? 'hcpcs' : /^\d{4}[0-9FTU]$/i.test(code) ? 'cpt' : 'icd10cm');

export function registerClaimCommands(analyses: NoteAnalyses, editor: ClaimEditor): vscode.Disposable[] {
  const decide = async (args: CodeCommandArgs | undefined, status: 'accepted' | 'rejected'): Promise<boolean> => {
    const doc = args && documentFor(args.uri);
    if (!doc || !args) return false;
    // The analyzer's ranking orders the claim's diagnoses (the first-listed is the top-ranked one).
    const ranked = analyses.latest(doc)?.result.marked.filter((m) => m.suggestion).map((m) => norm(m.code)) ?? [];
    const rankOf = (code: string): number | undefined => { const i = ranked.indexOf(norm(code)); return i < 0 ? undefined : i; };
    const base: Omit<Decision, 'code' | 'status'> = {
      system: args.system ?? systemOf(args.code), who: who(), at: new Date().toISOString(), rankOf,
      ...(args.evidence?.length ? { evidence: args.evidence } : {}),
      ...(args.units !== undefined ? { units: args.units } : {}),
    };
    return editor.change(doc, `${status === 'accepted' ? 'accept' : 'reject'} ${args.code}`, (claim) => {
      let c = claim;
      // Choosing another code for the same words: the suggested one is kept as rejected, for the audit trail.
      if (args.replaces && status === 'accepted') c = withDecision(c, { ...base, code: args.replaces, status: 'rejected' });
      return withDecision(c, { ...base, code: args.code, status });
    });
  };

  return [
    vscode.commands.registerCommand('medcode.acceptSuggestion', (args?: CodeCommandArgs) => decide(args, 'accepted')),
    vscode.commands.registerCommand('medcode.rejectSuggestion', (args?: CodeCommandArgs) => decide(args, 'rejected')),
    vscode.commands.registerCommand('medcode.applyRuleFix', async (args?: WarningCommandArgs) => {
      const doc = args && documentFor(args.uri);
      const fix = args?.fix;
      if (!doc || !fix) {
        void vscode.window.showInformationMessage('MedCode: that quick fix no longer applies to an open note; look at the Problems panel again.');
        return false;
      }
      return editor.change(doc, fix.title, (claim) => withFix(claim, fix.edit, fix.title, who(), new Date().toISOString()));
    }),
    vscode.commands.registerCommand('medcode.suppressWarning', async (args?: WarningCommandArgs, justificationGiven?: string) => {
      const doc = args && documentFor(args.uri);
      if (!doc || !args) return false;
      const justification = justificationGiven ?? await vscode.window.showInputBox({
        title: `Suppress ${args.rule}`,
        prompt: 'Why does this warning not apply? The reason is kept in the claim for auditors.',
        placeHolder: 'e.g. unrelated conditions (guideline I.A.12.a)',
        validateInput: (v) => (v.trim().length < 5 ? 'Write a justification of at least a few words.' : undefined),
        ignoreFocusOut: true,
      });
      if (!justification?.trim()) return false;
      return editor.change(doc, `suppress ${args.rule}`, (claim) =>
        withSuppression(claim, { rule: args.rule, ...(args.key ? { key: args.key } : { target: args.target }), justification: justification.trim(), who: who(), at: new Date().toISOString() }));
    }),
  ];
}
