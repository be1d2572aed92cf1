// What every audit report shows: rules ordered by count, one row per finding.
import type { AuditResult } from '../audit';
import type { RuleWarning } from '../types';

export function ruleRows(result: AuditResult): { rule: string; error: number; warning: number; info: number; total: number }[] {
  return Object.entries(result.byRule)
    .map(([rule, c]) => ({ rule, ...c!, total: c!.error + c!.warning + c!.info }))
    .sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule));
}

export function targetText(w: RuleWarning): string {
  const t = w.target;
  if (t.kind === 'diagnosis') return `diagnosis ${t.index + 1}`;
  if (t.kind === 'line') return `line ${t.index + 1}`;
  if (t.kind === 'claim') return t.field ?? 'claim';
  return `note ${t.span.start}-${t.span.end}`;
}

export function itemCounts(result: AuditResult): { name: string; error: number; warning: number; info: number; total: number }[] {
  return result.items.map((i) => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const w of i.warnings) if (!w.suppressed) c[w.severity]++;
    return { name: i.name, ...c, total: c.error + c.warning + c.info };
  });
}
