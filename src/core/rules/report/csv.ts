// One CSV row per finding (RFC 4180 quoting), for spreadsheets.
import type { AuditResult } from '../audit';
import { targetText } from './common';

/**
 * One field. A value a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a
 * carriage return: a file named "=HYPERLINK(...)") gets a leading apostrophe, so it stays text.
 */
const cell = (v: unknown): string => {
  const raw = v === undefined ? '' : String(v);
  const s = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function auditCsv(result: AuditResult): string {
  const rows = [['item', 'kind', 'rule', 'severity', 'target', 'message', 'fixes', 'dataset', 'version', 'suppressed', 'justification']];
  for (const item of result.items) {
    for (const w of item.warnings) {
      rows.push([item.name, item.kind, w.rule, w.severity, targetText(w), w.message, w.fixes.map((f) => f.title).join('; '), w.source?.dataset ?? '', w.source?.version ?? '', w.suppressed ? 'yes' : 'no', w.suppressed?.justification ?? '']);
    }
    if (item.problem) rows.push([item.name, item.kind, '', 'error', '', item.problem, '', '', '', 'no', '']);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
