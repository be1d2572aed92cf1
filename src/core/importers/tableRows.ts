// One way to walk a table whatever it ships as: .xlsx, gzipped CSV, or plain tab- or
// comma-separated text. Rows come as string cells with the line (or sheet row) number.
import { gunzipTextChunks, isGzip } from './gzip';
import { csvRecordsOfLines, decodeChunks, linesOfChunks } from './text';
import type { ImportFile } from './types';
import { xlsxRows } from './xlsx';
import { isZip } from './zip';

export type TableRow = [cells: string[], lineNo: number];

/**
 * Rows of the table; text records are split on tabs once a line holds a tab, else on commas, with
 * CSV quoting (a quoted field may hold line breaks). Blank lines are skipped.
 */
export function* tableRows(file: ImportFile): Generator<TableRow> {
  if (isZip(file.bytes)) {
    yield* xlsxRows(file);
    return;
  }
  const chunks = isGzip(file.bytes) ? gunzipTextChunks(file.bytes, file.name) : decodeChunks(file.bytes);
  // Title lines above a tab-separated header have no tabs: decide per record until a tab is seen.
  let tabs = false;
  yield* csvRecordsOfLines(linesOfChunks(chunks), (line) => ((tabs ||= line.includes('\t')) ? '\t' : ','));
}
