// NCCI add-on code edits. Accepted layouts:
// - CMS official (.xlsx or tab/CSV text, title lines first): Add-on Code | Primary Code |
//   AOC Edit Type | ... | AOC Edit Deletion Date | ...  (edits deleted before the file's
//   quarter starts are left out and counted as `deleted`)
// - derived CSV: primary_code,add_on_code,aoc_edit_type (CCCCC = any primary the payer defines)
import { ImportError, type Importer, type ImportFile, type ImportOptions, type ImportResult, type ImportSink } from '../types';
import { ncciDate, resolveRelease } from './release';
import { CODE, findColumn, rowsAfterHeader, type Located } from './table';

const EXPECTED = 'an add-on code edit table with columns "Add-on Code", "Primary Code" and "AOC Edit Type"';

function headerColumns(cells: string[]): Record<string, number | undefined> | undefined {
  const h = cells.map((c) => c.toLowerCase().replace(/\s+/g, ' '));
  const addon = findColumn(h, (x) => x === 'add_on_code' || x === 'add-on code' || x === 'addon code');
  const primary = findColumn(h, (x) => x === 'primary_code' || x === 'primary code');
  const editType = findColumn(h, (x) => x === 'aoc_edit_type' || x.includes('edit type'));
  if (addon === undefined || primary === undefined || editType === undefined) return undefined;
  return { addon, primary, editType, deletion: findColumn(h, (x) => x.startsWith('aoc edit deletion')) };
}

export function looksLikeAddon(name: string, head: string): boolean {
  for (const line of head.split(/\r?\n/, 40)) {
    if (headerColumns(line.split(line.includes('\t') ? '\t' : ',').map((c) => c.trim()))) return true;
  }
  const base = name.split(/[!/\\]/).pop() ?? name;
  return head.startsWith('PK\u0003\u0004') && /(^|[^a-z])(aoc|add-?on)/i.test(base) && /\.xlsx$/i.test(base);
}

export async function importAddon(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  let located: Located | undefined;
  let setId = -1;
  let version = '';
  let effectiveFrom: string | undefined;
  let rows = 0;
  let deleted = 0;
  const onHeader = (found: Located): void => {
    located = found;
    const release = resolveRelease(file.name, found.preamble, options);
    if (!release) throw new ImportError('cannot tell which NCCI quarter this is. Keep the CMS file name (it holds the date) or pass a version.', file.name);
    version = release.version;
    effectiveFrom = release.effectiveFrom;
    setId = sink.beginSet({ system: 'ncci-addon', ...release, source: { name: file.name, sha256, kind: 'ncci-addon', bytes: file.bytes.length } });
  };
  for (const [cells, lineNo] of rowsAfterHeader(file, headerColumns, EXPECTED, onHeader)) {
    const c = located!.columns;
    const addon = (cells[c['addon']!] ?? '').trim();
    const primary = (cells[c['primary']!] ?? '').trim();
    const editType = (cells[c['editType']!] ?? '').trim();
    if (!addon && !primary) continue;
    if (!CODE.test(addon) || !CODE.test(primary) || !/^[123]$/.test(editType)) {
      throw new ImportError(`this row is not an add-on code edit (expected two 5-character codes and edit type 1, 2 or 3; found "${cells.join('|').slice(0, 80)}").`, file.name, lineNo);
    }
    const deletion = c['deletion'] !== undefined ? ncciDate(cells[c['deletion']] ?? '') : undefined;
    if (deletion && effectiveFrom && deletion < effectiveFrom) {
      deleted++;
      continue;
    }
    sink.addon(setId, { addon, primary, editType: Number(editType) });
    rows++;
  }
  if (rows === 0) throw new ImportError(`the header is there but no add-on edits follow. Expected ${EXPECTED}.`, file.name);
  options.onProgress?.(1);
  return { kind: 'ncci-addon', file: file.name, system: 'ncci-addon', version, counts: { edits: rows, deleted } };
}

export const addonImporter: Importer = {
  kind: 'ncci-addon',
  label: 'NCCI add-on code edits',
  detect: looksLikeAddon,
  run: importAddon,
};
