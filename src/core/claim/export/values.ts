// Value conversions shared by the exporters: dates and money. Code spellings and shapes are
// src/core/codes.ts.

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
