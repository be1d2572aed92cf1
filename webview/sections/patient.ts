// Patient: name, birth date, sex, member id, address; and filling from an imported patient.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { asDate, field, select } from '../field';

export function patientSection(ctx: PanelContext): HTMLElement {
  const p = ctx.claim.patient ?? {};
  return h('section', { 'aria-labelledby': 'h-patient', class: 'card' },
    h('h2', { id: 'h-patient' }, 'Patient'),
    h('div', { class: 'grid' },
      field(ctx, { path: 'patient.name.family', label: 'Family name', value: p.name?.family }),
      field(ctx, { path: 'patient.name.given', label: 'Given name', value: p.name?.given }),
      field(ctx, { path: 'patient.birthDate', label: 'Birth date', value: p.birthDate, placeholder: 'YYYY-MM-DD', convert: asDate, width: 'short' }),
      select(ctx, { path: 'patient.sex', label: 'Sex', value: p.sex, options: [['female', 'Female'], ['male', 'Male'], ['other', 'Other'], ['unknown', 'Unknown']] }),
      field(ctx, { path: 'patient.memberId', label: 'Member id', value: p.memberId }),
    ),
    h('div', { class: 'grid', role: 'group', 'aria-label': 'Patient address', 'data-field': 'patient.address' },
      field(ctx, { path: 'patient.address.line1', label: 'Street', value: p.address?.line1, width: 'long' }),
      field(ctx, { path: 'patient.address.city', label: 'City', value: p.address?.city }),
      field(ctx, { path: 'patient.address.state', label: 'State', value: p.address?.state, width: 'short', placeholder: 'e.g. IL' }),
      field(ctx, { path: 'patient.address.postalCode', label: 'ZIP code', value: p.address?.postalCode, width: 'short' }),
    ),
    ctx.patients.length > 0 && !ctx.readonly ? patientPick(ctx) : null,
    // Rules name the patient as a whole when the name is missing.
    h('div', { 'data-field': 'patient.name' }),
  );
}

/** Fills the empty patient, subscriber and payer fields (and the practice's) from an imported patient. */
function patientPick(ctx: PanelContext): HTMLElement {
  const id = 'patient-pick';
  const el = h('vscode-single-select', { id, 'data-key': 'patient-pick', '.label': 'Fill from patient' },
    [h('vscode-option', { value: '', selected: true }, '(choose an imported patient)'), ...ctx.patients.map((p) => h('vscode-option', { value: p.id }, p.label))]);
  el.addEventListener('change', () => {
    const v = (el as unknown as { value: string }).value;
    if (v !== '') ctx.actions.edit(`fill from patient ${v}`, [{ op: 'fillFromPatient', patientId: v }]);
  });
  return h('div', { class: 'field patient-pick' }, h('vscode-label', { for: id }, 'Fill empty fields from patient'), el);
}
