// The vocabulary of codes and dates, one copy for the whole project: how a code is normalized
// (the spelling the index stores and every comparison uses), how it is shown, which system its
// shape says it belongs to, and what a YYYY-MM-DD date is.

/** The systems a code's shape can name. */
export type CodeShapeSystem = 'icd10cm' | 'hcpcs' | 'cpt' | 'modifier';

/**
 * A code as the index stores it and as codes are compared: white space (at the ends or inside)
 * and dots dropped, upper case. " e11.9 " -> "E119", "s52.5xxa" -> "S525XXA". Idempotent.
 */
export function normalizeCode(code: string): string {
  return code.replace(/[.\s]/g, '').toUpperCase();
}

/** True when `a` and `b` are the same code however written (E11.9, e119). */
export function sameCode(a: string, b: string): boolean {
  return normalizeCode(a) === normalizeCode(b);
}

/** The official ICD-10-CM spelling: normalized, with a dot after the 3-character category (E11.9; E11 stays E11). */
export function icdDisplay(code: string): string {
  const n = normalizeCode(code);
  return n.length > 3 ? `${n.slice(0, 3)}.${n.slice(3)}` : n;
}

/** How a code of `system` is usually written: ICD-10-CM with its dot, other systems normalized. */
export function displayCode(system: string, code: string): string {
  return system === 'icd10cm' ? icdDisplay(code) : normalizeCode(code);
}

/** The 3-character ICD-10-CM category of a code (E11.22 -> E11). */
export function icdCategory(code: string): string {
  return normalizeCode(code).slice(0, 3);
}

/**
 * A written ICD-10-CM code: a letter, a digit, a letter or digit, then up to 4 letters or digits
 * (3 to 7 characters), with no dot or one dot right after the category. Case and white space at
 * the ends do not matter.
 */
const ICD10CM_WRITTEN = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
/** A CPT or HCPCS Level II code: 5 letters or digits. */
const PROCEDURE = /^[A-Z0-9]{5}$/;
/** A CPT or HCPCS modifier: 2 letters or digits. */
const MODIFIER = /^[A-Z0-9]{2}$/;
/** CPT: 5 digits, or 4 digits and a letter (Category II F, Category III T, PLA U, MAAA M). */
const CPT = /^\d{4}[0-9A-Z]$/;
/** HCPCS Level II: a letter A-V and 4 digits (ICD-10-CM codes of 5 characters can look the same: E1122). */
const HCPCS_LEVEL_II = /^[A-V]\d{4}$/;

export function isIcd10cmShape(code: string): boolean {
  return ICD10CM_WRITTEN.test(code.trim().toUpperCase());
}

/** A CPT or HCPCS Level II code's shape: 5 letters or digits (no dot). */
export function isProcedureShape(code: string): boolean {
  return PROCEDURE.test(code.trim().toUpperCase());
}

/** A modifier's shape: 2 letters or digits. */
export function isModifierShape(code: string): boolean {
  return MODIFIER.test(code.trim().toUpperCase());
}

/**
 * The system a code's shape names, or undefined for none: 2 characters a modifier, 4 digits and
 * a character CPT, a letter A-V and 4 digits HCPCS Level II, other ICD-10-CM shapes ICD-10-CM.
 * A letter and 4 digits is also the shape of 5-character ICD-10-CM codes (E11.22): where a code
 * may be a diagnosis, ask the index before taking "hcpcs".
 */
export function systemByShape(code: string): CodeShapeSystem | undefined {
  const n = normalizeCode(code);
  if (MODIFIER.test(n)) return 'modifier';
  if (CPT.test(n)) return 'cpt';
  if (HCPCS_LEVEL_II.test(n)) return 'hcpcs';
  if (ICD10CM_WRITTEN.test(n)) return 'icd10cm';
  return undefined;
}

/** True for a real calendar date written YYYY-MM-DD (2023-02-29 is not one). */
export function isIsoDate(value: string | undefined): value is string {
  if (value === undefined) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
