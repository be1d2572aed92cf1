// One HCPCS procedure or modifier as the annual file describes it, whatever the file format,
// and how it becomes a CodeRow. RECID 3 starts a procedure, 7 a modifier; 4 and 8 continue
// the long description of the record before them.
import { normalizeCode } from '../../codes';
import type { CodeRow } from '../types';
import { isoDate } from './release';

export interface HcpcsRecord {
  code: string;
  recid: string;
  longTitle: string;
  shortTitle: string;
  /** Raw detail fields by name (pricing1..4, betos, tos1..5, addDate ...), as written. */
  fields: Record<string, string>;
  line: number;
}

export const RECID_PROCEDURE = '3';
export const RECID_PROCEDURE_MORE = '4';
export const RECID_MODIFIER = '7';
export const RECID_MODIFIER_MORE = '8';

/** Detail fields kept in `extra`; repeated fields (pricing1..4) become arrays. */
const LISTS = ['pricing', 'cim', 'mcm', 'labCertification', 'crossReference', 'tos'] as const;
const SINGLES = ['multiplePricing', 'statute', 'coverage', 'ascGroup', 'oppsGroup', 'oppsIndicator', 'processingNote', 'betos', 'anesthesiaBaseUnits', 'actionCode'] as const;
const DATES = ['addDate', 'effectiveDate', 'terminationDate', 'ascDate', 'oppsDate'] as const;

export function extraOf(r: HcpcsRecord): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const d of DATES) {
    const v = isoDate(r.fields[d] ?? '');
    if (v) extra[d] = v;
  }
  for (const s of SINGLES) {
    const v = (r.fields[s] ?? '').trim();
    if (v) extra[s] = v;
  }
  for (const l of LISTS) {
    const values: string[] = [];
    for (let i = 1; i <= 8; i++) {
      const v = (r.fields[`${l}${i}`] ?? '').trim();
      if (v) values.push(v);
    }
    if (values.length > 0) extra[l] = values;
  }
  return extra;
}

/** In force during this release unless terminated before it starts. */
function inForce(extra: Record<string, unknown>, effectiveFrom: string | undefined): boolean {
  const term = extra['terminationDate'];
  if (typeof term !== 'string') return true;
  return effectiveFrom !== undefined && term >= effectiveFrom;
}

export function toCodeRow(r: HcpcsRecord, effectiveFrom: string | undefined): CodeRow {
  const code = normalizeCode(r.code);
  const extra = extraOf(r);
  return {
    code,
    display: code,
    kind: r.recid === RECID_MODIFIER ? 'modifier' : 'code',
    billable: inForce(extra, effectiveFrom),
    longTitle: tidy(r.longTitle),
    shortTitle: tidy(r.shortTitle),
    extra,
  };
}

/** One space between words: the spreadsheet keeps the double spaces where the text file broke lines. */
function tidy(title: string): string | undefined {
  return title.replace(/\s+/g, ' ').trim() || undefined;
}
