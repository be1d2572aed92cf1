// ICD-10-CM order file, official fixed width (icd10cm-order-YYYY.txt):
// cols 1-5 order number, 7-13 code without dot, 15 flag (1 billable, 0 header),
// 17-76 short title, 78- long title. Every code, 7th-character codes included.
import type { ImportCounts, Importer, ImportFile, ImportOptions, ImportResult, ImportSink } from '../types';
import { ImportError } from '../types';
import { lines } from '../text';
import { icdDisplay } from '../../codes';
import { icdCodeKind, PrefixParents } from './hierarchy';
import { resolveVersion } from './version';

const RECORD = /^(\d{5}) ([A-Z][0-9][0-9A-Z][0-9A-Z ]{4}) ([01]) (.*)$/;

export const orderFileImporter: Importer = {
  kind: 'icd10cm-order-txt',
  label: 'ICD-10-CM order file (fixed width)',
  detect: (_name, head) => RECORD.test(firstLine(head)),
  run: async (file, sink, sha256, options) => importOrderFile(file, sink, sha256, options),
};

function firstLine(head: string): string {
  const text = head.replace(/^\ufeff/, '').replace(/^(\s*\r?\n)+/, '');
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** Order-file records are 400-odd characters (titles up to 60 and 228+); anything near this is not a record. */
const ORDER_LINE_CHARS = 1024;

function importOrderFile(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  const v = resolveVersion(file, options);
  const counts: ImportCounts = { codes: 0, billable: 0 };
  const parents = new PrefixParents();
  let setId: number | undefined;
  const total = file.bytes.length;
  let seenChars = 0;
  for (const [line, lineNo] of lines(file.bytes, undefined, ORDER_LINE_CHARS)) {
    seenChars += line.length + 2;
    if (line.trim() === '') continue;
    const m = RECORD.exec(line);
    if (!m) {
      throw new ImportError(
        lineNo === 1
          ? 'this is not an ICD-10-CM order file (expected fixed-width records: 5-digit order number, code in columns 7-13, flag 0/1 in column 15, titles from column 17).'
          : 'this record does not follow the order-file layout (5-digit order number, code in columns 7-13, flag 0/1 in column 15, titles from column 17); the file may be damaged: download it again.',
        file.name,
        lineNo,
      );
    }
    const code = m[2]!.trimEnd();
    if (code.includes(' ')) throw new ImportError(`the code "${m[2]}" in columns 7-13 contains a space; the file may be damaged: download it again.`, file.name, lineNo);
    const billable = m[3] === '1';
    const rest = m[4]!;
    const shortTitle = rest.slice(0, 60).trim();
    const longTitle = rest.slice(61).trim() || shortTitle;
    if (setId === undefined) {
      setId = sink.beginSet({
        system: 'icd10cm', version: v.version, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo,
        source: { name: file.name, sha256, kind: 'icd10cm-order-txt', bytes: total },
      });
    }
    const parent = parents.parentOf(code);
    sink.code(setId, { code, display: icdDisplay(code), kind: icdCodeKind(code, billable), billable, shortTitle, longTitle, parent });
    counts.codes!++;
    if (billable) counts.billable!++;
    if (options.onProgress && (counts.codes! & 0x3fff) === 0) options.onProgress(Math.min(1, seenChars / total));
  }
  if (setId === undefined) throw new ImportError('the order file is empty; import the complete file as downloaded.', file.name);
  return Promise.resolve({ kind: 'icd10cm-order-txt', file: file.name, system: 'icd10cm', version: v.version, counts });
}
