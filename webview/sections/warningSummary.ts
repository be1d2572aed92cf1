// Every warning in one list (errors first), with fixes, Suppress and Go to field; suppressed
// ones below with their justification.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { warningItem } from '../warningItem';

const RANK = { error: 0, warning: 1, info: 2 } as const;
/** Warnings listed before the rest is folded (errors come first, so they are never folded away unless there are this many). */
const SHOWN = 20;

export function warningSummary(ctx: PanelContext, rulesRan: boolean): HTMLElement {
  const open = ctx.warnings.filter((x) => !x.warning.suppressed).sort((a, b) => RANK[a.warning.severity] - RANK[b.warning.severity] || a.index - b.index);
  const suppressed = ctx.warnings.filter((x) => x.warning.suppressed);
  const errors = open.filter((x) => x.warning.severity === 'error').length;
  return h('section', { 'aria-labelledby': 'h-warnings', class: 'card warnings-card' },
    h('h2', { id: 'h-warnings' }, 'Checks'),
    h('p', { class: 'warning-counts', role: 'status', 'data-errors': errors, 'data-open': open.length },
      !rulesRan ? 'No code sets are loaded, so the rules did not run. Import or download code sets.'
        : open.length === 0 ? 'No open warnings.' : `${errors} error(s), ${open.length - errors} other warning(s).`),
    open.length ? h('ul', { class: 'summary-list' }, open.slice(0, SHOWN).map((x) => warningItem(x, ctx, { summary: true }))) : null,
    // A long list (dozens of NCCI pairs) is folded after the first ones; every warning also
    // stands next to its field or line.
    open.length > SHOWN ? h('details', { class: 'more-warnings' },
      h('summary', {}, `${open.length - SHOWN} more`),
      h('ul', { class: 'summary-list' }, open.slice(SHOWN).map((x) => warningItem(x, ctx, { summary: true })))) : null,
    suppressed.length ? h('details', { class: 'suppressed-list' },
      h('summary', {}, `Suppressed (${suppressed.length})`),
      h('ul', {}, suppressed.map((x) => warningItem(x, ctx, { summary: true })))) : null,
  );
}
