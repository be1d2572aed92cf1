// The audit as one self-contained HTML page: inline CSS and inline SVG bar charts (warnings by
// rule, by item), the rule text itself, no scripts, no links out, no external assets. Of the note
// it shows only the evidence words each code rests on.
import type { AuditCode, AuditItemResult, AuditResult } from '../audit';
import { claimTotals, codeSetsLine, findingsOf, itemCounts, money, noticeGroups, ruleRows, rulesUsed, targetText } from './common';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COLORS = { error: '#c62828', warning: '#ef8f00', info: '#1e6fb8' } as const;

/** Horizontal stacked bars (error, warning, info) with labels; height grows with the rows. */
export function barChart(title: string, rows: { label: string; error: number; warning: number; info: number }[], maxRows = 40): string {
  const shown = rows.slice(0, maxRows);
  const labelW = 260;
  const barW = 420;
  const rowH = 20;
  const max = Math.max(1, ...shown.map((r) => r.error + r.warning + r.info));
  const h = shown.length * rowH + 40;
  const bars = shown
    .map((r, i) => {
      const y = 30 + i * rowH;
      let x = labelW;
      const parts = (['error', 'warning', 'info'] as const)
        .filter((k) => r[k] > 0)
        .map((k) => {
          const w = (r[k] / max) * barW;
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(1, w).toFixed(1)}" height="${rowH - 6}" fill="${COLORS[k]}"><title>${esc(r.label)}: ${r[k]} ${k}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      const total = r.error + r.warning + r.info;
      return `<text x="${labelW - 6}" y="${y + 11}" text-anchor="end">${esc(r.label.length > 40 ? `${r.label.slice(0, 39)}…` : r.label)}</text>${parts}<text x="${(x + 4).toFixed(1)}" y="${y + 11}">${total}</text>`;
    })
    .join('');
  const more = rows.length > maxRows ? `<p class="muted">${rows.length - maxRows} more not shown.</p>` : '';
  return `<figure><svg role="img" aria-label="${esc(title)}" width="${labelW + barW + 60}" height="${h}" viewBox="0 0 ${labelW + barW + 60} ${h}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12"><text x="0" y="16" font-weight="bold">${esc(title)}</text>${bars}</svg><figcaption>${esc(title)}</figcaption></figure>${more}`;
}

const anchor = (rule: string): string => `rule-${rule.replace(/\./g, '-')}`;
const ruleLink = (rule: string): string => `<a href="#${anchor(rule)}">${esc(rule)}</a>`;
const wordsCell = (c: AuditCode): string => (c.words.length ? c.words.map((w) => `<q>${esc(w)}</q>`).join(', ') : '<span class="muted">none recorded</span>');

function codeTables(item: AuditItemResult): string {
  const out: string[] = [];
  if (item.suggested?.length) {
    const rows = item.suggested.map((c) => `<tr><td><code>${esc(c.code)}</code></td><td>${esc(c.title ?? '')}</td><td>${wordsCell(c)}</td><td>${esc(c.reason ?? '')}</td><td>${c.units ?? ''}</td></tr>`).join('');
    out.push(`<h4>Suggested codes</h4><table><thead><tr><th>code</th><th>description</th><th>evidence words</th><th>reason</th><th>units</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  if (item.billed?.length) {
    const rows = item.billed.map((c) => `<tr class="${c.status === 'rejected' ? 'suppressed' : ''}"><td><code>${esc(c.code)}</code></td><td>${esc(c.title ?? '')}</td><td>${esc(c.status ?? 'accepted')}</td><td>${wordsCell(c)}</td><td>${c.units ?? ''}</td><td>${c.charge !== undefined ? money(c.charge) : ''}</td></tr>`).join('');
    out.push(`<h4>Billed codes</h4><table><thead><tr><th>code</th><th>description</th><th>status</th><th>evidence words</th><th>units</th><th>charge</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  return out.join('');
}

export function auditHtml(result: AuditResult, options: { title?: string; generatedAt?: string; database?: string } = {}): string {
  const title = options.title ?? 'MedCode audit';
  const rules = ruleRows(result);
  const items = itemCounts(result).filter((i) => i.total > 0).sort((a, b) => b.total - a.total);
  const ruleTable = rules.map((r) => `<tr><td>${ruleLink(r.rule)}</td><td>${r.error}</td><td>${r.warning}</td><td>${r.info}</td><td>${r.total}</td></tr>`).join('');
  const totals = claimTotals(result);
  const totalsTable = totals.rows.length
    ? `<h2>Claims: totals and charges at risk</h2><table><thead><tr><th>claim</th><th>total charge</th><th>charges at risk</th><th>errors</th><th>warnings</th></tr></thead><tbody>${
      [...totals.rows, totals.total].map((r, i) => `<tr${i === totals.rows.length ? ' class="total"' : ''}><td>${esc(r.name)}</td><td>${money(r.totalCharge)}</td><td>${money(r.chargesAtRisk)}</td><td>${r.errors}</td><td>${r.warnings}</td></tr>`).join('')
    }</tbody></table><p class="muted">Charges at risk: lines an open error or warning targets, or that point at a diagnosis one targets; an error on the whole claim puts every line at risk.</p>`
    : '';
  const hccTable = result.hccsByPatient.length
    ? `<h2>Risk adjustment: HCCs per patient</h2><table><thead><tr><th>patient</th><th>HCC</th><th>label</th><th>codes</th><th>supported by the note</th><th>claims</th></tr></thead><tbody>${
      result.hccsByPatient.flatMap((p) => p.hccs.map((h) => `<tr><td>${esc(p.patient)}</td><td>${esc(h.category)} (${esc(h.model)})</td><td>${esc(h.label)}</td><td>${h.codes.map(esc).join(', ')}</td><td>${h.supported === null ? 'not checked (no note)' : h.supported ? 'yes' : '<strong>no</strong>'}</td><td>${h.claims.map(esc).join(', ')}</td></tr>`)).join('')
    }</tbody></table>`
    : '';
  const notices = noticeGroups(result);
  const noticeSection = notices.length
    ? `<h2>Notices</h2><p class="muted">Information notices and checks that could not run, once per rule with the files they concern.</p>${notices.map((g) =>
      `<section class="notice"><h3>${ruleLink(g.rule)} <span class="muted">${g.severity}, ${g.count}</span></h3><ul>${g.messages.map((m) => `<li>${esc(m.message)} <span class="muted">(${m.items.map(esc).join(', ')})</span></li>`).join('')}</ul></section>`).join('')}`
    : '';
  const details = result.items
    .map((item) => {
      const rows = findingsOf(item)
        .map((w) => `<tr class="${w.suppressed ? 'suppressed' : w.severity}"><td>${w.severity}${w.suppressed ? ' (suppressed)' : ''}</td><td>${ruleLink(w.rule)}</td><td>${esc(targetText(w))}</td><td>${esc(w.message)}${w.suppressed ? `<br><em>Justification: ${esc(w.suppressed.justification)}</em>` : ''}</td><td>${w.fixes.length ? `<ul class="fixes">${w.fixes.map((f) => `<li>${esc(f.title)}</li>`).join('')}</ul>` : ''}</td><td>${esc([w.source?.dataset, w.source?.version].filter(Boolean).join(' '))}</td></tr>`)
        .join('');
      const problem = item.problem ? `<p class="error">${esc(item.problem)}</p>` : '';
      return `<section><h3>${esc(item.name)} <span class="muted">${item.kind}${item.noteName ? `, note ${esc(item.noteName)}` : ''}</span></h3>${problem}${codeTables(item)}<h4>Findings</h4>${rows ? `<table><thead><tr><th>severity</th><th>rule</th><th>target</th><th>message</th><th>fixes</th><th>data</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="muted">No findings.</p>'}</section>`;
    })
    .join('');
  const ruleText = rulesUsed(result).map((r) => `<dt id="${anchor(r.id)}"><code>${esc(r.id)}</code> <span class="muted">default ${esc(r.severity)}</span></dt><dd>${esc(r.summary)}</dd>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:1100px}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
th{background:#f3f3f3}.muted{color:#666;font-weight:normal;font-size:.9em}.error td:first-child{color:${COLORS.error}}.warning td:first-child{color:${COLORS.warning}}
.info td:first-child{color:${COLORS.info}}.suppressed{color:#777}p.error{color:${COLORS.error}}figure{margin:1rem 0}figcaption{display:none}
tr.total td{font-weight:bold}ul.fixes{margin:0;padding-left:1.1em}dl dt{margin-top:.5em}q{background:#fff6cc}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
</style></head><body>
<h1>${esc(title)}</h1>
<table class="header"><tbody>
<tr><th>Generated</th><td>${esc(options.generatedAt ?? result.today)}</td></tr>
<tr><th>Code sets</th><td>${esc(codeSetsLine(result))}</td></tr>
${options.database ? `<tr><th>Database</th><td>${esc(options.database)}</td></tr>` : ''}
<tr><th>Checked</th><td>${result.items.length} items: <strong>${result.bySeverity.error}</strong> errors, <strong>${result.bySeverity.warning}</strong> warnings, <strong>${result.bySeverity.info}</strong> info, ${result.suppressed} suppressed</td></tr>
</tbody></table>
${totalsTable}
${hccTable}
<p class="legend"><span style="background:${COLORS.error}"></span>error<span style="background:${COLORS.warning}"></span>warning<span style="background:${COLORS.info}"></span>info</p>
<h2>Warnings by rule</h2>
${rules.length ? barChart('Warnings by rule', rules.map((r) => ({ label: r.rule, ...r }))) : '<p class="muted">No warnings.</p>'}
<table><thead><tr><th>rule</th><th>error</th><th>warning</th><th>info</th><th>total</th></tr></thead><tbody>${ruleTable}</tbody></table>
<h2>Warnings by note or claim</h2>
${items.length ? barChart('Warnings by note or claim', items.map((i) => ({ label: i.name, ...i }))) : '<p class="muted">No warnings.</p>'}
${noticeSection}
<h2>Notes and claims</h2>
${details}
<h2>Rules</h2>
<dl>${ruleText}</dl>
</body></html>
`;
}
