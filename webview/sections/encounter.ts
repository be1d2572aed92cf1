// Encounter: date of service, place of service, new or established, setting, total time; the
// claim frequency (original, replacement, void) with the claim it corrects; prior authorization.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { asDate, asNumber, field, select } from '../field';

/** Common CMS place-of-service codes with our short labels; others typed in the file are kept. */
const PLACES = [
  ['02', '02 Telehealth (not in home)'], ['10', '10 Telehealth in home'], ['11', '11 Office'], ['12', '12 Home'],
  ['19', '19 Off-campus outpatient hospital'], ['20', '20 Urgent care'], ['21', '21 Inpatient hospital'],
  ['22', '22 On-campus outpatient hospital'], ['23', '23 Emergency department'], ['24', '24 Ambulatory surgical center'],
  ['31', '31 Skilled nursing facility'], ['32', '32 Nursing facility'], ['81', '81 Independent laboratory'],
] as const;

export function encounterSection(ctx: PanelContext): HTMLElement {
  const e = ctx.claim.encounter;
  return h('section', { 'aria-labelledby': 'h-encounter', class: 'card' },
    h('h2', { id: 'h-encounter' }, 'Encounter'),
    h('div', { class: 'grid' },
      field(ctx, { path: 'encounter.dateOfService', label: 'Date of service', value: e.dateOfService, placeholder: 'YYYY-MM-DD', convert: asDate, width: 'short' }),
      select(ctx, { path: 'encounter.placeOfService', label: 'Place of service', value: e.placeOfService, options: PLACES }),
      select(ctx, { path: 'encounter.patientStatus', label: 'Patient', value: e.patientStatus, options: [['new', 'New patient'], ['established', 'Established patient']] }),
      select(ctx, { path: 'encounter.setting', label: 'Setting', value: e.setting, options: [['outpatient', 'Outpatient'], ['inpatient', 'Inpatient']] }),
      field(ctx, { path: 'encounter.totalTimeMinutes', label: 'Total time (minutes)', value: e.totalTimeMinutes?.toString(), type: 'number', convert: asNumber('Total time'), width: 'short' }),
      select(ctx, { path: 'encounter.frequency', label: 'Claim', value: e.frequency, options: [['1', '1 Original'], ['7', '7 Replacement of a prior claim'], ['8', '8 Void of a prior claim']] }),
      field(ctx, { path: 'encounter.originalClaimId', label: 'Original claim number (payer)', value: e.originalClaimId, placeholder: 'for 7 or 8' }),
      field(ctx, { path: 'priorAuthorization', label: 'Prior authorization', value: ctx.claim.priorAuthorization }),
    ),
  );
}
