// One way to walk a table whatever it ships as: .xlsx, gzipped CSV, or plain tab- or
// comma-separated text. Rows come as string cells with the line (or sheet row) number.
import { gunzipTextChunks, isGzip, linesOfChunks } from './gzip';
import { decodeChunks, readCsvLine, type CsvRecordState } from './text';
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
  const state: CsvRecordState = { fields: [], field: '', inQuotes: false };
  // A quote left open ends with the line.
  if (!readCsvLine(line, separator, state)) state.fields.push(state.field);
  return state.fields;
}
