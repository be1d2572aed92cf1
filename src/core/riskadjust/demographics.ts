// The demographic side of a CMS-HCC score: age on 1 February of the payment year, the segment
// (community non-dual / full-benefit dual / partial-benefit dual, aged or disabled; institutional;
// new enrollee) and the age/sex cell whose factor starts the score.

export type DualStatus = 'none' | 'full' | 'partial';

export interface Beneficiary {
  /** ISO birth date. */
  birthDate: string;
  sex: 'female' | 'male';
  dual: DualStatus;
  originallyDisabled: boolean;
  institutional: boolean;
  newEnrollee: boolean;
}

export type Segment = 'CNA' | 'CND' | 'CFA' | 'CFD' | 'CPA' | 'CPD' | 'INS' | 'NE';

export const SEGMENT_LABELS: Record<Segment, string> = {
  CNA: 'community, non-dual, aged',
  CND: 'community, non-dual, disabled',
  CFA: 'community, full-benefit dual, aged',
  CFD: 'community, full-benefit dual, disabled',
  CPA: 'community, partial-benefit dual, aged',
  CPD: 'community, partial-benefit dual, disabled',
  INS: 'institutional (long-term)',
  NE: 'new enrollee',
};

/** Whole years between the birth date and 1 February of the payment year. */
export function ageOnFebruaryFirst(birthDate: string, paymentYear: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  if (!m) throw new Error(`birth date "${birthDate}" is not YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = paymentYear - y;
  if (mo > 2 || (mo === 2 && d > 1)) age--;
  return age;
}

export function segmentOf(b: Pick<Beneficiary, 'dual' | 'institutional' | 'newEnrollee'>, age: number): Segment {
  if (b.newEnrollee) return 'NE';
  if (b.institutional) return 'INS';
  const dual = b.dual === 'full' ? 'F' : b.dual === 'partial' ? 'P' : 'N';
  return `C${dual}${age >= 65 ? 'A' : 'D'}` as Segment;
}

const BANDS: [number, string][] = [[34, '0_34'], [44, '35_44'], [54, '45_54'], [59, '55_59'], [64, '60_64'], [69, '65_69'], [74, '70_74'], [79, '75_79'], [84, '80_84'], [89, '85_89'], [94, '90_94']];

/** Age band of the continuing-enrollee cells: F70_74, M95_GT. */
export function ageBand(age: number): string {
  return BANDS.find(([max]) => age <= max)?.[1] ?? '95_GT';
}

/** New enrollees have single years 65-69: NEF65 ... NEF69, else the same bands. */
export function newEnrolleeBand(age: number): string {
  return age >= 65 && age <= 69 ? String(age) : ageBand(age);
}

/** The demographic cell's variable name without the segment: F70_74; for new enrollees NMCAID_NORIGDIS_NEF70_74. */
export function demographicCell(b: Beneficiary, age: number): string {
  const sex = b.sex === 'female' ? 'F' : 'M';
  if (b.newEnrollee) {
    const mcaid = b.dual === 'none' ? 'NMCAID' : 'MCAID';
    const origdis = b.originallyDisabled && age >= 65 ? 'ORIGDIS' : 'NORIGDIS';
    return `${mcaid}_${origdis}_NE${sex}${newEnrolleeBand(age)}`;
  }
  return `${sex}${ageBand(age)}`;
}
