// The audit as Markdown: totals by rule, then findings per item.
import type { AuditResult } from '../audit';
import { ruleRows, targetText } from './common';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function auditMarkdown(result: AuditResult, title = 'MedCode audit'): string {
  const out = [`# ${title}`, '', `${result.items.length} items: ${result.bySeverity.error} errors, ${result.bySeverity.warning} warnings, ${result.bySeverity.info} info, ${result.suppressed} suppressed.`, ''];
  out.push('## Warnings by rule', '', '| rule | error | warning | info | total |', '|---|---:|---:|---:|---:|');
  for (const r of ruleRows(result)) out.push(`| [${r.rule}](docs/rules.md#${r.rule}) | ${r.error} | ${r.warning} | ${r.info} | ${r.total} |`);
  out.push('', '## Findings', '');
  for (const item of result.items) {
    out.push(`### ${esc(item.name)} (${item.kind})`, '');
    if (item.problem) out.push(`- **problem**: ${esc(item.problem)}`);
    if (item.warnings.length === 0 && !item.problem) out.push('- no findings');
    for (const w of item.warnings) {
      out.push(`- **${w.severity}** \`${w.rule}\` (${targetText(w)}): ${esc(w.message)}${w.source?.version ? ` [${w.source.dataset} ${w.source.version}]` : ''}${w.suppressed ? ` (suppressed: ${esc(w.suppressed.justification)})` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}
