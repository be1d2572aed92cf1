// The text an importer's `detect` should see. Raw bytes of a gzip or an .xlsx say nothing about
// the table inside, so these are opened first: gzip -> its first decompressed text; xlsx -> its
// first rows as tab-separated lines. Anything else: the first bytes decoded as text.
import { gunzipHead, isGzip } from './gzip';
import { headText } from './text';
import { xlsxRows } from './xlsx';
import { isXlsx } from './zip';

export function contentHead(name: string, bytes: Uint8Array, maxRows = 30): string {
  if (isGzip(bytes)) return gunzipHead(bytes);
  if (isXlsx(bytes)) {
    try {
      const out: string[] = [];
      for (const [cells] of xlsxRows({ name, bytes })) {
        out.push(cells.join('\t'));
        if (out.length >= maxRows) break;
      }
      return out.join('\n');
    } catch {
      return headText(bytes);
    }
  }
  return headText(bytes);
}
