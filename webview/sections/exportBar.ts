// Export buttons (claim JSON, FHIR R4 Claim, X12 837P). The host runs the export gate and a save
// dialog; when rule errors block, the panel asks for an override reason and tries once more.
import { h } from '../dom';

export const FORMATS = [['claim-json', 'Export claim JSON'], ['fhir', 'Export FHIR R4 Claim'], ['x12', 'Export X12 837P']] as const;
export type FormatId = (typeof FORMATS)[number][0];

export function exportBar(onExport: (format: FormatId) => void, status: HTMLElement, disabled: boolean): HTMLElement {
  return h('section', { 'aria-labelledby': 'h-export', class: 'card export-card' },
    h('h2', { id: 'h-export' }, 'Export'),
    h('div', { class: 'export-buttons', role: 'group', 'aria-label': 'Export formats' },
      FORMATS.map(([id, label]) => h('vscode-button', { 'data-key': `export:${id}`, 'data-format': id, disabled, 'on:click': () => onExport(id) }, label))),
    status,
  );
}
