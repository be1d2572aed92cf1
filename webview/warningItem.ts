// One rule warning: severity, message, its fixes as buttons, and Suppress (which asks why).
// Used next to the field it concerns and in the summary. A claim can carry a hundred warnings,
// so their buttons are plain buttons drawn like secondary vscode-buttons (see panel.css).
import { h } from './dom';
import type { IndexedWarning, PanelContext } from './context';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function warningItem(x: IndexedWarning, ctx: PanelContext, options: { summary?: boolean } = {}): HTMLElement {
  const w = x.warning;
  const suppressed = w.suppressed !== undefined;
  return h('li', { class: `warning sev-${w.severity}${suppressed ? ' suppressed' : ''}`, 'data-rule': w.rule, 'data-warning-index': x.index },
    h('span', { class: 'sev', 'aria-label': SEVERITY_LABEL[w.severity] }, SEVERITY_LABEL[w.severity]),
    ' ',
    h('span', { class: 'message' }, w.message),
    h('span', { class: 'rule' }, ` (${w.rule})`),
    suppressed ? h('div', { class: 'justification' }, `Suppressed: ${w.suppressed!.justification}`) : null,
    !suppressed && !ctx.readonly ? h('span', { class: 'warning-actions' },
      w.fixes.map((f, i) => h('button', {
        type: 'button', class: 'cell-button', 'data-key': `fix-${x.index}-${i}-${options.summary ? 's' : 'i'}`,
        'on:click': () => ctx.actions.applyFix(x.index, i),
      }, f.title)),
      h('button', {
        type: 'button', class: 'cell-button', 'data-key': `suppress-${x.index}-${options.summary ? 's' : 'i'}`, 'aria-label': `Suppress ${w.rule}`,
        'on:click': () => ctx.actions.suppress(x),
      }, 'Suppress…'),
      options.summary && w.target.kind !== 'note' ? h('button', {
        type: 'button', class: 'cell-button', 'data-key': `goto-${x.index}`, 'on:click': () => ctx.actions.focusTarget(w),
      }, 'Go to field') : null,
    ) : null,
  );
}

/** The warnings under a field or row (nothing when there are none). */
export function inlineWarnings(list: IndexedWarning[], ctx: PanelContext, id?: string): HTMLElement | null {
  if (list.length === 0) return null;
  return h('ul', { class: 'inline-warnings', ...(id ? { id } : {}) }, list.map((x) => warningItem(x, ctx)));
}
