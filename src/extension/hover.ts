// Hovers on marked text: code, title, billable or not, code-set version, the tabular notes that
// matter, why it was suggested, what specificity is missing, and links to accept, reject or search.
import * as vscode from 'vscode';
import type { CodesetIndex } from '../core/codeset/api';
import type { TabularNoteType } from '../core/importers/types';
import type { NoteAnalyses } from './analysis';
import { systemLabel, type CodesetDatabase } from './database';
import { codeArgs, commandLink, markedAt } from './codeAtPosition';
import type { MarkedCode } from './noteAnalysis';
import type { CodeSetUsed } from '../core/analysis/index';
import { hccOfCode } from '../core/riskadjust/tags';

const NOTE_TYPES: TabularNoteType[] = ['excludes1', 'excludes2', 'codeFirst', 'useAdditionalCode', 'codeAlso'];
const NOTE_LABEL: Partial<Record<TabularNoteType, string>> = {
  excludes1: 'Excludes1 (never coded together)', excludes2: 'Excludes2 (may be coded together)', codeFirst: 'Code first', useAdditionalCode: 'Use additional code', codeAlso: 'Code also',
};
const MAX_NOTES_PER_TYPE = 4;

const esc = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** "Coded with ICD-10-CM 2025, HCPCS 2025-oct for 2025-03-04": the releases the analysis used. */
export function releasesLine(codeSets: readonly CodeSetUsed[], dateOfService: string | undefined): string {
  if (codeSets.length === 0) return '';
  const sets = codeSets.map((c) => `${systemLabel(c.system)} ${c.version}${c.inForce ? '' : ' (latest; none in force on the date)'}`).join(', ');
  return `Coded with ${sets}${dateOfService ? ` for the date of service ${dateOfService}` : ' (latest releases)'}`;
}

export function hoverMarkdown(index: CodesetIndex, m: MarkedCode, uri: string, release?: { codeSets: readonly CodeSetUsed[]; dateOfService?: string }): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['medcode.acceptSuggestion', 'medcode.rejectSuggestion', 'medcode.searchCodes'] };
  const rec = index.lookup(m.code, { system: m.system });
  const status = m.status === 'suggested' ? 'suggested' : m.status;
  md.appendMarkdown(`**${esc(m.code)}** ${esc(rec?.title ?? m.title)}\n\n`);
  const billable = rec ? (rec.billable ? '$(check) billable' : '$(warning) not billable: a more specific code is needed')
    : m.system === 'cpt' ? 'CPT (by number; import a licensed CPT file for its descriptor)' : '$(error) not in the installed code sets';
  md.appendMarkdown(`${billable} · ${rec ? `${systemLabel(rec.system)} ${esc(rec.version)}` : ''} · ${status}\n\n`);
  const hcc = rec?.system === 'icd10cm' ? hccOfCode(index, m.code) : undefined;
  if (hcc) md.appendMarkdown(`**Risk adjustment:** ${esc(hcc.category)} ${esc(hcc.label)} (CMS-HCC ${esc(hcc.model)})\n\n`);
  if (rec && m.system === 'icd10cm') {
    const notes = index.notes(m.code, { inherited: true, types: NOTE_TYPES });
    for (const type of NOTE_TYPES) {
      const ofType = notes.filter((n) => n.type === type);
      if (ofType.length === 0) continue;
      md.appendMarkdown(`**${NOTE_LABEL[type]}:**\n`);
      for (const n of ofType.slice(0, MAX_NOTES_PER_TYPE)) md.appendMarkdown(`- ${esc(n.text)}${n.from !== rec.normalized ? ` _(on ${esc(n.from)})_` : ''}\n`);
      if (ofType.length > MAX_NOTES_PER_TYPE) md.appendMarkdown(`- … ${ofType.length - MAX_NOTES_PER_TYPE} more\n`);
      md.appendMarkdown('\n');
    }
  }
  const s = m.suggestion;
  if (s) {
    const ctx = [s.context.uncertain ? 'uncertain (coded as confirmed: inpatient)' : '', s.context.historical ? 'history' : '', s.context.family ? 'family history' : '', s.context.sections.length ? `sections: ${s.context.sections.join(', ')}` : '']
      .filter(Boolean).join('; ');
    md.appendMarkdown(`**Why:** ${esc(s.reason)}${ctx ? ` (${esc(ctx)})` : ''} · score ${s.score.toFixed(2)}\n\n`);
    if (s.units !== undefined && m.system !== 'icd10cm') md.appendMarkdown(`**Units:** ${s.units}. Accepting adds a service line with ${s.units} unit${s.units === 1 ? '' : 's'}, pointing at the claim's diagnoses.\n\n`);
    if (s.missing.length) md.appendMarkdown(`**Missing specificity:** ${esc(s.missing.join(', '))}. Document it, or choose a more specific code from the quick fixes.\n\n`);
  }
  if (release?.codeSets.length) md.appendMarkdown(`_${esc(releasesLine(release.codeSets, release.dateOfService))}_\n\n`);
  const links = [
    m.status !== 'accepted' ? `[$(check) Accept](${commandLink('medcode.acceptSuggestion', codeArgs(uri, m))})` : '',
    m.status !== 'rejected' ? `[$(close) Reject](${commandLink('medcode.rejectSuggestion', codeArgs(uri, m))})` : '',
    `[$(search) Search codes](${commandLink('medcode.searchCodes', m.code.slice(0, 3))})`,
  ].filter(Boolean);
  md.appendMarkdown(links.join(' · '));
  return md;
}

export function registerHover(selector: vscode.DocumentSelector, analyses: NoteAnalyses, database: CodesetDatabase): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      const analyzed = analyses.latest(doc);
      const index = database.index;
      if (!analyzed || !index) return undefined;
      const hits = markedAt(doc, analyzed.result.marked, new vscode.Range(position, position));
      if (hits.length === 0) return undefined;
      const release = { codeSets: analyzed.result.codeSets, ...(analyzed.result.dateOfService ? { dateOfService: analyzed.result.dateOfService } : {}) };
      return new vscode.Hover(hits.map((h) => hoverMarkdown(index, h.code, doc.uri.toString(), release)), hits[0]!.range);
    },
  });
}
