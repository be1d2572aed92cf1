// Payer: name and payer id.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { field } from '../field';

export function payerSection(ctx: PanelContext): HTMLElement {
  const p = ctx.claim.payer ?? {};
  return h('section', { 'aria-labelledby': 'h-payer', class: 'card' },
    h('h2', { id: 'h-payer' }, 'Payer'),
    h('div', { class: 'grid' },
      field(ctx, { path: 'payer.name', label: 'Payer name', value: p.name, width: 'long' }),
      field(ctx, { path: 'payer.id', label: 'Payer id', value: p.id }),
    ),
  );
}
