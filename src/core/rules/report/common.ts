// What every audit report shows: rules ordered by count, findings per item, notices (info and
// rule.unchecked) grouped once per rule, per-claim totals with the charges at risk, and the rule
// text itself (so a report needs no link into the checkout).
import type { AuditItemResult, AuditResult } from '../audit';
import { RULE_BY_ID } from '../catalog';
import type { RuleId, RuleWarning, Severity } from '../types';

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
  return 'note';
}

export function itemCounts(result: AuditResult): { name: string; error: number; warning: number; info: number; total: number }[] {
  return result.items.map((i) => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const w of i.warnings) if (!w.suppressed) c[w.severity]++;
    return { name: i.name, ...c, total: c.error + c.warning + c.info };
  });
}

/** Info-level notices and checks that could not run: listed once per rule, not under every file. */
export function isNotice(w: RuleWarning): boolean {
  return w.rule === 'rule.unchecked' || w.severity === 'info';
}

/** The findings an item lists itself (notices are grouped per rule). */
export function findingsOf(item: AuditItemResult): RuleWarning[] {
  return item.warnings.filter((w) => !isNotice(w) || w.suppressed);
}

export interface NoticeGroup {
  rule: RuleId;
  severity: Severity;
  count: number;
  /** Each distinct message with the files it was found in. */
  messages: { message: string; items: string[] }[];
}

export function noticeGroups(result: AuditResult): NoticeGroup[] {
  const byRule = new Map<RuleId, NoticeGroup>();
  for (const item of result.items) {
    for (const w of item.warnings) {
      if (!isNotice(w) || w.suppressed) continue;
      let g = byRule.get(w.rule);
      if (!g) byRule.set(w.rule, (g = { rule: w.rule, severity: w.severity, count: 0, messages: [] }));
      g.count++;
      let m = g.messages.find((x) => x.message === w.message);
      if (!m) g.messages.push((m = { message: w.message, items: [] }));
      if (!m.items.includes(item.name)) m.items.push(item.name);
    }
  }
  return [...byRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

export interface ClaimTotalsRow { name: string; totalCharge: number; chargesAtRisk: number; errors: number; warnings: number }

export function claimTotals(result: AuditResult): { rows: ClaimTotalsRow[]; total: ClaimTotalsRow } {
  const rows = result.items.filter((i) => i.kind === 'claim' && i.totalCharge !== undefined).map((i) => {
    const open = i.warnings.filter((w) => !w.suppressed);
    return {
      name: i.name, totalCharge: i.totalCharge ?? 0, chargesAtRisk: i.chargesAtRisk ?? 0,
      errors: open.filter((w) => w.severity === 'error').length, warnings: open.filter((w) => w.severity === 'warning' && w.rule !== 'rule.unchecked').length,
    };
  });
  const sum = (k: 'totalCharge' | 'chargesAtRisk' | 'errors' | 'warnings') => rows.reduce((s, r) => s + r[k], 0);
  return { rows, total: { name: 'All claims', totalCharge: sum('totalCharge'), chargesAtRisk: sum('chargesAtRisk'), errors: sum('errors'), warnings: sum('warnings') } };
}

export const money = (n: number): string => `$${n.toFixed(2)}`;

/** The rules a report mentions, with their own description (the report carries the rule text). */
export function rulesUsed(result: AuditResult): { id: string; severity: string; summary: string }[] {
  const ids = [...new Set(result.items.flatMap((i) => i.warnings.map((w) => w.rule)))].sort();
  return ids.map((id) => {
    const d = RULE_BY_ID.get(id);
    return { id, severity: d?.severity ?? '', summary: d?.summary ?? '' };
  });
}

export function codeSetsLine(result: AuditResult): string {
  return result.codeSets.length ? result.codeSets.map((c) => `${c.system} ${c.version}`).join(', ') : 'none loaded';
}
