// Risk adjustment summary: the CMS-HCC model and payment year this claim's diagnoses count for,
// the payment HCCs left after the hierarchies with their factors, and the raw score this claim
// alone gives the patient (or why it gives none). Hidden when no CMS-HCC tables are imported.
import { h } from '../dom';
import type { PanelContext } from '../context';

export function riskSection(ctx: PanelContext): HTMLElement {
  const r = ctx.risk;
  if (!r) return h('section', { hidden: true, 'data-section': 'risk' });
  return h('section', { 'aria-labelledby': 'h-risk', class: 'card', 'data-section': 'risk' },
    h('h2', { id: 'h-risk' }, `Risk adjustment (CMS-HCC ${r.model}, payment year ${r.year})`),
    r.reason ? h('p', { class: 'empty', 'data-risk': 'reason' }, `No score from this claim: ${r.reason}.`) : null,
    r.payment.length === 0 && !r.reason ? h('p', { class: 'empty' }, 'No diagnosis on this claim maps to a payment HCC.') : null,
    r.payment.length > 0 ? h('ul', { class: 'risk-hccs' }, r.payment.map((p) => h('li', { 'data-hcc': p.category }, `${p.category} ${p.label}: ${p.factor.toFixed(3)}`))) : null,
    r.dropped.length > 0 ? h('p', { class: 'risk-dropped' }, `Dropped by the hierarchies: ${r.dropped.map((d) => `${d.category} (by ${d.by})`).join(', ')}.`) : null,
    r.raw !== null ? h('p', { 'data-risk': 'raw' }, `Segment ${r.segment ?? ''}; raw score from this claim alone: ${r.raw.toFixed(3)} (the patient's score comes from all of the year's claims: medcode hcc).`) : null,
  );
}
