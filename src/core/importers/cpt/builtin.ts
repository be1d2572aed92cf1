// The CPT numbers MedCode's own logic needs, with labels we wrote in plain words. This is
// not CPT descriptor text (that is AMA-licensed): users who hold a licence import their CPT
// file (see docs/cpt-import.md) and its descriptors replace these labels.
import type { CodeRow } from '../types';

const CODES: [code: string, label: string][] = [
  ['99202', 'Office visit, new patient, level 2'],
  ['99203', 'Office visit, new patient, level 3'],
  ['99204', 'Office visit, new patient, level 4'],
  ['99205', 'Office visit, new patient, level 5'],
  ['99211', 'Office visit, established patient, level 1'],
  ['99212', 'Office visit, established patient, level 2'],
  ['99213', 'Office visit, established patient, level 3'],
  ['99214', 'Office visit, established patient, level 4'],
  ['99215', 'Office visit, established patient, level 5'],
  ['99417', 'Prolonged office visit, each extra 15 minutes'],
  ['99024', 'Visit after surgery, inside its global period'],
  ['99381', 'Preventive visit, new patient, under 1 year'],
  ['99382', 'Preventive visit, new patient, age 1 to 4'],
  ['99383', 'Preventive visit, new patient, age 5 to 11'],
  ['99384', 'Preventive visit, new patient, age 12 to 17'],
  ['99385', 'Preventive visit, new patient, age 18 to 39'],
  ['99386', 'Preventive visit, new patient, age 40 to 64'],
  ['99387', 'Preventive visit, new patient, 65 and over'],
  ['99391', 'Preventive visit, established patient, under 1 year'],
  ['99392', 'Preventive visit, established patient, age 1 to 4'],
  ['99393', 'Preventive visit, established patient, age 5 to 11'],
  ['99394', 'Preventive visit, established patient, age 12 to 17'],
  ['99395', 'Preventive visit, established patient, age 18 to 39'],
  ['99396', 'Preventive visit, established patient, age 40 to 64'],
  ['99397', 'Preventive visit, established patient, 65 and over'],
];

// CPT (Level I) modifiers. TC (technical component) is a HCPCS Level II modifier and comes
// from the HCPCS file, not from here.
const MODIFIERS: [code: string, label: string][] = [
  ['22', 'Much more work than usual for this procedure'],
  ['24', 'Unrelated visit during a post-operative period'],
  ['25', 'Separate visit on the same day as a procedure'],
  ['26', 'Professional part only'],
  ['50', 'Done on both sides'],
  ['51', 'One of several procedures in the same session'],
  ['57', 'Visit where surgery was decided'],
  ['58', 'Planned follow-on procedure in a post-operative period'],
  ['59', 'Distinct procedure (other site or session)'],
  ['76', 'Repeated by the same clinician'],
  ['77', 'Repeated by another clinician'],
  ['78', 'Unplanned return to the operating room'],
  ['79', 'Unrelated procedure in a post-operative period'],
  ['91', 'Lab test repeated on the same day'],
];

export const builtinCptCodes: readonly CodeRow[] = CODES.map(([code, label]) => ({
  code, display: code, kind: 'code', billable: true, shortTitle: label, longTitle: label, extra: { builtin: true },
}));

export const builtinCptModifiers: readonly CodeRow[] = MODIFIERS.map(([code, label]) => ({
  code, display: code, kind: 'modifier', billable: true, shortTitle: label, longTitle: label, extra: { builtin: true },
}));
