// ICD-10-CM order data as a derived CSV (e.g. icd10cm_order_2024.csv: order, code, valid,
// long_description, chapter and section columns). Only the code, billable flag and titles are
// taken; the hierarchy is rebuilt the same way as for the official order file.
import type { ImportCounts, Importer, ImportFile, ImportOptions, ImportResult, ImportSink } from '../types';
import { ImportError } from '../types';
import { csvRecords, headerIndex } from '../text';
import { icdDisplay, normalizeCode } from '../../codes';
import { ICD_CODE, icdCodeKind, PrefixParents } from './hierarchy';
import { resolveVersion } from './version';

const CODE_COLUMNS = ['code', 'icd10cm_code', 'icd-10-cm code', 'diagnosis_code'];
const BILLABLE_COLUMNS = ['valid', 'billable', 'is_billable', 'valid_billing', 'hipaa_covered'];
const LONG_COLUMNS = ['long_description', 'long_title', 'description', 'long description'];
const SHORT_COLUMNS = ['short_description', 'short_title', 'short description'];

function pick(header: Map<string, number>, names: string[]): number | undefined {
  for (const n of names) {
    const i = header.get(n);
    if (i !== undefined) return i;
  }
  return undefined;
}

function headerOf(head: string): Map<string, number> {
  const first = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return headerIndex(first.split(',').map((h) => h.replace(/^"|"$/g, '')));
}

export const orderCsvImporter: Importer = {
  kind: 'icd10cm-order-csv',
  label: 'ICD-10-CM order CSV (derived)',
  detect: (_name, head) => {
    const h = headerOf(head);
    return pick(h, CODE_COLUMNS) !== undefined && pick(h, BILLABLE_COLUMNS) !== undefined && pick(h, LONG_COLUMNS) !== undefined;
  },
  run: async (file, sink, sha256, options) => importOrderCsv(file, sink, sha256, options),
};

function importOrderCsv(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  const v = resolveVersion(file, options);
  const counts: ImportCounts = { codes: 0, billable: 0 };
  const parents = new PrefixParents();
  let setId: number | undefined;
  let cols: { code: number; billable: number; long: number; short?: number } | undefined;
  for (const [fields, lineNo] of csvRecords(file.bytes)) {
    if (!cols) {
      const h = headerIndex(fields);
      const code = pick(h, CODE_COLUMNS);
      const billable = pick(h, BILLABLE_COLUMNS);
      const long = pick(h, LONG_COLUMNS);
      if (code === undefined || billable === undefined || long === undefined) {
        throw new ImportError('this is not an ICD-10-CM order CSV (its header needs a code column, a billable/valid flag column and a long description column).', file.name, lineNo);
      }
      cols = { code, billable, long, short: pick(h, SHORT_COLUMNS) };
      continue;
    }
    const raw = fields[cols.code]?.trim() ?? '';
    const code = normalizeCode(raw);
    const flag = fields[cols.billable]?.trim().toLowerCase();
    if (!ICD_CODE.test(code) || !(flag === '0' || flag === '1' || flag === 'true' || flag === 'false')) {
      throw new ImportError(`this row has code "${raw}" and billable flag "${fields[cols.billable] ?? ''}"; expected an ICD-10-CM code and 0/1. The file may be damaged.`, file.name, lineNo);
    }
    const billable = flag === '1' || flag === 'true';
    if (setId === undefined) {
      setId = sink.beginSet({
        system: 'icd10cm', version: v.version, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo,
        source: { name: file.name, sha256, kind: 'icd10cm-order-csv', bytes: file.bytes.length },
      });
    }
    const longTitle = fields[cols.long]?.trim() ?? '';
    const shortTitle = cols.short !== undefined ? fields[cols.short]?.trim() || undefined : undefined;
    sink.code(setId, { code, display: icdDisplay(code), kind: icdCodeKind(code, billable), billable, shortTitle, longTitle, parent: parents.parentOf(code) });
    counts.codes!++;
    if (billable) counts.billable!++;
  }
  if (setId === undefined) throw new ImportError('the order CSV has no code rows; import the complete file as downloaded.', file.name);
  return Promise.resolve({ kind: 'icd10cm-order-csv', file: file.name, system: 'icd10cm', version: v.version, counts });
}
