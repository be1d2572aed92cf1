// A labelled field bound to a claim member: commits on change (Enter or leaving the field), shows
// the warnings on that member below it and marks itself invalid while an error stands.
import { isIsoDate } from '../src/core/codes';
import { h, uid } from './dom';
import type { PanelContext } from './context';
import { warningsForField } from './context';
import { inlineWarnings } from './warningItem';

export interface FieldSpec {
  /** Dotted claim path, e.g. `patient.name.family`. */
  path: string;
  label: string;
  value: string | undefined;
  type?: 'text' | 'number';
  placeholder?: string;
  /** Turns the typed text into the stored value; a string result is an error message shown instead of saving. */
  convert?: (text: string) => { value: unknown } | string;
  /** Live check while typing (no round trip): a message, or undefined when fine. */
  liveCheck?: (text: string) => string | undefined;
  width?: 'short' | 'medium' | 'long';
}

/**
 * Where a field's value came from: the practice profile or the patient's record while it still
 * holds the value filled in (`claim.filledFrom`), else "typed" once it has a value.
 */
export function sourceOf(ctx: PanelContext, path: string, value: string | undefined): 'practice' | 'patient' | 'typed' | undefined {
  if (value === undefined || value === '') return undefined;
  const filled = ctx.claim.filledFrom?.[path];
  return filled !== undefined && String(filled.value) === value ? filled.from : 'typed';
}

const SOURCE_TITLES = { practice: 'Filled from the practice profile (.medcode/practice.json)', patient: "Filled from the patient's record (.medcode/patients.json)", typed: 'Typed on this claim' } as const;

function sourceBadge(ctx: PanelContext, path: string, value: string | undefined): HTMLElement | null {
  const source = sourceOf(ctx, path, value);
  return source === undefined ? null : h('span', { class: `source source-${source}`, 'data-source': source, title: SOURCE_TITLES[source] }, source);
}

export function field(ctx: PanelContext, spec: FieldSpec): HTMLElement {
  const id = uid('f');
  const helpId = `${id}-help`;
  const warnings = warningsForField(ctx, spec.path);
  const help = h('div', { class: 'field-help', id: helpId, role: 'status' });
  const input = h('vscode-textfield', {
    id, 'data-key': `field:${spec.path}`, 'data-field': spec.path, class: `w-${spec.width ?? 'medium'}`,
    '.label': spec.label, '.value': spec.value ?? '', type: spec.type === 'number' ? 'number' : 'text',
    placeholder: spec.placeholder, 'aria-describedby': helpId, readonly: ctx.readonly,
    invalid: warnings.some((x) => x.warning.severity === 'error' && !x.warning.suppressed),
  });
  const showHelp = (msg: string | undefined) => {
    help.textContent = msg ?? '';
    input.toggleAttribute('invalid', msg !== undefined || warnings.some((x) => x.warning.severity === 'error' && !x.warning.suppressed));
  };
  if (spec.liveCheck) {
    input.addEventListener('input', () => showHelp(spec.liveCheck!((input as unknown as { value: string }).value)));
  }
  input.addEventListener('change', () => {
    const text = (input as unknown as { value: string }).value.trim();
    if ((spec.value ?? '') === text) return;
    if (text === '') {
      ctx.actions.edit(`clear ${spec.label}`, [{ op: 'clearField', path: spec.path }]);
      return;
    }
    const converted = spec.convert ? spec.convert(text) : { value: text };
    if (typeof converted === 'string') {
      showHelp(converted);
      return;
    }
    ctx.actions.edit(`set ${spec.label}`, [{ op: 'setField', path: spec.path, value: converted.value }]);
  });
  if (spec.liveCheck && spec.value) queueMicrotask(() => showHelp(spec.liveCheck!(spec.value!)));
  return h('div', { class: 'field' },
    h('vscode-label', { for: id }, spec.label, sourceBadge(ctx, spec.path, spec.value)),
    input,
    help,
    inlineWarnings(warnings, ctx),
  );
}

export interface SelectSpec {
  path: string;
  label: string;
  value: string | undefined;
  options: ReadonlyArray<readonly [value: string, label: string]>;
}

export function select(ctx: PanelContext, spec: SelectSpec): HTMLElement {
  const id = uid('s');
  const warnings = warningsForField(ctx, spec.path);
  const known = spec.options.some(([v]) => v === (spec.value ?? ''));
  // A value the list does not know (hand-written file) is kept and shown, not silently replaced.
  const options: (readonly [string, string])[] = [['', '(not set)'], ...spec.options, ...(!known && spec.value ? [[spec.value, `${spec.value} (as written)`] as [string, string]] : [])];
  const el = h('vscode-single-select', {
    id, 'data-key': `field:${spec.path}`, 'data-field': spec.path, '.label': spec.label, disabled: ctx.readonly,
    invalid: warnings.some((x) => x.warning.severity === 'error' && !x.warning.suppressed),
  }, options.map(([v, l]) => h('vscode-option', { value: v, selected: v === (spec.value ?? '') }, l)));
  el.addEventListener('change', () => {
    const v = (el as unknown as { value: string }).value;
    if (v === (spec.value ?? '')) return;
    ctx.actions.edit(`set ${spec.label}`, v === '' ? [{ op: 'clearField', path: spec.path }] : [{ op: 'setField', path: spec.path, value: v }]);
  });
  return h('div', { class: 'field' }, h('vscode-label', { for: id }, spec.label, sourceBadge(ctx, spec.path, spec.value)), el, inlineWarnings(warnings, ctx));
}

export const asNumber = (what: string) => (text: string): { value: unknown } | string => {
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? { value: n } : `${what} must be a number of zero or more.`;
};

export const asDate = (text: string): { value: unknown } | string =>
  isIsoDate(text) ? { value: text } : 'Write the date as YYYY-MM-DD.';
