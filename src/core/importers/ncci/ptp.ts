// NCCI procedure-to-procedure edits. Accepted layouts:
// - CMS official (tab-delimited .txt or .xlsx, title/copyright lines first): Column 1 | Column 2 |
//   * = In existence prior to 1996 | Effective Date (YYYYMMDD) | Deletion Date *=no data |
//   Modifier 0=not allowed 1=allowed 9=not applicable | PTP Edit Rationale
// - derived CSV (optionally gzipped): column1,column2,deletion_date,modifier_indicator,rationale
//   (deletion 9999-12-31 = active).
// Large (2.5 M rows): read as a stream, one row at a time.
import { ImportError, type Importer, type ImportFile, type ImportOptions, type ImportResult, type ImportSink, type PtpRow } from '../types';
import { ncciDate, resolveRelease } from './release';
import { CODE, findColumn, rowsAfterHeader, type Located } from './table';

const EXPECTED = 'an NCCI PTP table with columns "Column 1", "Column 2", deletion date and modifier indicator';

function headerColumns(cells: string[]): Record<string, number | undefined> | undefined {
  const h = cells.map((c) => c.toLowerCase().replace(/\s+/g, ' '));
  const col1 = findColumn(h, (x) => x === 'column1' || x === 'column 1');
  const col2 = findColumn(h, (x) => x === 'column2' || x === 'column 2');
  if (col1 === undefined || col2 === undefined) return undefined;
  return {
    col1,
    col2,
    effective: findColumn(h, (x) => x.startsWith('effective') || x === 'effective_date'),
    deletion: findColumn(h, (x) => x.startsWith('deletion')),
    modifier: findColumn(h, (x) => x.startsWith('modifier')),
    rationale: findColumn(h, (x) => x.includes('rationale')),
  };
}

/** Derived header line, or an official header line (tab/comma separated or xlsx rows shown as tabs). */
export function looksLikePtp(name: string, head: string): boolean {
  for (const line of head.split(/\r?\n/, 40)) {
    const cells = line.split(line.includes('\t') ? '\t' : ',').map((c) => c.trim());
    if (headerColumns(cells)?.modifier !== undefined) return true;
  }
  // Raw gzip or xlsx bytes: only the name can tell.
  const base = name.split(/[!/\\]/).pop() ?? name;
  return (head.startsWith('\u001f\ufffd') || head.startsWith('PK\u0003\u0004')) && /(^|[^a-z])(ptp|ccipra|ccioph)/i.test(base);
}

export function ptpVariant(name: string, preamble: string): 'practitioner' | 'hospital' | undefined {
  for (const text of [name.split(/[!/\\]/).pop() ?? name, name, preamble]) {
    if (/hospital|ccioph|outpatient/i.test(text)) return 'hospital';
    if (/practitioner|ccipra|physician/i.test(text)) return 'practitioner';
  }
  return undefined;
}

export async function importPtp(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  let located: Located | undefined;
  let setId = -1;
  let version = '';
  let rows = 0;
  let active = 0;
  // Twelve rationale texts repeat over 2.5 M rows: share one string each.
  const rationales = new Map<string, string>();
  const rowsIter = rowsAfterHeader(file, headerColumns, EXPECTED, (found) => {
    located = found;
    const release = resolveRelease(file.name, found.preamble, options);
    if (!release) throw new ImportError('cannot tell which NCCI quarter this is. Keep the CMS file name (it holds the version or date) or pass a version.', file.name);
    const variant = ptpVariant(file.name, found.preamble);
    if (!variant) throw new ImportError('cannot tell practitioner from hospital edits. Keep the CMS file name (ccipra / ccioph, or "practitioner" / "hospital" in it).', file.name);
    if (found.columns['modifier'] === undefined) throw new ImportError(`the header has no modifier-indicator column. Expected ${EXPECTED}.`, file.name);
    version = release.version;
    setId = sink.beginSet({ system: 'ncci-ptp', ...release, variant, source: { name: file.name, sha256, kind: 'ncci-ptp', bytes: file.bytes.length } });
  });
  for (const [cells, lineNo] of rowsIter) {
    const c = located!.columns;
    const col1 = (cells[c['col1']!] ?? '').trim();
    const col2 = (cells[c['col2']!] ?? '').trim();
    if (!col1 && !col2) continue; // second header line of the official layout, e.g. "(yyyymmdd)"
    const mod = (cells[c['modifier']!] ?? '').trim();
    if (!CODE.test(col1) || !CODE.test(col2) || (mod !== '0' && mod !== '1' && mod !== '9')) {
      throw new ImportError(`this row is not a PTP edit (expected two 5-character codes and a modifier indicator 0, 1 or 9; found "${cells.join('|').slice(0, 80)}").`, file.name, lineNo);
    }
    const row: PtpRow = {
      col1,
      col2,
      effectiveDate: c['effective'] !== undefined ? ncciDate(cells[c['effective']] ?? '') : undefined,
      deletionDate: c['deletion'] !== undefined ? ncciDate(cells[c['deletion']] ?? '') : undefined,
      modifierIndicator: mod === '0' ? 0 : mod === '1' ? 1 : 9,
      rationale: c['rationale'] !== undefined ? intern(rationales, (cells[c['rationale']] ?? '').trim()) : undefined,
    };
    sink.ptp(setId, row);
    rows++;
    if (row.deletionDate === undefined) active++;
  }
  if (rows === 0) throw new ImportError(`the header is there but no edit rows follow. Expected ${EXPECTED}.`, file.name);
  options.onProgress?.(1);
  return { kind: 'ncci-ptp', file: file.name, system: 'ncci-ptp', version, counts: { edits: rows, active } };
}

export const ptpImporter: Importer = {
  kind: 'ncci-ptp',
  label: 'NCCI procedure-to-procedure edits',
  detect: looksLikePtp,
  run: importPtp,
};

function intern(pool: Map<string, string>, s: string): string | undefined {
  if (!s) return undefined;
  let v = pool.get(s);
  if (v === undefined) { v = s; pool.set(s, s); }
  return v;
}
