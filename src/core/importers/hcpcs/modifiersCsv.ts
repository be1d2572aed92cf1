// Derived CSV of HCPCS Level II modifiers (hcpcs_level2_modifiers_2025-oct.csv):
// modifier,long_description,short_description,add_date,action_effective_date,termination_date,action_code
import { csvRecords, headerIndex } from '../text';
import { ImportError, type ImportFile } from '../types';
import { RECID_MODIFIER, type HcpcsRecord } from './record';

export function hasModifiersCsvHeader(head: string): boolean {
  const first = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0]!.toLowerCase();
  return first.startsWith('modifier,') && first.includes('long_description') && first.includes('short_description');
}

const DATE_COLUMNS: Record<string, string> = {
  add_date: 'addDate',
  action_effective_date: 'effectiveDate',
  termination_date: 'terminationDate',
  action_code: 'actionCode',
};

export function modifierCsvRecords(file: ImportFile): HcpcsRecord[] {
  const out: HcpcsRecord[] = [];
  let idx: Map<string, number> | undefined;
  for (const [fields, lineNo] of csvRecords(file.bytes)) {
    if (!idx) {
      idx = headerIndex(fields);
      if (!idx.has('modifier') || !idx.has('long_description')) {
        throw new ImportError('expected a header "modifier,long_description,short_description,..." on the first line.', file.name, lineNo);
      }
      continue;
    }
    const get = (c: string): string => (fields[idx!.get(c) ?? -1] ?? '').trim();
    const code = get('modifier');
    if (!/^[A-Z0-9]{2}$/i.test(code)) {
      throw new ImportError(`"${code}" is not a two-character modifier.`, file.name, lineNo);
    }
    const extra: Record<string, string> = {};
    for (const [column, field] of Object.entries(DATE_COLUMNS)) extra[field] = get(column);
    out.push({ code, recid: RECID_MODIFIER, longTitle: get('long_description'), shortTitle: get('short_description'), fields: extra, line: lineNo });
  }
  return out;
}
