// Value conversions shared by the exporters: code spellings, dates, money.

/** ICD-10-CM without the dot, upper case (837P HI, as the X12 guide requires). */
export function icdWithoutDot(code: string): string {
  return code.replace(/\./g, '').trim().toUpperCase();
}

/** ICD-10-CM with the dot after the category (the spelling FHIR's icd-10-cm system uses). */
export function icdWithDot(code: string): string {
  const bare = icdWithoutDot(code);
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

export const ICD10CM_SHAPE = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
export const PROCEDURE_SHAPE = /^[A-Z0-9]{5}$/;
export const MODIFIER_SHAPE = /^[A-Z0-9]{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string | undefined): value is string {
  if (value === undefined) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** 2024-08-14 -> 20240814 (X12 D8). */
export function toD8(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

/** Whole cents, so sums of charges do not drift (0.1 + 0.2). */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function centsToDecimal(cents: number): number {
  return cents / 100;
}

/** 12500 -> "125.00" (X12 monetary amounts, as in the 837P guide's examples). */
export function centsToX12(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Sum of the line charges in cents: the claim total every export uses (CLM02, Claim.total). */
export function lineTotalCents(lines: ReadonlyArray<{ charge: number }>): number {
  return lines.reduce((sum, l) => sum + toCents(l.charge), 0);
}

/** Largest charge an export writes; beyond it a typo is far more likely than a real charge. */
export const MAX_CHARGE = 9_999_999.99;
