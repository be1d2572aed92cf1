// The remittance section of the audit report: billed against paid over the claims a payer has
// answered, and how often each denial reason (and the MedCode rule behind it) came back.
import type { Claim } from '../claim/schema';
import { carcInfo, isExpectedAdjustment } from './carc';
import { claimStanding } from './history';
import { claimTotal } from './match';

export interface RemittanceSummary {
  /** Claims with at least one 835 since their last export. */
  remitted: number;
  billed: number;
  paid: number;
  patientResponsibility: number;
  byStatus: Record<string, number>;
  /** Denial reason (group-CARC) -> claims carrying it, and their share of the remitted claims. */
  byReason: Array<{ reason: string; claims: number; rate: number; rule?: string }>;
  byRule: Array<{ rule: string; claims: number; rate: number }>;
}

const cents = (n: number) => Math.round(n * 100) / 100;

export function remittanceSummary(claims: readonly Claim[]): RemittanceSummary {
  const out: RemittanceSummary = { remitted: 0, billed: 0, paid: 0, patientResponsibility: 0, byStatus: {}, byReason: [], byRule: [] };
  const reasons = new Map<string, number>();
  const rules = new Map<string, number>();
  for (const claim of claims) {
    const s = claimStanding(claim);
    if (!s.remittance) continue;
    out.remitted++;
    out.billed = cents(out.billed + claimTotal(claim));
    out.paid = cents(out.paid + s.paid);
    out.patientResponsibility = cents(out.patientResponsibility + s.patientResponsibility);
    out.byStatus[s.standing] = (out.byStatus[s.standing] ?? 0) + 1;
    const r = s.remittance;
    const seenReasons = new Set<string>();
    const seenRules = new Set<string>();
    for (const a of [...r.adjustments, ...r.lines.flatMap((l) => l.adjustments)]) {
      if (isExpectedAdjustment(a.group, a.reason)) continue;
      seenReasons.add(`${a.group}-${a.reason}`);
      const rule = carcInfo(a.reason)?.rule;
      if (rule) seenRules.add(rule);
    }
    for (const k of seenReasons) reasons.set(k, (reasons.get(k) ?? 0) + 1);
    for (const k of seenRules) rules.set(k, (rules.get(k) ?? 0) + 1);
  }
  const rate = (n: number) => (out.remitted === 0 ? 0 : Math.round((n / out.remitted) * 1000) / 1000);
  out.byReason = [...reasons].map(([reason, n]) => {
    const rule = carcInfo(reason.split('-')[1] ?? '')?.rule;
    return { reason, claims: n, rate: rate(n), ...(rule ? { rule } : {}) };
  }).sort((a, b) => b.claims - a.claims || a.reason.localeCompare(b.reason));
  out.byRule = [...rules].map(([rule, n]) => ({ rule, claims: n, rate: rate(n) })).sort((a, b) => b.claims - a.claims || a.rule.localeCompare(b.rule));
  return out;
}

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function remittanceMarkdown(s: RemittanceSummary): string {
  if (s.remitted === 0) return '\n## Remittances\n\nNo claim in the folder has a remittance (835) recorded; run `medcode remit` on the payer\'s files.\n';
  const lines = [
    '', '## Remittances', '',
    `${s.remitted} claim(s) with a remittance: billed ${s.billed.toFixed(2)}, paid ${s.paid.toFixed(2)} (${pct(s.billed === 0 ? 0 : s.paid / s.billed)}), patient responsibility ${s.patientResponsibility.toFixed(2)}.`,
    '', `Status: ${Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '',
    '| denial reason | claims | rate | MedCode rule |', '|---|---:|---:|---|',
    ...s.byReason.map((r) => `| ${r.reason} | ${r.claims} | ${pct(r.rate)} | ${r.rule ?? ''} |`),
    '', '| MedCode rule that would have caught it | claims | rate |', '|---|---:|---:|',
    ...s.byRule.map((r) => `| ${r.rule} | ${r.claims} | ${pct(r.rate)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function remittanceHtml(s: RemittanceSummary): string {
  if (s.remitted === 0) return '<section id="remittances"><h2>Remittances</h2><p>No claim in the folder has a remittance (835) recorded.</p></section>\n';
  const rows = (cells: string[][]) => cells.map((c) => `<tr>${c.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('\n');
  return [
    '<section id="remittances"><h2>Remittances</h2>',
    `<p>${s.remitted} claim(s) with a remittance: billed ${s.billed.toFixed(2)}, paid ${s.paid.toFixed(2)} (${pct(s.billed === 0 ? 0 : s.paid / s.billed)}), patient responsibility ${s.patientResponsibility.toFixed(2)}.</p>`,
    `<p>Status: ${esc(Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(', '))}.</p>`,
    '<table><thead><tr><th>Denial reason</th><th>Claims</th><th>Rate</th><th>MedCode rule</th></tr></thead><tbody>',
    rows(s.byReason.map((r) => [r.reason, String(r.claims), pct(r.rate), r.rule ?? ''])),
    '</tbody></table>',
    '<table><thead><tr><th>MedCode rule that would have caught it</th><th>Claims</th><th>Rate</th></tr></thead><tbody>',
    rows(s.byRule.map((r) => [r.rule, String(r.claims), pct(r.rate)])),
    '</tbody></table></section>',
    '',
  ].join('\n');
}
