// CPT from a file the user licensed from the AMA (or a payer). Accepted layouts, one code per
// line, optional header line (any line whose first field is not a code, before the first code):
//   code<TAB>descriptor
//   code,descriptor
//   code,short descriptor,long descriptor      (also with tabs)
// Fields may be quoted ("..."), CSV style. Codes are 5 characters: 4 digits then a digit or
// F/T/U (category II, III, PLA). See docs/cpt-import.md.
import { lines, splitRecord } from '../text';
import { ImportError, type CodeRow, type ImportFile } from '../types';

export const CPT_CODE = /^\d{4}[0-9FTU]$/;

const unquote = (s: string): string => s.trim();

/** Separator and field count of a line when it is a CPT row, else undefined. */
function shape(line: string): { separator: string; fields: string[] } | undefined {
  const separator = line.includes('\t') ? '\t' : ',';
  const fields = splitRecord(line, separator).map(unquote);
  if (fields.length < 2 || fields.length > 3) return undefined;
  if (!CPT_CODE.test(fields[0]!)) return undefined;
  // A descriptor is words, not another code (keeps NCCI tables and code pairs out).
  if (!/[a-z]{2}/i.test(fields[1]!) || CPT_CODE.test(fields[1]!)) return undefined;
  return { separator, fields };
}

/** First lines: an optional header, then (mostly) rows of the accepted layouts. */
export function looksLikeCptFile(head: string): boolean {
  const sample = head.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 12);
  if (sample.length > 0 && !CPT_CODE.test(splitRecord(sample[0]!, sample[0]!.includes('\t') ? '\t' : ',')[0]!.trim())) sample.shift();
  const complete = head.length < 60_000 ? sample : sample.slice(0, -1); // the last line of a cut head may be partial
  // Most lines, not all: a file with one bad line should reach the importer, whose error names the line.
  const matching = complete.filter((l) => shape(l) !== undefined).length;
  return matching >= Math.min(2, complete.length) && matching >= 0.8 * complete.length && complete.length > 0;
}

export function* cptRows(file: ImportFile): Generator<CodeRow> {
  let atFirstLine = true;
  let rows = 0;
  for (const [line, lineNo] of lines(file.bytes)) {
    if (line.trim() === '') continue;
    const isFirst = atFirstLine;
    atFirstLine = false;
    const s = shape(line);
    if (!s) {
      if (isFirst) continue; // the optional header line
      throw new ImportError('this line is not "code<TAB>descriptor", "code,descriptor" or "code,short,long" with a 5-character CPT code. See docs/cpt-import.md.', file.name, lineNo);
    }
    rows++;
    const [code, first, second] = s.fields as [string, string, string | undefined];
    yield {
      code,
      display: code,
      kind: 'code',
      billable: true,
      shortTitle: second !== undefined ? first : undefined,
      longTitle: second !== undefined ? second : first,
    };
  }
  if (rows === 0) throw new ImportError('no CPT rows found. Expected "code<TAB>descriptor", "code,descriptor" or "code,short,long" lines. See docs/cpt-import.md.', file.name);
}
