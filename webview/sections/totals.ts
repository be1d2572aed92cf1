// Totals: the sum of the line charges, and the claim's total when the file states one.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { field } from '../field';

export function totalsSection(ctx: PanelContext): HTMLElement {
  const sum = ctx.claim.lines.reduce((s, l) => s + (Number.isFinite(l.charge) ? l.charge : 0), 0);
  const units = ctx.claim.lines.reduce((s, l) => s + (Number.isFinite(l.units) ? l.units : 0), 0);
  return h('section', { 'aria-labelledby': 'h-totals', class: 'card' },
    h('h2', { id: 'h-totals' }, 'Totals'),
    h('dl', { class: 'totals' },
      h('dt', {}, 'Lines'), h('dd', { 'data-total': 'lines' }, String(ctx.claim.lines.length)),
      h('dt', {}, 'Units'), h('dd', { 'data-total': 'units' }, String(units)),
      h('dt', {}, 'Sum of line charges'), h('dd', { 'data-total': 'sum' }, sum.toFixed(2)),
    ),
    field(ctx, {
      path: 'totalCharge', label: 'Total charge (leave empty to use the sum)', value: ctx.claim.totalCharge?.toFixed(2), type: 'number', width: 'short',
      convert: (t) => (Number.isFinite(Number(t)) && Number(t) >= 0 ? { value: Number(t) } : 'The total must be a number of zero or more.'),
    }),
  );
}
