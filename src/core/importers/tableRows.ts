// One way to walk a table whatever it ships as: .xlsx, gzipped CSV, or plain tab- or
// comma-separated text. Rows come as string cells with the line (or sheet row) number.
import { gunzipTextChunks, isGzip, linesOfChunks } from './gzip';
import { decodeChunks } from './text';
import type { ImportFile } from './types';
import { xlsxRows } from './xlsx';
import { isZip } from './zip';

export type TableRow = [cells: string[], lineNo: number];

/** Rows of the table; text lines are split on tabs once a line holds a tab, else on commas (with CSV quoting). */
export function* tableRows(file: ImportFile): Generator<TableRow> {
  if (isZip(file.bytes)) {
    yield* xlsxRows(file);
    return;
  }
  const chunks = isGzip(file.bytes) ? gunzipTextChunks(file.bytes, file.name) : decodeChunks(file.bytes);
  // Title lines above a tab-separated header have no tabs: decide per line until a tab is seen.
  let tabs = false;
  for (const [line, lineNo] of linesOfChunks(chunks)) {
    if (line.trim() === '') continue;
    tabs ||= line.includes('\t');
    yield [splitRecord(line, tabs ? '\t' : ','), lineNo];
  }
}

/** Splits one line; quoted fields may hold the separator and doubled quotes (not line breaks). */
export function splitRecord(line: string, separator: string): string[] {
  if (!line.includes('"')) return line.split(separator);
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c === '"') {
        if (line[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      inQuotes = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
