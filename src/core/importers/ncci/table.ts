// NCCI tables (official and derived) share one shape: some title/copyright lines, a header
// row, then data rows. This finds the header, keeps the title text (it may hold the date),
// and hands each data row on with its line number.
import { tableRows } from '../tableRows';
import { ImportError, type ImportFile } from '../types';

export interface Located {
  /** Column index for each wanted field (undefined = absent). */
  columns: Record<string, number | undefined>;
  header: string[];
  preamble: string;
}

/** Looks for the header in the first `scan` rows; `match` returns the column map or undefined. */
export function* rowsAfterHeader(
  file: ImportFile,
  match: (cells: string[]) => Record<string, number | undefined> | undefined,
  expected: string,
  onHeader: (found: Located) => void,
  scan = 40,
): Generator<[cells: string[], lineNo: number]> {
  let located = false;
  const preamble: string[] = [];
  let seen = 0;
  for (const row of tableRows(file)) {
    if (!located) {
      const columns = match(row[0].map((c) => c.trim()));
      if (columns) {
        located = true;
        onHeader({ columns, header: row[0], preamble: preamble.join('\n') });
      } else {
        preamble.push(row[0].join(' '));
        if (++seen >= scan) break;
      }
      continue;
    }
    yield row;
  }
  if (!located) {
    throw new ImportError(
      seen === 0 ? `the file is empty. Expected ${expected}.` : `no header row found in the first ${scan} lines. Expected ${expected}.`,
      file.name,
    );
  }
}

/** Index of the first header cell the test accepts (headers compared lower-case). */
export function findColumn(header: string[], test: (h: string) => boolean): number | undefined {
  const i = header.findIndex((h) => test(h.toLowerCase()));
  return i >= 0 ? i : undefined;
}

export const CODE = /^[0-9A-Z]{5}$/;
