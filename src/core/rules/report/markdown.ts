// The audit as Markdown: header (code sets, database), per-claim totals with charges at risk,
// warnings by rule, notices grouped per rule, per item the suggested and billed codes with their
// evidence words, the findings and their fixes, and the rule text.
import type { AuditCode, AuditResult } from '../audit';
import { claimTotals, codeSetsLine, findingsOf, money, noticeGroups, ruleRows, rulesUsed, targetText } from './common';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const anchor = (rule: string): string => `rule-${rule.replace(/\./g, '-')}`;
const words = (c: AuditCode): string => (c.words.length ? c.words.map((w) => `"${esc(w)}"`).join(', ') : '-');

export interface ReportHeader { title?: string; generatedAt?: string; database?: string }

export function auditMarkdown(result: AuditResult, header: ReportHeader | string = {}): string {
  const h = typeof header === 'string' ? { title: header } : header;
  const out = [`# ${h.title ?? 'MedCode audit'}`, ''];
  out.push(`- Generated: ${h.generatedAt ?? result.today}`, `- Code sets: ${esc(codeSetsLine(result))}`, ...(h.database ? [`- Database: ${esc(h.database)}`] : []));
  out.push(`- ${result.items.length} items: ${result.bySeverity.error} errors, ${result.bySeverity.warning} warnings, ${result.bySeverity.info} info, ${result.suppressed} suppressed.`, '');
  const totals = claimTotals(result);
  if (totals.rows.length) {
    out.push('## Claims: totals and charges at risk', '', '| claim | total charge | charges at risk | errors | warnings |', '|---|---:|---:|---:|---:|');
    for (const r of [...totals.rows, totals.total]) out.push(`| ${esc(r.name)} | ${money(r.totalCharge)} | ${money(r.chargesAtRisk)} | ${r.errors} | ${r.warnings} |`);
    out.push('', 'Charges at risk: lines an open error or warning targets, or that point at a diagnosis one targets; an error on the whole claim puts every line at risk.', '');
  }
  if (result.hccsByPatient.length) {
    out.push('## Risk adjustment: HCCs per patient', '', '| patient | HCC | label | codes | supported by the note | claims |', '|---|---|---|---|---|---|');
    for (const p of result.hccsByPatient) for (const h of p.hccs) out.push(`| ${esc(p.patient)} | ${h.category} (${h.model}) | ${esc(h.label)} | ${h.codes.join(', ')} | ${h.supported === null ? 'not checked (no note)' : h.supported ? 'yes' : '**no**'} | ${h.claims.map(esc).join(', ')} |`);
    out.push('');
  }
  out.push('## Warnings by rule', '', '| rule | error | warning | info | total |', '|---|---:|---:|---:|---:|');
  for (const r of ruleRows(result)) out.push(`| [${r.rule}](#${anchor(r.rule)}) | ${r.error} | ${r.warning} | ${r.info} | ${r.total} |`);
  const notices = noticeGroups(result);
  if (notices.length) {
    out.push('', '## Notices (listed once per rule)', '');
    for (const g of notices) {
      out.push(`### ${g.rule} (${g.severity}, ${g.count})`, '');
      for (const m of g.messages) out.push(`- ${esc(m.message)} _(${m.items.map(esc).join(', ')})_`);
      out.push('');
    }
  }
  out.push('', '## Notes and claims', '');
  for (const item of result.items) {
    out.push(`### ${esc(item.name)} (${item.kind}${item.noteName ? `, note ${esc(item.noteName)}` : ''})`, '');
    if (item.problem) out.push(`- **problem**: ${esc(item.problem)}`, '');
    if (item.suggested?.length) {
      out.push('Suggested codes:', '', '| code | description | evidence words | reason | units |', '|---|---|---|---|---:|');
      for (const c of item.suggested) out.push(`| ${c.code} | ${esc(c.title ?? '')} | ${words(c)} | ${esc(c.reason ?? '')} | ${c.units ?? ''} |`);
      out.push('');
    }
    if (item.billed?.length) {
      out.push('Billed codes:', '', '| code | description | status | evidence words | units | charge |', '|---|---|---|---|---:|---:|');
      for (const c of item.billed) out.push(`| ${c.code} | ${esc(c.title ?? '')} | ${c.status ?? 'accepted'} | ${words(c)} | ${c.units ?? ''} | ${c.charge !== undefined ? money(c.charge) : ''} |`);
      out.push('');
    }
    const findings = findingsOf(item);
    if (findings.length === 0 && !item.problem) out.push('- no findings');
    for (const w of findings) {
      const fixes = w.fixes.length ? ` Fixes: ${w.fixes.map((f) => esc(f.title)).join('; ')}.` : '';
      out.push(`- **${w.severity}** [\`${w.rule}\`](#${anchor(w.rule)}) (${targetText(w)}): ${esc(w.message)}${w.source?.version ? ` [${w.source.dataset} ${w.source.version}]` : ''}${fixes}${w.suppressed ? ` (suppressed: ${esc(w.suppressed.justification)})` : ''}`);
    }
    out.push('');
  }
  out.push('## Rules', '');
  for (const r of rulesUsed(result)) out.push(`<a id="${anchor(r.id)}"></a>`, `- **${r.id}** (default ${r.severity}): ${esc(r.summary)}`);
  out.push('');
  return out.join('\n');
}
