// The HCPCS contractor file (HCPCyyyy_CONTR_ANWEB.txt): 320-character records, positions from
// CMS's record layout (HCPCSyyyy_recordlayout.txt, "HCPCS Contractor Record"), 1-based inclusive.
import { lines } from '../text';
import { ImportError } from '../types';
import type { HcpcsRecord } from './record';

type Span = [start: number, end: number];

/** Field -> [begin, end] columns. Repeated fields (OCCURS n) are listed one by one. */
const LAYOUT: Record<string, Span> = {
  ...repeat('pricing', 120, 2, 4),
  multiplePricing: [128, 128],
  ...repeat('cim', 129, 6, 3),
  ...repeat('mcm', 147, 8, 3),
  statute: [171, 180],
  ...repeat('labCertification', 181, 3, 8),
  ...repeat('crossReference', 205, 5, 5),
  coverage: [230, 230],
  ascGroup: [231, 232],
  ascDate: [233, 240],
  oppsGroup: [241, 243],
  oppsIndicator: [244, 244],
  oppsDate: [245, 252],
  processingNote: [253, 256],
  betos: [257, 259],
  ...repeat('tos', 261, 1, 5),
  anesthesiaBaseUnits: [266, 268],
  addDate: [269, 276],
  effectiveDate: [277, 284],
  terminationDate: [285, 292],
  actionCode: [293, 293],
};

function repeat(name: string, begin: number, width: number, times: number): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (let i = 0; i < times; i++) out[`${name}${i + 1}`] = [begin + i * width, begin + (i + 1) * width - 1];
  return out;
}

/** Code (1-5), sequence (6-10), RECID (11): the shape every record line has. */
export const RECORD_SHAPE = /^[A-Z0-9 ]{5}\d{5}[3478]/;

const col = (line: string, [a, b]: Span): string => line.slice(a - 1, b);

/** True when the text holds at least `min` lines shaped like contractor records. */
export function looksLikeContractorFile(head: string, min = 3): boolean {
  let n = 0;
  for (const line of head.split(/\r?\n/)) {
    if (line.length >= 119 && RECORD_SHAPE.test(line) && ++n >= min) return true;
  }
  return false;
}

/**
 * Yields one record per procedure/modifier with its continuation lines (RECID 4/8) joined.
 * Lines before the first record (disclaimers) are skipped; after it, a line of another
 * shape is an error naming the line.
 */
export function* contractorRecords(bytes: Uint8Array, fileName: string): Generator<HcpcsRecord> {
  let current: HcpcsRecord | undefined;
  let started = false;
  for (const [line, lineNo] of lines(bytes)) {
    if (!RECORD_SHAPE.test(line)) {
      if (!started || line.trim() === '') continue;
      throw new ImportError(`this line is not an HCPCS record (expected code in columns 1-5, sequence in 6-10 and record type 3, 4, 7 or 8 in column 11).`, fileName, lineNo);
    }
    started = true;
    const recid = line[10]!;
    const code = line.slice(0, 5).trim();
    const longPart = line.slice(11, 91).trim();
    if (recid === '4' || recid === '8') {
      if (!current || current.code !== code) {
        throw new ImportError(`continuation line for ${code} does not follow a first line of ${code}.`, fileName, lineNo);
      }
      if (longPart) current.longTitle = current.longTitle ? `${current.longTitle} ${longPart}` : longPart;
      continue;
    }
    if (current) yield current;
    const fields: Record<string, string> = {};
    for (const [name, span] of Object.entries(LAYOUT)) fields[name] = col(line, span);
    current = { code, recid, longTitle: longPart, shortTitle: line.slice(91, 119).trim(), fields, line: lineNo };
  }
  if (current) yield current;
}
