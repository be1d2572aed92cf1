// Lightbulb and quick fixes on notes: accept or reject a suggestion, choose a more specific code,
// add the 7th character, and for each rule warning its fixes (add a modifier, remove a conflicting
// code ...) and "suppress with justification". All of them change the sidecar claim.
import * as vscode from 'vscode';
import type { NoteAnalyses } from './analysis';
import type { CodesetDatabase } from './database';
import type { NoteDiagnostics } from './diagnostics';
import { codeArgs, markedAt } from './codeAtPosition';
import type { WarningCommandArgs } from './claimCommands';
import { moreSpecificCodes, seventhCharacterChoices } from './specificCodes';

const short = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export class NoteCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: NoteAnalyses, private readonly database: CodesetDatabase, private readonly diagnostics: NoteDiagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analyzed = this.analyses.latest(doc);
    const index = this.database.index;
    if (!analyzed || !index) return [];
    const uri = doc.uri.toString();
    const actions: vscode.CodeAction[] = [];
    const action = (title: string, command: string, args: unknown[], preferred = false, diagnostics?: vscode.Diagnostic[]): void => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { title, command, arguments: args };
      a.isPreferred = preferred;
      if (diagnostics) a.diagnostics = diagnostics;
      actions.push(a);
    };
    for (const w of context.diagnostics) {
      if (w.source !== 'MedCode') continue;
      const warning = this.diagnostics.warningFor(doc, w);
      if (!warning) continue;
      const base: WarningCommandArgs = { uri, rule: warning.rule, target: warning.target, ...(warning.key ? { key: warning.key } : {}) };
      warning.fixes.forEach((f, i) => action(`MedCode: ${f.title}`, 'medcode.applyRuleFix', [{ ...base, fix: f }], i === 0, [w]));
      action(`MedCode: Suppress ${warning.rule} with justification...`, 'medcode.suppressWarning', [base], false, [w]);
    }
    for (const { code: m } of markedAt(doc, analyzed.result.marked, range)) {
      const args = codeArgs(uri, m);
      if (m.status !== 'accepted') action(`MedCode: Accept ${m.code} ${short(m.title)}`, 'medcode.acceptSuggestion', [args], actions.length === 0);
      if (m.status !== 'rejected') action(`MedCode: Reject ${m.code}`, 'medcode.rejectSuggestion', [args]);
      for (const c of moreSpecificCodes(index, m)) {
        action(`MedCode: Use more specific ${c.code} ${short(c.title)}`, 'medcode.acceptSuggestion', [{ ...args, code: c.code, replaces: m.code }]);
      }
      for (const c of seventhCharacterChoices(index, m)) {
        action(`MedCode: Add 7th character: ${c.code} (${short(c.title, 30)})`, 'medcode.acceptSuggestion', [{ ...args, code: c.code, replaces: m.code }]);
      }
    }
    return actions;
  }
}
