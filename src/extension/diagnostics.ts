// The rules' warnings in the Problems panel, on the note: rule id as code (linked to its
// explanation), anchored at the evidence of the code the warning is about, with related
// information pointing at the rest of the evidence. Updated whenever the analysis changes.
import * as vscode from 'vscode';
import type { RuleWarning, Severity } from '../core/rules/types';
import { icdCategory, normalizeCode } from '../core/codes';
import type { AnalyzedNote, NoteAnalyses } from './analysis';
import type { NoteDocuments } from './notes';
import { ruleDocUri } from './ruleDocs';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information,
};

type Span = { start: number; end: number };

/** The evidence a warning is about: its note span, or the evidence of the diagnosis/line it targets. */
export function evidenceOfWarning(w: RuleWarning, analyzed: AnalyzedNote): Span[] {
  const t = w.target;
  if (t.kind === 'note') return [t.span];
  const item = t.kind === 'diagnosis' ? analyzed.claim?.diagnoses?.[t.index] : t.kind === 'line' ? analyzed.claim?.lines?.[t.index] : undefined;
  if (!item) return [];
  if (item.evidence?.length) return item.evidence;
  const n = normalizeCode(item.code);
  // A code the coder typed into the claim has no evidence: anchor it at the suggestion of the same
  // code, else of the same category (E11.9 in the claim, E11.69 suggested from the words).
  const same = analyzed.result.marked.find((m) => normalizeCode(m.code) === n) ?? analyzed.result.marked.find((m) => icdCategory(m.code) === icdCategory(n));
  return same?.evidence ?? [];
}

export function warningRange(doc: vscode.TextDocument, spans: Span[]): vscode.Range {
  const len = doc.getText().length;
  const s = spans.find((x) => x.end <= len);
  if (s) return new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
  return doc.lineAt(0).range;
}

export class NoteDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('medcode');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly analyses: NoteAnalyses, notes: NoteDocuments) {
    this.subscriptions.push(
      analyses.onDidAnalyze((doc) => this.update(doc)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      notes.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) if (!notes.isNote(d)) this.collection.delete(d.uri);
      }),
    );
  }

  update(doc: vscode.TextDocument): void {
    const analyzed = this.analyses.latest(doc);
    if (!analyzed) { this.collection.delete(doc.uri); return; }
    const out: vscode.Diagnostic[] = [];
    for (const msg of analyzed.result.claimErrors) {
      const d = new vscode.Diagnostic(doc.lineAt(0).range, `The sidecar claim cannot be read: ${msg}`, vscode.DiagnosticSeverity.Error);
      d.source = 'MedCode';
      out.push(d);
    }
    for (const msg of analyzed.result.notices) {
      const d = new vscode.Diagnostic(doc.lineAt(0).range, msg, vscode.DiagnosticSeverity.Information);
      d.source = 'MedCode';
      out.push(d);
    }
    // Billing fields a claim cannot be sent without are one entry in the note (the panel lists them one by one).
    const fields = analyzed.result.warnings.filter((w) => !w.suppressed && w.rule === 'claim.required-field' && w.target.kind === 'claim');
    if (fields.length > 0) {
      const names = fields.map((w) => (w.target.kind === 'claim' ? w.target.field ?? 'claim' : '')).filter(Boolean);
      const worst = fields.some((w) => w.severity === 'error') ? 'error' : fields.some((w) => w.severity === 'warning') ? 'warning' : 'info';
      const d = new vscode.Diagnostic(doc.lineAt(0).range, `The claim lacks ${fields.length} field${fields.length === 1 ? '' : 's'} it cannot be sent without (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', ...' : ''}); fill them in the claim panel (MedCode: Open Claim).`, SEVERITY[worst]);
      d.source = 'MedCode';
      d.code = { value: 'claim.required-field', target: ruleDocUri('claim.required-field') };
      out.push(d);
    }
    for (const w of analyzed.result.warnings) {
      if (w.suppressed || fields.includes(w)) continue;
      const spans = evidenceOfWarning(w, analyzed);
      const d = new vscode.Diagnostic(warningRange(doc, spans), w.message, SEVERITY[w.severity]);
      d.source = 'MedCode';
      d.code = { value: w.rule, target: ruleDocUri(w.rule) };
      const len = doc.getText().length;
      d.relatedInformation = spans.slice(1).filter((s) => s.end <= len).map((s) =>
        new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end))), 'further evidence'));
      out.push(d);
    }
    this.collection.set(doc.uri, out);
  }

  /** The warning a diagnostic came from (code actions use it). */
  warningFor(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): RuleWarning | undefined {
    const analyzed = this.analyses.latest(doc);
    const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return analyzed?.result.warnings.find((w) => !w.suppressed && w.rule === rule && w.message === diagnostic.message);
  }

  dispose(): void {
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
