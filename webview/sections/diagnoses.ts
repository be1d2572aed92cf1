// Diagnoses in claim order. The first-listed one is the main reason for the visit; order changes
// with Move up/down (keyboard) or drag and drop, both through `moveDiagnosis` so line pointers
// follow their diagnoses. A claim carries at most 12. Row buttons are plain buttons drawn like
// secondary vscode-buttons: a web component each would double the time to draw 12 rows.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { warningsFor, warningsForField } from '../context';
import { inlineWarnings } from '../warningItem';
import { codeSearch } from '../codeSearch';

export const MAX_DIAGNOSES = 12;

function rowKeys(codes: string[]): string[] {
  const seen = new Map<string, number>();
  return codes.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return `dx:${c}:${n}`;
  });
}

export function diagnosesSection(ctx: PanelContext): HTMLElement {
  const dxs = ctx.claim.diagnoses;
  const keys = rowKeys(dxs.map((d) => d.code));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= dxs.length || from === to) return;
    ctx.actions.edit(`move diagnosis ${dxs[from]!.code}`, [{ op: 'moveDiagnosis', from, to }]);
  };
  let dragFrom = -1;
  const rows = dxs.map((d, i) => {
    const users = ctx.claim.lines.flatMap((l, li) => (l.diagnosisPointers.includes(i + 1) ? [li + 1] : []));
    const title = ctx.titles[d.code];
    const key = keys[i]!;
    const codeLabel = `Diagnosis ${i + 1} code`;
    return h('li', {
      class: `dx-row${i === 0 ? ' first' : ''}${i >= MAX_DIAGNOSES ? ' over-limit' : ''}${d.status === 'rejected' ? ' rejected' : ''}`,
      draggable: ctx.readonly ? undefined : 'true', 'data-key': `${key}:row`, 'data-diagnosis-index': i,
      'on:dragstart': (e: DragEvent) => { dragFrom = i; e.dataTransfer?.setData('text/plain', String(i)); },
      'on:dragover': (e: DragEvent) => { e.preventDefault(); },
      // Alt+Up / Alt+Down anywhere in the row moves it, as in VS Code's lists and editors.
      'on:keydown': (e: KeyboardEvent) => {
        if (!e.altKey || ctx.readonly || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
      },
      'on:drop': (e: DragEvent) => {
        e.preventDefault();
        const from = dragFrom >= 0 ? dragFrom : Number(e.dataTransfer?.getData('text/plain'));
        if (Number.isInteger(from)) move(from, i);
        dragFrom = -1;
      },
    },
      h('span', { class: 'drag-handle', 'aria-hidden': 'true', title: 'Drag to reorder' }, '⋮⋮'),
      h('span', { class: 'dx-pos' }, String(i + 1)),
      h('vscode-textfield', {
        class: 'w-code', '.label': codeLabel, '.value': d.code, 'data-key': `${key}:code`, readonly: ctx.readonly,
        'on:change': (e: Event) => {
          const v = (e.target as unknown as { value: string }).value.trim().toUpperCase();
          if (v !== '' && v !== d.code) ctx.actions.edit(`change diagnosis ${i + 1}`, [{ op: 'replaceDiagnosis', index: i, code: v }]);
        },
      }),
      h('span', { class: 'dx-title' }, title ?? ''),
      ctx.risk?.hccs[d.code] ? h('vscode-badge', { class: 'hcc', title: `CMS-HCC ${ctx.risk.model}: ${ctx.risk.hccs[d.code]!.label}` }, ctx.risk.hccs[d.code]!.category) : null,
      i === 0 ? h('vscode-badge', { class: 'first-listed' }, 'First-listed') : null,
      d.status && d.status !== 'accepted' ? h('vscode-badge', { variant: 'counter', class: `status-${d.status}` }, d.status) : null,
      h('span', { class: 'dx-users' }, users.length ? `Lines ${users.join(', ')}` : 'No line points here'),
      h('span', { class: 'row-actions' },
        d.evidence?.length ? h('button', { type: 'button', class: 'cell-button', 'data-key': `${key}:evidence`, 'aria-label': `Show evidence for ${d.code} in the note`, 'on:click': () => ctx.actions.revealEvidence(i) }, 'Evidence') : null,
        h('button', { type: 'button', class: 'cell-button', disabled: ctx.readonly || i === 0, 'data-key': `${key}:up`, 'aria-label': `Move ${d.code} up`, 'on:click': () => move(i, i - 1) }, 'Move up'),
        h('button', { type: 'button', class: 'cell-button', disabled: ctx.readonly || i === dxs.length - 1, 'data-key': `${key}:down`, 'aria-label': `Move ${d.code} down`, 'on:click': () => move(i, i + 1) }, 'Move down'),
        h('button', { type: 'button', class: 'cell-button', disabled: ctx.readonly, 'data-key': `${key}:remove`, 'aria-label': `Remove ${d.code}`, 'on:click': () => ctx.actions.edit(`remove diagnosis ${d.code}`, [{ op: 'removeDiagnosis', index: i }]) }, 'Remove'),
      ),
      inlineWarnings(warningsFor(ctx, 'diagnosis', i), ctx),
    );
  });
  const full = dxs.length >= MAX_DIAGNOSES;
  return h('section', { 'aria-labelledby': 'h-diagnoses', class: 'card', 'data-field': 'diagnoses' },
    h('h2', { id: 'h-diagnoses' }, `Diagnoses (${dxs.length} of ${MAX_DIAGNOSES})`),
    dxs.length === 0 ? h('p', { class: 'empty' }, 'No diagnosis yet. Accept codes in the note or add one below.') : null,
    h('ol', { class: 'dx-list', 'aria-label': 'Diagnoses in claim order; the first is the main reason for the visit. Alt+Up and Alt+Down move a diagnosis.' }, rows),
    inlineWarnings(warningsForField(ctx, 'diagnoses'), ctx),
    codeSearch({
      label: 'Add diagnosis (ICD-10-CM)', placeholder: full ? 'A claim holds at most 12 diagnoses' : 'Code or words, e.g. E11.9 or diabetes',
      key: 'dx-search', disabled: full || ctx.readonly,
      search: (q) => ctx.actions.search(q, 'icd10cm'),
      pick: (r) => ctx.actions.edit(`add diagnosis ${r.code}`, [{ op: 'addDiagnosis', code: r.code }]),
    }),
  );
}
