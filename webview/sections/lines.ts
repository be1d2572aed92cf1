// Service lines: CPT/HCPCS code, up to 4 modifiers, units, charge and 1-4 diagnosis pointers
// (1-based, as on the claim form). New lines come from the inline code search.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { warningsFor, warningsForField } from '../context';
import { inlineWarnings } from '../warningItem';
import { codeSearch } from '../codeSearch';
import type { PanelEdit } from '../../src/core/protocol';
import type { ServiceLine } from '../../src/core/claim/schema';

export const MAX_MODIFIERS = 4;
export const MAX_POINTERS = 4;

/** "1, 3" -> [1, 3]; an error sentence when the text is not 1-4 diagnosis numbers. */
export function parsePointers(text: string, diagnosisCount: number): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return [];
  const nums = parts.map(Number);
  if (nums.some((n) => !Number.isInteger(n) || n < 1)) return 'Pointers are diagnosis numbers, e.g. 1, 2.';
  if (nums.length > MAX_POINTERS) return `A line points to at most ${MAX_POINTERS} diagnoses.`;
  const over = nums.find((n) => n > diagnosisCount);
  if (over !== undefined) return `There is no diagnosis ${over}; the claim lists ${diagnosisCount}.`;
  return [...new Set(nums)];
}

// The line grid holds up to ~450 fields: plain inputs styled with the theme's input colours keep
// a 50-line claim quick to draw (a web component per cell costs several times more).
function cellField(ctx: PanelContext, spec: { key: string; label: string; value: string; cls: string; placeholder?: string; commit: (text: string, show: (msg: string) => void) => void }): HTMLElement {
  const help = h('div', { class: 'field-help', role: 'status' });
  const input = h('input', {
    type: 'text', class: `cell-input ${spec.cls}`, 'aria-label': spec.label, value: spec.value, placeholder: spec.placeholder, 'data-key': spec.key, readonly: ctx.readonly,
    'on:change': () => {
      const text = input.value.trim();
      if (text === spec.value) return;
      help.textContent = '';
      input.removeAttribute('aria-invalid');
      spec.commit(text, (msg) => { help.textContent = msg; input.setAttribute('aria-invalid', 'true'); });
    },
    'on:keydown': (e: KeyboardEvent) => { if (e.key === 'Enter') input.dispatchEvent(new Event('change')); },
  });
  return h('td', {}, input, help);
}

function lineRow(ctx: PanelContext, l: ServiceLine, i: number): HTMLElement[] {
  const edit = (label: string, edits: PanelEdit[]) => ctx.actions.edit(`line ${i + 1}: ${label}`, edits);
  const setNumber = (field: 'units' | 'charge', what: string) => (text: string, show: (m: string) => void) => {
    const n = Number(text);
    if (text === '' || !Number.isFinite(n) || n < 0) return show(`${what} must be a number of zero or more.`);
    edit(`${field} ${n}`, [{ op: 'setLineField', line: i, field, value: n }]);
  };
  const mods = [...l.modifiers];
  const modifierCells = Array.from({ length: MAX_MODIFIERS }, (_, m) => cellField(ctx, {
    key: `line:${i}:mod:${m}`, label: `Line ${i + 1} modifier ${m + 1}`, value: mods[m] ?? '', cls: 'w-mod',
    commit: (text, show) => {
      if (text !== '' && !/^[A-Za-z0-9]{2}$/.test(text)) return show('A modifier has 2 letters or digits.');
      const next = [...mods];
      next[m] = text.toUpperCase();
      edit('modifiers', [{ op: 'setLineField', line: i, field: 'modifiers', value: next.filter((x) => x) }]);
    },
  }));
  const title = ctx.titles[l.code] ?? '';
  const warnings = warningsFor(ctx, 'line', i);
  const row = h('tr', { class: `line-row${l.status === 'rejected' ? ' rejected' : ''}`, 'data-line-index': i },
    h('th', { scope: 'row' }, String(i + 1)),
    cellField(ctx, {
      key: `line:${i}:code`, label: `Line ${i + 1} code`, value: l.code, cls: 'w-code',
      commit: (text, show) => (text === '' ? show('Every line needs a code; remove the line instead.') : edit(`code ${text}`, [{ op: 'setLineCode', line: i, code: text.toUpperCase() }])),
    }),
    h('td', { class: 'line-title' }, h('span', { class: 'system' }, l.system.toUpperCase()), ' ', title),
    ...modifierCells,
    cellField(ctx, { key: `line:${i}:units`, label: `Line ${i + 1} units`, value: String(l.units), cls: 'w-num', commit: setNumber('units', 'Units') }),
    cellField(ctx, { key: `line:${i}:charge`, label: `Line ${i + 1} charge${ctx.claim.filledFrom?.[`lines[${i}].charge`]?.value === l.charge ? ' (from the fee schedule)' : ''}`, value: l.charge.toFixed(2), cls: 'w-num', commit: setNumber('charge', 'Charge') }),
    cellField(ctx, {
      key: `line:${i}:pointers`, label: `Line ${i + 1} diagnosis pointers (1 to 4 diagnosis numbers)`, value: l.diagnosisPointers.join(', '), cls: 'w-ptr', placeholder: 'e.g. 1, 2',
      commit: (text, show) => {
        const p = parsePointers(text, ctx.claim.diagnoses.length);
        if (typeof p === 'string') return show(p);
        edit('pointers', [{ op: 'setPointers', line: i, pointers: p }]);
      },
    }),
    h('td', {}, h('button', {
      type: 'button', class: 'cell-button', disabled: ctx.readonly, 'data-key': `line:${i}:remove`, 'aria-label': `Remove line ${i + 1} (${l.code})`,
      'on:click': () => edit(`remove ${l.code}`, [{ op: 'removeLine', line: i }]),
    }, 'Remove')),
  );
  const rows = isDrugLine(l) ? [row, drugRow(ctx, l, i, edit)] : [row];
  if (warnings.length === 0) return rows;
  return [...rows, h('tr', { class: 'line-warnings' }, h('td', {}), h('td', { colspan: 11 }, inlineWarnings(warnings, ctx)))];
}

/** J-codes (drugs) and any line that already carries an NDC get the drug row (837P 2410). */
function isDrugLine(l: ServiceLine): boolean {
  return (l.system === 'hcpcs' && /^J/i.test(l.code)) || l.ndc !== undefined || l.ndcQuantity !== undefined || l.ndcUnit !== undefined;
}

export const NDC_UNITS = ['UN', 'ML', 'GR', 'F2', 'ME'] as const;

function drugRow(ctx: PanelContext, l: ServiceLine, i: number, edit: (label: string, edits: PanelEdit[]) => void): HTMLElement {
  const set = (field: 'ndc' | 'ndcQuantity' | 'ndcUnit', value: unknown) => edit(`${field} ${value ?? 'cleared'}`, [{ op: 'setLineField', line: i, field, value }]);
  return h('tr', { class: 'drug-row', 'data-line-index': i },
    h('td', {}),
    cellField(ctx, {
      key: `line:${i}:ndc`, label: `Line ${i + 1} NDC (11 digits, 5-4-2)`, value: l.ndc ?? '', cls: 'w-code', placeholder: 'NDC 5-4-2',
      commit: (text, show) => {
        if (text === '') return set('ndc', null);
        if (!/^(\d{11}|\d{5}-\d{4}-\d{2})$/.test(text)) return show('An NDC has 11 digits, written 5-4-2 (e.g. 00409-3795-01).');
        set('ndc', text);
      },
    }),
    h('td', { class: 'line-title' }, 'Drug given (NDC, quantity, unit)'),
    cellField(ctx, {
      key: `line:${i}:ndcQuantity`, label: `Line ${i + 1} drug quantity`, value: l.ndcQuantity?.toString() ?? '', cls: 'w-num', placeholder: 'qty',
      commit: (text, show) => {
        if (text === '') return set('ndcQuantity', null);
        const n = Number(text);
        if (!Number.isFinite(n) || n <= 0) return show('The drug quantity is a number above zero.');
        set('ndcQuantity', n);
      },
    }),
    cellField(ctx, {
      key: `line:${i}:ndcUnit`, label: `Line ${i + 1} drug unit (UN, ML, GR, F2, ME)`, value: l.ndcUnit ?? '', cls: 'w-mod', placeholder: 'unit',
      commit: (text, show) => {
        if (text === '') return set('ndcUnit', null);
        if (!(NDC_UNITS as readonly string[]).includes(text.toUpperCase())) return show('The unit is UN, ML, GR, F2 or ME.');
        set('ndcUnit', text.toUpperCase());
      },
    }),
  );
}

// Rows drawn last time, by everything they show and their handlers use: an edit to one line
// redraws that line only (a 50-line claim stays quick to round-trip).
let drawn = new Map<string, HTMLElement[]>();
let drawing = new Map<string, HTMLElement[]>();

function reusedRow(ctx: PanelContext, l: ServiceLine, i: number): HTMLElement[] {
  const signature = JSON.stringify([i, l, ctx.claim.diagnoses.length, ctx.titles[l.code], ctx.readonly, warningsFor(ctx, 'line', i), ctx.claim.filledFrom?.[`lines[${i}].charge`]]);
  const rows = drawn.get(signature) ?? lineRow(ctx, l, i);
  drawing.set(signature, rows);
  return rows;
}

export function linesSection(ctx: PanelContext): HTMLElement {
  drawing = new Map();
  const section = linesBody(ctx);
  drawn = drawing;
  return section;
}

function linesBody(ctx: PanelContext): HTMLElement {
  const lines = ctx.claim.lines;
  return h('section', { 'aria-labelledby': 'h-lines', class: 'card', 'data-field': 'lines' },
    h('h2', { id: 'h-lines' }, `Service lines (${lines.length})`),
    lines.length === 0 ? h('p', { class: 'empty' }, 'No service line yet. Add one below.') : h('div', { class: 'table-wrap' },
      h('table', { class: 'lines', 'aria-labelledby': 'h-lines' },
        h('colgroup', {}, ['c-num', 'c-code', 'c-desc', 'c-mod', 'c-mod', 'c-mod', 'c-mod', 'c-units', 'c-charge', 'c-ptr', 'c-remove'].map((c) => h('col', { class: c }))),
        h('thead', {}, h('tr', {},
          ...['#', 'Code', 'Description', 'Mod 1', 'Mod 2', 'Mod 3', 'Mod 4', 'Units', 'Charge', 'Pointers', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, lines.flatMap((l, i) => reusedRow(ctx, l, i))),
      )),
    inlineWarnings(warningsForField(ctx, 'lines'), ctx),
    codeSearch({
      label: 'Add service line (CPT or HCPCS)', placeholder: 'Code or words, e.g. 99213 or glucose', key: 'line-search', disabled: ctx.readonly,
      search: (q) => ctx.actions.search(q, 'procedure'),
      pick: (r) => ctx.actions.edit(`add line ${r.code}`, [{ op: 'addLine', code: r.code, system: r.system === 'hcpcs' ? 'hcpcs' : 'cpt' }]),
    }),
  );
}
