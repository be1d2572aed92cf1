// The version label and effective dates of an ICD-10-CM set come from the input (an XML
// <version> element or a year in the file name), never from constants, so any fiscal year imports.
import type { ImportFile, ImportOptions } from '../types';
import { ImportError } from '../types';
import { fiscalYearDates } from '../text';

export interface SetVersion {
  version: string;
  effectiveFrom?: string;
  effectiveTo?: string;
}

/**
 * Fiscal year named by a file name: the last stand-alone 20xx in its base name
 * (icd10cm-order-Jan-2021.txt, icd10cm_order_2024.csv, ICD10CM_2025_Index.csv,
 * icd10cm-drug-April-1-2026-XML.xml). Release months (Jan, April) belong to the FY of that year.
 */
export function fiscalYearFromName(name: string): number | undefined {
  const base = name.split(/[\\/!]/).pop() ?? name;
  const years = [...base.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  return years.length > 0 ? years[years.length - 1] : undefined;
}

/** Fiscal year written in a <version> element ("2021", "FY2021"). */
export function fiscalYearFromText(text: string | undefined): number | undefined {
  const m = text?.match(/(?<!\d)(20\d{2})(?!\d)/);
  return m ? Number(m[1]) : undefined;
}

/**
 * Options win; then the year found in the content; then the file name. A file that names
 * no year cannot be placed in time, so it is refused with a way out.
 */
export function resolveVersion(file: ImportFile, options: ImportOptions, contentYear?: number): SetVersion {
  const fy = contentYear ?? fiscalYearFromName(file.name);
  const version = options.version ?? (fy !== undefined ? `FY${fy}` : undefined);
  if (version === undefined) {
    throw new ImportError(
      'cannot tell which ICD-10-CM fiscal year this file is (no <version> element and no year in the file name); rename it with its year (e.g. icd10cm-order-2025.txt) or pass a version such as FY2025.',
      file.name,
    );
  }
  const labelled = fiscalYearFromText(version);
  const dates = labelled !== undefined ? fiscalYearDates(labelled) : fy !== undefined ? fiscalYearDates(fy) : undefined;
  return {
    version,
    effectiveFrom: options.effectiveFrom ?? dates?.effectiveFrom,
    effectiveTo: options.effectiveTo ?? dates?.effectiveTo,
  };
}
