// The HCPCS ANWEB spreadsheet (HCPCyyyy_MMM_ANWEB.xlsx, 48 columns): the same records as the
// contractor text file, one column per field, headed HCPC | SEQNUM | RECID | LONG DESCRIPTION ...
import { tableRows } from '../tableRows';
import { ImportError, type ImportFile } from '../types';
import type { HcpcsRecord } from './record';

/** Spreadsheet header (spaces and underscores removed, lower case) -> field name used in records. */
const COLUMNS: Record<string, string> = {
  multpi: 'multiplePricing',
  statute: 'statute',
  cov: 'coverage',
  ascgrp: 'ascGroup',
  ascdt: 'ascDate',
  opps: 'oppsGroup',
  oppspi: 'oppsIndicator',
  oppsdt: 'oppsDate',
  procnote: 'processingNote',
  betos: 'betos',
  anestbu: 'anesthesiaBaseUnits',
  adddt: 'addDate',
  acteffdt: 'effectiveDate',
  termdt: 'terminationDate',
  actioncd: 'actionCode',
};
const NUMBERED: Record<string, string> = {
  price: 'pricing',
  cim: 'cim',
  mcm: 'mcm',
  labcert: 'labCertification',
  xref: 'crossReference',
  tos: 'tos',
};

const key = (h: string): string => h.replace(/[\s_]/g, '').toLowerCase();

/** True when the header row of the ANWEB layout is present (first cells HCPC, SEQNUM, RECID). */
export function hasAnwebHeader(text: string): boolean {
  return /^\s*HCPC[\t,]\s*SEQNUM[\t,]\s*RECID\b/im.test(text);
}

function fieldFor(header: string): string | undefined {
  const k = key(header);
  if (COLUMNS[k]) return COLUMNS[k];
  const m = /^([a-z]+)(\d)$/.exec(k);
  if (m && NUMBERED[m[1]!]) return `${NUMBERED[m[1]!]}${m[2]}`;
  return undefined;
}

export function* anwebRecords(file: ImportFile): Generator<HcpcsRecord> {
  let header: (string | undefined)[] | undefined;
  let current: HcpcsRecord | undefined;
  for (const [cells, lineNo] of tableRows(file)) {
    if (!header) {
      if (key(cells[0] ?? '') === 'hcpc' && key(cells[2] ?? '') === 'recid') header = cells.map(fieldFor);
      else if (lineNo > 20) break;
      continue;
    }
    const code = (cells[0] ?? '').trim();
    const recid = (cells[2] ?? '').trim();
    const longPart = (cells[3] ?? '').trim();
    if (!/^[A-Z0-9]{2,5}$/.test(code) || !/^[3478]$/.test(recid)) {
      throw new ImportError(`this row is not an HCPCS record (expected a code in column HCPC and 3, 4, 7 or 8 in column RECID).`, file.name, lineNo);
    }
    if (recid === '4' || recid === '8') {
      if (current?.code !== code) throw new ImportError(`continuation row for ${code} does not follow a first row of ${code}.`, file.name, lineNo);
      if (longPart) current.longTitle = current.longTitle ? `${current.longTitle} ${longPart}` : longPart;
      continue;
    }
    if (current) yield current;
    const fields: Record<string, string> = {};
    header.forEach((f, i) => { if (f) fields[f] = cells[i] ?? ''; });
    current = { code, recid, longTitle: longPart, shortTitle: (cells[4] ?? '').trim(), fields, line: lineNo };
  }
  if (!header) {
    throw new ImportError('no HCPCS header row (HCPC, SEQNUM, RECID, LONG DESCRIPTION ...) in the first 20 rows: this is not the CMS ANWEB layout.', file.name);
  }
  if (current) yield current;
}
