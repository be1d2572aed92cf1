// Explanations of the rules, served offline as read-only documents (`medcode-rule:/<id>.md`):
// the Problems panel links each warning's code here.
import * as vscode from 'vscode';
import { RULE_CATALOG } from '../core/rules/catalog';

export const RULE_DOC_SCHEME = 'medcode-rule';

export function ruleDocUri(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${rule}.md` });
}

export function ruleDocText(rule: string): string {
  const r = RULE_CATALOG.find((x) => x.id === rule);
  if (!r) return `# ${rule}\n\nThis rule is not in this version of MedCode's catalog.\n`;
  return [
    `# ${r.id}`,
    '',
    r.summary,
    '',
    `Default severity: ${r.severity}. Change it with the setting \`medcode.ruleSeverity\`, e.g. \`{ "${r.id}": "warning" }\`, or \`"off"\`.`,
    '',
    'Each warning names the data row and code-set version it rests on. When the finding does not apply (for example unrelated conditions under an Excludes1 note), use the quick fix "Suppress with justification..."; the reason is kept in the sidecar claim.',
    '',
  ].join('\n');
}

export function registerRuleDocs(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, {
    provideTextDocumentContent: (uri) => ruleDocText(uri.path.replace(/^\//, '').replace(/\.md$/, '')),
  });
}
