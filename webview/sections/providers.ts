// Billing provider (with its address and contact phone), rendering and referring provider, each with a live NPI check (10 digits, Luhn check digit over
// the 80840 prefix) while typing, before any round trip.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { field } from '../field';
import { warningsForField } from '../context';
import { inlineWarnings } from '../warningItem';
import { isValidNpi } from '../../src/core/rules/families/npi';

export function npiProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^\d+$/.test(t)) return 'An NPI has digits only.';
  if (t.length !== 10) return `An NPI has 10 digits (${t.length} so far).`;
  return isValidNpi(t) ? undefined : 'The check digit does not match: a digit is mistyped.';
}

function provider(ctx: PanelContext, key: 'billingProvider' | 'renderingProvider' | 'referringProvider', title: string): HTMLElement {
  const p = ctx.claim[key] ?? {};
  return h('div', { class: 'provider', role: 'group', 'aria-labelledby': `h-${key}` },
    h('h3', { id: `h-${key}` }, title),
    h('div', { class: 'grid' },
      field(ctx, { path: `${key}.name`, label: `${title} name`, value: p.name, width: 'long' }),
      field(ctx, { path: `${key}.npi`, label: `${title} NPI`, value: p.npi, liveCheck: npiProblem, placeholder: '10 digits', width: 'short' }),
      key === 'billingProvider' ? field(ctx, { path: `${key}.taxId`, label: 'Tax id (EIN)', value: p.taxId, width: 'short' }) : null,
      key === 'billingProvider' ? field(ctx, { path: `${key}.phone`, label: 'Billing phone (837P contact)', value: p.phone, placeholder: '10 digits', width: 'short' }) : null,
      key === 'billingProvider' ? field(ctx, { path: `${key}.contactName`, label: 'Billing contact', value: p.contactName }) : null,
    ),
    key === 'billingProvider' ? billingAddress(ctx, p.address ?? {}) : null,
  );
}

/** The 837P needs the billing provider's street address (loop 2010AA N3/N4). */
function billingAddress(ctx: PanelContext, a: { line1?: string; city?: string; state?: string; postalCode?: string }): HTMLElement {
  return h('div', {}, h('div', { class: 'grid', role: 'group', 'aria-label': 'Billing provider address', 'data-field': 'billingProvider.address' },
    field(ctx, { path: 'billingProvider.address.line1', label: 'Street', value: a.line1, width: 'long' }),
    field(ctx, { path: 'billingProvider.address.city', label: 'City', value: a.city }),
    field(ctx, { path: 'billingProvider.address.state', label: 'State', value: a.state, width: 'short', placeholder: 'e.g. IL' }),
    field(ctx, { path: 'billingProvider.address.postalCode', label: 'ZIP code', value: a.postalCode, width: 'short' }),
  ), inlineWarnings(warningsForField(ctx, 'billingProvider.address'), ctx));
}

export function providersSection(ctx: PanelContext): HTMLElement {
  return h('section', { 'aria-labelledby': 'h-providers', class: 'card' },
    h('h2', { id: 'h-providers' }, 'Providers'),
    provider(ctx, 'billingProvider', 'Billing provider'),
    provider(ctx, 'renderingProvider', 'Rendering provider'),
    provider(ctx, 'referringProvider', 'Referring provider'),
  );
}
