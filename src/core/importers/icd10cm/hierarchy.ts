// Rules shared by the tabular and order-file importers, so the two sets they write for the same
// fiscal year agree row by row when the writer merges them.
import type { CodeKind } from '../types';

/** 3 characters: category; billable: code; any other header: subcategory. */
export function icdCodeKind(code: string, billable: boolean): CodeKind {
  if (code.length === 3) return 'category';
  return billable ? 'code' : 'subcategory';
}

/** A well-formed normalized ICD-10-CM code (no dot): letter, digit, alphanumeric, up to 4 more. */
export const ICD_CODE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

/**
 * Finds each code's parent as the longest proper prefix already seen. Works for any input
 * order in which headers precede the codes under them (the order file and its CSVs do);
 * 7th-character codes skip the absent placeholder level (S0000XA -> S0000).
 */
export class PrefixParents {
  private readonly seen = new Set<string>();

  parentOf(code: string): string | undefined {
    let parent: string | undefined;
    for (let n = code.length - 1; n >= 3; n--) {
      const prefix = code.slice(0, n);
      if (this.seen.has(prefix)) { parent = prefix; break; }
    }
    this.seen.add(code);
    return parent;
  }
}
